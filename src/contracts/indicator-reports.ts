import { z } from 'zod';
import { indicatorBreakdowns, supportRules } from '../core/indicators';
import { smeClasses } from '../core/sme-class';
import { idSchema, pageSchema, paginationQuerySchema, timestampSchema, versionSchema, visibleLine } from './common';

// The indicator report of a period (issue 12, item 2; decision 027): each indicator of the
// catalogue under its code with its breakdowns, the participant list, and the rules and filters
// it was made with. Figures are codes and numbers; the web and the .xlsx translate them.

const isoDate = z.iso.date({ error: 'A date, e.g. 2026-06-30' });

/** The longest period a report covers: the programme runs a little over three years. */
export const reportPeriodMaxDays = 366 * 5;

/** The fields that say which report: the period, and optionally an organisation and a geography. */
const reportQueryFields = {
  from: isoDate,
  to: isoDate,
  /** One organisation's companies (a coach's report is always their own organisation's). */
  organisationId: idSchema.optional(),
  /** One co-financer's geography (content/co-financers.json key). */
  coFinancer: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, { error: 'A co-financer key' })
    .max(100)
    .optional(),
};

/** A period that starts before it ends and is no longer than a report covers (the impact view and
 * the time-and-cost report use it too). */
export function withPeriodRules<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema
    .refine((query) => query.from <= query.to, { error: 'The period ends before it starts', path: ['to'] })
    .refine((query) => Date.parse(query.to) - Date.parse(query.from) <= reportPeriodMaxDays * 86_400_000, {
      error: `At most ${reportPeriodMaxDays} days`,
      path: ['to'],
    });
}

export const indicatorReportQuerySchema = withPeriodRules(z.strictObject(reportQueryFields));
export type IndicatorReportQuery = z.infer<typeof indicatorReportQuerySchema>;

/** A page of the participant list of the report the same fields name (decision 041). */
export const participantPageQuerySchema = withPeriodRules(
  z.strictObject({ ...reportQueryFields, ...paginationQuerySchema.shape }),
);
export type ParticipantPageQuery = z.infer<typeof participantPageQuerySchema>;

const localised = z.object({ sv: z.string(), en: z.string() });

export const indicatorTableSchema = z.object({
  by: z.string(),
  columns: z.array(z.string()).readonly(),
  rows: z.array(z.object({ key: z.string(), values: z.array(z.number()) })),
});

export const reportedIndicatorSchema = z.object({
  code: z.string(),
  kind: z.enum(['output', 'result']),
  euReference: z.string().nullable(),
  name: localised,
  unit: localised,
  breakdown: z.enum(indicatorBreakdowns),
  rule: z.string(),
  description: localised,
  total: z.number(),
  tables: z.array(indicatorTableSchema),
});
export type ReportedIndicator = z.infer<typeof reportedIndicatorSchema>;

/** One row of the participant list the managing authority asks for: every company with support
 * in the period, counted or not, and whether and why it counts. */
export const participantRowSchema = z.object({
  companyId: idSchema,
  organisationNumber: z.string(),
  name: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
  sizeClass: z.enum(smeClasses).nullable(),
  municipalityCode: z.string().nullable(),
  municipalityName: z.string().nullable(),
  coFinancers: z.array(z.string()),
  reportingAreas: z.array(z.string()),
  firstSupportOn: z.string(),
  lastSupportOn: z.string(),
  hours: z.number(),
  countsInRco01: z.boolean(),
  countsInRco04: z.boolean(),
  supportRule: z.enum(supportRules).nullable(),
});
export type ParticipantRow = z.infer<typeof participantRowSchema>;

export const supportRuleSettingsSchema = z.object({
  minHours: z.number(),
  countsMeasurement: z.boolean(),
  countsAnalysis: z.boolean(),
});

/** What would make the figures wrong (issue 12, item 4), each with the records to fix. */
export const dataQualityChecks = [
  'missing_size',
  'missing_municipality',
  'prospect_supported',
  'gender_not_stated',
  'activity_without_attendance',
  'done_without_realised',
  'unconfirmed_realised',
  'energy_without_carrier',
] as const;
export type DataQualityCheck = (typeof dataQualityChecks)[number];

export const dataQualitySchema = z.array(
  z.object({
    check: z.enum(dataQualityChecks),
    count: z.number().int(),
    /** The first records (at most 100), each where it is fixed: a company, an activity, an action. */
    items: z.array(
      z.object({
        kind: z.enum(['company', 'activity', 'action', 'contact']),
        id: idSchema,
        name: z.string(),
        companyId: idSchema.nullable(),
        companyName: z.string().nullable(),
      }),
    ),
  }),
);
export type DataQuality = z.infer<typeof dataQualitySchema>;

export const indicatorReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({
    organisationId: idSchema.nullable(),
    organisationName: z.string().nullable(),
    coFinancer: z.string().nullable(),
    coFinancerName: localised.nullable(),
  }),
  rules: z.object({
    support: supportRuleSettingsSchema,
    catalogueVersion: z.string(),
    municipalitiesVersion: z.string(),
    coFinancersVersion: z.string(),
  }),
  madeAt: timestampSchema,
  indicators: z.record(z.string(), reportedIndicatorSchema),
  /** The catalogue's order of the codes in `indicators`. */
  order: z.array(z.string()),
  /** How many rows the participant list has: its pages are read apart (decision 041). */
  participantCount: z.number().int(),
  dataQuality: dataQualitySchema,
  /** Names of the co-financers and reporting areas the geography breakdown uses. */
  labels: z.object({
    coFinancers: z.record(z.string(), localised),
  }),
});
export type IndicatorReport = z.infer<typeof indicatorReportSchema>;

