import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';

export type EntryPointRun = { child: ChildProcess; exited: Promise<number | null>; output: () => string };

/** Runs a command's TypeScript entry point through tsx (as `npm run dev` does), or with `compiled`
 * a bundle of `npm run build:server` as `npm start` runs it, in a child process, with `env` over
 * this process's environment; stdout and stderr are collected together. */
export function runEntryPoint(
  args: string[],
  env: Record<string, string>,
  options: { compiled?: boolean; cwd?: string } = {},
): EntryPointRun {
  const loader = options.compiled ? ['--enable-source-maps'] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.cwd && { cwd: options.cwd }),
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

/** A loopback port nobody listens on now; other test runs share this machine. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Waits until the server prints its banner (main.ts, once migrated, seeded and listening); throws
 * with its output when it exits first. Bounded by the server's own progress, not the clock: a first
 * start under tsx on a busy machine took over 60 s, and the caller's timeout is the safety net.
 */
export async function untilRunning(server: EntryPointRun): Promise<void> {
  while (!server.output().includes('Industry In West is running')) {
    if (server.child.exitCode !== null) throw new Error(`the server did not start:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A fresh, empty database for server processes of their own, on the PostgreSQL server of
 * TEST_DATABASE_URL / DATABASE_URL, named `<prefix>_<random>`: its URL, and `drop` (with force,
 * so a killed server's connections do not keep it). Undefined without a server: PGlite.
 */
export async function createServerDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const onServer = async (statement: string) => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await onServer(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`drop database if exists ${name} with (force)`) };
}
