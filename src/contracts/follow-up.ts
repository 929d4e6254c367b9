import { z } from 'zod';
import { hoursProblem, interventionAreas, interventionHourLimits, interventionKinds } from '../core/interventions';
import { idSchema, timestampSchema, versionSchema } from './common';
import { withPeriodRules } from './indicator-reports';
import { grantExceededSchema, stateAidWarningSchema } from './state-aid';

// Follow-up work (issue 6): interventions (the coaching log), the coach's time report, the
// reminders, "my week" and the company timeline.

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

// Reminders and "my week".
export const reminderSourceKindSchema = z.enum(['follow_up', 'assessment', 'action']);
export const reminderStatusSchema = z.enum(['open', 'done', 'dismissed']);

export const reminderSchema = z.object({
  id: idSchema,
  sourceKind: reminderSourceKindSchema,
  sourceId: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  dueOn: z.string(),
  dueState: z.enum(['overdue', 'due_this_week', 'later']),
  status: reminderStatusSchema,
  isEmailed: z.boolean(),
  createdAt: timestampSchema,
});
export type Reminder = z.infer<typeof reminderSchema>;

export const reminderListQuerySchema = z.strictObject({
  status: reminderStatusSchema.default('open'),
});
export const reminderListSchema = z.object({ items: z.array(reminderSchema), openCount: z.number().int() });
export type ReminderList = z.infer<typeof reminderListSchema>;

export const resolveReminderBodySchema = z.strictObject({ status: z.enum(['done', 'dismissed']) });

export const reminderRunSchema = z.object({ created: z.number().int(), emailed: z.number().int() });

export const dueItemSchema = z.object({
  sourceKind: reminderSourceKindSchema,
  sourceId: idSchema,
  companyId: idSchema,
  companyName: z.string(),
  dueOn: z.string(),
  dueState: z.enum(['overdue', 'due_this_week', 'later']),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const myWeekSchema = z.object({
  today: z.string(),
  weekStart: z.string(),
  weekEnd: z.string(),
  overdue: z.array(dueItemSchema),
  dueThisWeek: z.array(dueItemSchema),
  /** Due after this week up to `comingUntil` (core comingWeeks), so a coach can plan ahead. */
  comingUntil: z.string(),
  coming: z.array(dueItemSchema),
  interventionsThisWeek: z.array(interventionSchema),
  hoursThisWeek: z.number(),
  /** The coach's companies whose realised support passed their granted value (issue 13). */
  grantsExceeded: z.array(grantExceededSchema),
});
export type MyWeek = z.infer<typeof myWeekSchema>;

// The company timeline: everything that happened with a company, newest first.
/** Event kinds of the timeline, in the order of the filter chips. */
export const timelineKinds = [
  'registered',
  'status_change',
  'contact_added',
  'assessment',
  'activity_attended',
  'analysis',
  'action_created',
  'action_done',
  'intervention',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];
export const timelineKindSchema = z.enum(timelineKinds);

export const timelineQuerySchema = z
  .strictObject({
    kinds: z
      .string()
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(timelineKindSchema))
      .optional(),
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The end is before the start',
    path: ['to'],
  });
export type TimelineQuery = z.infer<typeof timelineQuerySchema>;

export const timelineEventSchema = z.object({
  kind: timelineKindSchema,
  id: z.string(),
  /** The calendar date of the event (YYYY-MM-DD). */
  date: z.string(),
  /** The instant, when the event has one; orders events within a day. */
  at: timestampSchema.nullable(),
  /** Values the UI puts into the kind's sentence (status, name, hours …). */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** Internal notes: only for staff with full access, never for company users. */
  notes: z.string().nullable(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const timelineSchema = z.object({
  items: z.array(timelineEventSchema),
  /** True when more events exist than the limit returned. */
  isTruncated: z.boolean(),
});
export type Timeline = z.infer<typeof timelineSchema>;
