import { z } from 'zod';
import { assessmentKinds, assessmentModes, assessmentStatuses, maturityAreas } from '../core/maturity-areas';
import { idSchema, timestampSchema, versionSchema } from './common';

// The maturity models (content/maturity/README.md) and the measurements made with them. The
// content schema is shared: the server validates the files with it at start, the web renders it.

export const maturityAreaSchema = z.enum(maturityAreas);
export const assessmentKindSchema = z.enum(assessmentKinds);
export const assessmentModeSchema = z.enum(assessmentModes);
export const assessmentStatusSchema = z.enum(assessmentStatuses);

const nonEmpty = z.string().trim().min(1, { error: 'Must not be empty' });
/** Every text of a model exists in both languages (content/maturity/README.md). */
export const localisedTextSchema = z.strictObject({ sv: nonEmpty, en: nonEmpty });
export type LocalisedText = z.infer<typeof localisedTextSchema>;

const keySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, { error: 'A snake_case key' });

const optionSchema = z.strictObject({ level: z.number().int().min(1).max(5), text: localisedTextSchema });

const questionSchema = z.strictObject({
  key: keySchema,
  text: localisedTextSchema,
  guidance: localisedTextSchema,
  options: z
    .array(optionSchema)
    .length(5, { error: 'Exactly 5 options' })
    .refine((options) => options.every((option, i) => option.level === i + 1), {
      error: 'Options have levels 1..5 in ascending order',
    }),
});

const dimensionSchema = z.strictObject({
  key: keySchema,
  name: localisedTextSchema,
  description: localisedTextSchema,
  questions: z.array(questionSchema).min(2, { error: 'At least 2 questions per dimension' }),
});

const stepSchema = z.strictObject({
  step: z.number().int().min(1).max(5),
  name: localisedTextSchema,
  description: localisedTextSchema,
});

function duplicates(keys: string[]): string[] {
  return keys.filter((key, i) => keys.indexOf(key) !== i);
}

/** One published version of an area's maturity model, as written in content/maturity/<area>/vN.json. */
export const maturityModelContentSchema = z
  .strictObject({
    area: maturityAreaSchema,
    version: z.number().int().min(1),
    publishedOn: z.iso.date(),
    name: localisedTextSchema,
    summary: localisedTextSchema,
    references: z.array(nonEmpty),
    dimensions: z.array(dimensionSchema).min(4, { error: '4–6 dimensions' }).max(6, { error: '4–6 dimensions' }),
    steps: z
      .array(stepSchema)
      .length(5, { error: 'Exactly 5 steps' })
      .refine((steps) => steps.every((step, i) => step.step === i + 1), { error: 'Steps 1..5 in order' }),
  })
  .superRefine((model, context) => {
    const questions = model.dimensions.flatMap((d) => d.questions);
    if (questions.length < 8 || questions.length > 20) {
      context.addIssue({
        code: 'custom',
        path: ['dimensions'],
        message: `8–20 questions per model, not ${questions.length}`,
      });
    }
    for (const key of duplicates(model.dimensions.map((d) => d.key))) {
      context.addIssue({ code: 'custom', path: ['dimensions'], message: `Dimension key "${key}" is used twice` });
    }
    for (const key of duplicates(questions.map((q) => q.key))) {
      context.addIssue({ code: 'custom', path: ['dimensions'], message: `Question key "${key}" is used twice` });
    }
  });
export type MaturityModelContent = z.infer<typeof maturityModelContentSchema>;

/** A stored model version: the content plus the id measurements refer to. */
export const maturityModelSchema = z.object({
  id: idSchema,
  area: maturityAreaSchema,
  version: z.number().int(),
  content: maturityModelContentSchema,
});
export type MaturityModel = z.infer<typeof maturityModelSchema>;

export const maturityModelListSchema = z.object({ items: z.array(maturityModelSchema) });

export const levelSchema = z.number().int().min(1).max(5);
export const commentMax = 2000;

export const answerSchema = z.object({
  questionKey: z.string(),
  level: levelSchema.nullable(),
  isNotApplicable: z.boolean(),
  comment: z.string().nullable(),
});
export type AssessmentAnswer = z.infer<typeof answerSchema>;

export const dimensionScoreSchema = z.object({
  key: z.string(),
  score: z.number().nullable(),
  answered: z.number().int(),
  applicable: z.number().int(),
  isPartial: z.boolean(),
});

export const areaScoreSchema = z.object({
  dimensions: z.array(dimensionScoreSchema),
  score: z.number().nullable(),
  step: z.number().int().min(1).max(5).nullable(),
  answered: z.number().int(),
  applicable: z.number().int(),
  total: z.number().int(),
  isPartial: z.boolean(),
});
export type AreaScoreResult = z.infer<typeof areaScoreSchema>;

