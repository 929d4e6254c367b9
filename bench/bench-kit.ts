// What every benchmark shares: options from the command line, the app served on loopback with
// the bare Fastify + `SELECT 1` yardstick beside it, signing in, timing requests with exact
// percentiles, printing the table and writing bench/results/<name>-….json with machine and commit.
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { prepareDrawing } from '../src/server/http/pages';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import { demoAdminTotpSecret, demoPassword } from '../src/server/db/seed';
import { totpCodeAt } from '../src/server/modules/auth/totp';

const args = process.argv.slice(2);

/** `--name value` as a number, or the fallback. */
export function numberOption(name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value)) throw new Error(`--${name} needs a number`);
  return value;
}

/** `--name a,b,c` as a list, or the fallback. */
export function listOption(name: string, fallback: readonly string[]): string[] {
  const index = args.indexOf(`--${name}`);
  return index < 0 ? [...fallback] : (args[index + 1] ?? '').split(',').filter(Boolean);
}

export const flagOption = (name: string) => args.includes(`--${name}`);

/** The key of this run's second-factor secrets: the seed seals the demo admin's with it, the app opens it. */
export const benchSecondFactorKey = randomBytes(32);

export type Served = { base: string; bareUrl: string; close: () => Promise<void> } & Awaited<
  ReturnType<typeof buildApp>
>;

/** The real app in production mode on a loopback port, and the bare yardstick on the same database. */
export async function serve(database: Database): Promise<Served> {
  const config = loadConfig({
    NODE_ENV: 'production',
    // BENCH_LOG_LEVEL=error shows why a row failed.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
    SEED_DEMO_DATA: 'false',
    SECURE_COOKIES: 'false',
    JOBS_ENABLED: 'false',
    SECOND_FACTOR_KEY: benchSecondFactorKey.toString('hex'),
  });
  const built = await buildApp({ config, database });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  // As the server's start does: the first signed-in page measured is not the one that loads the renderer.
  await prepareDrawing();
  const base = `http://127.0.0.1:${(built.app.server.address() as { port: number }).port}`;
  const bare = Fastify();
  bare.get('/select-1', async () => {
    await database.db.execute(sql`select 1`);
    return { ok: true };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/select-1`;
  return {
    ...built,
    base,
    bareUrl,
    close: async () => {
      await bare.close();
      await built.app.close();
    },
  };
}

/** Signs in with the demo password; the session cookie to send with each request. */
export async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login as ${email} failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  if (response.status !== 202) return cookie;
  // The demo admin signs in with the second factor (decision 021).
  const verified = await fetch(`${base}/api/auth/second-factor/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ code: totpCodeAt(demoAdminTotpSecret, new Date()) }),
  });
  if (!verified.ok) throw new Error(`second factor for ${email} failed: ${verified.status}`);
  return verified.headers.get('set-cookie')!.split(';')[0]!;
}

export type Figures = {
  name: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  /** Network failures plus answers that were not 2xx: anything but 0 makes the row worthless. */
  failures: number;
  /** The first failure's status and the start of its body, to say why. */
  firstFailure?: string;
};

/** Exact percentiles from every latency (ms), and throughput over the wall time they took. */
export function figures(name: string, latencies: number[], failures: number, wallMs: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1));
  return {
    name,
    requests: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    requestsPerSecond: Number(((sorted.length / wallMs) * 1000).toFixed(1)),
    failures,
  };
}

export type Request = { url: string; init?: RequestInit };

/**
 * `connections` clients, each sending the next request as soon as its last one is read, for
 * `seconds`, or with `requests` until that many were sent; `next(i)` gives the i-th request of the
 * run. Latency is from send to the last byte.
 */
export async function load(
  name: string,
  next: (i: number) => Request,
  options: { seconds: number; connections: number; requests?: number },
): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  let count = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async () => {
    while (options.requests === undefined ? performance.now() < deadline : count < options.requests) {
      const { url, init } = next(count++);
      const start = performance.now();
      try {
        const response = await fetch(url, init);
        const body = await response.text();
        if (response.status >= 300) {
          failures += 1;
          firstFailure ??= `${response.status} ${body.slice(0, 200)}`;
        }
      } catch (error) {
        failures += 1;
        firstFailure ??= String(error);
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, () => client()));
  return { ...figures(name, latencies, failures, performance.now() - started), firstFailure };
}

/** Prints the rows with each one's throughput as a ratio to the first (the bare yardstick). */
export function printTable(title: string, rows: readonly Figures[]): void {
  const yardstick = rows[0]?.requestsPerSecond ?? Number.NaN;
  console.log(`\n${title}\n`);
  console.log('endpoint'.padEnd(60), 'requests', 'p50 ms', 'p95 ms', 'p99 ms', '   req/s', 'ratio', 'failures');
  for (const row of rows) {
    console.log(
      row.name.padEnd(60),
      String(row.requests).padStart(8),
      String(row.p50).padStart(6),
      String(row.p95).padStart(6),
      String(row.p99).padStart(6),
      row.requestsPerSecond.toFixed(0).padStart(8),
      (row.requestsPerSecond / yardstick).toFixed(2).padStart(5),
      String(row.failures).padStart(8),
    );
  }
  for (const row of rows) if (row.firstFailure) console.log(`${row.name} failed: ${row.firstFailure}`);
}

function commitOfCheckout(): string {
  try {
    const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const isDirty = execSync('git status --porcelain --untracked-files=no', { encoding: 'utf8' }).trim() !== '';
    return isDirty ? `${commit}+changes` : commit;
  } catch {
    return 'unknown';
  }
}

/** Writes bench/results/<stem>-<time>.json with the commit and the machine; returns the path. */
export function writeResults(stem: string, body: Record<string, unknown>): string {
  const file = path.join('bench', 'results', `${stem}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    model: cpus[0]?.model,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ commit: commitOfCheckout(), machine, ...body }, null, 2)}\n`);
  return file;
}
