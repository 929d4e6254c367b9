import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The funded programme a company takes part in. One is seeded; the key stays on the data so a
// successor programme needs no change of meaning (DESIGN.md glossary).
export const programmes = pgTable('programmes', {
  id: uuid('id').primaryKey(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