export const assessmentSummarySchema = z.object({
  id: idSchema,
  companyId: idSchema,
  area: maturityAreaSchema,
  kind: assessmentKindSchema,
  mode: assessmentModeSchema,
  status: assessmentStatusSchema,
  modelVersion: z.number().int(),
  startedAt: timestampSchema,
  submittedAt: timestampSchema.nullable(),
  nextDueOn: z.string().nullable(),
  score: z.number().nullable(),
  step: z.number().int().nullable(),
  /** On a coach measurement: the self-assessment it confirms. */
  confirmsAssessmentId: idSchema.nullable(),
  /** On a self-assessment: the coach measurement that confirmed it. */
  confirmedByAssessmentId: idSchema.nullable(),
  version: z.number().int(),
});
export type AssessmentSummary = z.infer<typeof assessmentSummarySchema>;

export const assessmentAbilitiesSchema = z.object({
  canAnswer: z.boolean(),
  canSubmit: z.boolean(),
  canConfirm: z.boolean(),
});

export const assessmentSchema = assessmentSummarySchema.extend({
  companyName: z.string(),
  model: maturityModelSchema,
  answers: z.array(answerSchema),
  result: areaScoreSchema,
  abilities: assessmentAbilitiesSchema,
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({ items: z.array(assessmentSummarySchema) });

export const startAssessmentBodySchema = z.strictObject({
  area: maturityAreaSchema,
  /** Left out: baseline when the company has no submitted measurement of the area, else follow-up. */
  kind: assessmentKindSchema.optional(),
  /** A coach confirms a submitted self-assessment by starting a measurement pre-filled from it. */
  confirmsAssessmentId: idSchema.optional(),
});
export type StartAssessmentBody = z.infer<typeof startAssessmentBodySchema>;

export const answerParamsSchema = z.strictObject({
  id: idSchema,
  questionKey: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'A question key' })
    .max(100),
});

export const answerBodySchema = z
  .strictObject({
    level: levelSchema.nullable(),
    isNotApplicable: z.boolean().default(false),
    comment: z
      .string()
      .trim()
      .max(commentMax, { error: `At most ${commentMax} characters` })
      .transform((value) => value || null)
      .nullable()
      .optional(),
  })
  .refine((answer) => !(answer.isNotApplicable && answer.level !== null), {
    error: 'A question is either answered or not applicable',
    path: ['level'],
  });
export type AnswerBody = z.input<typeof answerBodySchema>;

export const submitAssessmentBodySchema = z.strictObject({
  version: versionSchema,
  nextDueOn: z.iso.date({ error: 'A date, e.g. 2027-05-31' }).nullable().optional(),
});
export type SubmitAssessmentBody = z.infer<typeof submitAssessmentBodySchema>;

const resultPointSchema = z.object({
  assessmentId: idSchema,
  kind: assessmentKindSchema,
  submittedAt: timestampSchema,
  modelVersion: z.number().int(),
  score: z.number().nullable(),
  step: z.number().int().nullable(),
  dimensions: z.array(z.object({ key: z.string(), score: z.number().nullable() })),
});

export const peerComparisonSchema = z.object({
  /** False below 5 peers; then no count and no medians are given. */
  isShown: z.boolean(),
  peerCount: z.number().int().nullable(),
  medianStep: z.number().nullable(),
  medianScore: z.number().nullable(),
  dimensions: z.array(z.object({ key: z.string(), median: z.number() })),
});
export type PeerComparison = z.infer<typeof peerComparisonSchema>;

export const areaResultSchema = z.object({
  area: maturityAreaSchema,
  /** Names of the dimensions of the latest measurement's model version. */
  dimensionNames: z.array(z.object({ key: z.string(), name: localisedTextSchema })),
  stepNames: z.array(z.object({ step: z.number().int(), name: localisedTextSchema })),
  baseline: resultPointSchema.nullable(),
  latest: resultPointSchema.nullable(),
  /** Each follow-up after the baseline with its change per shared dimension. */
  followUps: z.array(
    resultPointSchema.extend({
      changes: z.array(z.object({ key: z.string(), from: z.number(), to: z.number(), change: z.number() })),
    }),
  ),
  latestSelf: resultPointSchema.nullable(),
  peers: peerComparisonSchema,
  nextDueOn: z.string().nullable(),
});
export type AreaResult = z.infer<typeof areaResultSchema>;

export const maturityResultsSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  sizeClass: z.string().nullable(),
  sniDivision: z.string().nullable(),
  areas: z.array(areaResultSchema),
  /** The earliest follow-up date set by the latest measurement of any area. */
  nextDueOn: z.string().nullable(),
  assessments: z.array(assessmentSummarySchema),
  abilities: z.object({ canStartAssessment: z.boolean(), startsMode: assessmentModeSchema.nullable() }),
});
export type MaturityResults = z.infer<typeof maturityResultsSchema>;
