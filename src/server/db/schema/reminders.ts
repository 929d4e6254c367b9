import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { users } from './users';

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
