import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionAbsoluteMs, sessionIdleMs } from '../../../core/session-policy';
import { withheldLinkMarker } from '../../../contracts/outbox';
import { searchDatabase } from '../../test/database-search';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app';
import { secondFactors } from '../../db/schema';
import { demoAdminTotpSecret } from '../../db/seed';
import { passwordChecks } from './passwords';
import { totpCodeAt } from './totp';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const json = { 'content-type': 'application/json' };

async function login(email: string, password: string, ip = '10.0.0.1') {
  return t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
}

function cookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'iiw_session');
  return cookie ? `${cookie.name}=${cookie.value}` : '';
}

async function me(cookie: string) {
  return t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
}

async function latestMailTo(recipient: string): Promise<string> {
  // The recipient's copy: the outbox that admins read withholds the link (issue 14, finding 4).
  return t.latestLinkTokenTo(recipient);
}

describe('sign-in', () => {
  it('signs in with the right password and sets a strict HttpOnly session cookie', async () => {
    const response = await login(fixtures.emails.coachOwn, fixtures.password);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'coach', abilities: { viewUsers: true, manageUsers: false } });
    const cookie = response.cookies.find((c) => c.name === 'iiw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // 32 random bytes in base64url: 256 bits (S9 asks for at least 128).
    expect(cookie!.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a new session id at every sign-in', async () => {
    const first = cookieOf(await login(fixtures.emails.coachOwn, fixtures.password, '10.0.0.2'));
    const second = cookieOf(await login(fixtures.emails.coachOwn, fixtures.password, '10.0.0.2'));
    expect(first).not.toBe(second);
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail alike (401)', async () => {
    const wrong = await login(fixtures.emails.companyOther, 'not the password', '10.0.0.3');
    const unknown = await login('nobody@demo.industryinwest.example', 'not the password', '10.0.0.3');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a burst of five wrong passwords in a second with 429 before hashing (S8)', async () => {
    const email = fixtures.emails.coachOther;
    const statuses: number[] = [];
    let checksAtFirstRefusal = -1;
    for (let i = 0; i < 5; i += 1) {
      const response = await login(email, `wrong-${i}`, '10.0.1.1');
      statuses.push(response.statusCode);
      if (response.statusCode === 429 && checksAtFirstRefusal < 0) {
        checksAtFirstRefusal = passwordChecks.count;
        expect(response.headers['retry-after']).toMatch(/^\d+$/);
        expect(response.json()).toMatchObject({
          code: 'rate_limited',
          details: { retryAfterSeconds: expect.any(Number) },
        });
      }
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    // Further attempts, even with the right password, are refused without a password check.
    const before = passwordChecks.count;
    const refused = await login(email, fixtures.password, '10.0.1.1');
    expect(refused.statusCode).toBe(429);
    expect(passwordChecks.count).toBe(before);
    expect(checksAtFirstRefusal).toBe(before);
  });

  it('throttles per IP address across accounts', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i += 1) {
      statuses.push((await login(`someone-${i}@demo.industryinwest.example`, 'wrong', '10.0.2.1')).statusCode);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('names the field of a bad sign-in request (400)', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: '' },
    });
    expect(response.statusCode).toBe(400);
    const fields = (response.json() as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password']));
  });
});

describe('failed passwords never lock the owner out (issue 14, finding 5; S8)', () => {
  async function resetPassword(email: string, password: string, ip: string) {
    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: ip,
    });
    expect(requested.statusCode).toBe(202);
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: t.latestLinkTokenTo(email), password },
    });
    expect(confirmed.statusCode).toBe(204);
  }

  async function newCoach(email: string, password: string) {
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: await t.login('admin') },
      payload: { email, name: 'Utsatt Coach', role: 'coach', organisationId: fixtures.ownOrganisationId },
    });
    expect(invited.statusCode).toBe(201);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: t.latestLinkTokenTo(email), password },
    });
    expect(accepted.statusCode).toBe(200);
  }

  it('holds an account without a second factor after ten failures from many addresses, and a reset lets its owner in', async () => {
    const email = 'utsatt.coach@demo.industryinwest.example';
    await newCoach(email, 'mitt första långa lösenord');
    const before = passwordChecks.count;
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await login(email, `gissning ${i}`, `10.6.0.${i + 1}`)).statusCode);
    // Ten failures are checked; after them the password is no longer checked at all this hour.
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(10).fill(429)]);
    expect(passwordChecks.count - before).toBe(10);
    const held = await login(email, 'mitt första långa lösenord', '10.6.1.1');
    expect(held.statusCode).toBe(429);
    expect(held.json()).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('Reset the password') });

    // The owner proves the mailbox: the reset clears the hold and the new password signs in.
    await resetPassword(email, 'mitt andra långa lösenord', '10.6.1.2');
    expect((await login(email, 'mitt andra långa lösenord', '10.6.1.3')).statusCode).toBe(200);
  });

  it('lets the right password and code through at an account with a second factor, however many failures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      statuses.push((await login(fixtures.emails.admin, `gissning ${i}`, `10.6.2.${i + 1}`)).statusCode);
    }
    expect(statuses.every((status) => status === 401)).toBe(true);
    const password = await login(fixtures.emails.admin, fixtures.password, '10.6.3.1');
    expect(password.statusCode).toBe(202);
    await t.database.db
      .update(secondFactors)
      .set({ lastUsedStep: null })
      .where(eq(secondFactors.userId, fixtures.adminId));
    const code = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      headers: { cookie: cookieOf(password) },
      payload: { code: totpCodeAt(demoAdminTotpSecret, t.clock.now) },
      remoteAddress: '10.6.3.1',
    });
    expect(code.statusCode).toBe(200);
  });

  it('counts in the database, so a second app process on it sees the same failures', async () => {
    const email = 'delad.raknare@demo.industryinwest.example';
    await newCoach(email, 'ett långt lösenord att dela');
    // A second app on the same database: its own throttle object, nothing shared but the database.
    const second = await buildApp({ config: t.ctx.config, database: t.database, now: () => t.clock.now });
    try {
      for (let i = 0; i < 10; i += 1) expect((await login(email, `fel ${i}`, `10.6.4.${i + 1}`)).statusCode).toBe(401);
      const elsewhere = await second.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email, password: 'ett långt lösenord att dela' },
        remoteAddress: '10.6.5.1',
      });
      expect(elsewhere.statusCode).toBe(429);
    } finally {
      await second.app.close();
    }
  });
});

