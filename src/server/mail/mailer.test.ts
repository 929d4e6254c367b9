import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type TestApp } from '../test/test-app';

// With SMTP configured, e-mail leaves through a real SMTP conversation (here a local server on
// loopback) and the outbox row records the delivery.

const received: { to: string[]; data: string }[] = [];
let smtp: SMTPServer;
let t: TestApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
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
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe('e-mail through SMTP', () => {
  it('delivers a password reset link and marks it delivered in the outbox', async () => {
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
      outbox.json() as { items: { transport: string; deliveredAt: string | null; error: string | null }[] }
    ).items;
    expect(message).toMatchObject({ transport: 'smtp', error: null });
    expect(message!.deliveredAt).not.toBeNull();
  });
});
