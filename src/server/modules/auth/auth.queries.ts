import { and, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companies, organisations, secondFactors, sessions, users, userTokens } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

/** The account of an e-mail address, and when its second factor was confirmed (null: none). */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(UserRow & { secondFactorConfirmedAt: Date | null }) | undefined> {
  const [row] = await db
    .select({ user: users, secondFactorConfirmedAt: secondFactors.confirmedAt })
    .from(users)
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row && { ...row.user, secondFactorConfirmedAt: row.secondFactorConfirmedAt };
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/**
 * The session with its user, the organisation a company user works under and whether the user has
 * a confirmed second factor, in one query.
 */
export async function findSessionWithUser(db: Db, sessionId: string) {
  const [row] = await db
    .select({
      session: sessions,
      user: users,
      companyOrganisationId: companies.organisationId,
      secondFactorConfirmedAt: secondFactors.confirmedAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(companies, eq(companies.id, users.companyId))
    .leftJoin(secondFactors, eq(secondFactors.userId, users.id))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return row;
}

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

export async function touchSession(db: Db, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Sessions idle since `idleSince`, or begun before the cut-off of their stage; answers how many. */
export async function deleteSessionsBefore(
  db: Db,
  idleSince: Date,
  startedBefore: Record<'signed_in' | 'second_factor' | 'enrolment', Date>,
): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(
      or(
        lte(sessions.lastSeenAt, idleSince),
        ...Object.entries(startedBefore).map(([stage, cutOff]) =>
          and(eq(sessions.stage, stage as keyof typeof startedBefore), lte(sessions.createdAt, cutOff)),
        ),
      ),
    )
    .returning({ id: sessions.id });
  return deleted.length;
}

export async function insertToken(db: Db, values: typeof userTokens.$inferInsert): Promise<void> {
  await db.insert(userTokens).values(values);
}

/** An unused, unexpired token of the purpose, with its user. */
export async function findLiveToken(db: Db, tokenId: string, purpose: 'invitation' | 'password_reset', now: Date) {
  const [row] = await db
    .select({ token: userTokens, user: users })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.id, tokenId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

/** Whether the user has an unused, unexpired token of the purpose (a link that still works). */
export async function hasLiveToken(db: Db, userId: string, purpose: 'invitation' | 'password_reset', now: Date) {
  const [row] = await db
    .select({ id: userTokens.id })
    .from(userTokens)
    .where(
      and(
        eq(userTokens.userId, userId),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, now),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Marks the token used; false when another request used it first. */
export async function useToken(db: Db, tokenId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.id, tokenId), isNull(userTokens.usedAt)))
    .returning({ id: userTokens.id });
  return rows.length === 1;
}

/** Earlier links of the same purpose stop working when a new one is sent. */
export async function expireTokensOfUser(db: Db, userId: string, purpose: 'invitation' | 'password_reset', at: Date) {
  await db
    .update(userTokens)
    .set({ usedAt: at })
    .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
}

export async function updateUserRow(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
  return row;
}

/** The names shown with the signed-in user. */
export async function findTenantNames(db: Db, organisationId: string | null, companyId: string | null) {
  const [organisation] = organisationId
    ? await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, organisationId))
    : [];
  const [company] = companyId
    ? await db
        .select({ name: companies.name, organisationId: companies.organisationId })
        .from(companies)
        .where(eq(companies.id, companyId))
    : [];
  return { organisationName: organisation?.name ?? null, companyName: company?.name ?? null };
}