/** The report with its whole participant list: what the .xlsx holds and a frozen report keeps. */
export const fullIndicatorReportSchema = indicatorReportSchema.extend({
  participants: z.array(participantRowSchema),
});
export type FullIndicatorReport = z.infer<typeof fullIndicatorReportSchema>;

export const participantPageSchema = pageSchema(participantRowSchema);
export type ParticipantPage = z.infer<typeof participantPageSchema>;

// The programme's settings of the rules (admins).

export const supportRuleMaxHours = 200;

/** The most companies the programme's target may name: far above any programme of this kind. */
export const targetCompaniesMax = 10_000;

export const programmeSettingsSchema = z.object({
  /** How many companies the programme is to take up (the dashboard's progress). */
  targetCompanies: z.number().int(),
  supportMinHours: z.number(),
  supportCountsMeasurement: z.boolean(),
  supportCountsAnalysis: z.boolean(),
  version: z.number().int(),
});
export type ProgrammeSettings = z.infer<typeof programmeSettingsSchema>;

export const updateProgrammeSettingsBodySchema = z.strictObject({
  version: versionSchema,
  targetCompanies: z
    .number({ error: 'Enter a number of companies' })
    .int({ error: 'A whole number of companies' })
    .min(1, { error: 'At least 1 company' })
    .max(targetCompaniesMax, { error: `At most ${targetCompaniesMax} companies` })
    .optional(),
  supportMinHours: z
    .number({ error: 'Enter hours' })
    .min(0.25, { error: 'At least 0.25 hours' })
    .max(supportRuleMaxHours, { error: `At most ${supportRuleMaxHours} hours` })
    .refine((hours) => Number.isInteger(hours * 4), { error: 'Whole quarter hours' })
    .optional(),
  supportCountsMeasurement: z.boolean().optional(),
  supportCountsAnalysis: z.boolean().optional(),
});
export type UpdateProgrammeSettingsBody = z.infer<typeof updateProgrammeSettingsBodySchema>;

// Frozen reports (issue 12, item 3; decision 028).

export const frozenReportTitleMax = 200;
export const frozenReportReasonMax = 2000;

export const freezeReportBodySchema = withPeriodRules(
  z.strictObject({
    ...reportQueryFields,
    title: visibleLine(
      z
        .string({ error: 'Enter a title' })
        .trim()
        .min(1, { error: 'Enter a title' })
        .max(frozenReportTitleMax, { error: `At most ${frozenReportTitleMax} characters` }),
    ),
  }),
);
export type FreezeReportBody = z.infer<typeof freezeReportBodySchema>;

export const newReportVersionBodySchema = z.strictObject({
  reason: z
    .string({ error: 'Say why the report is corrected' })
    .trim()
    .min(1, { error: 'Say why the report is corrected' })
    .max(frozenReportReasonMax, { error: `At most ${frozenReportReasonMax} characters` }),
});
export type NewReportVersionBody = z.infer<typeof newReportVersionBodySchema>;

export const frozenReportMetaSchema = z.object({
  id: idSchema,
  seriesId: idSchema,
  version: z.number().int(),
  /** The newest version of the series. */
  isLatest: z.boolean(),
  title: z.string(),
  reason: z.string().nullable(),
  period: z.object({ from: z.string(), to: z.string() }),
  organisationId: idSchema.nullable(),
  coFinancer: z.string().nullable(),
  jsonSha256: z.string(),
  xlsxSha256: z.string(),
  frozenBy: z.object({ id: idSchema, name: z.string() }).nullable(),
  frozenAt: timestampSchema,
});
export type FrozenReportMeta = z.infer<typeof frozenReportMetaSchema>;

export const frozenReportListSchema = z.object({ items: z.array(frozenReportMetaSchema) });
export type FrozenReportList = z.infer<typeof frozenReportListSchema>;

export const frozenReportSchema = z.object({
  meta: frozenReportMetaSchema,
  /** The other versions of the series, oldest first. */
  versions: z.array(frozenReportMetaSchema),
  report: fullIndicatorReportSchema,
});
export type FrozenReport = z.infer<typeof frozenReportSchema>;

/** What changed in the records since a report was frozen: the report made now against it. */
export const frozenReportChangesSchema = z.object({
  comparedAt: timestampSchema,
  companiesAdded: z.array(z.object({ companyId: idSchema, name: z.string() })),
  companiesRemoved: z.array(z.object({ companyId: idSchema, name: z.string() })),
  figures: z.array(
    z.object({
      code: z.string(),
      /** Null for the indicator's total, else the breakdown, its row and column. */
      by: z.string().nullable(),
      key: z.string().nullable(),
      column: z.string().nullable(),
      frozen: z.number(),
      now: z.number(),
    }),
  ),
});
export type FrozenReportChanges = z.infer<typeof frozenReportChangesSchema>;
