import { z } from 'zod';
import { legalBases, parseSekPerEur } from '../core/state-aid';
import { idSchema, personNameSchema, timestampSchema, versionSchema, visibleLine } from './common';

// State aid (issue 13; decisions 031, 032): hourly rates, EUR rates, the programme's settings,
// declarations of earlier de minimis aid, grants (stödbeslut) with their ceiling check, and the
// ledgers. Money travels as whole öre (`…Ore`) and cents (`…Cents`); a rate as a decimal text.

const isoDateSchema = z.iso.date({ error: 'A date, e.g. 2026-11-26' });
const monthSchema = z
  .string({ error: 'A month, e.g. 2026-03' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'A month, e.g. 2026-03' });

export const legalBasisSchema = z.enum(legalBases);

/** Whole öre, never negative; at most 1 000 000 000 kr (far above any de minimis aid). */
export const oreSchema = z
  .number({ error: 'An amount in öre (whole number)' })
  .int({ error: 'An amount in öre (whole number)' })
  .min(0, { error: 'Not below 0' })
  .max(100_000_000_000, { error: 'Too large' });

const textSchema = (max: number, message: string) =>
  visibleLine(
    z
      .string({ error: message })
      .trim()
      .min(1, { error: message })
      .max(max, { error: `At most ${max} characters` }),
  );

