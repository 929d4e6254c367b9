import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A file sent with an e-mail (a calendar invitation); small text files only. */
export type MailAttachment = { filename: string; contentType: string; content: string };

// Every e-mail the platform sends, kept so an admin can see what went out. Without SMTP this is
// the development outbox: the message is stored and printed, not delivered.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    transport: text('transport', { enum: ['smtp', 'outbox'] }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    error: text('error'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
  },
  (t) => [index('outbox_messages_created_at_idx').on(t.createdAt)],
);
