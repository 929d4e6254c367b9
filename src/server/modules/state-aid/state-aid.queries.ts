import { and, asc, desc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import {
  activities,
  companies,
  eurRates,
  hourlyRates,
  organisations,
  programmes,
  stateAidDeclarations,
  stateAidDeclaredAids,
  stateAidGrants,
  stateAidSettings,
  undertakings,
  users,
} from '../../db/schema';

// Named queries of the state aid module (issue 13). No business rule here: the core decides.

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export type HourlyRateRow = typeof hourlyRates.$inferSelect;
export type EurRateRow = typeof eurRates.$inferSelect;
export type DeclarationRow = typeof stateAidDeclarations.$inferSelect;
export type DeclaredAidRow = typeof stateAidDeclaredAids.$inferSelect;
export type GrantRow = typeof stateAidGrants.$inferSelect;
export type GrantInsert = typeof stateAidGrants.$inferInsert;

// Hourly rates.
export async function listHourlyRates(db: Db) {
  return db
    .select({ row: hourlyRates, organisationName: organisations.name })
    .from(hourlyRates)
    .innerJoin(organisations, eq(organisations.id, hourlyRates.organisationId))
    .orderBy(desc(hourlyRates.year), asc(organisations.name));
}

export async function findHourlyRate(db: Db, id: string) {
  const [row] = await db
    .select({ row: hourlyRates, organisationName: organisations.name })
    .from(hourlyRates)
    .innerJoin(organisations, eq(organisations.id, hourlyRates.organisationId))
    .where(eq(hourlyRates.id, id))
    .limit(1);
  return row;
}

export async function findHourlyRateFor(db: Db, organisationId: string, year: number) {
  const [row] = await db
    .select()
    .from(hourlyRates)
    .where(and(eq(hourlyRates.organisationId, organisationId), eq(hourlyRates.year, year)))
    .limit(1);
  return row;
}

export async function insertHourlyRate(db: Db, values: typeof hourlyRates.$inferInsert) {
  await db.insert(hourlyRates).values(values);
}

export async function updateHourlyRateIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof hourlyRates.$inferInsert>,
) {
  const [row] = await db
    .update(hourlyRates)
    .set({ ...values, version: version + 1 })
    .where(and(eq(hourlyRates.id, id), eq(hourlyRates.version, version)))
    .returning();
  return row;
}

export async function organisationName(db: Db, id: string) {
  const [row] = await db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, id));
  return row?.name;
}

// EUR rates.
export async function listEurRates(db: Db) {
  return db.select().from(eurRates).orderBy(desc(eurRates.month));
}

export async function findEurRate(db: Db, id: string) {
  const [row] = await db.select().from(eurRates).where(eq(eurRates.id, id)).limit(1);
  return row;
}

export async function listEurRatesOfMonths(db: Db, months: readonly string[]) {
  if (months.length === 0) return [];
  return db
    .select()
    .from(eurRates)
    .where(inArray(eurRates.month, [...new Set(months)]));
}

export async function insertEurRate(db: Db, values: typeof eurRates.$inferInsert) {
  await db.insert(eurRates).values(values);
}

export async function updateEurRateIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof eurRates.$inferInsert>,
) {
  const [row] = await db
    .update(eurRates)
    .set({ ...values, version: version + 1 })
    .where(and(eq(eurRates.id, id), eq(eurRates.version, version)))
    .returning();
  return row;
}

// Settings.
export async function findSettings(db: Db, programmeId: string) {
  const [row] = await db.select().from(stateAidSettings).where(eq(stateAidSettings.programmeId, programmeId));
  return row;
}

export async function upsertSettings(db: Db, values: typeof stateAidSettings.$inferInsert, expectedVersion: number) {
  if (expectedVersion === 1) {
    // No row yet means the defaults at version 1: the first change inserts version 2.
    const inserted = await db
      .insert(stateAidSettings)
      .values({ ...values, version: 2 })
      .onConflictDoNothing()
      .returning();
    if (inserted.length > 0) return inserted[0];
  }
  const [row] = await db
    .update(stateAidSettings)
    .set({ ...values, version: expectedVersion + 1 })
    .where(and(eq(stateAidSettings.programmeId, values.programmeId), eq(stateAidSettings.version, expectedVersion)))
    .returning();
  return row;
}

