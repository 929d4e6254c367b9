import { z } from 'zod';
import { actionStatuses } from '../core/action-status';
import { effectBounds, type EffectKind } from '../core/effects';
import { maturityAreas } from '../core/maturity-areas';
import { idSchema, localeSchema, timestampSchema, versionSchema, visibleLine } from './common';
import { contentKeySchema, localisedTextSchema } from './content-fields';

// Fields of an action in an action plan (issue 5, item 1) that follow the core's units (decision 016):
// yearly effects in kWh, kg CO2e, SEK and tonnes of material, each a saving (positive) or an
// increase (negative), or null when nobody estimated it. The routes' bodies build on these.

export const actionStatusSchema = z.enum(actionStatuses);

/** The largest amount of money a field takes (an investment); effects have their own bounds. */
export const effectLimit = 1e12;

/** One kind of effect within its plausibility bounds (effectBounds in the core, decision 025):
 * outside them a 400 names the field and the bound, in the form and on the server alike. */
const effectSchema = (kind: EffectKind) =>
  z
    .number({ error: 'Enter a number' })
    .min(effectBounds[kind].min, { error: `At least ${effectBounds[kind].min}` })
    .max(effectBounds[kind].max, { error: `At most ${effectBounds[kind].max}` })
    .nullable();

/** One field per kind of `effectKinds` in src/core/effects.ts (a test keeps the two in step). */
export const effectsSchema = z.strictObject({
  kwh: effectSchema('kwh').optional(),
  co2eKg: effectSchema('co2eKg').optional(),
  sek: effectSchema('sek').optional(),
  materialTonnes: effectSchema('materialTonnes').optional(),
});
export type EffectsInput = z.infer<typeof effectsSchema>;

export const investmentSekSchema = z
  .number({ error: 'Enter an amount in SEK' })
  .min(0, { error: 'Must not be negative' })
  .max(effectLimit, { error: 'Too large' })
  .nullable();

// The action plan's routes (decision 019): a company's actions, the suggestions from the catalogue,
// and the totals of expected and realised effects. Bodies are strict: a field a route does not take
// answers 400 naming it (S3).

const isoDateSchema = z.iso.date({ error: 'A date, e.g. 2026-11-26' });
export const actionTitleMax = 200;
export const actionDescriptionMax = 5000;

const titleSchema = visibleLine(
  z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, { error: 'Enter a title' })
    .max(actionTitleMax, { error: `At most ${actionTitleMax} characters` }),
);
const descriptionSchema = z
  .string()
  .trim()
  .max(actionDescriptionMax, { error: `At most ${actionDescriptionMax} characters` })
  .transform((value) => value || null)
  .nullable();
export const targetStepSchema = z
  .number({ error: 'A step 1–5' })
  .int({ error: 'A step 1–5' })
  .min(1, { error: 'A step 1–5' })
  .max(5, { error: 'A step 1–5' })
  .nullable();
const dimensionKeySchema = contentKeySchema.nullable();
export const areaSchema = z.enum(maturityAreas);

/** Who carries the action out: a contact of the company or a coach of its organisation, not both. */
const oneOwner = (body: { ownerContactId?: string | null; ownerUserId?: string | null }) =>
  !(body.ownerContactId && body.ownerUserId);
const oneOwnerIssue = { error: 'Choose a contact or a coach, not both', path: ['ownerUserId'] };

/** The fields staff set when they write an action; the company user only `progressFields`. */
const planFields = {
  area: areaSchema,
  title: titleSchema,
  description: descriptionSchema.optional(),
  targetStep: targetStepSchema.optional(),
  dimensionKey: dimensionKeySchema.optional(),
  ownerContactId: idSchema.nullable().optional(),
  ownerUserId: idSchema.nullable().optional(),
  dueOn: isoDateSchema.nullable().optional(),
  investmentSek: investmentSekSchema.optional(),
  /** The energy carrier whose use the action changes (content/emission-factors/carriers.json); with
   * one, CO2e is computed from the kWh and a typed CO2e answers 400 (decision 038). */
  carrier: contentKeySchema.nullable().optional(),
  expected: effectsSchema.optional(),
};

/** What a company user may change on their own company's actions (decision 019). */
export const progressFields = ['status', 'realised'] as const;

export const createActionBodySchema = z
  .strictObject({
    ...planFields,
    status: z.enum(['planned', 'in_progress', 'done']).optional(),
    realised: effectsSchema.optional(),
  })
  .refine(oneOwner, oneOwnerIssue);
export type CreateActionBody = z.input<typeof createActionBodySchema>;

