import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { CompanyScope } from '../../../core/access';
import type { CompanyListQuery } from '../../../contracts/companies';
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

/** LIKE pattern for user text: wildcards in the text are matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The search box matches the name, or the organisation number with or without its dash. */
function searchFilter(q: string | undefined): SQL | undefined {
  if (!q) return undefined;
  const digits = q.replace(/\D/g, '');
  const byName = ilike(companies.name, containsPattern(q));
  if (digits.length >= 4 && /^[\d\s-]+$/.test(q)) {
    return or(byName, sql`replace(${companies.organisationNumber}, '-', '') like ${containsPattern(digits)}`);
  }
  return byName;
}

export type ListFilters = Omit<CompanyListQuery, 'reportingArea' | 'page' | 'pageSize' | 'sort' | 'order'> & {
  /** Municipality codes of the chosen reporting area, resolved from content by the service. */
  municipalityCodes?: readonly string[];
};

function listWhere(scope: CompanyScope, programmeId: string, filters: ListFilters): SQL | undefined {
  return and(
    eq(companies.programmeId, programmeId),
    scopeFilter(scope),
    searchFilter(filters.q),
    filters.status ? eq(companies.status, filters.status) : undefined,
    filters.organisationId ? eq(companies.organisationId, filters.organisationId) : undefined,
    filters.coachId ? eq(companies.coachId, filters.coachId) : undefined,
    filters.municipalityCode ? eq(companies.municipalityCode, filters.municipalityCode) : undefined,
    filters.municipalityCodes ? inArray(companies.municipalityCode, [...filters.municipalityCodes]) : undefined,
    filters.sizeClass ? eq(companies.sizeClass, filters.sizeClass) : undefined,
    filters.sniDivision ? eq(companies.sniDivision, filters.sniDivision) : undefined,
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
export async function lookUpCompanies(db: Db, programmeId: string, q: string, limit: number) {
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
    .where(and(eq(companies.programmeId, programmeId), searchFilter(q)))
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
