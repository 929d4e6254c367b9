import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { MaturityArea } from '../../../core/maturity-areas';
import type { MaturityModelContent } from '../../../contracts/maturity';
import type { Db } from '../../db/client';
import { assessmentAnswers, assessmentDimensionScores, assessments, companies, maturityModels } from '../../db/schema';

// Named queries of the maturity module; no business rules here.

export type AssessmentRow = typeof assessments.$inferSelect;
export type ModelRow = { id: string; area: MaturityArea; version: number; content: MaturityModelContent };

/** The company facts the measurements need: who holds it, and its peer group. */
export async function findCompany(db: Db, id: string) {
  const [row] = await db
    .select({
      id: companies.id,
      organisationId: companies.organisationId,
      programmeId: companies.programmeId,
      name: companies.name,
      sizeClass: companies.sizeClass,
      sniDivision: companies.sniDivision,
    })
    .from(companies)
    .where(eq(companies.id, id))
    .limit(1);
  return row;
}

// Model rows never change once stored, so a process keeps them after the first read.
const modelCache = new Map<string, ModelRow>();

export async function findModel(db: Db, id: string): Promise<ModelRow | undefined> {
  const cached = modelCache.get(id);
  if (cached) return cached;
  const [row] = await db
    .select({
      id: maturityModels.id,
      area: maturityModels.area,
      version: maturityModels.version,
      content: maturityModels.content,
    })
    .from(maturityModels)
    .where(eq(maturityModels.id, id));
  if (row) modelCache.set(id, row);
  return row;
}

/** The highest stored version of each area's model. */
export async function listCurrentModels(db: Db): Promise<ModelRow[]> {
  const rows = await db
    .selectDistinctOn([maturityModels.area], {
      id: maturityModels.id,
      area: maturityModels.area,
      version: maturityModels.version,
      content: maturityModels.content,
    })
    .from(maturityModels)
    .orderBy(maturityModels.area, desc(maturityModels.version));
  for (const row of rows) modelCache.set(row.id, row);
  return rows;
}

const confirmations = aliasedTable(assessments, 'confirmations');

const summaryColumns = {
  id: assessments.id,
  companyId: assessments.companyId,
  area: assessments.area,
  kind: assessments.kind,
  mode: assessments.mode,
  status: assessments.status,
  modelId: assessments.modelId,
  modelVersion: maturityModels.version,
  startedAt: assessments.startedAt,
  submittedAt: assessments.submittedAt,
  nextDueOn: assessments.nextDueOn,
  score: assessments.score,
  step: assessments.step,
  confirmsAssessmentId: assessments.confirmsAssessmentId,
  confirmedByAssessmentId: confirmations.id,
  version: assessments.version,
};

function summaries(db: Db) {
  return db
    .select(summaryColumns)
    .from(assessments)
    .innerJoin(maturityModels, eq(maturityModels.id, assessments.modelId))
    .leftJoin(confirmations, eq(confirmations.confirmsAssessmentId, assessments.id));
}

export type SummaryRow = {
  [K in keyof typeof summaryColumns]: K extends 'modelVersion'
    ? number
    : K extends 'confirmedByAssessmentId'
      ? string | null
      : AssessmentRow[K & keyof AssessmentRow];
};

/** Every measurement of a company, newest first. */
export async function listAssessmentsOfCompany(db: Db, companyId: string): Promise<SummaryRow[]> {
  return summaries(db)
    .where(eq(assessments.companyId, companyId))
    .orderBy(desc(sql`coalesce(${assessments.submittedAt}, ${assessments.startedAt})`));
}

export async function findAssessment(db: Db, id: string): Promise<SummaryRow | undefined> {
  const [row] = await summaries(db).where(eq(assessments.id, id)).limit(1);
  return row;
}

/** The columns an answer or a submit checks, in one indexed lookup. */
export async function findAssessmentForWrite(db: Db, id: string) {
  const [row] = await db
    .select({
      id: assessments.id,
      companyId: assessments.companyId,
      organisationId: companies.organisationId,
      area: assessments.area,
      mode: assessments.mode,
      status: assessments.status,
      modelId: assessments.modelId,
      version: assessments.version,
      confirmsAssessmentId: assessments.confirmsAssessmentId,
    })
    .from(assessments)
    .innerJoin(companies, eq(companies.id, assessments.companyId))
    .where(eq(assessments.id, id))
    .limit(1);
  return row;
}

