import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import { withheldLinkMarker } from '../../contracts/outbox';
import type { Config } from '../config';
import type { Database, Db } from '../db/client';
import { outboxMessages, type MailAttachment } from '../db/schema';
import { openText, purposeKey, sealText } from '../crypto/seal';

// E-mail through a transactional outbox (issue 14, decision 036). `send` only writes the message,
// with the caller's handle: inside a transaction it exists only if that commits. `deliverDue`
// then delivers what is due: at the end of the request that wrote it (app.ts, before its answer
// goes out), after a reminder job's transaction, and every minute from the job runner, which
// also retries failures with back-off and finds what a crash left behind.

const requestMail = new AsyncLocalStorage<{ hasQueued: boolean }>();

/** Runs one request's work in a scope of its own, so its end knows whether it wrote e-mail. */
export function inMailScope(work: () => void): void {
  requestMail.run({ hasQueued: false }, work);
}

/** Whether the request (the scope of `inMailScope`) wrote e-mail: only its end waits for delivery. */
export function requestWroteMail(): boolean {
  return requestMail.getStore()?.hasQueued ?? false;
}

/**
 * An e-mail to send. A message with a one-time link has `withheldLinkMarker` in its body where the
 * link goes, and the link beside it: the stored copy keeps the marker, the delivered one the link.
 */
export type MailMessage = {
  to: string;
  subject: string;
  body: string;
  attachments?: MailAttachment[];
  oneTimeLink?: string;
  /** The contact person it goes to, if any: erasing them erases the stored copy too. */
  contactId?: string;
};

export type DeliveryResult = { delivered: number; failed: number };

export type Mailer = {
  transport: 'smtp' | 'outbox';
  /** Writes the message into the outbox with the caller's handle; delivery follows its commit. */
  send: (db: Db, message: MailMessage, now: Date) => Promise<void>;
  /** Delivers every message whose attempt is due at `now`, each once across all processes. */
  deliverDue: (now: Date) => Promise<DeliveryResult>;
};

/** The body the recipient reads: the one-time link where the stored copy has its marker. */
export function deliveredBody(message: MailMessage): string {
  return message.oneTimeLink ? message.body.replaceAll(withheldLinkMarker, message.oneTimeLink) : message.body;
}

/** The key of the one-time links waiting in the outbox, derived from the installation's key. */
export const outboxLinkKey = (installationKey: Buffer) => purposeKey(installationKey, 'outbox one-time links');

/** Minutes to wait after the 1st, 2nd, … failed attempt; after the last the message is given up. */
export const retryDelaysMinutes = [1, 5, 15, 60, 240, 720] as const;

