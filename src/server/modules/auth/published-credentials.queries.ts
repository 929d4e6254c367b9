import { and, eq, ne, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { passwordHashChecks, secondFactors, users } from '../../db/schema';

/** Accounts that can still sign in with a password whose hash has not been checked yet. */
export async function listUncheckedPasswordHashes(db: Db) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, passwordHash: users.passwordHash })
    .from(users)
    .leftJoin(
      passwordHashChecks,
      eq(passwordHashChecks.hashDigest, sql`encode(sha256(convert_to(${users.passwordHash}, 'UTF8')), 'hex')`),
    )
    .where(
      and(
        ne(users.status, 'deactivated'),
        sql`${users.passwordHash} is not null`,
        sql`${passwordHashChecks.hashDigest} is null`,
      ),
    );
}

export async function insertPasswordHashChecks(db: Db, digests: string[], at: Date): Promise<void> {
  if (digests.length === 0) return;
  await db
    .insert(passwordHashChecks)
    .values(digests.map((hashDigest) => ({ hashDigest, checkedAt: at })))
    .onConflictDoNothing();
}

/** Forgets checks of hashes no account holds any more, so the table stays as small as the users. */
export async function deleteStalePasswordHashChecks(db: Db): Promise<void> {
  const current = db
    .select({ digest: sql<string>`encode(sha256(convert_to(${users.passwordHash}, 'UTF8')), 'hex')` })
    .from(users)
    .where(sql`${users.passwordHash} is not null`);
  await db.delete(passwordHashChecks).where(notInArray(passwordHashChecks.hashDigest, current));
}

/** The second factors of accounts that can still sign in, sealed. */
export async function listSecondFactorsOfActiveAccounts(db: Db) {
  return db
    .select({ id: users.id, email: users.email, role: users.role, sealedSecret: secondFactors.sealedSecret })
    .from(secondFactors)
    .innerJoin(users, eq(users.id, secondFactors.userId))
    .where(ne(users.status, 'deactivated'));
}

export async function deactivateUser(db: Db, id: string, at: Date) {
  const [row] = await db
    .update(users)
    .set({ status: 'deactivated', version: sql`${users.version} + 1`, updatedAt: at })
    .where(eq(users.id, id))
    .returning({ id: users.id, email: users.email, status: users.status, version: users.version });
  return row;
}