describe('the session the web app asks for on every load', () => {
  it('answers 200 with no user for a visitor, and with the user once signed in', async () => {
    const visitor = await t.app.inject({ method: 'GET', url: '/api/auth/session' });
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ me: null });
    const cookie = cookieOf(await login(fixtures.emails.coachOwn, fixtures.password, '10.0.0.30'));
    const signedIn = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } });
    expect(signedIn.json()).toMatchObject({ me: { email: fixtures.emails.coachOwn, role: 'coach' } });
    expect(signedIn.headers['cache-control']).toBe('no-store');
  });
});

describe('sessions (S9)', () => {
  it('ends after 30 minutes without activity', async () => {
    const cookie = cookieOf(await login(fixtures.emails.companyOwn, fixtures.password, '10.0.3.1'));
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + sessionIdleMs - 1000);
      expect((await me(cookie)).statusCode).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + sessionIdleMs);
      expect((await me(cookie)).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('ends after 12 hours however active it is', async () => {
    const cookie = cookieOf(await login(fixtures.emails.companyOwn, fixtures.password, '10.0.3.2'));
    const start = t.clock.now;
    try {
      for (let elapsed = 0; elapsed < sessionAbsoluteMs; elapsed += sessionIdleMs / 2) {
        t.clock.now = new Date(start.getTime() + elapsed);
        expect((await me(cookie)).statusCode).toBe(200);
      }
      t.clock.now = new Date(start.getTime() + sessionAbsoluteMs);
      expect((await me(cookie)).statusCode).toBe(401);
    } finally {
      t.clock.now = start;
    }
  });

  it('is dead after sign-out', async () => {
    const cookie = cookieOf(await login(fixtures.emails.companyOwn, fixtures.password, '10.0.3.3'));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, ...json },
      payload: '{}',
    });
    expect(response.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('is dead once an admin deactivates the account', async () => {
    const admin = await t.login('admin');
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: {
        email: 'snart.avstangd@demo.industryinwest.example',
        name: 'Snart Avstängd',
        role: 'coach',
        organisationId: fixtures.ownOrganisationId,
      },
    });
    const user = invited.json() as { id: string };
    const token = await latestMailTo('snart.avstangd@demo.industryinwest.example');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'ett långt lösenord' },
    });
    expect(accepted.statusCode).toBe(200);
    const cookie = cookieOf(accepted);
    expect((await me(cookie)).statusCode).toBe(200);
    const current = (
      await t.app.inject({ method: 'GET', url: `/api/users/${user.id}`, headers: { cookie: admin } })
    ).json() as { version: number };
    const deactivated = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: admin },
      payload: { version: current.version, status: 'deactivated' },
    });
    expect(deactivated.statusCode).toBe(200);
    expect((await me(cookie)).statusCode).toBe(401);
    expect(
      (await login('snart.avstangd@demo.industryinwest.example', 'ett långt lösenord', '10.0.3.4')).statusCode,
    ).toBe(401);
  });
});

