import { customType, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { programmes } from './programmes';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * An indicator report as it was sent to a funder (issue 12, item 3; decision 028): the JSON text
 * and the .xlsx file exactly as they were made, each with its SHA-256, who froze it and when. Later
 * changes to the records never touch it. A corrected report is a new version in the same series
 * (`series_id` = the first version's id) with a reason; the old versions stay.
 */
export const frozenReports = pgTable(
  'frozen_reports',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    seriesId: uuid('series_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Why this version replaces the previous one; null for the first. */
    reason: text('reason'),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    /** The report's filters: an organisation (null: the whole programme) and a co-financer key. */
    organisationId: uuid('organisation_id').references(() => organisations.id),
    coFinancer: text('co_financer'),
    /** The JSON as sent, byte for byte (text, not jsonb, which would reorder it). */
    reportJson: text('report_json').notNull(),
    jsonSha256: text('json_sha256').notNull(),
    xlsx: bytea('xlsx').notNull(),
    xlsxSha256: text('xlsx_sha256').notNull(),
    frozenBy: uuid('frozen_by').references(() => users.id, { onDelete: 'set null' }),
    frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('frozen_reports_series_version_key').on(t.seriesId, t.version),
    index('frozen_reports_organisation_id_idx').on(t.organisationId, t.frozenAt),
    index('frozen_reports_frozen_at_idx').on(t.frozenAt),
  ],
);
