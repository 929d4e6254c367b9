import {
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
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

/** A company's logged coaching and coach-led measurements per calendar month, quarter and year
 * (decision 041): the first and last day with either, how many interventions and their quarter
 * hours, how many measurements. The triggers of interventions and assessments (migration 0030)
 * recompute the three blocks of a changed day in the writing transaction, so the indicator report
 * reads a year of support as one row per company instead of every intervention. */
export const companySupportBlocks = pgTable(
  'company_support_blocks',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** 1, 3 or 12 (core/support-blocks.ts). */
    months: smallint('months').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    firstOn: date('first_on', { mode: 'string' }).notNull(),
    lastOn: date('last_on', { mode: 'string' }).notNull(),
    interventions: integer('interventions').notNull(),
    quarterHours: integer('quarter_hours').notNull(),
    /** Coach-led measurements submitted in the block (Stockholm days). */
    measurements: integer('measurements').notNull(),
    /** The company's size class on the block's first day (company_size_class_on, sizeClassOn of the
     * core), kept by the same triggers and by one on the size records (migration 0031). */
    sizeClass: text('size_class', { enum: smeClasses }),
    /** The company's programme, organisation, municipality and status as they are now, which the
     * report's scope and rules read: kept by the refresh and by a trigger on the companies
     * (migration 0036), so a report of whole blocks joins no companies. */
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    municipalityCode: text('municipality_code'),
    status: text('status', { enum: companyStatuses }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.months, t.startsOn] }),
    check('company_support_blocks_months_check', sql`${t.months} in (1, 3, 12)`),
    // company_support_blocks_period_idx (months, starts_on, company_id, with the figures) is created in
    // migrations 0030, 0031 and 0036, as is assessments_submitted_coach_idx: drizzle cannot state
    // included columns.
  ],
);
