import { check, date, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { interventionAreas, interventionKinds } from '../../../core/interventions';
import { companies } from './companies';
import { organisations } from './organisations';
import { users } from './users';

// Follow-up work (issue 6): the coaching log and the reminders made from what falls due.

/** One logged piece of coaching or follow-up with a company (insats). Hours are whole quarter
 * hours so sums stay exact. `organisation_id` is the responsible organisation when it was logged:
 * funder reports count the hours of the organisation that gave them, even after a hand-over. */
export const interventions = pgTable(
  'interventions',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    coachId: uuid('coach_id')
      .notNull()
      .references(() => users.id),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: interventionKinds }).notNull(),
    area: text('area', { enum: interventionAreas }),
    quarterHours: integer('quarter_hours').notNull(),
    notes: text('notes'),
    nextFollowUpOn: date('next_follow_up_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('interventions_company_id_idx').on(t.companyId, t.occurredOn),
    index('interventions_coach_id_idx').on(t.coachId, t.occurredOn),
    index('interventions_organisation_id_idx').on(t.organisationId, t.occurredOn),
    // "My week" and the reminder scan start from the follow-up dates (listFollowUpsDue).
    index('interventions_follow_up_idx')
      .on(t.coachId, t.nextFollowUpOn)
      .where(sql`${t.nextFollowUpOn} is not null`),
    check('interventions_quarter_hours_check', sql`${t.quarterHours} between 1 and 96`),
  ],
);

/** Logged coaching summed per organisation that gave it, day, area and kind (decision 039). The
 * interventions' trigger (migration 0028) keeps it in the writing transaction, so the dashboard sums
 * a period's hours over a few rows per day instead of every intervention of the programme. */
export const coachingHourDays = pgTable(
  'coaching_hour_days',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    area: text('area', { enum: interventionAreas }),
    kind: text('kind', { enum: interventionKinds }).notNull(),
    interventions: integer('interventions').notNull().default(0),
    quarterHours: integer('quarter_hours').notNull().default(0),
  },
  (t) => [unique('coaching_hour_days_key').on(t.organisationId, t.occurredOn, t.area, t.kind).nullsNotDistinct()],
);

/** Where a reminder comes from; other modules add their kinds (assessments, actions). */
export const reminderSourceKinds = ['follow_up', 'assessment', 'action'] as const;
export const reminderStatuses = ['open', 'done', 'dismissed'] as const;

/** Something due for a person, made once by the reminder scan. The unique key (source, due date,
 * recipient) is what makes a repeated or restarted scan create nothing twice; `emailed_at` is
 * set in the same transaction as the e-mail is written, so no reminder is e-mailed twice. */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sourceKind: text('source_kind', { enum: reminderSourceKinds }).notNull(),
    sourceId: uuid('source_id').notNull(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: reminderStatuses }).notNull().default('open'),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('reminders_source_key').on(t.sourceKind, t.sourceId, t.dueOn, t.recipientId),
    index('reminders_recipient_id_idx').on(t.recipientId, t.status, t.dueOn),
    index('reminders_company_id_idx').on(t.companyId),
  ],
);
