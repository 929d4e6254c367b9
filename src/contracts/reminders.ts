import { z } from 'zod';
import { idSchema, timestampSchema } from './common';
import { interventionSchema } from './interventions';
import { grantExceededSchema } from './state-aid';

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
