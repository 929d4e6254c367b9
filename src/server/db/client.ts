import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or a transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations that have not run yet. */
  migrate: () => Promise<void>;
  /** Statements sent through `db` since the start; the no-N+1 test (QUALITY.md P8) reads it. */
  queryCount: () => number;
  /** Throws when the database does not answer. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export class DataDirectoryLockedError extends Error {}

export type DatabaseOptions =
  { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null };

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir` (null: memory). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize) : openPglite(options.dataDir);
}

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 3000 });
  // An idle client that loses its server must not crash the process; /readyz reports it.
  pool.on('error', () => {});
  const counter = queryCounter();
  const db = drizzlePg(pool, { schema, logger: counter.logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    queryCount: counter.count,
    migrate: async () => {
      // Several app processes may start together against one server: one migrates at a time.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727001)');
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(727001)').catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDirectory(dataDir);
  }
  try {
    // pg_trgm backs the substring search of the company register (migration 0002).
    const client = await PGlite.create({ ...(dataDir && { dataDir }), extensions: { pg_trgm } });
    const counter = queryCounter();
    const db = drizzlePglite(client, { schema, logger: counter.logger }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      queryCount: counter.count,
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
      ping: async () => {
        await client.query('select 1');
      },
      close: async () => {
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/** Counts the statements drizzle sends; a logger is drizzle's one hook for every query. */
function queryCounter() {
  let count = 0;
  return {
    logger: { logQuery: () => void (count += 1) },
    count: () => count,
  };
}

/**
 * PGlite has no lock between processes, and two processes on one directory silently lose
 * committed writes (docs/decisions/002). We hold a lock file with our pid and refuse a second
 * process while the holder is alive.
 */
const heldDirectories = new Set<string>();

export function lockDataDirectory(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'platform.lock');
  const resolved = path.resolve(dataDir);
  if (heldDirectories.has(resolved)) {
    throw new DataDirectoryLockedError(`The data directory ${resolved} is already open in this process.`);
  }
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldDirectories.add(resolved);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldDirectories.delete(resolved);
        fs.rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new DataDirectoryLockedError(
          `The data directory ${path.resolve(dataDir)} is in use by another process (pid ${holder}). ` +
            'Stop that process first, or set DATA_DIR to another directory.',
        );
      }
      // The holder died without cleaning up (SIGKILL, power loss): the lock is stale.
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirectoryLockedError(`Could not lock the data directory ${path.resolve(dataDir)}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