export async function programmeName(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: programmes.name }).from(programmes).where(eq(programmes.id, id));
  return row?.name ?? 'Industry In West';
}

// Companies and undertakings (a read model: names and links for the ledgers).
export async function findCompanyFacts(db: Db, companyId: string) {
  const [row] = await db
    .select({
      id: companies.id,
      programmeId: companies.programmeId,
      organisationId: companies.organisationId,
      organisationNumber: companies.organisationNumber,
      name: companies.name,
      streetAddress: companies.streetAddress,
      postalCode: companies.postalCode,
      city: companies.city,
      undertakingId: companies.undertakingId,
      undertakingName: undertakings.name,
      organisationName: organisations.name,
    })
    .from(companies)
    .innerJoin(organisations, eq(organisations.id, companies.organisationId))
    .leftJoin(undertakings, eq(undertakings.id, companies.undertakingId))
    .where(eq(companies.id, companyId))
    .limit(1);
  return row;
}

export async function findUndertaking(db: Db, id: string) {
  const [row] = await db.select().from(undertakings).where(eq(undertakings.id, id)).limit(1);
  return row;
}

export async function listUndertakingCompanies(db: Db, undertakingId: string) {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      organisationNumber: companies.organisationNumber,
      organisationId: companies.organisationId,
    })
    .from(companies)
    .where(eq(companies.undertakingId, undertakingId))
    .orderBy(asc(companies.name));
}

// Declarations.
const enteredBy = alias(users, 'entered_by_user');
const confirmedBy = alias(users, 'confirmed_by_user');

export async function listDeclarations(db: Db, companyId: string) {
  return db
    .select({ row: stateAidDeclarations, enteredByName: enteredBy.name, confirmedByName: confirmedBy.name })
    .from(stateAidDeclarations)
    .leftJoin(enteredBy, eq(enteredBy.id, stateAidDeclarations.enteredBy))
    .leftJoin(confirmedBy, eq(confirmedBy.id, stateAidDeclarations.confirmedBy))
    .where(eq(stateAidDeclarations.companyId, companyId))
    .orderBy(desc(stateAidDeclarations.signedOn), desc(stateAidDeclarations.createdAt));
}

export async function findDeclaration(db: Db, id: string) {
  const [row] = await db.select().from(stateAidDeclarations).where(eq(stateAidDeclarations.id, id)).limit(1);
  return row;
}

export async function listDeclaredAids(db: Db, declarationIds: readonly string[]) {
  if (declarationIds.length === 0) return [];
  return db
    .select()
    .from(stateAidDeclaredAids)
    .where(inArray(stateAidDeclaredAids.declarationId, [...declarationIds]))
    .orderBy(asc(stateAidDeclaredAids.declarationId), asc(stateAidDeclaredAids.position));
}

export async function insertDeclaration(
  db: Db,
  declaration: typeof stateAidDeclarations.$inferInsert,
  aids: (typeof stateAidDeclaredAids.$inferInsert)[],
) {
  await db.insert(stateAidDeclarations).values(declaration);
  if (aids.length > 0) await db.insert(stateAidDeclaredAids).values(aids);
}

export async function confirmDeclarationIfVersion(db: Db, id: string, version: number, by: string, at: Date) {
  const [row] = await db
    .update(stateAidDeclarations)
    .set({ confirmedBy: by, confirmedAt: at, version: version + 1 })
    .where(
      and(
        eq(stateAidDeclarations.id, id),
        eq(stateAidDeclarations.version, version),
        isNull(stateAidDeclarations.confirmedAt),
      ),
    )
    .returning();
  return row;
}

