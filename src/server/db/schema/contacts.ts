import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';

// A person at a company, with the consents they gave. Erasure pseudonymises the row (funder
// records keep the gender and the company link) and blanks every other personal field.

export const genders = ['woman', 'man', 'other', 'not_stated'] as const;

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    role: text('role'),
    gender: text('gender', { enum: genders }).notNull().default('not_stated'),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('contacts_company_id_idx').on(t.companyId)],
);

export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    textVersion: text('text_version').notNull(),
    givenOn: timestamp('given_on', { withTimezone: true }).notNull(),
    withdrawnOn: timestamp('withdrawn_on', { withTimezone: true }),
    recordedBy: uuid('recorded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('consents_contact_id_idx').on(t.contactId)],
);
