import { and, count, desc, eq, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { HandoverRequest } from '../../../contracts/companies';
import type { Db } from '../../db/client';
import { companies, handoverRequests, organisations, users } from '../../db/schema';

export type HandoverRow = typeof handoverRequests.$inferSelect;

const fromOrganisation = alias(organisations, 'from_organisation');
const toOrganisation = alias(organisations, 'to_organisation');

function baseQuery(db: Db) {
  return db
    .select({
      request: handoverRequests,
      companyName: companies.name,
      organisationNumber: companies.organisationNumber,
      isSoleTrader: companies.isSoleTrader,
      companyOrganisationId: companies.organisationId,
      fromOrganisationName: fromOrganisation.name,
      toOrganisationName: toOrganisation.name,
      requestedByName: users.name,
    })
    .from(handoverRequests)
    .innerJoin(companies, eq(companies.id, handoverRequests.companyId))
    .innerJoin(fromOrganisation, eq(fromOrganisation.id, handoverRequests.fromOrganisationId))
    .innerJoin(toOrganisation, eq(toOrganisation.id, handoverRequests.toOrganisationId))
    .leftJoin(users, eq(users.id, handoverRequests.requestedBy));
}

type Selected = Awaited<ReturnType<typeof baseQuery>>[number];

function toContract(row: Selected, organisationNumber: string): HandoverRequest {
  const r = row.request;
  return {
    id: r.id,
    companyId: r.companyId,
    companyName: row.companyName,
    organisationNumber,
    fromOrganisationId: r.fromOrganisationId,
    fromOrganisationName: row.fromOrganisationName,
    toOrganisationId: r.toOrganisationId,
    toOrganisationName: row.toOrganisationName,
    requestedByName: row.requestedByName,
    reason: r.reason,
    status: r.status,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Requests involving the organisation (either side), or all when undefined. */
export async function listHandovers(
  db: Db,
  organisationId: string | undefined,
  status: HandoverRow['status'] | undefined,
  page: number,
  pageSize: number,
  numberFor: (row: Selected) => string,
) {
  const where: SQL | undefined = and(
    organisationId
      ? or(
          eq(handoverRequests.fromOrganisationId, organisationId),
          eq(handoverRequests.toOrganisationId, organisationId),
        )
      : undefined,
    status ? eq(handoverRequests.status, status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(desc(handoverRequests.createdAt), desc(handoverRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ value: count() }).from(handoverRequests).where(where),
  ]);
  return {
    items: rows.map((row) => toContract(row, numberFor(row))),
    total: Number(total?.value ?? 0),
    page,
    pageSize,
  };
}

export async function findHandover(db: Db, id: string, numberFor: (row: Selected) => string) {
  const [row] = await baseQuery(db).where(eq(handoverRequests.id, id)).limit(1);
  return row ? toContract(row, numberFor(row)) : undefined;
}

export async function findHandoverRow(db: Db, id: string): Promise<HandoverRow | undefined> {
  const [row] = await db.select().from(handoverRequests).where(eq(handoverRequests.id, id)).limit(1);
  return row;
}

export async function findPendingHandover(db: Db, companyId: string, toOrganisationId: string) {
  const [row] = await db
    .select({ id: handoverRequests.id })
    .from(handoverRequests)
    .where(
      and(
        eq(handoverRequests.companyId, companyId),
        eq(handoverRequests.toOrganisationId, toOrganisationId),
        eq(handoverRequests.status, 'pending'),
      ),
    )
    .limit(1);
  return row;
}

export async function insertHandover(db: Db, values: typeof handoverRequests.$inferInsert): Promise<void> {
  await db.insert(handoverRequests).values(values);
}

export async function decideHandoverIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof handoverRequests.$inferInsert>,
) {
  const [row] = await db
    .update(handoverRequests)
    .set({ ...values, version: version + 1 })
    .where(
      and(eq(handoverRequests.id, id), eq(handoverRequests.version, version), eq(handoverRequests.status, 'pending')),
    )
    .returning();
  return row;
}

/** Once one request for a company is approved, the others for it are answered too. */
export async function refuseOtherPendingHandovers(
  db: Db,
  companyId: string,
  exceptId: string,
  decidedBy: string,
  at: Date,
) {
  const rows = await db
    .update(handoverRequests)
    .set({
      status: 'refused',
      decidedBy,
      decidedAt: at,
      decisionNote: 'Another request for the company was approved',
      version: sql`${handoverRequests.version} + 1`,
    })
    .where(
      and(
        eq(handoverRequests.companyId, companyId),
        eq(handoverRequests.status, 'pending'),
        ne(handoverRequests.id, exceptId),
      ),
    )
    .returning({ id: handoverRequests.id });
  return rows.map((row) => row.id);
}
