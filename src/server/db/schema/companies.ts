import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations';
import { programmes } from './programmes';

// The company register's root. The foundation only needs what a company user hangs on; the
// register issue adds the rest of a company's facts.
export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    organisationNumber: text('organisation_number').notNull().unique(),
    name: text('name').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('companies_organisation_id_idx').on(t.organisationId), index('companies_name_idx').on(t.name)],
);
