import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withheldLinkMarker } from '../../contracts/outbox';
import { and, eq, like } from 'drizzle-orm';
import { outboxMessages } from '../db/schema';
import { createJobRunner } from '../jobs/job-runner';
import { startSmtpServer, type ReceivedMail, type TestSmtpServer } from '../test/smtp-server';
import { createTestApp, fixtures, type TestApp } from '../test/test-app';
import { retryDelaysMinutes } from './mailer';

// With SMTP configured, e-mail leaves through a real SMTP conversation (here a local server on
// loopback) and the outbox row records the delivery.

const received: ReceivedMail[] = [];
/** How many of the next password resets the server turns away with a temporary failure (451). */
let refuseNext = 0;
let smtp: TestSmtpServer;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtpServer((mail) => {
    if (refuseNext > 0 && mail.data.includes('reset-password')) {
      refuseNext -= 1;
      return 'refuse';
    }
    received.push(mail);
    return 'accept';
  });
  const port = smtp.port;
  t = await createTestApp({
    env: {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(port),
      MAIL_FROM: 'Industry In West <test@industryinwest.example>',
    },
  });
});

afterAll(async () => {
  await t?.close();
  await smtp.close();
});

describe('e-mail through SMTP', () => {
  it('delivers a password reset link, marks it delivered in the outbox and keeps the link out of it', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: fixtures.emails.coachOwn },
    });
    expect(response.statusCode).toBe(202);
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toEqual([fixtures.emails.coachOwn]);
    expect(received[0]!.data).toMatch(/reset-password\?token=/);
    const outbox = await t.app.inject({
      method: 'GET',
      url: '/api/outbox',
      headers: { cookie: await t.login('admin') },
    });
    const [message] = (
      outbox.json() as {
        items: { transport: string; deliveredAt: string | null; error: string | null; body: string }[];
      }
    ).items;
    expect(message).toMatchObject({ transport: 'smtp', error: null });
    expect(message!.deliveredAt).not.toBeNull();
    // The delivered copy has the link; the stored one only its marker (issue 14, finding 4).
    expect(message!.body).toContain(withheldLinkMarker);
    expect(message!.body).not.toMatch(/token=/);
  });
});

describe('the transactional outbox (issue 14, decision 036)', () => {
  const requestReset = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: fixtures.emails.coachOther },
    });
  const resetRow = async () => {
    const rows = await t.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.recipient, fixtures.emails.coachOther), like(outboxMessages.subject, 'Återställ%')));
    return rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0]!;
  };
  const minutesLater = (from: Date, minutes: number) => new Date(from.getTime() + minutes * 60_000);

  it('retries a refused delivery with back-off, with its link, until the server takes it', async () => {
    const start = new Date();
    t.clock.now = start;
    refuseNext = 2;
    const before = received.length;
    expect((await requestReset()).statusCode).toBe(202);
    let row = await resetRow();
    expect(row).toMatchObject({ deliveredAt: null, attempts: 1 });
    expect(row.error).toMatch(/try again later/);
    expect(row.nextAttemptAt).toEqual(minutesLater(start, retryDelaysMinutes[0]));
    // The link waits sealed, never in clear.
    expect(row.sealedLink).toMatch(/^v1\./);
    expect(row.sealedLink).not.toMatch(/token/);

    const runner = createJobRunner(t.ctx, { hasWorkers: false });
    await runner.start();
    // Not yet due: nothing is tried.
    t.clock.now = minutesLater(start, 0.5);
    await runner.runQueued();
    expect((await resetRow()).attempts).toBe(1);
    // Due: tried, refused again, and the wait grows.
    t.clock.now = minutesLater(start, 1);
    await t.ctx.mailer.deliverDue(t.clock.now);
    row = await resetRow();
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt).toEqual(minutesLater(start, 1 + retryDelaysMinutes[1]));
    // Taken: delivered once, with the link, and the sealed link is gone.
    await runner.stop({ graceful: false });
    t.clock.now = minutesLater(start, 1 + retryDelaysMinutes[1]);
    await t.ctx.mailer.deliverDue(t.clock.now);
    row = await resetRow();
    expect(row.deliveredAt).not.toBeNull();
    expect(row).toMatchObject({ nextAttemptAt: null, sealedLink: null, error: null });
    const delivered = received
      .slice(before)
      .filter((m) => m.to.includes(fixtures.emails.coachOther) && m.data.includes('reset-password'));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.data).toMatch(/reset-password\?token=/);
  });

  it('gives a message up after the last attempt and keeps no link for it', async () => {
    const start = new Date();
    t.clock.now = start;
    refuseNext = retryDelaysMinutes.length + 1;
    expect((await requestReset()).statusCode).toBe(202);
    let at = start;
    for (const minutes of retryDelaysMinutes) {
      at = minutesLater(at, minutes);
      await t.ctx.mailer.deliverDue(at);
    }
    const row = await resetRow();
    expect(row).toMatchObject({
      deliveredAt: null,
      nextAttemptAt: null,
      sealedLink: null,
      attempts: retryDelaysMinutes.length + 1,
    });
    expect(row.error).toMatch(/^Given up after 7 attempts/);
    refuseNext = 0;
  });

  it('sends nothing for a change that rolls back', async () => {
    const subject = `Rolled back ${Date.now()}`;
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await t.ctx.mailer.send(tx, { to: fixtures.emails.coachOwn, subject, body: 'Never sent' }, t.ctx.now());
        throw new Error('the change failed after the e-mail was written');
      }),
    ).rejects.toThrow(/change failed/);
    await t.ctx.mailer.deliverDue(t.ctx.now());
    expect(received.filter((m) => m.data.includes(subject))).toEqual([]);
    const rows = await t.database.db.select().from(outboxMessages).where(eq(outboxMessages.subject, subject));
    expect(rows).toEqual([]);
  });
});
