import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  type actions,
  analyses,
  analysisAttachments,
  analysisFindings,
  companies,
  users,
} from '../../db/schema';

export type AnalysisRow = typeof analyses.$inferSelect;
export type AnalysisInsert = typeof analyses.$inferInsert;
export type FindingRow = typeof analysisFindings.$inferSelect;
export type FindingInsert = typeof analysisFindings.$inferInsert;
export type AttachmentInsert = typeof analysisAttachments.$inferInsert;
export type ActionInsert = typeof actions.$inferInsert;

/** An analysis with the company's current organisation (access follows the company) and its author. */
export type AnalysisWithCompany = {
  row: AnalysisRow;
  companyName: string;
  companyOrganisationId: string;
  createdByName: string | null;
};

export async function findAnalysis(db: Db, id: string): Promise<AnalysisWithCompany | undefined> {
  const [found] = await db
    .select({
      row: analyses,
      companyName: companies.name,
      companyOrganisationId: companies.organisationId,
      createdByName: users.name,
    })
    .from(analyses)
    .innerJoin(companies, eq(companies.id, analyses.companyId))
    .leftJoin(users, eq(users.id, analyses.createdBy))
    .where(eq(analyses.id, id))
    .limit(1);
  return found;
}

export async function findCompanyName(db: Db, companyId: string): Promise<string> {
  const [row] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row?.name ?? '';
}

/** A company's analyses, newest year and change first, with their finding counts (one query). */
export async function listCompanyAnalyses(db: Db, companyId: string) {
  const findingCounts = db
    .select({
      analysisId: analysisFindings.analysisId,
      findingCount: count().as('finding_count'),
      convertedCount: count(analysisFindings.actionId).as('converted_count'),
    })
    .from(analysisFindings)
    .groupBy(analysisFindings.analysisId)
    .as('finding_counts');
  return db
    .select({
      row: analyses,
      findingCount: sql<number>`coalesce(${findingCounts.findingCount}, 0)`.mapWith(Number),
      convertedCount: sql<number>`coalesce(${findingCounts.convertedCount}, 0)`.mapWith(Number),
    })
    .from(analyses)
    .leftJoin(findingCounts, eq(findingCounts.analysisId, analyses.id))
    .where(eq(analyses.companyId, companyId))
    .orderBy(desc(analyses.year), desc(analyses.updatedAt))
    .limit(500);
}

export async function insertAnalysis(db: Db, values: AnalysisInsert): Promise<void> {
  await db.insert(analyses).values(values);
}

export async function updateAnalysisIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<AnalysisInsert>,
): Promise<AnalysisRow | undefined> {
  const [row] = await db
    .update(analyses)
    .set({ ...values, version: sql`${analyses.version} + 1` })
    .where(and(eq(analyses.id, id), eq(analyses.version, version)))
    .returning();
  return row;
}

export async function deleteAnalysisIfVersion(db: Db, id: string, version: number): Promise<boolean> {
  const deleted = await db
    .delete(analyses)
    .where(and(eq(analyses.id, id), eq(analyses.version, version)))
    .returning({ id: analyses.id });
  return deleted.length > 0;
}

/** Marks an analysis as changed (its findings or files changed); its version guards its own fields only. */
export async function touchAnalysis(db: Db, id: string, at: Date): Promise<void> {
  await db.update(analyses).set({ updatedAt: at }).where(eq(analyses.id, id));
}

export async function listFindings(db: Db, analysisId: string): Promise<FindingRow[]> {
  return db
    .select()
    .from(analysisFindings)
    .where(eq(analysisFindings.analysisId, analysisId))
    .orderBy(asc(analysisFindings.position), asc(analysisFindings.createdAt));
}

export async function findFinding(db: Db, id: string): Promise<FindingRow | undefined> {
  const [row] = await db.select().from(analysisFindings).where(eq(analysisFindings.id, id)).limit(1);
  return row;
}

export async function nextFindingPosition(db: Db, analysisId: string): Promise<number> {
  const [row] = await db
    .select({ position: sql<number>`coalesce(max(${analysisFindings.position}), 0) + 1`.mapWith(Number) })
    .from(analysisFindings)
    .where(eq(analysisFindings.analysisId, analysisId));
  return row?.position ?? 1;
}

export async function insertFinding(db: Db, values: FindingInsert): Promise<void> {
  await db.insert(analysisFindings).values(values);
}

export async function updateFindingIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<FindingInsert>,
): Promise<FindingRow | undefined> {
  const [row] = await db
    .update(analysisFindings)
    .set({ ...values, version: sql`${analysisFindings.version} + 1` })
    .where(and(eq(analysisFindings.id, id), eq(analysisFindings.version, version)))
    .returning();
  return row;
}

export async function deleteFindingIfVersion(db: Db, id: string, version: number): Promise<boolean> {
  const deleted = await db
    .delete(analysisFindings)
    .where(and(eq(analysisFindings.id, id), eq(analysisFindings.version, version)))
    .returning({ id: analysisFindings.id });
  return deleted.length > 0;
}

/** Links a finding to its action, only if it has none yet: two clicks at once make one link. */
export async function linkFindingToAction(
  db: Db,
  id: string,
  actionId: string,
  at: Date,
): Promise<FindingRow | undefined> {
  const [row] = await db
    .update(analysisFindings)
    .set({ actionId, updatedAt: at, version: sql`${analysisFindings.version} + 1` })
    .where(and(eq(analysisFindings.id, id), isNull(analysisFindings.actionId)))
    .returning();
  return row;
}

const attachmentColumns = {
  id: analysisAttachments.id,
  analysisId: analysisAttachments.analysisId,
  filename: analysisAttachments.filename,
  contentType: analysisAttachments.contentType,
  sizeBytes: analysisAttachments.sizeBytes,
  sha256: analysisAttachments.sha256,
  uploadedBy: analysisAttachments.uploadedBy,
  uploadedByName: users.name,
  uploadedAt: analysisAttachments.uploadedAt,
};
export type AttachmentListRow = {
  id: string;
  analysisId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: Date;
};

/** The files of an analysis, without their content. */
export async function listAttachments(db: Db, analysisId: string): Promise<AttachmentListRow[]> {
  return db
    .select(attachmentColumns)
    .from(analysisAttachments)
    .leftJoin(users, eq(users.id, analysisAttachments.uploadedBy))
    .where(eq(analysisAttachments.analysisId, analysisId))
    .orderBy(asc(analysisAttachments.uploadedAt), asc(analysisAttachments.filename));
}

export async function countAttachments(db: Db, analysisId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(analysisAttachments)
    .where(eq(analysisAttachments.analysisId, analysisId));
  return row?.n ?? 0;
}

export async function findAttachment(db: Db, id: string): Promise<AttachmentListRow | undefined> {
  const [row] = await db
    .select(attachmentColumns)
    .from(analysisAttachments)
    .leftJoin(users, eq(users.id, analysisAttachments.uploadedBy))
    .where(eq(analysisAttachments.id, id))
    .limit(1);
  return row;
}

export async function readAttachmentContent(db: Db, id: string): Promise<Buffer | undefined> {
  const [row] = await db
    .select({ content: analysisAttachments.content })
    .from(analysisAttachments)
    .where(eq(analysisAttachments.id, id))
    .limit(1);
  return row?.content;
}

export async function insertAttachment(db: Db, values: AttachmentInsert): Promise<void> {
  await db.insert(analysisAttachments).values(values);
}

export async function deleteAttachment(db: Db, id: string): Promise<void> {
  await db.delete(analysisAttachments).where(eq(analysisAttachments.id, id));
}