// Hourly rates per organisation and year.
export const hourlyRateSchema = z.object({
  id: idSchema,
  organisationId: idSchema,
  organisationName: z.string(),
  year: z.number().int(),
  rateSek: z.number().int(),
  decidedOn: z.string(),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type HourlyRate = z.infer<typeof hourlyRateSchema>;
export const hourlyRateListSchema = z.object({ items: z.array(hourlyRateSchema) });

const rateSekSchema = z
  .number({ error: 'Whole kronor per hour' })
  .int({ error: 'Whole kronor per hour' })
  .min(1, { error: 'At least 1 kr' })
  .max(100_000, { error: 'At most 100 000 kr' });

export const createHourlyRateBodySchema = z.strictObject({
  organisationId: idSchema,
  year: z.number({ error: 'A year' }).int().min(2020, { error: 'From 2020' }).max(2100, { error: 'Up to 2100' }),
  rateSek: rateSekSchema,
  decidedOn: isoDateSchema,
});
export const updateHourlyRateBodySchema = z.strictObject({
  version: versionSchema,
  rateSek: rateSekSchema.optional(),
  decidedOn: isoDateSchema.optional(),
});

// EUR rates per month.
const sekPerEurSchema = z
  .string({ error: 'SEK per EUR, e.g. 11.4965' })
  .refine((value) => parseSekPerEur(value) !== null, { error: 'SEK per EUR above 0 with at most four decimals' });

export const eurRateSchema = z.object({
  id: idSchema,
  month: z.string(),
  /** SEK per EUR with four decimals, e.g. "11.4965". */
  sekPerEur: z.string(),
  source: z.string(),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type EurRate = z.infer<typeof eurRateSchema>;
export const eurRateListSchema = z.object({ items: z.array(eurRateSchema) });

export const createEurRateBodySchema = z.strictObject({
  month: monthSchema,
  sekPerEur: sekPerEurSchema,
  source: textSchema(300, 'Name where the rate comes from'),
});
export const updateEurRateBodySchema = z.strictObject({
  version: versionSchema,
  sekPerEur: sekPerEurSchema.optional(),
  source: textSchema(300, 'Name where the rate comes from').optional(),
});

// The programme's settings.
export const stateAidSettingsSchema = z.object({
  legalBasis: legalBasisSchema,
  declarationValidMonths: z.number().int(),
  version: z.number().int(),
});
export type StateAidSettings = z.infer<typeof stateAidSettingsSchema>;
export const updateStateAidSettingsBodySchema = z.strictObject({
  version: versionSchema,
  legalBasis: legalBasisSchema.optional(),
  declarationValidMonths: z
    .number({ error: 'Months' })
    .int()
    .min(1, { error: 'At least 1 month' })
    .max(36, { error: 'At most 36 months' })
    .optional(),
});

// Declarations of earlier de minimis aid.
export const declaredAidInputSchema = z
  .strictObject({
    grantingBody: textSchema(200, 'Name the granting body'),
    amountOre: oreSchema.refine((value) => value > 0, { error: 'More than 0' }),
    decidedOn: isoDateSchema,
    paidAmountOre: oreSchema.nullable().optional(),
    paidOn: isoDateSchema.nullable().optional(),
  })
  .refine((aid) => !aid.paidOn || aid.paidOn >= aid.decidedOn, {
    error: 'The payment cannot be before the decision',
    path: ['paidOn'],
  });

export const createDeclarationBodySchema = z
  .strictObject({
    /** false: "no earlier de minimis aid". */
    hasEarlierAid: z.boolean({ error: 'Say whether there was earlier aid' }),
    aids: z.array(declaredAidInputSchema).max(50, { error: 'At most 50 aids' }).default([]),
    signedOn: isoDateSchema,
    signerName: personNameSchema,
  })
  .superRefine((body, context) => {
    if (body.hasEarlierAid && body.aids.length === 0) {
      context.addIssue({
        code: 'custom',
        path: ['aids'],
        message: 'List the earlier aid',
        params: { problem: 'empty' },
      });
    }
    if (!body.hasEarlierAid && body.aids.length > 0) {
      context.addIssue({
        code: 'custom',
        path: ['aids'],
        message: 'No earlier aid was declared',
        params: { problem: 'not_empty' },
      });
    }
  });
export type CreateDeclarationBody = z.input<typeof createDeclarationBodySchema>;

export const declarationStateSchema = z.enum(['valid', 'awaiting_confirmation', 'expired', 'signed_later', 'none']);
export type DeclarationStateCode = z.infer<typeof declarationStateSchema>;

export const declaredAidSchema = z.object({
  id: idSchema,
  grantingBody: z.string(),
  amountOre: z.number().int(),
  decidedOn: z.string(),
  paidAmountOre: z.number().int().nullable(),
  paidOn: z.string().nullable(),
});
export type DeclaredAid = z.infer<typeof declaredAidSchema>;

export const declarationSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  hasEarlierAid: z.boolean(),
  aids: z.array(declaredAidSchema),
  signedOn: z.string(),
  signerName: z.string(),
  enteredByRole: z.enum(['staff', 'company']),
  enteredByName: z.string().nullable(),
  isConfirmed: z.boolean(),
  confirmedAt: timestampSchema.nullable(),
  confirmedByName: z.string().nullable(),
  /** The last day it counts for a grant (the validity setting). */
  validUntil: z.string(),
  /** Whether it counts for a grant made today. */
  state: declarationStateSchema,
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type Declaration = z.infer<typeof declarationSchema>;

export const confirmDeclarationBodySchema = z.strictObject({ version: versionSchema });

// Grants.
const plannedHoursSchema = z
  .number({ error: 'Enter the hours' })
  .min(0, { error: 'Not below 0' })
  .max(10_000, { error: 'At most 10 000 hours' })
  .refine((hours) => Number.isInteger(hours * 4), { error: 'Whole quarter hours: 0.25, 0.5, 0.75, 1 …' });

export const grantBodySchema = z
  .strictObject({
    grantedOn: isoDateSchema,
    plannedHours: plannedHoursSchema,
    plannedActivities: z
      .array(
        z.strictObject({
          activityId: idSchema,
          participants: z.number({ error: 'Participants' }).int().min(1, { error: 'At least 1' }).max(1000),
        }),
      )
      .max(50, { error: 'At most 50 activities' })
      .default([]),
    /** Defaults to the programme's setting. */
    legalBasis: legalBasisSchema.optional(),
    /** A correction: the grant this one replaces, and why. */
    replacesGrantId: idSchema.optional(),
    replacementReason: z.string().trim().max(1000, { error: 'At most 1000 characters' }).optional(),
  })
  .refine((body) => !body.replacesGrantId || (body.replacementReason ?? '').length > 0, {
    error: 'Give the reason for the correction',
    path: ['replacementReason'],
  });
export type GrantBody = z.input<typeof grantBodySchema>;

export const ceilingCheckSchema = z.object({
  outcome: z.enum(['within', 'warning', 'refused']),
  windowFrom: z.string(),
  windowTo: z.string(),
  earlierCents: z.number().int(),
  grantCents: z.number().int(),
  totalCents: z.number().int(),
  ceilingCents: z.number().int(),
  roomBeforeCents: z.number().int(),
  roomAfterCents: z.number().int(),
  percentOfCeiling: z.number().int(),
  laterBreach: z.object({ grantedOn: z.string(), totalCents: z.number().int() }).nullable(),
});
export type CeilingCheckResult = z.infer<typeof ceilingCheckSchema>;

export const plannedActivitySchema = z.object({
  activityId: idSchema,
  title: z.string(),
  participants: z.number().int(),
  costPerParticipantSek: z.number().int(),
});

export const grantSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  organisationNumber: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
  legalBasis: legalBasisSchema,
  grantedOn: z.string(),
  plannedHours: z.number(),
  hourlyRateSek: z.number().int().nullable(),
  plannedActivities: z.array(plannedActivitySchema),
  valueOre: z.number().int(),
  rateMonth: z.string(),
  sekPerEur: z.string(),
  valueCents: z.number().int(),
  windowTotalCents: z.number().int(),
  declarationId: idSchema.nullable(),
  replacesGrantId: idSchema.nullable(),
  replacementReason: z.string().nullable(),
  replacedByGrantId: idSchema.nullable(),
  /** Not replaced: it counts. */
  isCurrent: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: timestampSchema,
});
export type Grant = z.infer<typeof grantSchema>;

/** A grant's value and ceiling check before it is made (the form's preview), or as it was made. */
export const grantValuationSchema = z.object({
  legalBasis: legalBasisSchema,
  grantedOn: z.string(),
  plannedHours: z.number(),
  hourlyRateSek: z.number().int().nullable(),
  hoursOre: z.number().int(),
  activitiesOre: z.number().int(),
  plannedActivities: z.array(plannedActivitySchema),
  valueOre: z.number().int(),
  rateMonth: z.string(),
  sekPerEur: z.string(),
  valueCents: z.number().int(),
  /** Null when the legal basis is not de minimis (no ceiling to check). */
  ceiling: ceilingCheckSchema.nullable(),
});
export type GrantValuation = z.infer<typeof grantValuationSchema>;

export const grantCreatedSchema = z.object({ grant: grantSchema, valuation: grantValuationSchema });
export type GrantCreated = z.infer<typeof grantCreatedSchema>;

/** Why a grant is refused (the 422's `details.stateAid`, which the web translates). */
export const grantRefusalReasons = [
  'declaration_none',
  'declaration_awaiting_confirmation',
  'declaration_expired',
  'declaration_signed_later',
  'hourly_rate_missing',
  'eur_rate_missing',
  'ceiling_exceeded',
  'replaced_already',
  'activity_not_found',
  'in_future',
  'nothing_planned',
] as const;
export type GrantRefusalReason = (typeof grantRefusalReasons)[number];

// Ledgers.
export const ledgerEntrySchema = z.object({
  id: idSchema,
  kind: z.enum(['grant', 'declared']),
  companyId: idSchema,
  companyName: z.string(),
  grantingBody: z.string(),
  legalBasis: legalBasisSchema,
  grantedOn: z.string(),
  amountOre: z.number().int(),
  /** Null when the month's EUR rate is missing (named in `missingRateMonths`). */
  amountCents: z.number().int().nullable(),
  rateMonth: z.string(),
  /** De minimis and current: it counts towards the ceiling. */
  isCounted: z.boolean(),
  rollingCents: z.number().int().nullable(),
  roomCents: z.number().int().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

export const ceilingPositionSchema = z.object({
  onDate: z.string(),
  windowFrom: z.string(),
  windowTo: z.string(),
  totalCents: z.number().int(),
  roomCents: z.number().int(),
  ceilingCents: z.number().int(),
  percentOfCeiling: z.number().int(),
});

export const undertakingRefSchema = z.object({
  id: idSchema,
  name: z.string(),
  companies: z.array(z.object({ id: idSchema, name: z.string(), organisationNumber: z.string() })),
});

export const realisedSupportSchema = z.object({
  valueOre: z.number().int(),
  hoursOre: z.number().int(),
  activitiesOre: z.number().int(),
  hours: z.number(),
  attendedPlaces: z.number().int(),
  missingRates: z.array(z.object({ organisationId: idSchema, organisationName: z.string(), year: z.number().int() })),
  grantedValueOre: z.number().int(),
  /** Realised support passes the granted value: a new grant is needed. */
  needsNewGrant: z.boolean(),
});
export type RealisedSupport = z.infer<typeof realisedSupportSchema>;

export const companyStateAidSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  organisationNumber: z.string(),
  today: z.string(),
  settings: z.object({ legalBasis: legalBasisSchema, declarationValidMonths: z.number().int() }),
  undertaking: undertakingRefSchema.nullable(),
  declarations: z.array(declarationSchema),
  /** The declaration that counts for a grant today, if any. */
  currentDeclarationId: idSchema.nullable(),
  declarationState: declarationStateSchema,
  grants: z.array(grantSchema),
  hasGrant: z.boolean(),
  /** The company's own aid, with its own rolling sums. */
  ledger: z.array(ledgerEntrySchema),
  /** The single undertaking's position today (the company alone when it is in no undertaking). */
  position: ceilingPositionSchema,
  missingRateMonths: z.array(z.string()),
  realised: realisedSupportSchema,
  abilities: z.object({
    canDeclare: z.boolean(),
    canConfirmDeclarations: z.boolean(),
    canGrant: z.boolean(),
    canSeeUndertakingLedger: z.boolean(),
  }),
});
export type CompanyStateAid = z.infer<typeof companyStateAidSchema>;

export const undertakingStateAidSchema = z.object({
  undertaking: undertakingRefSchema,
  ledger: z.array(ledgerEntrySchema),
  position: ceilingPositionSchema,
  missingRateMonths: z.array(z.string()),
});
export type UndertakingStateAid = z.infer<typeof undertakingStateAidSchema>;

export const declarationFormQuerySchema = z.strictObject({
  plannedAmountOre: z.coerce.number().int().min(0).max(100_000_000_000).optional(),
});

export const grantPeriodQuerySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .refine((query) => query.from <= query.to, { error: 'The end is before the start', path: ['to'] });
export type GrantPeriodQuery = z.infer<typeof grantPeriodQuerySchema>;

/** A company whose realised support passed its granted value ("my week", the company page). */
export const grantExceededSchema = z.object({
  companyId: idSchema,
  companyName: z.string(),
  grantedValueOre: z.number().int(),
  realisedValueOre: z.number().int(),
});
export type GrantExceeded = z.infer<typeof grantExceededSchema>;

/** The warning on an intervention or a registration for a company without a current grant. */
export const stateAidWarningSchema = z.enum(['no_state_aid_grant']);