/** Per company, its latest confirmed declaration (by signing date, then confirmation): the one
 * whose earlier aid counts towards the ceiling. */
export async function listLatestConfirmedDeclarations(db: Db, companyIds: readonly string[]) {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select distinct on (d.company_id) d.id, d.company_id as "companyId", d.signed_on::text as "signedOn"
    from state_aid_declarations d
    where d.company_id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and d.confirmed_at is not null
    order by d.company_id, d.signed_on desc, d.confirmed_at desc, d.id`);
  return rowsOf<{ id: string; companyId: string; signedOn: string }>(result);
}

// Grants.
const createdBy = alias(users, 'grant_created_by');

export const grantColumns = {
  row: stateAidGrants,
  companyName: companies.name,
  organisationNumber: companies.organisationNumber,
  organisationName: organisations.name,
  createdByName: createdBy.name,
};
export type GrantListRow = {
  row: GrantRow;
  companyName: string;
  organisationNumber: string;
  organisationName: string;
  createdByName: string | null;
};

function grantSelect(db: Db) {
  return db
    .select(grantColumns)
    .from(stateAidGrants)
    .innerJoin(companies, eq(companies.id, stateAidGrants.companyId))
    .innerJoin(organisations, eq(organisations.id, stateAidGrants.organisationId))
    .leftJoin(createdBy, eq(createdBy.id, stateAidGrants.createdBy));
}

export async function listGrantsOfCompanies(db: Db, companyIds: readonly string[]): Promise<GrantListRow[]> {
  if (companyIds.length === 0) return [];
  return grantSelect(db)
    .where(inArray(stateAidGrants.companyId, [...companyIds]))
    .orderBy(asc(stateAidGrants.grantedOn), asc(stateAidGrants.createdAt));
}

export async function findGrant(db: Db, id: string): Promise<GrantListRow | undefined> {
  const [row] = await grantSelect(db).where(eq(stateAidGrants.id, id)).limit(1);
  return row;
}

/** Every grant dated in a period, for the programme or one granting organisation (the export):
 * only the columns the file shows, so a year of a large programme is read without mapping every
 * column of every grant. */
export async function listGrantsInPeriod(
  db: Db,
  filter: { from: string; to: string; organisationId: string | null },
  limit: number,
) {
  return db
    .select({
      id: stateAidGrants.id,
      organisationNumber: companies.organisationNumber,
      companyName: companies.name,
      valueOre: stateAidGrants.valueOre,
      valueCents: stateAidGrants.valueCents,
      sekPerEurE4: stateAidGrants.sekPerEurE4,
      grantedOn: stateAidGrants.grantedOn,
      legalBasis: stateAidGrants.legalBasis,
      organisationName: organisations.name,
      replacedByGrantId: stateAidGrants.replacedByGrantId,
      replacesGrantId: stateAidGrants.replacesGrantId,
    })
    .from(stateAidGrants)
    .innerJoin(companies, eq(companies.id, stateAidGrants.companyId))
    .innerJoin(organisations, eq(organisations.id, stateAidGrants.organisationId))
    .where(
      and(
        gte(stateAidGrants.grantedOn, filter.from),
        lte(stateAidGrants.grantedOn, filter.to),
        filter.organisationId ? eq(stateAidGrants.organisationId, filter.organisationId) : undefined,
      ),
    )
    .orderBy(asc(stateAidGrants.grantedOn), asc(companies.name), asc(stateAidGrants.createdAt))
    .limit(limit);
}

export async function insertGrant(db: Db, values: GrantInsert) {
  await db.insert(stateAidGrants).values(values);
}

/** Marks a current grant replaced; answers nothing when it already was (a concurrent correction). */
export async function markGrantReplaced(db: Db, id: string, replacedBy: string, at: Date) {
  const [row] = await db
    .update(stateAidGrants)
    .set({ replacedByGrantId: replacedBy, replacedAt: at })
    .where(and(eq(stateAidGrants.id, id), isNull(stateAidGrants.replacedByGrantId)))
    .returning();
  return row;
}

/** Locks the companies of an undertaking (or the one company) so two grants to the same single
 * undertaking are checked one after the other, never both against the same earlier sum. */
export async function lockCompanies(db: Db, companyIds: readonly string[]) {
  if (companyIds.length === 0) return;
  await db.execute(
    sql`select id from companies where id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) order by id for update`,
  );
}

export async function activitiesForGrant(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: activities.id, title: activities.title, costPerParticipantSek: activities.costPerParticipantSek })
    .from(activities)
    .where(inArray(activities.id, [...ids]));
}

export async function hasCurrentGrant(db: Db, companyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: stateAidGrants.id })
    .from(stateAidGrants)
    .where(and(eq(stateAidGrants.companyId, companyId), isNull(stateAidGrants.replacedByGrantId)))
    .limit(1);
  return row !== undefined;
}

/** Of the companies, those without a current grant, with their names. */
export async function listCompaniesWithoutGrant(db: Db, companyIds: readonly string[]) {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select c.id as "companyId", c.name as "companyName" from companies c
    where c.id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and not exists (select 1 from state_aid_grants g where g.company_id = c.id and g.replaced_by_grant_id is null)
    order by c.name`);
  return rowsOf<{ companyId: string; companyName: string }>(result);
}

