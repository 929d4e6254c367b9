import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { activities, contacts, publicSignUps } from '../../db/schema';

export type SignUpRow = typeof publicSignUps.$inferSelect;

export async function insertSignUp(db: Db, values: typeof publicSignUps.$inferInsert): Promise<void> {
  await db.insert(publicSignUps).values(values);
}

export async function findSignUpByDigest(db: Db, tokenDigest: string): Promise<SignUpRow | undefined> {
  const [row] = await db.select().from(publicSignUps).where(eq(publicSignUps.tokenDigest, tokenDigest)).limit(1);
  return row;
}

export async function updateSignUp(db: Db, id: string, changes: Partial<typeof publicSignUps.$inferInsert>) {
  await db.update(publicSignUps).set(changes).where(eq(publicSignUps.id, id));
}

/** A person of the company with this e-mail who is not erased: one contact per address. */
export async function findLiveContactByEmail(db: Db, companyId: string, email: string) {
  const [row] = await db
    .select({ id: contacts.id, name: contacts.name, email: contacts.email })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), sql`lower(${contacts.email}) = ${email}`, isNull(contacts.erasedAt)))
    .orderBy(contacts.createdAt)
    .limit(1);
  return row;
}

/** Sign-ups nobody will use again: unconfirmed past their link's time, and any of an activity
 * that has started (its cancel link no longer works). One statement. */
export async function deleteStaleSignUps(db: Db, now: Date): Promise<number> {
  const started = db.select({ id: activities.id }).from(activities).where(lt(activities.startsAt, now));
  const rows = await db
    .delete(publicSignUps)
    .where(
      or(
        and(isNull(publicSignUps.confirmedAt), lt(publicSignUps.expiresAt, now)),
        inArray(publicSignUps.activityId, started),
      ),
    )
    .returning({ id: publicSignUps.id });
  return rows.length;
}