export async function countSubmitted(db: Db, companyId: string, area: MaturityArea, mode: 'coach' | 'self') {
  const rows = await db
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        eq(assessments.companyId, companyId),
        eq(assessments.area, area),
        eq(assessments.mode, mode),
        eq(assessments.status, 'submitted'),
      ),
    )
    .limit(1);
  return rows.length;
}

export async function insertAssessment(db: Db, values: typeof assessments.$inferInsert) {
  await db.insert(assessments).values(values);
}

export async function listAnswers(db: Db, assessmentId: string) {
  return db
    .select({
      questionKey: assessmentAnswers.questionKey,
      level: assessmentAnswers.level,
      isNotApplicable: assessmentAnswers.isNotApplicable,
      comment: assessmentAnswers.comment,
    })
    .from(assessmentAnswers)
    .where(eq(assessmentAnswers.assessmentId, assessmentId))
    .orderBy(asc(assessmentAnswers.questionKey));
}

/** Saves one answer; saving the same answer again changes nothing (autosave retries). */
export async function upsertAnswer(db: Db, values: typeof assessmentAnswers.$inferInsert) {
  await db
    .insert(assessmentAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [assessmentAnswers.assessmentId, assessmentAnswers.questionKey],
      set: {
        level: values.level,
        isNotApplicable: values.isNotApplicable,
        comment: values.comment,
        answeredBy: values.answeredBy,
        updatedAt: values.updatedAt,
      },
    });
}

export async function insertAnswers(db: Db, values: (typeof assessmentAnswers.$inferInsert)[]) {
  if (values.length > 0) await db.insert(assessmentAnswers).values(values);
}

/** Locks the measurement if it is still at the version read; undefined when someone else got there first. */
export async function submitIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Pick<AssessmentRow, 'submittedBy' | 'submittedAt' | 'nextDueOn' | 'score' | 'step'>,
) {
  const [row] = await db
    .update(assessments)
    .set({ ...values, status: 'submitted', version: version + 1, updatedAt: values.submittedAt! })
    .where(and(eq(assessments.id, id), eq(assessments.version, version), eq(assessments.status, 'draft')))
    .returning({ id: assessments.id });
  return row;
}

export async function insertDimensionScores(db: Db, values: (typeof assessmentDimensionScores.$inferInsert)[]) {
  if (values.length > 0) await db.insert(assessmentDimensionScores).values(values);
}

export async function listDimensionScores(db: Db, assessmentIds: string[]) {
  if (assessmentIds.length === 0) return [];
  return db
    .select()
    .from(assessmentDimensionScores)
    .where(inArray(assessmentDimensionScores.assessmentId, assessmentIds));
}

type PeerGroup = { companyId: string; programmeId: string; sizeClass: string; sniDivision: string };

/** The latest submitted coach measurement per peer company and area: same size class and SNI
 * division, any organisation, this company excluded. It starts from the peer group (an index on
 * programme, size class and SNI division) and takes each peer's latest per area through the
 * (company, area, submitted_at) index, so it reads the group's rows, not the programme's. */
function latestPeerMeasurements(peer: PeerGroup) {
  return sql`
    select latest.id, latest.area, latest.step, latest.score
      from "companies" "peer"
      cross join lateral (
        select distinct on ("mine"."area") "mine"."id", "mine"."area", "mine"."step", "mine"."score"
          from "assessments" "mine"
         where "mine"."company_id" = "peer"."id" and "mine"."status" = 'submitted' and "mine"."mode" = 'coach'
         order by "mine"."area", "mine"."submitted_at" desc
      ) latest
     where "peer"."programme_id" = ${peer.programmeId} and "peer"."size_class" = ${peer.sizeClass}
       and "peer"."sni_division" = ${peer.sniDivision} and "peer"."id" <> ${peer.companyId}`;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** Peer counts and medians per area and per dimension (percentile_cont, on both engines), in one
 * statement each. */
export async function peerMedians(db: Db, peer: PeerGroup) {
  const latest = latestPeerMeasurements(peer);
  const areas = rowsOf<{ area: MaturityArea; peers: unknown; median_step: unknown; median_score: unknown }>(
    await db.execute(sql`
      with latest as (${latest})
      select area, count(*) as peers,
             percentile_cont(0.5) within group (order by step) as median_step,
             percentile_cont(0.5) within group (order by score) as median_score
        from latest group by area`),
  );
  const dimensions = rowsOf<{ area: MaturityArea; key: string; median: unknown }>(
    await db.execute(sql`
      with latest as (${latest})
      select latest.area, scores.dimension_key as key,
             percentile_cont(0.5) within group (order by scores.score) as median
        from latest join "assessment_dimension_scores" scores on scores.assessment_id = latest.id
       group by latest.area, scores.dimension_key`),
  );
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    areas: areas.map((row) => ({
      area: row.area,
      peers: Number(row.peers),
      medianStep: number(row.median_step),
      medianScore: number(row.median_score),
    })),
    dimensions: dimensions.map((row) => ({ area: row.area, key: row.key, median: Number(row.median) })),
  };
}

