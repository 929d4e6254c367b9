import { and, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { CompanyScope } from '../../../core/access';
import type { CompanyListQuery, CompanySummary } from '../../../contracts/companies';
import type { Db } from '../../db/client';
import { companies, organisations } from '../../db/schema';

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

export async function listCompanies(db: Db, scope: CompanyScope, query: CompanyListQuery) {
  const text = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    scopeFilter(scope),
    text ? or(ilike(companies.name, text), ilike(companies.organisationNumber, text)) : undefined,
    query.organisationId ? eq(companies.organisationId, query.organisationId) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: companies.id,
        name: companies.name,
        organisationNumber: companies.organisationNumber,
        organisationId: companies.organisationId,
        organisationName: organisations.name,
      })
      .from(companies)
      .innerJoin(organisations, eq(organisations.id, companies.organisationId))
      .where(where)
      .orderBy(companies.name, companies.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(companies).where(where),
  ]);
  return { items: rows satisfies CompanySummary[], total: Number(total?.value ?? 0), page: query.page, pageSize: query.pageSize };
}

/** The company's responsible organisation, for access checks elsewhere. */
export async function findCompanyRef(db: Db, id: string) {
  const [row] = await db
    .select({ id: companies.id, organisationId: companies.organisationId })
    .from(companies)
    .where(eq(companies.id, id))
    .limit(1);
  return row;
}
