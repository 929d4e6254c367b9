import pg from 'pg';
import { openDatabase, type Database } from '../src/server/db/client';

/** A fresh database for one benchmark run: PGlite in memory, or a throw-away database on
 * DATABASE_URL's server (dropped by `drop`; `url` reaches it from other processes). `keepAs` names
 * a database kept for EXPLAIN afterwards, which `reuse` opens again as an earlier run left it. */
export async function openBenchDatabase(
  options: { keepAs?: string; reuse?: boolean } = {},
): Promise<{ database: Database; drop: () => Promise<void>; kind: string; url?: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl)
    return { database: await openDatabase({ kind: 'pglite', dataDir: null }), drop: async () => {}, kind: 'pglite' };
  const name = options.keepAs ?? `iiw_bench_${Date.now()}`;
  // A kept database is opened as it is when reused, and made again otherwise.
  if (!(options.keepAs && options.reuse)) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    if (options.keepAs) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    database: await openDatabase({ kind: 'postgres', url: url.toString() }),
    kind: 'postgres',
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
