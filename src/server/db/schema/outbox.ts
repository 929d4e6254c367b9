import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { contacts } from './contacts';

/** A file sent with an e-mail (a calendar invitation); small text files only. */
export type MailAttachment = { filename: string; contentType: string; content: string };

// Every e-mail the platform sends, written in the transaction of the change that causes it and
// delivered from here by src/server/mail/mailer.ts (decision 036), kept so an admin can see what
// went out. Without SMTP and without a mailbox directory it is only stored: the outbox page.
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
    /** The contact person the message went to, so that erasing them reaches it (decision 012). */
    contactId: uuid('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /**
     * When delivery is next tried (decision 036): set as the message is written, moved on by the
     * back-off after a failed attempt; null once delivered, given up, or when nothing delivers
     * here (no SMTP and no mailbox directory: the outbox page is all there is).
     */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Delivery attempts that failed so far. */
    attempts: integer('attempts').notNull().default(0),
    /**
     * The one-time link of an invitation or reset, sealed under the installation's key until the
     * message is delivered, then cleared: the job that delivers after a crash still has it, and
     * nobody reading the outbox or the database can use it (decisions 030 and 036).
     */
    sealedLink: text('sealed_link'),
  },
  (t) => [
    index('outbox_messages_created_at_idx').on(t.createdAt),
    index('outbox_messages_contact_id_idx').on(t.contactId),
    index('outbox_messages_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.nextAttemptAt} is not null`),
  ],
);