// Realised support.
export type RealisedHoursRow = {
  companyId: string;
  organisationId: string;
  organisationName: string;
  year: number;
  quarterHours: number;
  rateSek: number | null;
};
export type RealisedPlacesRow = { companyId: string; costPerParticipantSek: number; participants: number };

/** Logged quarter hours per company, giving organisation and year, with that organisation's rate
 * for the year (null when admins have not set it): one statement. */
export async function sumRealisedHours(db: Db, companyIds: readonly string[]): Promise<RealisedHoursRow[]> {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select h.company_id as "companyId", h.organisation_id as "organisationId", o.name as "organisationName",
           h.year as "year", h.quarter_hours as "quarterHours", r.rate_sek as "rateSek"
    from (
      select company_id, organisation_id, extract(year from occurred_on)::int as year,
             sum(quarter_hours)::int as quarter_hours
      from interventions
      where company_id in (${sql.join(
        companyIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
      group by company_id, organisation_id, extract(year from occurred_on)
    ) h
    join organisations o on o.id = h.organisation_id
    left join hourly_rates r on r.organisation_id = h.organisation_id and r.year = h.year
    order by h.year, o.name`);
  return rowsOf<RealisedHoursRow>(result);
}

/** Attended places per company and cost per participant: one statement. */
export async function sumRealisedPlaces(db: Db, companyIds: readonly string[]): Promise<RealisedPlacesRow[]> {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.company_id as "companyId", a.cost_per_participant_sek as "costPerParticipantSek",
           count(*)::int as "participants"
    from registrations r
    join activities a on a.id = r.activity_id
    where r.attended = true and r.company_id in (${sql.join(
      companyIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    group by r.company_id, a.cost_per_participant_sek`);
  return rowsOf<RealisedPlacesRow>(result);
}

/** The coach's companies that have support or a grant, with the value of their current grants:
 * the candidates for "a new grant is needed" in my week. */
export async function listGrantedValueOfCoachCompanies(db: Db, coachId: string) {
  const result = await db.execute(sql`
    select c.id as "companyId", c.name as "companyName",
           coalesce((select sum(g.value_ore) from state_aid_grants g
                     where g.company_id = c.id and g.replaced_by_grant_id is null), 0)::bigint as "grantedValueOre"
    from companies c
    where c.coach_id = ${coachId}::uuid and c.status not in ('completed', 'withdrawn')
      and exists (select 1 from state_aid_grants e where e.company_id = c.id and e.replaced_by_grant_id is null)
    order by c.name`);
  return rowsOf<{ companyId: string; companyName: string; grantedValueOre: string | number }>(result);
}
