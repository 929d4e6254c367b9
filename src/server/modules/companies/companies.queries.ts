import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CompanyScope } from '../../../core/access';
import type { CompanyListQuery } from '../../../contracts/companies';
import { containsPattern } from '../../db/like';
import type { Db } from '../../db/client';
import { companies, companyStatusChanges, organisations, undertakings, users } from '../../db/schema';

export type CompanyRow = typeof companies.$inferSelect;
export type CompanyInsert = typeof companies.$inferInsert;

function scopeFilter(scope: CompanyScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return eq(companies.organisationId, scope.organisationId);
    case 'company':
      return eq(companies.id, scope.companyId);
    case 'none':
      return sql`false`;
  }
}

/** The search box matches the name, or the organisation number with or without its dash. A sole
 * trader's number is a personal identity number: outside `fullNumberScope` (those who see it
 * masked, decision 008) it matches only by its visible birth date, or anyone could rebuild the
 * hidden digits one search at a time. */
function searchFilter(q: string | undefined, fullNumberScope: CompanyScope): SQL | undefined {
  if (!q) return undefined;
  const digits = q.replace(/\D/g, '');
  const byName = ilike(companies.name, containsPattern(q));
  if (digits.length >= 4 && /^[\d\s-]+$/.test(q)) {
    const pattern = containsPattern(digits);
    const bareNumber = sql`replace(${companies.organisationNumber}, '-', '')`;
    const seesInFull = scopeFilter(fullNumberScope);
    // The trigram index still answers the match on the whole number; the visibility test only
    // rechecks the rows it found. A match inside the first six digits is a match of the whole too.
    const isVisible =
      seesInFull && or(sql`not ${companies.isSoleTrader}`, seesInFull, sql`left(${bareNumber}, 6) like ${pattern}`);
    return or(byName, and(sql`${bareNumber} like ${pattern}`, isVisible));
  }
  return byName;
}

export type ListFilters = Omit<
  CompanyListQuery,
  'reportingArea' | 'coFinancer' | 'page' | 'pageSize' | 'sort' | 'order'
> & {
  /** Whose sole traders' numbers the search may match in full (fullOrganisationNumberScope). */
  fullNumberScope: CompanyScope;
  /** Municipality codes of the chosen reporting area, resolved from content by the service. */
  municipalityCodes?: readonly string[];
  /** Municipality codes of the chosen co-financer's geography, resolved from content by the service. */
  coFinancerMunicipalityCodes?: readonly string[];
};

const day = (column: SQL) => sql`(${column} at time zone 'Europe/Stockholm')::date`;
const within = (column: SQL, filters: ListFilters) =>
  and(
    filters.from ? sql`${column} >= ${filters.from}` : undefined,
    filters.to ? sql`${column} <= ${filters.to}` : undefined,
  ) ?? sql`true`;

/** The status filter: the company's status now, or at the end of the period (statusOn in the core:
 * its own status while its last change is on or before the day, else the history's last entry). */
function statusFilter(filters: ListFilters): SQL | undefined {
  if (!filters.status) return undefined;
  if (!filters.to) return eq(companies.status, filters.status);
  return sql`(case when ${companies.statusChangedOn} <= ${filters.to} then ${companies.status}
    else (select sc.to_status from company_status_changes sc
           where sc.company_id = ${companies.id} and sc.changed_on <= ${filters.to}
           order by sc.changed_on desc, sc.created_at desc limit 1) end) = ${filters.status}`;
}

/** The maturity filter: coach-led measurements submitted by the period's end, in an area or any
 * (decision 027's rule: the first baseline, the latest follow-up; hasClimbed: one step or more). */
