import { boolean, date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The funded programme a company takes part in. One is seeded; the key stays on the data so a
// successor programme needs no change of meaning (docs/glossary.md).
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  /**
   * The RCO04 rule of "structured and documented support" (decision 027), kept by admins: a
   * company counts when in the period it had interventions of at least this many quarter hours
   * in total, or (when switched on) a submitted coach-led measurement or an analysis.
   */
  supportMinQuarterHours: integer('support_min_quarter_hours').notNull().default(16),
  supportCountsMeasurement: boolean('support_counts_measurement').notNull().default(true),
  supportCountsAnalysis: boolean('support_counts_analysis').notNull().default(true),
  /** How many companies the programme aims to take up (docs/domain.md "The programme": about 250);
   * the dashboard sets its progress against it (decision 034). */
  targetCompanies: integer('target_companies').notNull().default(250),
  /** Bumped by every change of the settings above (409 on a stale one). */
  settingsVersion: integer('settings_version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
