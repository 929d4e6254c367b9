import { randomUUID } from 'node:crypto';
import { assessmentAbilities, companyAccess, startableAssessmentMode } from '../../../core/access';
import { maturityAreas, type MaturityArea } from '../../../core/maturity-areas';
import {
  dimensionChanges,
  isPeerGroupShown,
  scoreAssessment,
  unansweredQuestions,
  type Answer,
  type AreaScore,
  type Level,
} from '../../../core/maturity-scoring';
import type { Actor } from '../../../core/roles';
import type { z } from 'zod';
import type {
  AreaResult,
  Assessment,
  AssessmentAnswer,
  AssessmentSummary,
  MaturityModel,
  MaturityResults,
  StartAssessmentBody,
  SubmitAssessmentBody,
  answerBodySchema,
} from '../../../contracts/maturity';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, forbidden, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import * as q from './maturity.queries';

type AnswerInput = z.output<typeof answerBodySchema>;

export {
  listAssessmentsDueForReminders,
  listDueAssessments,
  listSubmittedAssessmentsForTimeline,
} from './maturity.queries';

function toModel(row: q.ModelRow): MaturityModel {
  return { id: row.id, area: row.area, version: row.version, content: row.content };
}

function toSummary(row: q.SummaryRow): AssessmentSummary {
  return {
    id: row.id,
    companyId: row.companyId,
    area: row.area,
    kind: row.kind,
    mode: row.mode,
    status: row.status,
    modelVersion: row.modelVersion,
    startedAt: row.startedAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
    nextDueOn: row.nextDueOn,
    score: row.score,
    step: row.step,
    confirmsAssessmentId: row.confirmsAssessmentId,
    confirmedByAssessmentId: row.confirmedByAssessmentId,
    version: row.version,
  };
}

function answerMap(answers: readonly AssessmentAnswer[]): Record<string, Answer> {
  return Object.fromEntries(
    answers.map((a) => [a.questionKey, { level: a.level as Level | null, isNotApplicable: a.isNotApplicable }]),
  );
}

/** The company if the actor sees it in full; otherwise 404, so ids don't leak. */
async function getVisibleCompany(db: Db, actor: Actor, companyId: string) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const company = await q.findCompany(db, companyId);
  if (!company || companyAccess(actor, company) !== 'full') throw notFound('The company');
  return company;
}

async function getModel(db: Db, id: string): Promise<q.ModelRow> {
  const model = await q.findModel(db, id);
  if (!model) throw new Error(`maturity model ${id} is missing`);
  return model;
}

/** The current (highest) version of every area's model, for starting and showing measurements. */
export async function listCurrentModels(ctx: AppContext, actor: Actor): Promise<{ items: MaturityModel[] }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const rows = await q.listCurrentModels(ctx.db);
  return { items: maturityAreas.flatMap((area) => rows.filter((row) => row.area === area).map(toModel)) };
}

/** One measurement with its model version, answers, live score and what the actor may do. */
export async function getAssessment(ctx: AppContext, actor: Actor, id: string): Promise<Assessment> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const row = await q.findAssessment(ctx.db, id);
  if (!row) throw notFound('The measurement');
  const company = await getVisibleCompany(ctx.db, actor, row.companyId).catch(() => {
    throw notFound('The measurement');
  });
  const abilities = assessmentAbilities(actor, company, { ...row, isConfirmed: row.confirmedByAssessmentId !== null });
  if (!abilities.canRead) throw notFound('The measurement');
  const [model, answers] = await Promise.all([getModel(ctx.db, row.modelId), q.listAnswers(ctx.db, id)]);
  const typedAnswers = answers.map((a) => ({ ...a, level: a.level }));
  return {
    ...toSummary(row),
    companyName: company.name,
    model: toModel(model),
    answers: typedAnswers,
    result: scoreAssessment(model.content, answerMap(typedAnswers)),
    abilities: { canAnswer: abilities.canAnswer, canSubmit: abilities.canSubmit, canConfirm: abilities.canConfirm },
  };
}