/** When a message that failed its `attempts`-th time is tried again, or null: given up. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const minutes = retryDelaysMinutes[attempts - 1];
  return minutes === undefined ? null : new Date(failedAt.getTime() + minutes * 60_000);
}

let mailboxSequence = 0;

/** Writes a delivered e-mail as one plain-text file, named so that the files sort as sent. */
async function writeToMailbox(dir: string, id: string, message: MailMessage): Promise<string> {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  mailboxSequence += 1;
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(mailboxSequence).padStart(6, '0')}-${id}.txt`;
  const headers = [
    `To: ${message.to}`,
    `Subject: ${message.subject}`,
    ...(message.attachments?.length ? [`Attachments: ${message.attachments.map((a) => a.filename).join(', ')}`] : []),
  ];
  const file = path.join(dir, name);
  // Only the owner reads it: it may hold a live one-time link.
  await fs.writeFile(file, `${headers.join('\n')}\n\n${deliveredBody(message)}\n`, { mode: 0o600 });
  return file;
}

type OutboxRow = typeof outboxMessages.$inferSelect;

/** A message already written: no more than one process delivers it at a time (see deliverDue). */
const dueMessages = (db: Db, now: Date, lock: boolean) => {
  const query = db
    .select()
    .from(outboxMessages)
    .where(and(isNull(outboxMessages.deliveredAt), lte(outboxMessages.nextAttemptAt, now)))
    .orderBy(asc(outboxMessages.nextAttemptAt))
    .limit(1);
  return lock ? query.for('update', { skipLocked: true }) : query;
};

/**
 * SMTP when configured; otherwise the outbox that admins read, and the mailbox files when a
 * mailbox directory is set (development). The stored message never holds a one-time link in clear.
 */
export function createMailer(config: Config, database: Database, log: FastifyBaseLogger): Mailer {
  const smtp = config.smtp;
  const transporter = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
        // A server that stops answering must not hold a delivery (and on PostgreSQL its row lock)
        // for nodemailer's default ten minutes.
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      })
    : undefined;
  const delivers = transporter !== undefined || config.mailboxDir !== undefined;
  const linkKey = outboxLinkKey(config.secondFactorKey);
  const linkKeys = config.secondFactorKeys.map(outboxLinkKey);

  /** Puts the message on its way; throws what the SMTP server or the file system said. */
  async function transmit(row: OutboxRow): Promise<void> {
    const message: MailMessage = {
      to: row.recipient,
      subject: row.subject,
      body: row.body,
      attachments: row.attachments,
      ...(row.sealedLink && { oneTimeLink: openText(linkKeys, row.id, row.sealedLink) }),
    };
    if (transporter) {
      await transporter.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: deliveredBody(message),
        // The same id on a retry: a mail system that saw the first copy may drop the second.
        messageId: `<${row.id}@industryinwest.invalid>`,
        attachments: message.attachments?.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
      });
      return;
    }
    const file = await writeToMailbox(config.mailboxDir!, row.id, message);
    // The recipient is personal data and stays out of the log (S14); the file name does not.
    if (config.env !== 'test') log.info({ outboxMessageId: row.id, file }, 'e-mail written to the mailbox directory');
  }

  /** Records the attempt's outcome on the row; the link goes once it is delivered or given up. */
  async function settle(db: Db, row: OutboxRow, error: unknown, now: Date): Promise<boolean> {
    if (error === undefined) {
      await db
        .update(outboxMessages)
        .set({ deliveredAt: new Date(), nextAttemptAt: null, sealedLink: null, error: null })
        .where(eq(outboxMessages.id, row.id));
      return true;
    }
    const attempts = row.attempts + 1;
    const next = nextAttemptAfter(attempts, now);
    const reason = error instanceof Error ? error.message.slice(0, 450) : 'delivery failed';
    log.error({ outboxMessageId: row.id, attempts, err: error }, 'e-mail delivery failed');
    await db
      .update(outboxMessages)
      .set({
        attempts,
        nextAttemptAt: next,
        error: next ? reason : `Given up after ${attempts} attempts: ${reason}`,
        ...(next === null && { sealedLink: null }),
      })
      .where(eq(outboxMessages.id, row.id));
    return false;
  }

  /**
   * One due message, delivered and settled. On PostgreSQL the row stays locked while it is sent,
   * so another process skips it, and a process that dies mid-send frees it at once (its
   * connection closes). The embedded database serves one process: no lock, and none of its one
   * connection held while SMTP talks.
   */
  async function deliverNext(now: Date): Promise<boolean | undefined> {
    const attempt = async (db: Db, row: OutboxRow) => {
      let failure: unknown;
      try {
        await transmit(row);
      } catch (error) {
        failure = error ?? new Error('delivery failed');
      }
      return settle(db, row, failure, now);
    };
    if (database.kind === 'postgres') {
      return database.db.transaction(async (tx) => {
        const [row] = await dueMessages(tx, now, true);
        return row ? attempt(tx, row) : undefined;
      });
    }
    const [row] = await dueMessages(database.db, now, false);
    return row ? attempt(database.db, row) : undefined;
  }

  let running: Promise<DeliveryResult> | undefined;
  let again = false;

  async function deliverAll(now: Date): Promise<DeliveryResult> {
    const result = { delivered: 0, failed: 0 };
    do {
      again = false;
      for (;;) {
        const outcome = await deliverNext(now);
        if (outcome === undefined) break;
        if (outcome) result.delivered += 1;
        else result.failed += 1;
      }
    } while (again);
    return result;
  }

  return {
    transport: transporter ? 'smtp' : 'outbox',
    send: async (db, message, now) => {
      const id = randomUUID();
      await db.insert(outboxMessages).values({
        id,
        createdAt: now,
        recipient: message.to,
        subject: message.subject,
        body: message.body,
        transport: transporter ? 'smtp' : 'outbox',
        attachments: message.attachments ?? [],
        contactId: message.contactId ?? null,
        nextAttemptAt: delivers ? now : null,
        // Nothing delivers here: the link goes nowhere, as the outbox page withholds it.
        sealedLink: delivers && message.oneTimeLink ? sealText(linkKey, id, message.oneTimeLink) : null,
      });
      const scope = requestMail.getStore();
      if (scope && delivers) scope.hasQueued = true;
    },
    deliverDue: (now) => {
      if (!delivers) return Promise.resolve({ delivered: 0, failed: 0 });
      // One pass at a time in a process; a call during a pass makes it look once more, so a
      // message committed meanwhile is delivered before the caller's promise settles.
      if (running) {
        again = true;
        return running;
      }
      running = deliverAll(now).finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
