import { check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { interventionAreas, interventionKinds } from '../../../core/interventions';
import { companyStatuses } from '../../../core/company-status';
import { smeClasses } from '../../../core/sme-class';
import { companies } from './companies';
import { organisations } from './organisations';
import { users } from './users';

// Interventions (issue 6): the coaching log, and the hours it adds up to per day and per support
// block that the reports read. The reminders made from what falls due are in reminders.ts.

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
    // interventions_occurred_on_idx (occurred_on, with company_id and quarter_hours) is created in
    // migration 0030: drizzle cannot state an index's included columns (decision 041).
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

/** A company's support per calendar month as running sums (decision 049): the days of the month with
 * an intervention or a submitted coach-led measurement, the size class on each, and the quarter hours
 * and measurements since the company's first support through each day. One row for every month of
 * the programme and every month with support outside it, so any period, to the day, is read from two
 * rows per company joined one to one: the month of its first day and the month of its last. Kept by the
 * triggers of interventions, assessments, size records and companies (migration 0037), which
 * recompute the company's rows in the writing transaction. */
export const companySupportMonths = pgTable(
  'company_support_months',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** The month's first day. */
    month: date('month', { mode: 'string' }).notNull(),
    /** The days of the month with support, ascending; empty in a month without. */
    days: date('days', { mode: 'string' }).array().notNull(),
    /** The company's size class on each of `days` (company_size_class_on). */
    sizeClasses: text('size_classes').array().notNull(),
    /** Quarter hours logged since the company's first support, through each of `days`. */
    quarterHoursThrough: integer('quarter_hours_through').array().notNull(),
    /** Coach-led measurements submitted since the company's first support, through each of `days`. */
    measurementsThrough: integer('measurements_through').array().notNull(),
    /** Quarter hours and measurements before the month. */
    quarterHoursBefore: integer('quarter_hours_before').notNull(),
    measurementsBefore: integer('measurements_before').notNull(),
    /** The last day with support before the month, and the first after it with its size class. */
    lastBefore: date('last_before', { mode: 'string' }),
    nextOn: date('next_on', { mode: 'string' }),
    nextSizeClass: text('next_size_class', { enum: smeClasses }),
    /** The company's first and last row: the programme's first and last month, or a month with
     * support before or after them. */
    firstMonth: date('first_month', { mode: 'string' }).notNull(),
    lastMonth: date('last_month', { mode: 'string' }).notNull(),
    /** The company's programme, organisation, municipality and status as they are now, which the
     * report's scope and rules read, so a report joins no companies. */
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    municipalityCode: text('municipality_code'),
    status: text('status', { enum: companyStatuses }).notNull(),
    /** From this month to the company's last row, one element a month: the quarter hours and
     * measurements through the month's end and the last day with support by then, so a period that
     * ends on a month's last day is read from the row of its first month alone. */
    monthEndQuarterHours: integer('month_end_quarter_hours').array().notNull(),
    monthEndMeasurements: integer('month_end_measurements').array().notNull(),
    monthEndLastOn: date('month_end_last_on', { mode: 'string' }).array().notNull(),
    /** The company's name as it is now: the report's lists are sorted by it without joining the
     * companies (kept with the other facts). */
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.month] }),
    // The report's indexes, which include the columns it reads, are created in migration 0037:
    // drizzle cannot state included columns.
  ],
);
