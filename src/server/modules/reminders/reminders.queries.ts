import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { companies, reminders, users } from '../../db/schema';

export type ReminderInsert = typeof reminders.$inferInsert;

/** Inserts the reminders that do not exist yet (by their unique source key); returns the new ids. */
export async function insertNewReminders(db: Db, rows: ReminderInsert[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db
    .insert(reminders)
    .values(rows)
    .onConflictDoNothing({ target: [reminders.sourceKind, reminders.sourceId, reminders.dueOn, reminders.recipientId] })
    .returning({ id: reminders.id });
  return inserted.map((row) => row.id);
}

/** Open reminders that have not been e-mailed yet: the e-mails still to send. */
export async function listUnemailedReminderIds(db: Db): Promise<string[]> {
  const rows = await db
    .select({ id: reminders.id })
    .from(reminders)
    .where(and(eq(reminders.status, 'open'), isNull(reminders.emailedAt)))
    .orderBy(asc(reminders.createdAt));
  return rows.map((row) => row.id);
}

/** The reminder to e-mail, locked for this transaction, if it is open and not e-mailed yet: a
 * second worker on the same reminder waits here and then finds it e-mailed. */
export async function lockReminderToEmail(db: Db, id: string) {
  const [row] = await db
    .select({
      id: reminders.id,
      sourceKind: reminders.sourceKind,
      dueOn: reminders.dueOn,
      companyId: reminders.companyId,
      companyName: companies.name,
      email: users.email,
      name: users.name,
      locale: users.locale,
      userStatus: users.status,
    })
    .from(reminders)
    .innerJoin(users, eq(users.id, reminders.recipientId))
    .innerJoin(companies, eq(companies.id, reminders.companyId))
    .where(and(eq(reminders.id, id), eq(reminders.status, 'open'), isNull(reminders.emailedAt)))
    .for('update', { of: reminders })
    .limit(1);
  return row;
}

export async function markEmailed(db: Db, id: string, at: Date): Promise<void> {
  await db.update(reminders).set({ emailedAt: at }).where(eq(reminders.id, id));
}

export async function listRemindersOf(db: Db, recipientId: string, status: 'open' | 'done' | 'dismissed') {
  return db
    .select({
      id: reminders.id,
      sourceKind: reminders.sourceKind,
      sourceId: reminders.sourceId,
      companyId: reminders.companyId,
      companyName: companies.name,
      dueOn: reminders.dueOn,
      status: reminders.status,
      emailedAt: reminders.emailedAt,
      createdAt: reminders.createdAt,
    })
    .from(reminders)
    .innerJoin(companies, eq(companies.id, reminders.companyId))
    .where(and(eq(reminders.recipientId, recipientId), eq(reminders.status, status)))
    .orderBy(asc(reminders.dueOn), asc(companies.name))
    .limit(200);
}

export async function countOpenRemindersOf(db: Db, recipientId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(reminders)
    .where(and(eq(reminders.recipientId, recipientId), eq(reminders.status, 'open')));
  return Number(row?.value ?? 0);
}

export async function findReminder(db: Db, id: string) {
  const [row] = await db.select().from(reminders).where(eq(reminders.id, id)).limit(1);
  return row;
}

export async function resolveReminder(db: Db, id: string, status: 'done' | 'dismissed', at: Date): Promise<void> {
  await db
    .update(reminders)
    .set({ status, resolvedAt: at })
    .where(and(eq(reminders.id, id), sql`${reminders.status} = 'open'`));
}
