import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { emissionFactorSets } from '../../db/schema';

export type EmissionFactorSetRow = typeof emissionFactorSets.$inferSelect;

export async function listEmissionFactorSetRows(db: Db): Promise<EmissionFactorSetRow[]> {
  return db.select().from(emissionFactorSets).orderBy(asc(emissionFactorSets.validFrom), asc(emissionFactorSets.key));
}

export async function findEmissionFactorSetRow(db: Db, key: string): Promise<EmissionFactorSetRow | undefined> {
  const [row] = await db.select().from(emissionFactorSets).where(eq(emissionFactorSets.key, key)).limit(1);
  return row;
}

export async function insertEmissionFactorSet(db: Db, values: typeof emissionFactorSets.$inferInsert): Promise<void> {
  await db.insert(emissionFactorSets).values(values);
}

export async function updateEmissionFactorSetIfVersion(
  db: Db,
  key: string,
  version: number,
  values: Partial<typeof emissionFactorSets.$inferInsert>,
): Promise<EmissionFactorSetRow | undefined> {
  const [row] = await db
    .update(emissionFactorSets)
    .set({ ...values, version: sql`${emissionFactorSets.version} + 1` })
    .where(and(eq(emissionFactorSets.key, key), eq(emissionFactorSets.version, version)))
    .returning();
  return row;
}
