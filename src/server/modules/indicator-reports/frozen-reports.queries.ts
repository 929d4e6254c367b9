import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { frozenReports, users } from '../../db/schema';

export type FrozenReportRow = typeof frozenReports.$inferSelect;

/** The columns of a frozen report without its stored files, with the freezer's name and whether it
 * is its series' newest version. */
const metaColumns = {
  id: frozenReports.id,
  seriesId: frozenReports.seriesId,
  version: frozenReports.version,
  title: frozenReports.title,
  reason: frozenReports.reason,
  periodFrom: frozenReports.periodFrom,
  periodTo: frozenReports.periodTo,
  organisationId: frozenReports.organisationId,
  coFinancer: frozenReports.coFinancer,
  jsonSha256: frozenReports.jsonSha256,
  xlsxSha256: frozenReports.xlsxSha256,
  frozenBy: frozenReports.frozenBy,
  frozenByName: users.name,
  frozenAt: frozenReports.frozenAt,
  isLatest: sql<boolean>`not exists (select 1 from frozen_reports newer
    where newer.series_id = ${frozenReports.seriesId} and newer.version > ${frozenReports.version})`,
};
const metaQuery = (db: Db) =>
  db.select(metaColumns).from(frozenReports).leftJoin(users, eq(users.id, frozenReports.frozenBy));
export type FrozenReportMetaRow = Awaited<ReturnType<ReturnType<typeof metaQuery>['execute']>>[number];

/** Frozen reports, newest first; a coach's are their organisation's only. */
export async function listFrozenReports(db: Db, organisationId: string | null, limit: number) {
  return metaQuery(db)
    .where(organisationId ? eq(frozenReports.organisationId, organisationId) : undefined)
    .orderBy(desc(frozenReports.frozenAt), desc(frozenReports.version))
    .limit(limit);
}

export async function listSeries(db: Db, seriesId: string) {
  return metaQuery(db)
    .where(eq(frozenReports.seriesId, seriesId))
    .orderBy(asc(frozenReports.version));
}

export async function findFrozenReport(db: Db, id: string): Promise<FrozenReportRow | undefined> {
  const [row] = await db.select().from(frozenReports).where(eq(frozenReports.id, id)).limit(1);
  return row;
}

export async function findLatestVersion(db: Db, seriesId: string) {
  const [row] = await db
    .select({ version: frozenReports.version })
    .from(frozenReports)
    .where(and(eq(frozenReports.seriesId, seriesId)))
    .orderBy(desc(frozenReports.version))
    .limit(1);
  return row?.version;
}

export async function insertFrozenReport(db: Db, values: typeof frozenReports.$inferInsert): Promise<void> {
  await db.insert(frozenReports).values(values);
}