/**
 * Starts a measurement of one area with the area's current model. A coach (or admin) starts a coach
 * measurement, a company user a self-assessment of their own company. The kind is a baseline until
 * one of the same mode is submitted, then a follow-up. Confirming a self-assessment starts a coach
 * measurement pre-filled with its answers; the self-assessment stays as the company gave it.
 */
export async function startAssessment(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: StartAssessmentBody,
): Promise<Assessment> {
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await getVisibleCompany(tx, actor, companyId);
    const mode = startableAssessmentMode(actor, company);
    if (!mode || actor.kind === 'anonymous') throw notFound('The company');
    const model = (await q.listCurrentModels(tx)).find((m) => m.area === input.area);
    if (!model) throw ruleViolated(`There is no published model for ${input.area}`);
    const hasBaseline = (await q.countSubmitted(tx, companyId, input.area, mode)) > 0;
    const kind = input.kind ?? (hasBaseline ? 'follow_up' : 'baseline');
    if (kind === 'follow_up' && !hasBaseline) throw ruleViolated('A follow-up needs a submitted baseline first');
    if (kind === 'baseline' && hasBaseline) throw ruleViolated('The company already has a baseline in this area');
    let copied: AssessmentAnswer[] = [];
    if (input.confirmsAssessmentId) {
      if (mode !== 'coach') throw forbidden('Only the coach side confirms a self-assessment');
      const confirmed = await q.findAssessment(tx, input.confirmsAssessmentId);
      if (!confirmed || confirmed.companyId !== companyId) throw notFound('The self-assessment');
      const rules = assessmentAbilities(actor, company, {
        ...confirmed,
        isConfirmed: confirmed.confirmedByAssessmentId !== null,
      });
      if (confirmed.area !== input.area || !rules.canConfirm) {
        throw ruleViolated('Only a submitted, unconfirmed self-assessment of the same area can be confirmed');
      }
      const questionKeys = new Set(
        model.content.dimensions.flatMap((d) => d.questions.map((question) => question.key)),
      );
      copied = (await q.listAnswers(tx, confirmed.id)).filter((a) => questionKeys.has(a.questionKey));
    }
    const now = ctx.now();
    const values = {
      id,
      programmeId: company.programmeId,
      companyId,
      area: input.area,
      kind,
      mode,
      modelId: model.id,
      confirmsAssessmentId: input.confirmsAssessmentId ?? null,
      startedBy: actor.userId,
      startedAt: now,
      updatedAt: now,
    };
    await q.insertAssessment(tx, values);
    await q.insertAnswers(
      tx,
      copied.map((a) => ({ ...a, assessmentId: id, answeredBy: actor.userId, updatedAt: now })),
    );
    await recordAudit(tx, actor, now, {
      action: 'assessment.start',
      entityType: 'assessment',
      entityId: id,
      organisationId: company.organisationId,
      after: { ...values, modelVersion: model.version },
    });
  });
  return getAssessment(ctx, actor, id);
}

/** The measurement if the actor may answer it: 404 when hidden, 403 for the wrong side, 422 once submitted. */
async function getAnswerableAssessment(db: Db, actor: Actor, id: string) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const row = await q.findAssessmentForWrite(db, id);
  if (!row) throw notFound('The measurement');
  const rules = assessmentAbilities(
    actor,
    { id: row.companyId, organisationId: row.organisationId },
    { ...row, isConfirmed: false },
  );
  if (!rules.canRead) throw notFound('The measurement');
  if (row.status === 'submitted') throw ruleViolated('A submitted measurement is locked');
  if (!rules.canAnswer) {
    throw forbidden(
      row.mode === 'self' ? 'A self-assessment is answered by the company' : 'The coach answers this one',
    );
  }
  return { ...row, userId: actor.userId };
}