export const updateActionBodySchema = z
  .strictObject({
    version: versionSchema,
    area: planFields.area.optional(),
    title: planFields.title.optional(),
    description: planFields.description,
    targetStep: planFields.targetStep,
    dimensionKey: planFields.dimensionKey,
    ownerContactId: planFields.ownerContactId,
    ownerUserId: planFields.ownerUserId,
    dueOn: planFields.dueOn,
    investmentSek: planFields.investmentSek,
    carrier: planFields.carrier,
    expected: planFields.expected,
    status: actionStatusSchema.optional(),
    realised: effectsSchema.optional(),
  })
  .refine(oneOwner, oneOwnerIssue);
export type UpdateActionBody = z.input<typeof updateActionBodySchema>;

export const actionListQuerySchema = z.strictObject({
  area: areaSchema.optional(),
  status: actionStatusSchema.optional(),
});
export type ActionListQuery = z.infer<typeof actionListQuerySchema>;

/** Effects as the API answers them: every kind present, null where nobody gave a figure. */
const effectValuesSchema = z.object({
  kwh: z.number().nullable(),
  co2eKg: z.number().nullable(),
  sek: z.number().nullable(),
  materialTonnes: z.number().nullable(),
});
export type EffectValues = z.infer<typeof effectValuesSchema>;

/** Who confirmed the realised figures and when; null while nobody on the staff has (decision 025).
 * `by` is null for figures the migration confirmed, which no company user had ever changed. */
export const realisedConfirmationSchema = z
  .object({ at: timestampSchema, by: z.object({ id: idSchema, name: z.string() }).nullable() })
  .nullable();
export type RealisedConfirmation = z.infer<typeof realisedConfirmationSchema>;

export const confirmRealisedBodySchema = z.strictObject({ version: versionSchema });
export type ConfirmRealisedBody = z.infer<typeof confirmRealisedBodySchema>;

export const actionOwnerSchema = z.object({ kind: z.enum(['contact', 'coach']), id: idSchema, name: z.string() });
export type ActionOwner = z.infer<typeof actionOwnerSchema>;

export const actionSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  area: areaSchema,
  targetStep: z.number().int().nullable(),
  dimensionKey: z.string().nullable(),
  catalogueKey: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  owner: actionOwnerSchema.nullable(),
  dueOn: z.string().nullable(),
  status: actionStatusSchema,
  doneOn: z.string().nullable(),
  investmentSek: z.number().nullable(),
  /** The energy carrier and the factor (kg CO2e/kWh) the CO2e is computed with; null without one,
   * when CO2e is as typed (decision 038). */
  carrier: z.string().nullable(),
  emissionFactorKgPerKwh: z.number().nullable(),
  expected: effectValuesSchema,
  realised: effectValuesSchema,
  realisedConfirmation: realisedConfirmationSchema,
  /** paybackYears (src/core/effects.ts) of the investment and the expected / realised SEK saving. */
  expectedPaybackYears: z.number().nullable(),
  realisedPaybackYears: z.number().nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  abilities: z.object({
    canEdit: z.boolean(),
    canUpdateProgress: z.boolean(),
    /** Staff may confirm realised figures a company user reported (there are some, unconfirmed). */
    canConfirmRealised: z.boolean(),
    nextStatuses: z.array(actionStatusSchema),
  }),
});
export type Action = z.infer<typeof actionSchema>;

export const actionListLimit = 500;

export const actionListSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  items: z.array(actionSchema),
  /** True when the company has more actions than `actionListLimit` matching the filter. */
  isTruncated: z.boolean(),
  /** Who may own an action: empty for those who may not create one. */
  owners: z.object({
    contacts: z.array(z.object({ id: idSchema, name: z.string() })),
    coaches: z.array(z.object({ id: idSchema, name: z.string() })),
  }),
  /** The carriers an action may name, each with the factor it takes when chosen now (the factor set
   * in use this year): the form shows the CO2e it will compute. Empty for those who may not write. */
  carriers: z.array(z.object({ key: z.string(), name: localisedTextSchema, emissionFactorKgPerKwh: z.number() })),
  abilities: z.object({ canCreate: z.boolean(), canSeeSuggestions: z.boolean() }),
});
export type ActionList = z.infer<typeof actionListSchema>;

// Totals: the same semantics as effectTotals in src/core/effects.ts, summed in SQL.
const effectSumsSchema = z.object({
  kwh: z.number(),
  co2eKg: z.number(),
  sek: z.number(),
  materialTonnes: z.number(),
});