describe('invitations', () => {
  it('lets an invited user choose a password once and signs them in', async () => {
    const admin = await t.login('admin');
    const email = 'ny.coach@demo.industryinwest.example';
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { email, name: 'Ny Coach', role: 'coach', organisationId: fixtures.ownOrganisationId, locale: 'en' },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ status: 'invited', role: 'coach' });
    const token = await latestMailTo(email);
    const info = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(info.json()).toEqual({ email, name: 'Ny Coach', role: 'coach' });

    const common = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'password123' },
    });
    expect(common.statusCode).toBe(400);
    expect(common.json()).toMatchObject({ details: { fields: [{ field: 'password', code: 'too_common' }] } });

    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'korrekt häst batteri häftstift' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ email, role: 'coach', locale: 'en' });
    expect((await me(cookieOf(accepted))).statusCode).toBe(200);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token, password: 'ett annat långt lösenord' },
    });
    expect(again.statusCode).toBe(404);
  });

  it('refuses an invitation link after seven days', async () => {
    const admin = await t.login('admin');
    const email = 'sen.coach@demo.industryinwest.example';
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin },
      payload: { email, name: 'Sen Coach', role: 'coach', organisationId: fixtures.ownOrganisationId },
    });
    const token = await latestMailTo(email);
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 7 * 24 * 3600 * 1000 + 1000);
      expect((await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` })).statusCode).toBe(404);
    } finally {
      t.clock.now = start;
    }
  });
});

describe('password reset', () => {
  it('sets a new password with the e-mailed link and ends the old sessions', async () => {
    const email = fixtures.emails.companyOther;
    const oldSession = cookieOf(await login(email, fixtures.password, '10.0.4.1'));
    const request = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: '10.0.4.1',
    });
    expect(request.statusCode).toBe(202);
    const token = await latestMailTo(email);

    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'kort' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json()).toMatchObject({ details: { fields: [{ field: 'password' }] } });

    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'nytt långt lösenord 2026' },
    });
    expect(confirmed.statusCode).toBe(204);
    expect((await me(oldSession)).statusCode).toBe(401);
    expect((await login(email, 'nytt långt lösenord 2026', '10.0.4.2')).statusCode).toBe(200);
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token, password: 'ännu ett långt lösenord' },
    });
    expect(reused.statusCode).toBe(404);
  });

  it('answers an unknown address the same way and sends nothing', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: '/api/outbox',
      headers: { cookie: await t.login('admin') },
    });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email: 'okand@demo.industryinwest.example' },
      remoteAddress: '10.0.4.3',
    });
    expect(response.statusCode).toBe(202);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/outbox',
      headers: { cookie: await t.login('admin') },
    });
    expect((after.json() as { total: number }).total).toBe((before.json() as { total: number }).total);
  });

  it('refuses a reset link after 60 minutes', async () => {
    const email = fixtures.emails.coachOwn;
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: '10.0.4.4',
    });
    const token = await latestMailTo(email);
    const start = t.clock.now;
    try {
      t.clock.now = new Date(start.getTime() + 60 * 60 * 1000 + 1000);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset/confirm',
        payload: { token, password: 'nytt långt lösenord 2026' },
      });
      expect(response.statusCode).toBe(404);
    } finally {
      t.clock.now = start;
    }
  });
});

describe('one-time links in the outbox (issue 14, finding 4)', () => {
  async function outboxText(): Promise<{ text: string; items: { recipient: string; body: string }[] }> {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/outbox?pageSize=100',
      headers: { cookie: await t.login('admin') },
    });
    expect(response.statusCode).toBe(200);
    return { text: response.body, items: (response.json() as { items: { recipient: string; body: string }[] }).items };
  }

  it('shows invitation and reset e-mails with the link withheld, keeps the tokens nowhere, and the links still work for the recipient', async () => {
    const email = 'utkorg.las@demo.industryinwest.example';
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: await t.login('admin') },
      payload: { email, name: 'Utkorg Läsare', role: 'coach', organisationId: fixtures.ownOrganisationId },
    });
    expect(invited.statusCode).toBe(201);
    const afterInvitation = await outboxText();
    const invitationCopy = afterInvitation.items.find((m) => m.recipient === email);
    expect(invitationCopy?.body).toContain(withheldLinkMarker);
    expect(afterInvitation.text).not.toMatch(/token=/);

    // The recipient's own copy carries the link, and it works once.
    const invitationToken = t.latestLinkTokenTo(email);
    expect(afterInvitation.text).not.toContain(invitationToken);
    expect(await searchDatabase(t.database.db, [invitationToken])).toEqual([]);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: invitationToken, password: 'ett långt lösenord för utkorgen' },
    });
    expect(accepted.statusCode).toBe(200);

    const requested = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      payload: { email },
      remoteAddress: '10.0.4.20',
    });
    expect(requested.statusCode).toBe(202);
    const afterReset = await outboxText();
    expect(afterReset.items.filter((m) => m.recipient === email)).toHaveLength(2);
    expect(afterReset.text).not.toMatch(/token=/);
    const resetToken = t.latestLinkTokenTo(email);
    expect(resetToken).not.toBe(invitationToken);
    expect(afterReset.text).not.toContain(resetToken);
    expect(await searchDatabase(t.database.db, [resetToken])).toEqual([]);

    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: resetToken, password: 'ett nytt lösenord för utkorgen' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await login(email, 'ett nytt lösenord för utkorgen', '10.0.4.21')).statusCode).toBe(200);
  });
});

describe('own account', () => {
  it('changes the own language and records it in the audit trail', async () => {
    const cookie = await t.login('coachOwn');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/auth/me',
      headers: { cookie },
      payload: { locale: 'en' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ locale: 'en' });
    const rows = await t.database.db.query.auditEntries.findMany({
      where: (a, { eq }) => eq(a.action, 'user.update_self'),
    });
    expect(rows.length).toBeGreaterThan(0);
  });
});