/** Autosaves one answer (a level, "not applicable", a comment). Idempotent: the same answer twice changes nothing. */
export async function saveAnswer(
  ctx: AppContext,
  actor: Actor,
  id: string,
  questionKey: string,
  input: AnswerInput,
): Promise<AssessmentAnswer> {
  const row = await getAnswerableAssessment(ctx.db, actor, id);
  const model = await getModel(ctx.db, row.modelId);
  if (!model.content.dimensions.some((d) => d.questions.some((question) => question.key === questionKey))) {
    throw notFound('The question');
  }
  const answer = {
    questionKey,
    level: input.isNotApplicable ? null : input.level,
    isNotApplicable: input.isNotApplicable,
    comment: input.comment ?? null,
  };
  // Autosave is not audited per keystroke: the submit records the answers as given (decision 013).
  await q.upsertAnswer(ctx.db, { ...answer, assessmentId: id, answeredBy: row.userId, updatedAt: ctx.now() });
  return answer;
}

/** Submits a measurement: every question answered or not applicable, scored by the core, then locked. */
export async function submitAssessment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: SubmitAssessmentBody,
): Promise<Assessment> {
  await ctx.db.transaction(async (tx) => {
    const row = await getAnswerableAssessment(tx, actor, id);
    if (row.version !== input.version) throw staleVersion(row.version);
    const model = await getModel(tx, row.modelId);
    const answers = answerMap(await q.listAnswers(tx, id));
    const missing = unansweredQuestions(model.content, answers);
    if (missing.length > 0) {
      throw new AppError('rule_violated', `Answer or mark as not applicable: ${missing.join(', ')}`, {
        fields: missing.map((key) => ({
          field: `answers.${key}`,
          code: 'unanswered',
          message: 'Answer the question or mark it as not applicable',
        })),
      });
    }
    const result: AreaScore = scoreAssessment(model.content, answers);
    const now = ctx.now();
    const values = {
      submittedBy: row.userId,
      submittedAt: now,
      nextDueOn: input.nextDueOn ?? null,
      score: result.score,
      step: result.step,
    };
    if (!(await q.submitIfVersion(tx, id, input.version, values))) throw staleVersion(row.version + 1);
    await q.insertDimensionScores(
      tx,
      result.dimensions.flatMap((d) =>
        d.score === null ? [] : [{ assessmentId: id, dimensionKey: d.key, score: d.score }],
      ),
    );
    await recordAudit(tx, actor, now, {
      action: 'assessment.submit',
      entityType: 'assessment',
      entityId: id,
      organisationId: row.organisationId,
      after: { ...values, answers, dimensions: result.dimensions },
    });
  });
  return getAssessment(ctx, actor, id);
}

type Point = NonNullable<AreaResult['latest']>;

/**
 * A company's results: per area the step reached (the ladder), the latest dimension scores (the
 * radar), the change from the baseline to each follow-up, the latest self-assessment, and the
 * median of peers of the same size class and SNI division, shown only from 5 peers on.
 */
