import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { outboxMessages, type MailAttachment } from '../db/schema';

export type MailMessage = { to: string; subject: string; body: string; attachments?: MailAttachment[] };

export type Mailer = {
  transport: 'smtp' | 'outbox';
  /** Records the message and delivers it (SMTP) or keeps it in the development outbox. */
  send: (db: Db, message: MailMessage, now: Date) => Promise<void>;
};

/** SMTP when configured; otherwise every message stays in the outbox that admins can read. */
export function createMailer(config: Config, log: FastifyBaseLogger): Mailer {
  const smtp = config.smtp;
  const transporter = smtp
    ? nodemailer.createTransport({
        host: smtp.host,
        port: smtp.port,
        secure: smtp.secure,
        auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
      })
    : undefined;
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
      });
      if (!transporter) {
        // The development outbox: the link must be reachable without a mail server. The
        // recipient is personal data and stays out of the log (S14).
        if (config.env !== 'test')
          log.info(
            { outboxMessageId: id, subject: message.subject },
            'e-mail kept in the development outbox (Admin → E-postutkorg)',
          );
        return;
      }
      try {
        await transporter.sendMail({
          from: config.mailFrom,
          to: message.to,
          subject: message.subject,
          text: message.body,
          attachments: message.attachments?.map((a) => ({
            filename: a.filename,
            content: a.content,
            contentType: a.contentType,
          })),
        });
        await db.update(outboxMessages).set({ deliveredAt: new Date() }).where(eq(outboxMessages.id, id));
      } catch (error) {
        log.error({ outboxMessageId: id, err: error }, 'SMTP delivery failed');
        await db
          .update(outboxMessages)
          .set({ error: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed' })
          .where(eq(outboxMessages.id, id));
      }
    },
  };
}