export const effectTotalsSchema = z.object({
  actions: z.number().int(),
  done: z.number().int(),
  doneWithoutRealised: z.number().int(),
  doneUnconfirmed: z.number().int(),
  investmentSek: z.number(),
  doneInvestmentSek: z.number(),
  expected: effectSumsSchema,
  /** Confirmed by a coach: the figures that go to funders. */
  realised: effectSumsSchema,
  /** Reported on done actions but not confirmed yet: shown apart, counted in no report. */
  realisedUnconfirmed: effectSumsSchema,
  expectedPaybackYears: z.number().nullable(),
  realisedPaybackYears: z.number().nullable(),
});
export type EffectTotalsBody = z.infer<typeof effectTotalsSchema>;

export const companyActionTotalsSchema = z.object({
  companyId: idSchema,
  overall: effectTotalsSchema,
  byArea: z.array(z.object({ area: areaSchema, totals: effectTotalsSchema })),
});
export type CompanyActionTotals = z.infer<typeof companyActionTotalsSchema>;

/** A period of the programme's totals: the actions done in it, Stockholm dates, both included; a
 * bound left out is open, and with neither every action counts as it stands. */
export const programmeActionTotalsQuerySchema = z
  .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The period ends before it starts',
    path: ['to'],
  });
export type ProgrammeActionTotalsQuery = z.infer<typeof programmeActionTotalsQuerySchema>;

export const programmeActionTotalsSchema = z.object({
  /** The period asked for; null when the totals are of every action as it stands. */
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable(),
  overall: effectTotalsSchema,
  organisations: z.array(z.object({ id: idSchema, name: z.string() })),
  byOrganisation: z.array(z.object({ organisationId: idSchema, totals: effectTotalsSchema })),
  byArea: z.array(z.object({ area: areaSchema, totals: effectTotalsSchema })),
  byOrganisationAndArea: z.array(z.object({ organisationId: idSchema, area: areaSchema, totals: effectTotalsSchema })),
});
export type ProgrammeActionTotals = z.infer<typeof programmeActionTotalsSchema>;

// Suggestions from the catalogue after a coach measurement.
export const suggestionKeyParamsSchema = z.strictObject({ id: idSchema, key: contentKeySchema });

export const suggestionReasonSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('weak_dimension'),
    dimensionKey: z.string(),
    dimensionName: localisedTextSchema.nullable(),
    score: z.number(),
    dimensionStep: z.number().int().nullable(),
    targetStep: z.number().int(),
  }),
  z.object({ kind: z.literal('next_step'), step: z.number().int(), targetStep: z.number().int() }),
]);
export type SuggestionReasonBody = z.infer<typeof suggestionReasonSchema>;

export const actionSuggestionSchema = z.object({
  catalogueKey: z.string(),
  area: areaSchema,
  title: localisedTextSchema,
  description: localisedTextSchema,
  typicalInvestment: z.enum(['low', 'medium', 'high']).nullable(),
  reason: suggestionReasonSchema,
});
export type ActionSuggestion = z.infer<typeof actionSuggestionSchema>;

export const actionSuggestionListSchema = z.object({
  companyId: idSchema,
  /** Areas with a submitted coach measurement: the ones suggestions are made for. */
  measuredAreas: z.array(areaSchema),
  items: z.array(actionSuggestionSchema),
  dismissed: z.array(
    z.object({
      catalogueKey: z.string(),
      area: areaSchema,
      title: localisedTextSchema,
      reason: z.string().nullable(),
      dismissedAt: timestampSchema,
    }),
  ),
});
export type ActionSuggestionList = z.infer<typeof actionSuggestionListSchema>;

/** Adopting a suggestion: the catalogue's text in `locale`, with the coach's edits on top. */
export const adoptSuggestionBodySchema = z
  .strictObject({
    locale: localeSchema.optional(),
    title: planFields.title.optional(),
    description: planFields.description,
    targetStep: planFields.targetStep,
    ownerContactId: planFields.ownerContactId,
    ownerUserId: planFields.ownerUserId,
    dueOn: planFields.dueOn,
    investmentSek: planFields.investmentSek,
    carrier: planFields.carrier,
    expected: planFields.expected,
  })
  .refine(oneOwner, oneOwnerIssue);
export type AdoptSuggestionBody = z.input<typeof adoptSuggestionBodySchema>;

export const dismissSuggestionBodySchema = z.strictObject({
  reason: z
    .string()
    .trim()
    .max(1000, { error: 'At most 1000 characters' })
    .transform((value) => value || null)
    .nullable()
    .optional(),
});
export type DismissSuggestionBody = z.input<typeof dismissSuggestionBodySchema>;
