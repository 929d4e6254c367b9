// What a backup promises: every table with its row count and a checksum of its rows, taken in the
// same snapshot as the dump. A restore recomputes it on the restored database and compares.

/** Runs one query and returns its rows; both drivers fit behind it. */
export type RunQuery = (text: string) => Promise<Record<string, unknown>[]>;

export type TableSummary = { rows: number; checksum: string };

export type Manifest = {
  format: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  /** The last applied migration, so a restore into older code is recognised. */
  lastMigration: string | null;
  tables: Record<string, TableSummary>;
};

export type ManifestDifference = { table: string; expected: TableSummary | null; actual: TableSummary | null };

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every base table outside PostgreSQL's own schemas, as schema.table. */
async function listTables(run: RunQuery): Promise<string[]> {
  const rows = await run(
    `select table_schema as schema, table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  );
  return rows.map((row) => `${String(row.schema)}.${String(row.name)}`);
}

export async function summariseTables(run: RunQuery): Promise<Record<string, TableSummary>> {
  const tables: Record<string, TableSummary> = {};
  for (const table of await listTables(run)) {
    const [schema, name] = table.split('.') as [string, string];
    const ref = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    // The md5 of the sorted row md5s: independent of physical order, and small to aggregate.
    const [row] = await run(
      `select count(*)::int as rows,
              coalesce(md5(string_agg(h, '' order by h)), '') as checksum
         from (select md5(t::text) as h from ${ref} t) hashed`,
    );
    tables[table] = { rows: Number(row!.rows), checksum: String(row!.checksum) };
  }
  return tables;
}

export async function lastMigration(run: RunQuery): Promise<string | null> {
  const [exists] = await run(`select to_regclass('drizzle.__drizzle_migrations') is not null as present`);
  if (!exists?.present) return null;
  const [row] = await run(`select hash from drizzle.__drizzle_migrations order by created_at desc limit 1`);
  return row ? String(row.hash) : null;
}

export async function buildManifest(run: RunQuery, kind: Manifest['kind'], now: Date): Promise<Manifest> {
  return {
    format: 1,
    kind,
    createdAt: now.toISOString(),
    lastMigration: await lastMigration(run),
    tables: await summariseTables(run),
  };
}

/** Tables whose count or checksum differ, and tables present on one side only. */
export function compareTables(
  expected: Record<string, TableSummary>,
  actual: Record<string, TableSummary>,
): ManifestDifference[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names.flatMap((table) => {
    const want = expected[table] ?? null;
    const got = actual[table] ?? null;
    const same = want && got && want.rows === got.rows && want.checksum === got.checksum;
    return same ? [] : [{ table, expected: want, actual: got }];
  });
}
