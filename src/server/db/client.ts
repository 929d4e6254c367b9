import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { projectPath } from '../paths';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or a transaction: services accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** What the job runner (pg-boss) needs to reach the same database: the URL of PostgreSQL, or an
 * in-process `executeSql` for the embedded PGlite, which has no network connection to give. */
export type JobConnection =
  | { kind: 'postgres'; connectionString: string }
  | { kind: 'pglite'; executeSql: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> };

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  jobConnection: JobConnection;
  /** Applies the committed migrations that have not run yet. */
  migrate: () => Promise<void>;
  /** Statements sent through `db` since the start; the no-N+1 test (docs/quality.md P8) reads it. */
  queryCount: () => number;
  /** Throws when the database does not answer. */
  ping: () => Promise<void>;
  /** The connection pool's use, on PostgreSQL (PGlite is one connection in the process). */
  poolUse?: () => { total: number; idle: number; waiting: number; max: number };
  /** The whole embedded database as a tar archive, for `loadDataDir` (tests start from a copy). */
  dumpDataDir?: () => Promise<Blob>;
  close: () => Promise<void>;
};

// Read from the source folder in the compiled start too: the SQL files are data, not code.
export const migrationsFolder = projectPath('src', 'server', 'db', 'migrations');

export class DataDirectoryLockedError extends Error {}

export type DatabaseOptions =
  { kind: 'postgres'; url: string; poolSize?: number } | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob };

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir` (null: memory). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.poolSize)
    : openPglite(options.dataDir, options.loadDataDir);
}

// Each engine's driver is loaded when that engine is opened: a start loads one of them, not both
// (PGlite's WASM module alone takes most of a second to load).

async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const [{ default: pgDriver }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  // No JIT compilation (decision 039): the platform's statements are short interactive reads, and
  // compiling one took 100-300 ms on a two-core server, more than running it, whenever a correlated
  // subquery lifted its cost estimate over jit_above_cost. No parallel workers either (decision 041):
  // a request's statements already run side by side on the pool, and a statement that took both
  // cores with two workers ran twice as long as alone (the indicator report's done actions at 100×:
  // 181 ms against 97) while the others waited for a core.
  const pool: pg.Pool = new pgDriver.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 3000,
    options: '-c jit=off -c max_parallel_workers_per_gather=0',
  });
  // An idle client that loses its server must not crash the process; /readyz reports it.
  pool.on('error', () => {});
  const counter = queryCounter();
  const db = drizzlePg(pool, { schema, logger: counter.logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    queryCount: counter.count,
    jobConnection: { kind: 'postgres', connectionString: url },
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
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: poolSize }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<Database> {
  let releaseLock = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDirectory(dataDir);
  }
  try {
    const [{ PGlite: pglite }, { pg_trgm }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all(
      [
        import('@electric-sql/pglite'),
        import('@electric-sql/pglite/contrib/pg_trgm'),
        import('drizzle-orm/pglite'),
        import('drizzle-orm/pglite/migrator'),
      ],
    );
    // pg_trgm backs the substring search of the company register (migration 0002).
    const client = await pglite.create({
      ...(dataDir && { dataDir }),
      ...(loadDataDir && { loadDataDir }),
      extensions: { pg_trgm },
    });
    const counter = queryCounter();
    const db = drizzlePglite(client, { schema, logger: counter.logger }) as unknown as Db;
    return {
      db,
      kind: 'pglite',
      queryCount: counter.count,
      jobConnection: { kind: 'pglite', executeSql: pgliteExecuteSql(client) },
      migrate: () => migratePglite(drizzlePglite(client, { schema }), { migrationsFolder }),
      ping: async () => {
        await client.query('select 1');
      },
      dumpDataDir: () => client.dumpDataDir('none'),
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
 * pg-boss on PGlite. Statements with parameters go through `query`; pg-boss also sends scripts of
 * several statements without parameters (maintenance, its own migrations, `BEGIN; …; COMMIT;`),
 * which only `exec` runs, answering with one result per statement: the last one is the answer.
 * PGlite is one connection and queues callers, so each call runs whole; a script that fails
 * inside its own transaction is rolled back, or the one connection would stay in an aborted
 * transaction for everyone.
 */
function pgliteExecuteSql(client: PGlite) {
  return async (text: string, values?: unknown[]) => {
    if (values && values.length > 0) return client.query(text, values);
    try {
      const results = await client.exec(text);
      return results[results.length - 1] ?? { rows: [] };
    } catch (error) {
      if (/\bBEGIN\b/i.test(text)) await client.exec('ROLLBACK').catch(() => {});
      throw error;
    }
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