export async function getMaturityResults(ctx: AppContext, actor: Actor, companyId: string): Promise<MaturityResults> {
  const company = await getVisibleCompany(ctx.db, actor, companyId);
  const [rows, currentModels] = await Promise.all([
    q.listAssessmentsOfCompany(ctx.db, companyId),
    q.listCurrentModels(ctx.db),
  ]);
  const visible = rows.filter(
    (row) => assessmentAbilities(actor, company, { ...row, isConfirmed: row.confirmedByAssessmentId !== null }).canRead,
  );
  const submitted = visible.filter((row) => row.status === 'submitted');
  const scores = await q.listDimensionScores(
    ctx.db,
    submitted.map((row) => row.id),
  );
  const peers =
    company.sizeClass && company.sniDivision
      ? await q.peerMedians(ctx.db, {
          companyId,
          programmeId: company.programmeId,
          sizeClass: company.sizeClass,
          sniDivision: company.sniDivision,
        })
      : { areas: [], dimensions: [] };

  const pointOf = (row: q.SummaryRow): Point => ({
    assessmentId: row.id,
    kind: row.kind,
    submittedAt: row.submittedAt!.toISOString(),
    modelVersion: row.modelVersion,
    score: row.score,
    step: row.step,
    dimensions: scores.filter((s) => s.assessmentId === row.id).map((s) => ({ key: s.dimensionKey, score: s.score })),
  });

  const areas = await Promise.all(
    maturityAreas.map(async (area: MaturityArea): Promise<AreaResult> => {
      // Oldest first: the baseline, then each follow-up in the order they were made.
      const coach = submitted.filter((row) => row.area === area && row.mode === 'coach').reverse();
      const self = submitted.filter((row) => row.area === area && row.mode === 'self');
      const baselineRow = coach.find((row) => row.kind === 'baseline') ?? coach[0];
      const latestRow = coach.at(-1);
      const modelRow = latestRow
        ? await getModel(ctx.db, latestRow.modelId)
        : currentModels.find((m) => m.area === area);
      const baseline = baselineRow ? pointOf(baselineRow) : null;
      const peerArea = peers.areas.find((p) => p.area === area);
      const isShown = isPeerGroupShown(peerArea?.peers ?? 0);
      return {
        area,
        dimensionNames: modelRow?.content.dimensions.map((d) => ({ key: d.key, name: d.name })) ?? [],
        stepNames: modelRow?.content.steps.map((s) => ({ step: s.step, name: s.name })) ?? [],
        baseline,
        latest: latestRow ? pointOf(latestRow) : null,
        followUps: coach
          .filter((row) => row !== baselineRow)
          .map((row) => {
            const point = pointOf(row);
            return { ...point, changes: baseline ? dimensionChanges(baseline.dimensions, point.dimensions) : [] };
          }),
        latestSelf: self[0] ? pointOf(self[0]) : null,
        peers: isShown
          ? {
              isShown,
              peerCount: peerArea!.peers,
              medianStep: peerArea!.medianStep,
              medianScore: peerArea!.medianScore,
              dimensions: peers.dimensions
                .filter((d) => d.area === area)
                .map((d) => ({ key: d.key, median: Math.round(d.median * 10) / 10 })),
            }
          : { isShown, peerCount: null, medianStep: null, medianScore: null, dimensions: [] },
        nextDueOn: latestRow?.nextDueOn ?? null,
      };
    }),
  );
  const dueDates = areas.map((a) => a.nextDueOn).filter((d): d is string => d !== null);
  const mode = startableAssessmentMode(actor, company);
  return {
    companyId,
    companyName: company.name,
    sizeClass: company.sizeClass,
    sniDivision: company.sniDivision,
    areas,
    nextDueOn: dueDates.length > 0 ? dueDates.sort()[0]! : null,
    assessments: visible.map(toSummary),
    abilities: { canStartAssessment: mode !== null, startsMode: mode },
  };
}

/** A company's latest submitted coach measurement per area, with its dimension scores and the
 * dimensions' names from the model version it used: what the action plan's suggestions start from
 * (decision 019). Areas never measured by a coach are left out. The caller checks access. */
export async function listLatestCoachMeasurements(db: Db, companyId: string) {
  const latest = new Map<MaturityArea, q.SummaryRow>();
  for (const row of await q.listAssessmentsOfCompany(db, companyId)) {
    // Newest first: the first submitted coach measurement of an area is its latest.
    if (row.status === 'submitted' && row.mode === 'coach' && !latest.has(row.area)) latest.set(row.area, row);
  }
  const rows = maturityAreas.flatMap((area) => (latest.has(area) ? [latest.get(area)!] : []));
  const scores = await q.listDimensionScores(
    db,
    rows.map((row) => row.id),
  );
  return Promise.all(
    rows.map(async (row) => {
      const model = await getModel(db, row.modelId);
      return {
        area: row.area,
        step: row.step,
        dimensions: scores
          .filter((s) => s.assessmentId === row.id)
          .map((s) => ({ key: s.dimensionKey, score: s.score })),
        dimensionNames: model.content.dimensions.map((d) => ({ key: d.key, name: d.name })),
      };
    }),
  );
}
