import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/**
 * Takes the key for this request, or answers false when the user already holds it. On
 * PostgreSQL a second request with a key still in flight waits here, on the primary key, until
 * the first commits (then false) or rolls back (then true).
 */
export async function claimKey(
  db: Db,
  values: { userId: string; key: string; route: string; requestHash: string; createdAt: Date; expiresAt: Date },
): Promise<boolean> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values(values)
    .onConflictDoNothing({ target: [idempotencyKeys.userId, idempotencyKeys.key] })
    .returning({ key: idempotencyKeys.key });
  return inserted.length === 1;
}

export async function findKey(db: Db, userId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  return row;
}

export async function storeResponse(
  db: Db,
  userId: string,
  key: string,
  response: { statusCode: number; body: string },
): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ statusCode: response.statusCode, responseBody: response.body })
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)));
}

export async function deleteExpiredKeysOf(db: Db, userId: string, now: Date): Promise<void> {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.userId, userId), lte(idempotencyKeys.expiresAt, now)));
}

/** Every user's expired keys; answers how many went. */
export async function deleteExpiredKeys(db: Db, now: Date): Promise<number> {
  const deleted = await db
    .delete(idempotencyKeys)
    .where(lte(idempotencyKeys.expiresAt, now))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
}

/** Blanks every stored answer that names `id`; the keys stay, so a retry is refused, not redone. */
export async function blankResponsesNaming(db: Db, id: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ responseBody: null })
    .where(sql`strpos(${idempotencyKeys.responseBody}, ${id}) > 0`);
}
