import { desc } from 'drizzle-orm';
import type { Db } from './db/client';
import { programmes } from './db/schema';

const cache = new WeakMap<object, string>();

/** The programme new records belong to: the latest one started. Looked up once per database. */
export async function currentProgrammeId(db: Db): Promise<string> {
  const cached = cache.get(db);
  if (cached) return cached;
  const [row] = await db.select({ id: programmes.id }).from(programmes).orderBy(desc(programmes.startsOn)).limit(1);
  if (!row) throw new Error('No programme: the database has not been seeded');
  cache.set(db, row.id);
  return row.id;
}
