import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';

import { rowsOf } from './rows';
import { DataDirectoryLockedError, lockDataDirectory, openDatabase, type Database } from './client';

const temporaryDirectories: string[] = [];
const children: ChildProcess[] = [];

function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-client-test-'));
  temporaryDirectories.push(dir);
  return dir;
}

const lockPathOf = (dir: string) => path.join(dir, 'platform.lock');

/** A process that stays alive until the test ends: another app instance holding the lock. */
function startLiveProcess(): number {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('could not start sleep');
  return child.pid;
}

/** The pid of a process that has exited and been reaped: a holder that died without cleaning up. */
async function deadPid(): Promise<number> {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start sleep');
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  return pid;
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of temporaryDirectories.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('lockDataDirectory', () => {
  it('takes a free directory and writes our pid into platform.lock', () => {
    const dir = makeDataDir();
    const release = lockDataDirectory(dir);
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('the release function removes the lock file', () => {
    const dir = makeDataDir();
    const release = lockDataDirectory(dir);
    release();
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
  });

  it('releasing twice is harmless and leaves a lock taken since in place', () => {
    const dir = makeDataDir();
    const release = lockDataDirectory(dir);
    release();
    fs.writeFileSync(lockPathOf(dir), '12345');
    release();
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe('12345');
  });

  it('refuses a directory held by another live process, naming the directory and the pid', () => {
    const dir = makeDataDir();
    const holder = startLiveProcess();
    fs.writeFileSync(lockPathOf(dir), String(holder));

    let thrown: unknown;
    try {
      lockDataDirectory(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataDirectoryLockedError);
    expect((thrown as Error).message).toContain(path.resolve(dir));
    expect((thrown as Error).message).toContain(`pid ${holder}`);
    // The live holder's lock is left alone.
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(holder));
  });

  it('takes over a lock whose holder died without cleaning up', async () => {
    const dir = makeDataDir();
    fs.writeFileSync(lockPathOf(dir), String(await deadPid()));
    const release = lockDataDirectory(dir);
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
  });

  const unreadableHolders: { sentence: string; content: string }[] = [
    { sentence: 'takes over an empty lock file', content: '' },
    { sentence: 'takes over a lock file that holds no pid', content: 'not a pid' },
    { sentence: 'takes over a lock file that holds pid 0', content: '0' },
  ];

  it.each(unreadableHolders)('$sentence', ({ content }) => {
    const dir = makeDataDir();
    fs.writeFileSync(lockPathOf(dir), content);
    const release = lockDataDirectory(dir);
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(process.pid));
    release();
  });

  it('retakes a lock holding our own pid (a restarted container process is pid 1 again)', () => {
    const dir = makeDataDir();
    fs.writeFileSync(lockPathOf(dir), String(process.pid));
    const release = lockDataDirectory(dir);
    expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(process.pid));
    release();
  });
});

describe('openDatabase on PGlite', () => {
  // Two PGlite start-ups in one test take 20 s and more on a loaded machine.
  it('refuses a second open of a data directory while the first is open', async () => {
    const dir = makeDataDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    let second: Database | undefined;
    let thrown: unknown;
    try {
      second = await openDatabase({ kind: 'pglite', dataDir: dir });
    } catch (error) {
      thrown = error;
    } finally {
      await second?.close();
      await first.close();
    }
    expect(thrown).toBeInstanceOf(DataDirectoryLockedError);
  });

  it('refuses to open a data directory held by another live process', async () => {
    const dir = makeDataDir();
    const holder = startLiveProcess();
    fs.writeFileSync(lockPathOf(dir), String(holder));
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirectoryLockedError);
  });

  it('holds the lock while open and releases it on close', async () => {
    const dir = makeDataDir();
    const database = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(fs.readFileSync(lockPathOf(dir), 'utf8')).toBe(String(process.pid));
      await database.ping();
    } finally {
      await database.close();
    }
    expect(fs.existsSync(lockPathOf(dir))).toBe(false);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('openDatabase on PostgreSQL', () => {
  it('runs its sessions without JIT compilation (decision 039)', async () => {
    const database = await openDatabase({ kind: 'postgres', url: serverUrl! });
    try {
      const result = await database.db.execute(sql`select current_setting('jit') as jit`);
      expect(rowsOf<{ jit: string }>(result)[0]?.jit).toBe('off');
    } finally {
      await database.close();
    }
  });
});
