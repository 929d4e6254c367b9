import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../contracts/activities';
import type { Area } from '../../../core/areas';
import { startOfCalendarDate } from '../../../core/calendar';
import type { Db } from '../../db/client';
import {
  activities,
  activityAreas,
  activityOrganisers,
  companies,
  contacts,
  organisations,
  registrations,
} from '../../db/schema';
import { containsPattern } from '../../db/like';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;
export type RegistrationRow = typeof registrations.$inferSelect;

// Counts per activity as correlated subqueries: one query for a whole page, no N+1 (docs/quality.md P8).
// drizzle drops the table qualifier in single-table selects, so the outer column is written out.
const registeredCount = sql<number>`(select count(*) from "registrations" r where r.activity_id = "activities"."id" and r.status = 'registered')`;
const waitlistedCount = sql<number>`(select count(*) from "registrations" r where r.activity_id = "activities"."id" and r.status = 'waitlisted')`;

const summaryColumns = {
  id: activities.id,
  type: activities.type,
  title: activities.title,
  startsAt: activities.startsAt,
  endsAt: activities.endsAt,
  place: activities.place,
  onlineUrl: activities.onlineUrl,
  capacity: activities.capacity,
  costPerParticipantSek: activities.costPerParticipantSek,
  isPublic: activities.isPublic,
  registeredCount,
  waitlistedCount,
};
export type ActivitySummaryRow = {
  id: string;
  type: ActivityRow['type'];
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  costPerParticipantSek: number;
  isPublic: boolean;
  registeredCount: number;
  waitlistedCount: number;
};

function listFilter(programmeId: string, query: Omit<ActivityListQuery, 'page' | 'pageSize'>, now: Date): SQL {
  const filters: (SQL | undefined)[] = [
    eq(activities.programmeId, programmeId),
    // An activity under way still counts as upcoming until it ends.
    query.when === 'upcoming' ? gte(activities.endsAt, now) : lt(activities.endsAt, now),
    query.q ? ilike(activities.title, containsPattern(query.q)) : undefined,
    query.type ? eq(activities.type, query.type) : undefined,
    query.area
      ? sql`exists (select 1 from "activity_areas" a where a.activity_id = "activities"."id" and a.area = ${query.area})`
      : undefined,
    query.organisationId
      ? sql`exists (select 1 from "activity_organisers" o where o.activity_id = "activities"."id" and o.organisation_id = ${query.organisationId})`
      : undefined,
    query.from ? gte(activities.startsAt, startOfCalendarDate(query.from)) : undefined,
    query.to ? lt(activities.startsAt, new Date(startOfCalendarDate(query.to).getTime() + 86_400_000)) : undefined,
  ];
  return and(...filters)!;
}

/** One page of activities with their place counts; upcoming soonest first, past latest first. */
export async function listActivities(
  db: Db,
  programmeId: string,
  query: ActivityListQuery,
  now: Date,
): Promise<{ rows: ActivitySummaryRow[]; total: number }> {
  const where = listFilter(programmeId, query, now);
  const order =
    query.when === 'upcoming'
      ? [asc(activities.startsAt), asc(activities.id)]
      : [desc(activities.startsAt), desc(activities.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(activities)
      .where(where)
      .orderBy(...order)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(activities).where(where),
  ]);
  return { rows: rows.map(withNumbers), total: Number(total?.value ?? 0) };
}

function withNumbers<T extends { registeredCount: number; waitlistedCount: number }>(row: T): T {
  return { ...row, registeredCount: Number(row.registeredCount), waitlistedCount: Number(row.waitlistedCount) };
}

export async function findActivitySummary(db: Db, id: string): Promise<ActivitySummaryRow | undefined> {
  const [row] = await db.select(summaryColumns).from(activities).where(eq(activities.id, id)).limit(1);
  return row && withNumbers(row);
}

/** The activity row; `forUpdate` locks it so registrations and cancellations queue up behind each
 * other and two people can never both take the last place. */
export async function findActivityRow(db: Db, id: string, forUpdate = false): Promise<ActivityRow | undefined> {
  const query = db.select().from(activities).where(eq(activities.id, id)).limit(1);
  const [row] = forUpdate ? await query.for('update') : await query;
  return row;
}

export async function organisersOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({
      activityId: activityOrganisers.activityId,
      id: organisations.id,
      name: organisations.name,
      shortName: organisations.shortName,
    })
    .from(activityOrganisers)
    .innerJoin(organisations, eq(organisations.id, activityOrganisers.organisationId))
    .where(inArray(activityOrganisers.activityId, [...activityIds]))
    .orderBy(asc(organisations.shortName));
}

export async function areasOf(db: Db, activityIds: readonly string[]) {
  if (activityIds.length === 0) return [];
  return db
    .select({ activityId: activityAreas.activityId, area: activityAreas.area })
    .from(activityAreas)
    .where(inArray(activityAreas.activityId, [...activityIds]))
    .orderBy(asc(activityAreas.area));
}

