// How long the server takes to start (issue 14, "a compiled start"): from spawning the process to
// the banner, which main.ts prints once migrations, seed and listen are done. For each way of
// starting it measures a first start on an empty database (migrations, programme, demo seed, the
// job runner's schema) and a second start on the same data, `--runs` times, and prints medians.
// PGlite in a temporary data directory, or a throw-away database on DATABASE_URL's server.
// Usage: npm run bench:start -- [--runs 3] [--variants compiled,tsx] [--env NODE_ENV=production]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { listOption, numberOption } from './bench-kit';

const runs = numberOption('runs', 3);
const variants = listOption('variants', ['tsx', 'compiled']);
const extraEnv = Object.fromEntries(
  listOption('env', []).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
);
const commands: Record<string, string[]> = {
  tsx: ['--import', 'tsx', 'src/server/main.ts'],
  compiled: ['dist/server/main.js'],
};
const serverUrl = process.env.DATABASE_URL;

async function onServer(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(statement);
  await client.end();
}

/** Starts the server, answers the milliseconds until its banner, then stops it with SIGTERM. */
async function timeStart(args: string[], env: Record<string, string>, port: number): Promise<number> {
  const began = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_DRAIN_MS: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ms = await new Promise<number>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += String(chunk);
      if (output.includes('Industry In West is running')) resolve(performance.now() - began);
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it ran:\n${output}`)));
  });
  child.kill('SIGTERM');
  await exited;
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results: Record<string, { first: number[]; second: number[] }> = {};
for (let run = 0; run < runs; run += 1) {
  for (const variant of variants) {
    const args = commands[variant];
    if (!args) throw new Error(`unknown variant ${variant}: ${Object.keys(commands).join(', ')}`);
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-start-'));
    const name = `iiw_start_${Date.now()}`;
    let env: Record<string, string> = { ...extraEnv, DATABASE_URL: '', DATA_DIR: dataDir };
    if (serverUrl) {
      await onServer(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      env = { ...env, DATABASE_URL: url.toString() };
    }
    try {
      const port = 4100 + Math.floor(Math.random() * 800);
      const first = await timeStart(args, env, port);
      const second = await timeStart(args, env, port);
      const entry = (results[variant] ??= { first: [], second: [] });
      entry.first.push(first);
      entry.second.push(second);
      console.log(`${variant} run ${run + 1}: first ${Math.round(first)} ms, second ${Math.round(second)} ms`);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (serverUrl) await onServer(`drop database if exists ${name} with (force)`);
    }
  }
}

const engine = serverUrl ? 'PostgreSQL' : 'PGlite';
console.log(`\nstart time to the banner on ${engine}, median of ${runs} (load average ${os.loadavg()[0]!.toFixed(1)}):`);
for (const [variant, { first, second }] of Object.entries(results)) {
  console.log(
    `  ${variant.padEnd(9)} first start ${(median(first) / 1000).toFixed(2)} s, second start ${(median(second) / 1000).toFixed(2)} s`,
  );
}