/** The latest submitted measurement per company, area and mode whose next one is due on or before
 * a date: what reminders and the timeline need (company, area, kind, submittedAt, nextDueOn). */
export async function listDueAssessments(db: Db, onOrBefore: string) {
  return db
    .select({
      id: assessments.id,
      companyId: assessments.companyId,
      organisationId: companies.organisationId,
      area: assessments.area,
      kind: assessments.kind,
      mode: assessments.mode,
      submittedAt: assessments.submittedAt,
      nextDueOn: assessments.nextDueOn,
    })
    .from(assessments)
    .innerJoin(companies, eq(companies.id, assessments.companyId))
    .where(
      and(
        eq(assessments.status, 'submitted'),
        isNotNull(assessments.nextDueOn),
        lte(assessments.nextDueOn, onOrBefore),
        // A later measurement of the same area answers the reminder.
        sql`not exists (select 1 from "assessments" "later" where "later"."company_id" = "assessments"."company_id"
          and "later"."area" = "assessments"."area" and "later"."mode" = "assessments"."mode"
          and "later"."status" = 'submitted' and "later"."submitted_at" > "assessments"."submitted_at")`,
      ),
    )
    .orderBy(asc(assessments.nextDueOn));
}

/** Coach measurements whose next measurement falls due by `until`, for the reminder scan and
 * "my week": the latest submitted per company and area, addressed to the company's coach (or,
 * without one, to whoever submitted it). */
export async function listAssessmentsDueForReminders(db: Db, filter: { until: string; recipientId?: string }) {
  const recipient = sql<string>`coalesce(${companies.coachId}, ${assessments.submittedBy})`;
  return db
    .select({
      sourceId: assessments.id,
      companyId: assessments.companyId,
      companyName: companies.name,
      recipientId: recipient,
      dueOn: sql<string>`${assessments.nextDueOn}`,
    })
    .from(assessments)
    .innerJoin(companies, eq(companies.id, assessments.companyId))
    .where(
      and(
        eq(assessments.status, 'submitted'),
        eq(assessments.mode, 'coach'),
        isNotNull(assessments.nextDueOn),
        lte(assessments.nextDueOn, filter.until),
        sql`${companies.status} not in ('completed', 'withdrawn')`,
        sql`${recipient} is not null`,
        filter.recipientId ? sql`${recipient} = ${filter.recipientId}` : undefined,
        // The same restriction in a form the coach index can start from: the coach's own companies,
        // and those without a coach (where the one who submitted is reminded). "My week" then reads a
        // coach's few companies instead of every measurement of the programme.
        filter.recipientId
          ? sql`${assessments.companyId} in (select "id" from "companies"
              where "coach_id" = ${filter.recipientId} or "coach_id" is null)`
          : undefined,
        sql`not exists (select 1 from "assessments" "later" where "later"."company_id" = "assessments"."company_id"
          and "later"."area" = "assessments"."area" and "later"."mode" = 'coach'
          and "later"."status" = 'submitted' and "later"."submitted_at" > "assessments"."submitted_at")`,
      ),
    )
    .orderBy(asc(assessments.nextDueOn), companies.name);
}

/** Submitted measurements of a company for its timeline, newest first. */
export async function listSubmittedAssessmentsForTimeline(
  db: Db,
  filter: { companyId: string; from?: string; to?: string; limit: number },
) {
  return db
    .select({
      id: assessments.id,
      area: assessments.area,
      kind: assessments.kind,
      mode: assessments.mode,
      step: assessments.step,
      submittedAt: assessments.submittedAt,
    })
    .from(assessments)
    .where(
      and(
        eq(assessments.companyId, filter.companyId),
        eq(assessments.status, 'submitted'),
        filter.from ? sql`${assessments.submittedAt} >= ${`${filter.from}T00:00:00+02:00`}::timestamptz` : undefined,
        filter.to ? sql`${assessments.submittedAt} <= ${`${filter.to}T23:59:59.999+01:00`}::timestamptz` : undefined,
      ),
    )
    .orderBy(desc(assessments.submittedAt))
    .limit(filter.limit);
}
