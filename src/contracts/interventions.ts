import { z } from 'zod';
import { hoursProblem, interventionAreas, interventionHourLimits, interventionKinds } from '../core/interventions';
import { idSchema, timestampSchema, versionSchema } from './common';
import { withPeriodRules } from './indicator-reports';
import { stateAidWarningSchema } from './state-aid';

// Interventions (issue 6): the coaching log, the coach's time report and each organisation's time
// and cost. Reminders and "my week" are in reminders.ts, the company timeline in timeline.ts.

export const interventionKindSchema = z.enum(interventionKinds);
export const interventionAreaSchema = z.enum(interventionAreas);
const isoDateSchema = z.iso.date({ error: 'A date, e.g. 2026-11-26' });

const hourMessages = {
  not_positive: 'More than 0 hours',
  too_many: `At most ${interventionHourLimits.max} hours in one entry`,
  not_quarter: 'Whole quarter hours: 0.25, 0.5, 0.75, 1 …',
} as const;

/** Hours of one entry: > 0, ≤ 24, in quarter hours (the core's rule, with a message per problem). */
export const hoursSchema = z.number({ error: 'Enter the hours' }).superRefine((hours, context) => {
  const problem = hoursProblem(hours);
  if (problem) context.addIssue({ code: 'custom', message: hourMessages[problem], params: { problem } });
});

const notesSchema = z
  .string()
  .trim()
  .max(5000, { error: 'At most 5000 characters' })
  .transform((value) => value || null)
  .nullable()
  .optional();

const interventionFields = {
  occurredOn: isoDateSchema,
  kind: interventionKindSchema,
  area: interventionAreaSchema.nullable().optional(),
  hours: hoursSchema,
  notes: notesSchema,
  nextFollowUpOn: isoDateSchema.nullable().optional(),
};

export const createInterventionBodySchema = z.strictObject(interventionFields);
export type CreateInterventionBody = z.input<typeof createInterventionBodySchema>;

export const updateInterventionBodySchema = z.strictObject({
  version: versionSchema,
  occurredOn: interventionFields.occurredOn.optional(),
  kind: interventionFields.kind.optional(),
  area: interventionFields.area,
  hours: interventionFields.hours.optional(),
  notes: interventionFields.notes,
  nextFollowUpOn: interventionFields.nextFollowUpOn,
});
export type UpdateInterventionBody = z.input<typeof updateInterventionBodySchema>;

export const deleteInterventionBodySchema = z.strictObject({ version: versionSchema });

export const interventionSchema = z.object({
  id: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  coachId: idSchema,
  coachName: z.string(),
  occurredOn: z.string(),
  kind: interventionKindSchema,
  area: interventionAreaSchema.nullable(),
  hours: z.number(),
  notes: z.string().nullable(),
  nextFollowUpOn: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  abilities: z.object({ canEdit: z.boolean(), canDelete: z.boolean() }),
  /** On the answer to logging: the company has no current state aid grant (issue 13). The
   * intervention is recorded all the same. */
  warnings: z.array(stateAidWarningSchema).optional(),
});
export type Intervention = z.infer<typeof interventionSchema>;

export const interventionListSchema = z.object({
  items: z.array(interventionSchema),
  totalHours: z.number(),
  canLog: z.boolean(),
});
export type InterventionList = z.infer<typeof interventionListSchema>;

// The time report: a coach's hours per month and per company in a period.
export const timeReportQuerySchema = z
  .strictObject({
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    coachId: idSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The end is before the start',
    path: ['to'],
  });
export type TimeReportQuery = z.infer<typeof timeReportQuerySchema>;

export const timeReportSchema = z.object({
  coachId: idSchema,
  coachName: z.string(),
  from: z.string(),
  to: z.string(),
  totalHours: z.number(),
  entryCount: z.number().int(),
  months: z.array(z.object({ month: z.string(), hours: z.number(), entryCount: z.number().int() })),
  companies: z.array(
    z.object({ companyId: idSchema, companyName: z.string(), hours: z.number(), entryCount: z.number().int() }),
  ),
  /** Hours per month and company, for the spreadsheet and a cross table. */
  cells: z.array(z.object({ month: z.string(), companyId: idSchema, hours: z.number() })),
});
export type TimeReport = z.infer<typeof timeReportSchema>;

// Time and cost (issue 12, item 6; decision 035): hours per organisation, person and month, for the
// organisation's payment claim.
export const timeAndCostQuerySchema = withPeriodRules(
  z.strictObject({
    from: isoDateSchema,
    to: isoDateSchema,
    /** One organisation (a coach's is always their own). */
    organisationId: idSchema.optional(),
  }),
);
export type TimeAndCostQuery = z.infer<typeof timeAndCostQuerySchema>;

const monthHoursSchema = z.object({ month: z.string(), hours: z.number(), entryCount: z.number().int() });

export const timeAndCostSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({ organisationId: idSchema.nullable(), organisationName: z.string().nullable() }),
  madeAt: timestampSchema,
  /** Every month the period touches, YYYY-MM, oldest first. */
  months: z.array(z.string()),
  totalHours: z.number(),
  organisations: z.array(
    z.object({
      organisationId: idSchema,
      organisationName: z.string(),
      totalHours: z.number(),
      /** The organisation's hours per month (months without hours left out). */
      months: z.array(monthHoursSchema),
      /** Each person who logged hours for it, by name, with their hours per month. */
      people: z.array(
        z.object({
          userId: idSchema,
          name: z.string(),
          totalHours: z.number(),
          months: z.array(monthHoursSchema),
        }),
      ),
    }),
  ),
});
export type TimeAndCost = z.infer<typeof timeAndCostSchema>;