export async function organisationsExist(db: Db, ids: readonly string[]): Promise<boolean> {
  const [row] = await db
    .select({ value: count() })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return Number(row?.value ?? 0) === ids.length;
}

export async function insertActivity(db: Db, values: ActivityInsert): Promise<void> {
  await db.insert(activities).values(values);
}

export async function updateActivityIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: Partial<ActivityInsert>,
): Promise<ActivityRow | undefined> {
  const [row] = await db
    .update(activities)
    .set({ ...changes, version: sql`${activities.version} + 1` })
    .where(and(eq(activities.id, id), eq(activities.version, version)))
    .returning();
  return row;
}

export async function replaceAreas(db: Db, activityId: string, list: readonly Area[]): Promise<void> {
  await db.delete(activityAreas).where(eq(activityAreas.activityId, activityId));
  if (list.length) await db.insert(activityAreas).values(list.map((area) => ({ activityId, area })));
}

export async function replaceOrganisers(db: Db, activityId: string, organisationIds: readonly string[]): Promise<void> {
  await db.delete(activityOrganisers).where(eq(activityOrganisers.activityId, activityId));
  await db.insert(activityOrganisers).values(organisationIds.map((organisationId) => ({ activityId, organisationId })));
}

/** Every registration of an activity in queue order, with the person and company it names. */
export async function registrationsOf(db: Db, activityId: string) {
  return db
    .select({
      id: registrations.id,
      activityId: registrations.activityId,
      contactId: registrations.contactId,
      contactName: contacts.name,
      contactEmail: contacts.email,
      companyId: registrations.companyId,
      companyName: companies.name,
      companyOrganisationId: companies.organisationId,
      status: registrations.status,
      sequence: registrations.sequence,
      registeredAt: registrations.registeredAt,
      cancelledAt: registrations.cancelledAt,
      attended: registrations.attended,
      version: registrations.version,
    })
    .from(registrations)
    .innerJoin(contacts, eq(contacts.id, registrations.contactId))
    .innerJoin(companies, eq(companies.id, registrations.companyId))
    .where(eq(registrations.activityId, activityId))
    .orderBy(asc(registrations.sequence));
}
export type RegistrationListRow = Awaited<ReturnType<typeof registrationsOf>>[number];

/** Participants by gender: held places and attendance, counted in SQL. */
export async function countsByGender(db: Db, activityId: string) {
  const rows = await db
    .select({
      gender: contacts.gender,
      registered: sql<number>`count(*) filter (where ${registrations.status} = 'registered')`,
      attended: sql<number>`count(*) filter (where ${registrations.attended} is true)`,
    })
    .from(registrations)
    .innerJoin(contacts, eq(contacts.id, registrations.contactId))
    .where(and(eq(registrations.activityId, activityId), sql`${registrations.status} <> 'cancelled'`))
    .groupBy(contacts.gender);
  return rows.map((row) => ({ ...row, registered: Number(row.registered), attended: Number(row.attended) }));
}

/** Participants by company: held places and attendance, counted in SQL. */
export async function countsByCompany(db: Db, activityId: string) {
  const rows = await db
    .select({
      companyId: registrations.companyId,
      companyName: companies.name,
      registered: sql<number>`count(*) filter (where ${registrations.status} = 'registered')`,
      attended: sql<number>`count(*) filter (where ${registrations.attended} is true)`,
    })
    .from(registrations)
    .innerJoin(companies, eq(companies.id, registrations.companyId))
    .where(and(eq(registrations.activityId, activityId), sql`${registrations.status} <> 'cancelled'`))
    .groupBy(registrations.companyId, companies.name)
    .orderBy(asc(companies.name));
  return rows.map((row) => ({ ...row, registered: Number(row.registered), attended: Number(row.attended) }));
}

/** The people asked for, with the company each belongs to (for the access check). */
export async function contactsWithCompany(db: Db, contactIds: readonly string[]) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      email: contacts.email,
      erasedAt: contacts.erasedAt,
      companyId: contacts.companyId,
      organisationId: companies.organisationId,
    })
    .from(contacts)
    .innerJoin(companies, eq(companies.id, contacts.companyId))
    .where(inArray(contacts.id, [...contactIds]));
}

/** Call with the activity row locked: the queue position and the places held. */
export async function queueState(db: Db, activityId: string) {
  const [row] = await db
    .select({
      maxSequence: sql<number>`coalesce(max(${registrations.sequence}), 0)`,
      registered: sql<number>`count(*) filter (where ${registrations.status} = 'registered')`,
      waitlisted: sql<number>`count(*) filter (where ${registrations.status} = 'waitlisted')`,
    })
    .from(registrations)
    .where(eq(registrations.activityId, activityId));
  return {
    maxSequence: Number(row?.maxSequence ?? 0),
    registered: Number(row?.registered ?? 0),
    waitlisted: Number(row?.waitlisted ?? 0),
  };
}