function maturityFilter(filters: ListFilters): SQL | undefined {
  if (!filters.maturity) return undefined;
  const conditions = sql.join(
    [
      sql`a.company_id = ${companies.id} and a.status = 'submitted' and a.mode = 'coach'`,
      filters.maturityArea ? sql`a.area = ${filters.maturityArea}` : undefined,
      filters.to ? sql`${day(sql`a.submitted_at`)} <= ${filters.to}` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
  const has = (kind: 'baseline' | 'follow_up') =>
    sql`exists (select 1 from assessments a where ${conditions} and a.kind = ${kind})`;
  switch (filters.maturity) {
    case 'baseline':
      return has('baseline');
    case 'follow_up':
      return has('follow_up');
    case 'compared':
      return sql`exists (select 1 from assessments a where ${conditions} group by a.area
        having bool_or(a.kind = 'baseline') and bool_or(a.kind = 'follow_up'))`;
    case 'climbed':
      return sql`exists (select 1 from assessments a where ${conditions} group by a.area
        having (array_agg(a.step order by a.submitted_at desc) filter (where a.kind = 'follow_up'))[1]
             - (array_agg(a.step order by a.submitted_at) filter (where a.kind = 'baseline'))[1] >= 1)`;
  }
}

/** Which actions the company has in its plan today (the dashboard's action figures, decision 026). */
function actionsFilter(filters: ListFilters): SQL | undefined {
  if (!filters.actions) return undefined;
  const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null
    or a.realised_sek is not null or a.realised_material_tonnes is not null)`;
  const condition = {
    plan: sql`a.status <> 'cancelled'`,
    open: sql`a.status in ('planned', 'in_progress')`,
    done: sql`a.status = 'done'`,
    confirmed: sql`a.status = 'done' and ${hasRealised} and a.realised_confirmed_at is not null`,
    unconfirmed: sql`a.status = 'done' and ${hasRealised} and a.realised_confirmed_at is null`,
  }[filters.actions];
  return sql`exists (select 1 from actions a where a.company_id = ${companies.id} and ${condition})`;
}

/** Coaching logged in the period: of a kind, about an area (general: none), by an organisation. */
function coachingFilter(filters: ListFilters): SQL | undefined {
  if (!filters.coaching && !filters.coachingArea && !filters.coachingOrganisationId) return undefined;
  const area =
    filters.coachingArea === 'general'
      ? sql`i.area is null`
      : filters.coachingArea
        ? sql`i.area = ${filters.coachingArea}`
        : undefined;
  const conditions = sql.join(
    [
      sql`i.company_id = ${companies.id}`,
      within(sql`i.occurred_on`, filters),
      filters.coaching && filters.coaching !== 'any' ? sql`i.kind = ${filters.coaching}` : undefined,
      area,
      filters.coachingOrganisationId ? sql`i.organisation_id = ${filters.coachingOrganisationId}` : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
  return sql`exists (select 1 from interventions i where ${conditions})`;
}

/** The facts the record filters ask for (companyRecordFilters, decision 034). */
function recordFilters(filters: ListFilters): (SQL | undefined)[] {
  return [
    filters.takenUp
      ? and(sql`${companies.enrolledOn} is not null`, within(sql`${companies.enrolledOn}`, filters))
      : undefined,
    filters.coFinancerMunicipalityCodes
      ? inArray(companies.municipalityCode, [...filters.coFinancerMunicipalityCodes])
      : undefined,
    filters.missing === 'size_class' ? sql`${companies.sizeClass} is null` : undefined,
    filters.missing === 'municipality' ? sql`${companies.municipalityCode} is null` : undefined,
    filters.missing === 'sni_division' ? sql`${companies.sniDivision} is null` : undefined,
    maturityFilter(filters),
    actionsFilter(filters),
    coachingFilter(filters),
    filters.attended
      ? sql`exists (select 1 from registrations r join activities ac on ac.id = r.activity_id
                     where r.company_id = ${companies.id} and r.attended is true
                       and ${within(day(sql`ac.starts_at`), filters)})`
      : undefined,
  ];
}

function listWhere(scope: CompanyScope, programmeId: string, filters: ListFilters): SQL | undefined {
  return and(
    eq(companies.programmeId, programmeId),
    scopeFilter(scope),
    searchFilter(filters.q, filters.fullNumberScope),
    statusFilter(filters),
    filters.organisationId ? eq(companies.organisationId, filters.organisationId) : undefined,
    filters.coachId ? eq(companies.coachId, filters.coachId) : undefined,
    filters.municipalityCode ? eq(companies.municipalityCode, filters.municipalityCode) : undefined,
    filters.municipalityCodes ? inArray(companies.municipalityCode, [...filters.municipalityCodes]) : undefined,
    filters.sizeClass ? eq(companies.sizeClass, filters.sizeClass) : undefined,
    filters.sniDivision ? eq(companies.sniDivision, filters.sniDivision) : undefined,
    ...recordFilters(filters),
  );
}

const sortColumns = {
  name: sql`lower(${companies.name})`,
  organisationNumber: companies.organisationNumber,
  status: companies.status,
  municipality: companies.municipalityCode,
  sizeClass: companies.sizeClass,
  updatedAt: companies.updatedAt,
} as const;

const listColumns = {
  id: companies.id,
  name: companies.name,
  organisationNumber: companies.organisationNumber,
  isSoleTrader: companies.isSoleTrader,
  organisationId: companies.organisationId,
  organisationName: organisations.name,
  coachId: companies.coachId,
  coachName: users.name,
  status: companies.status,
  municipalityCode: companies.municipalityCode,
  sizeClass: companies.sizeClass,
  sniCode: companies.sniCode,
  updatedAt: companies.updatedAt,
};

/** One page of companies in scope plus the filtered total: two queries, whatever the page size. */
export async function listCompanies(
  db: Db,
  scope: CompanyScope,
  programmeId: string,
  filters: ListFilters,
  page: { page: number; pageSize: number; sort: CompanyListQuery['sort']; order: CompanyListQuery['order'] },
  countCap: number,
) {
  const where = listWhere(scope, programmeId, filters);
  const direction = page.order === 'desc' ? desc : asc;
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(companies)
      .innerJoin(organisations, eq(organisations.id, companies.organisationId))
      .leftJoin(users, eq(users.id, companies.coachId))
      .where(where)
      .orderBy(direction(sortColumns[page.sort]), direction(companies.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    // Counting every match of a broad filter at 100x size costs more than the page itself, so
    // the count stops at the cap: "more than 1 000" is as useful as an exact figure there.
    db.select({ value: count() }).from(
      db
        .select({ one: sql`1` })
        .from(companies)
        .where(where)
        .limit(countCap + 1)
        .as('capped'),
    ),
  ]);
  const counted = Number(total?.value ?? 0);
  return { rows, total: Math.min(counted, countCap), isTotalCapped: counted > countCap };
}

/** Every company in scope matching the filters, for export; capped by the caller. */
export async function listCompaniesForExport(
  db: Db,
  scope: CompanyScope,
  programmeId: string,
  filters: ListFilters,
  limit: number,
) {
  return db
    .select({
      ...listColumns,
      streetAddress: companies.streetAddress,
      postalCode: companies.postalCode,
      city: companies.city,
      headcount: companies.headcount,
      turnoverSek: companies.turnoverSek,
      balanceSheetSek: companies.balanceSheetSek,
      financialYear: companies.financialYear,
    })
    .from(companies)
    .innerJoin(organisations, eq(organisations.id, companies.organisationId))
    .leftJoin(users, eq(users.id, companies.coachId))
    .where(listWhere(scope, programmeId, filters))
    .orderBy(asc(sql`lower(${companies.name})`), asc(companies.id))
    .limit(limit);
}

/** A company with the names shown beside it. */
export async function findCompanyDetail(db: Db, id: string) {
  const [row] = await db
    .select({
      company: companies,
      organisationName: organisations.name,
      coachName: users.name,
      undertakingName: undertakings.name,
    })
    .from(companies)
    .innerJoin(organisations, eq(organisations.id, companies.organisationId))
    .leftJoin(users, eq(users.id, companies.coachId))
    .leftJoin(undertakings, eq(undertakings.id, companies.undertakingId))
    .where(eq(companies.id, id))
    .limit(1);
  return row;
}

export async function findCompanyRow(db: Db, id: string): Promise<CompanyRow | undefined> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
  return row;
}

export async function findCompanyByOrganisationNumber(db: Db, programmeId: string, organisationNumber: string) {
  const [row] = await db
    .select()
    .from(companies)
    .where(and(eq(companies.programmeId, programmeId), eq(companies.organisationNumber, organisationNumber)))
    .limit(1);
  return row;
}

export async function findCompaniesByOrganisationNumbers(db: Db, programmeId: string, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .select()
    .from(companies)
    .where(and(eq(companies.programmeId, programmeId), inArray(companies.organisationNumber, [...numbers])));
}

/** Thin views across the whole programme for a name or number search, with pending hand-overs. */
export async function lookUpCompanies(
  db: Db,
  programmeId: string,
  q: string,
  fullNumberScope: CompanyScope,
  limit: number,
) {
  return db
    .select({
      id: companies.id,
      name: companies.name,
      organisationNumber: companies.organisationNumber,
      isSoleTrader: companies.isSoleTrader,
      organisationId: companies.organisationId,
      organisationName: organisations.name,
      status: companies.status,
      pendingHandovers: sql<number>`(select count(*)::int from handover_requests h where h.company_id = "companies"."id" and h.status = 'pending')`,
    })
    .from(companies)
    .innerJoin(organisations, eq(organisations.id, companies.organisationId))
    .where(and(eq(companies.programmeId, programmeId), searchFilter(q, fullNumberScope)))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(limit);
}

export async function insertCompany(db: Db, values: CompanyInsert): Promise<void> {
  await db.insert(companies).values(values);
}

/** Updates when the version still matches; undefined means someone else wrote first. */
export async function updateCompanyIfVersion(db: Db, id: string, version: number, values: Partial<CompanyInsert>) {
  const [row] = await db
    .update(companies)
    .set({ ...values, version: version + 1 })
    .where(and(eq(companies.id, id), eq(companies.version, version)))
    .returning();
  return row;
}

export async function insertStatusChange(db: Db, values: typeof companyStatusChanges.$inferInsert): Promise<void> {
  await db.insert(companyStatusChanges).values(values);
}

export async function listStatusChanges(db: Db, companyId: string) {
  return db
    .select({
      id: companyStatusChanges.id,
      fromStatus: companyStatusChanges.fromStatus,
      toStatus: companyStatusChanges.toStatus,
      changedOn: companyStatusChanges.changedOn,
      changedByName: users.name,
      reason: companyStatusChanges.reason,
    })
    .from(companyStatusChanges)
    .leftJoin(users, eq(users.id, companyStatusChanges.changedBy))
    .where(eq(companyStatusChanges.companyId, companyId))
    .orderBy(desc(companyStatusChanges.changedOn), desc(companyStatusChanges.createdAt));
}

/** The coach's organisation, to check a coach belongs to the company's organisation. */
export async function findCoach(db: Db, userId: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, organisationId: users.organisationId, status: users.status })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

export async function findOrganisationName(db: Db, id: string) {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row?.name;
}

export async function findUndertaking(db: Db, id: string) {
  const [row] = await db.select().from(undertakings).where(eq(undertakings.id, id)).limit(1);
  return row;
}

export async function listUndertakings(db: Db, q: string | undefined) {
  return db
    .select({
      id: undertakings.id,
      name: undertakings.name,
      companyCount: sql<number>`(select count(*)::int from companies c where c.undertaking_id = "undertakings"."id")`,
    })
    .from(undertakings)
    .where(q ? ilike(undertakings.name, containsPattern(q)) : undefined)
    .orderBy(asc(undertakings.name))
    .limit(100);
}

export async function insertUndertaking(db: Db, values: typeof undertakings.$inferInsert): Promise<void> {
  await db.insert(undertakings).values(values);
}
