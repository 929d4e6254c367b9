import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** A place in the database where a searched text was found. */
export type DatabaseHit = { table: string; column: string; needle: string };

/**
 * Every table and column of every schema (the job queue's included) whose stored text holds one
 * of the needles, case-insensitively: text, character and JSON columns, and arrays of them. An
 * erasure or a withheld secret is proven by an empty answer (S15), not by a list of tables kept
 * by hand, so a table added later is searched too.
 */
export async function searchDatabase(db: Db, needles: readonly string[]): Promise<DatabaseHit[]> {
  const columns = (await db.execute(sql`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where t.table_type = 'BASE TABLE'
      and c.table_schema not in ('pg_catalog', 'information_schema')
      and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb')
        or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar', '_json', '_jsonb')))
    order by 1, 2, 3`)) as unknown as { rows: { schema: string; table: string; column: string }[] };
  const rows = Array.isArray(columns) ? (columns as { schema: string; table: string; column: string }[]) : columns.rows;
  const hits: DatabaseHit[] = [];
  for (const { schema, table, column } of rows) {
    for (const needle of needles) {
      const found = (await db.execute(
        sql`select 1 from ${sql.identifier(schema)}.${sql.identifier(table)}
            where strpos(lower(${sql.identifier(column)}::text), lower(${needle})) > 0 limit 1`,
      )) as unknown as { rows: unknown[] } | unknown[];
      const count = Array.isArray(found) ? found.length : found.rows.length;
      if (count > 0) hits.push({ table: `${schema}.${table}`, column, needle });
    }
  }
  return hits;
}