export async function liveContactIds(db: Db, activityId: string, contactIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ contactId: registrations.contactId })
    .from(registrations)
    .where(
      and(
        eq(registrations.activityId, activityId),
        inArray(registrations.contactId, [...contactIds]),
        sql`${registrations.status} <> 'cancelled'`,
      ),
    );
  return rows.map((row) => row.contactId);
}

export async function insertRegistration(db: Db, values: typeof registrations.$inferInsert): Promise<void> {
  await db.insert(registrations).values(values);
}

export async function findRegistrationRow(db: Db, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(registrations).where(eq(registrations.id, id)).limit(1);
  return row;
}

export async function findCompanyRef(db: Db, companyId: string) {
  const [row] = await db
    .select({ id: companies.id, organisationId: companies.organisationId })
    .from(companies)
    .where(eq(companies.id, companyId))
    .limit(1);
  return row;
}

export async function updateRegistration(
  db: Db,
  id: string,
  changes: Partial<typeof registrations.$inferInsert>,
  expectedVersion?: number,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .update(registrations)
    .set({ ...changes, version: sql`${registrations.version} + 1` })
    .where(
      and(
        eq(registrations.id, id),
        expectedVersion === undefined ? undefined : eq(registrations.version, expectedVersion),
      ),
    )
    .returning();
  return row;
}

/** Call with the activity row locked: the waiting list in queue order. */
export async function waitlistedInOrder(db: Db, activityId: string) {
  return db
    .select({ id: registrations.id, contactId: registrations.contactId })
    .from(registrations)
    .where(and(eq(registrations.activityId, activityId), eq(registrations.status, 'waitlisted')))
    .orderBy(asc(registrations.sequence));
}

// For the company timeline and the reminders (issue 6, other branch): plain reads, no access
// check; the caller scopes by company or organisation it has already checked.

/** The activities a company's people attended, latest first. */
export async function listActivitiesAttendedByCompany(db: Db, companyId: string) {
  const rows = await db
    .select({
      activityId: activities.id,
      type: activities.type,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      costPerParticipantSek: activities.costPerParticipantSek,
      attendedCount: count(),
    })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .where(and(eq(registrations.companyId, companyId), eq(registrations.attended, true)))
    .groupBy(activities.id)
    .orderBy(desc(activities.startsAt));
  return rows.map((row) => ({ ...row, attendedCount: Number(row.attendedCount) }));
}

/** The activities an organisation organises that start within [from, to), soonest first. */
export async function listUpcomingActivitiesOrganisedBy(db: Db, organisationId: string, from: Date, to: Date) {
  return db
    .select({
      id: activities.id,
      type: activities.type,
      title: activities.title,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
    })
    .from(activities)
    .innerJoin(activityOrganisers, eq(activityOrganisers.activityId, activities.id))
    .where(
      and(
        eq(activityOrganisers.organisationId, organisationId),
        gte(activities.startsAt, from),
        lt(activities.startsAt, to),
      ),
    )
    .orderBy(asc(activities.startsAt));
}

/** One company's live registrations for activities that have not ended, soonest first (by
 * registrations_company_id_idx; a company has a handful). */
export async function listUpcomingRegistrationsOfCompany(db: Db, companyId: string, now: Date, limit: number) {
  return db
    .select({
      id: registrations.id,
      activityId: activities.id,
      activityTitle: activities.title,
      activityType: activities.type,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      place: activities.place,
      contactName: contacts.name,
      status: registrations.status,
    })
    .from(registrations)
    .innerJoin(activities, eq(activities.id, registrations.activityId))
    .innerJoin(contacts, eq(contacts.id, registrations.contactId))
    .where(
      and(
        eq(registrations.companyId, companyId),
        sql`${registrations.status} <> 'cancelled'`,
        gte(activities.endsAt, now),
      ),
    )
    .orderBy(asc(activities.startsAt), asc(contacts.name), asc(registrations.id))
    .limit(limit);
}

// The public page (decision 046): activities marked public that have not started, soonest first.
const publicFilter = (now: Date) => and(eq(activities.isPublic, true), gt(activities.startsAt, now));

/** The public page's activities, with their counts: at most `limit`, soonest first. */
export async function listPublicActivities(db: Db, programmeId: string, now: Date, limit: number) {
  const rows = await db
    .select({ ...summaryColumns, description: activities.description })
    .from(activities)
    .where(and(eq(activities.programmeId, programmeId), publicFilter(now)))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(limit);
  return rows.map(withNumbers);
}

/** One activity of the public page, or undefined when it is not public or has started. */
export async function findPublicActivity(db: Db, id: string, now: Date) {
  const [row] = await db
    .select({ ...summaryColumns, description: activities.description })
    .from(activities)
    .where(and(eq(activities.id, id), publicFilter(now)))
    .limit(1);
  return row && withNumbers(row);
}
