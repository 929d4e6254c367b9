import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pendingSignInMs } from '../../../core/session-policy';
import { auditEntries, secondFactors, sessions, users } from '../../db/schema';
import { demoAdminTotpSecret } from '../../db/seed';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';
import { issueToken } from './auth.service';
import { hashPassword, secretDigest } from './passwords';
import { totpCodeAt } from './totp';

// docs/quality.md S7 through the real HTTP layer on the real database engine, with the app's clock
// moved by hand (decision 021). Each test signs in from an address of its own, so the throttles
// of one test never answer for another; most make a fresh account for the same reason.

let t: TestApp;
let passwordHash: string;
const password = 'ett långt lösenord för tvåstegs';

beforeAll(async () => {
  t = await createTestApp();
  passwordHash = await hashPassword(password);
});
afterAll(async () => {
  await t?.close();
});

const start = new Date();
afterEach(() => {
  t.clock.now = start;
});

const seconds = (n: number) => new Date(t.clock.now.getTime() + n * 1000);

let addressCounter = 0;
/** An IP address of the test's own. */
const newAddress = () => `10.7.${Math.floor(addressCounter / 250)}.${(addressCounter++ % 250) + 1}`;

/** An active account of the role, with the test password and no second factor. */
async function newAccount(role: 'admin' | 'coach'): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `tvastegs-${id.slice(0, 8)}@demo.industryinwest.example`;
  await t.database.db.insert(users).values({
    id,
    email,
    name: 'Tvåstegs Testperson',
    role,
    organisationId: role === 'coach' ? fixtures.ownOrganisationId : null,
    status: 'active',
    passwordHash,
  });
  return { id, email };
}

function cookieOf(response: { cookies: { name: string; value: string }[] }): string {
  const cookie = response.cookies.find((c) => c.name === 'iiw_session');
  return cookie ? `${cookie.name}=${cookie.value}` : '';
}

function post(url: string, cookie: string, payload: unknown, ip: string) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload: payload as object, remoteAddress: ip });
}

function get(url: string, cookie: string) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

function signIn(email: string, ip: string, withPassword = password) {
  return post('/api/auth/login', '', { email, password: withPassword }, ip);
}

/** A code the app does not show at any of the three accepted steps around now. */
function wrongCodeFor(secret: string): string {
  const right = [-30, 0, 30].map((offset) => totpCodeAt(secret, seconds(offset)));
  return ['000000', '111111', '222222', '333333'].find((code) => !right.includes(code))!;
}

const verify = (cookie: string, code: string, ip: string) =>
  post('/api/auth/second-factor/verify', cookie, { code }, ip);

/** Enrols the signed-in session's user (with the password); returns the secret and the new session. */
async function enrol(cookie: string, ip: string) {
  const started = await post('/api/auth/second-factor/enrolment', cookie, {}, ip);
  expect(started.statusCode, started.body).toBe(200);
  const { secret } = started.json() as { secret: string };
  const confirmed = await post(
    '/api/auth/second-factor/enrolment/confirm',
    cookie,
    { code: totpCodeAt(secret, t.clock.now), password },
    ip,
  );
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return {
    secret,
    cookie: cookieOf(confirmed),
    recoveryCodes: (confirmed.json() as { recoveryCodes: string[] }).recoveryCodes,
  };
}

/** A coach with the second factor on, signed in. */
async function enrolledCoach() {
  const ip = newAddress();
  const account = await newAccount('coach');
  const signedIn = await signIn(account.email, ip);
  expect(signedIn.statusCode).toBe(200);
  return { ...account, ip, ...(await enrol(cookieOf(signedIn), ip)) };
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.entityId, userId))
    .orderBy(auditEntries.at);
  return rows.map((row) => row.action);
}

describe('sign-in with a second factor', () => {
  it('asks an admin for the code after the password and gives no session before it', async () => {
    const ip = newAddress();
    const afterPassword = await signIn(fixtures.emails.admin, ip, fixtures.password);
    expect(afterPassword.statusCode).toBe(202);
    expect(afterPassword.json()).toEqual({ next: 'second_factor' });
    const waiting = cookieOf(afterPassword);
    expect((await get('/api/auth/me', waiting)).statusCode).toBe(401);
    expect((await get('/api/companies', waiting)).statusCode).toBe(401);
    expect((await get('/api/auth/second-factor', waiting)).statusCode).toBe(401);

    t.clock.now = seconds(60);
    const verified = await verify(waiting, totpCodeAt(demoAdminTotpSecret, t.clock.now), ip);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ role: 'admin', abilities: { manageUsers: true } });
    const signedIn = cookieOf(verified);
    expect(signedIn).not.toBe(waiting);
    expect((await get('/api/auth/me', signedIn)).statusCode).toBe(200);
    expect((await get('/api/auth/me', waiting)).statusCode).toBe(401);
  });

  it('refuses a wrong code on the field and lets the person try again', async () => {
    const coach = await enrolledCoach();
    const waiting = cookieOf(await signIn(coach.email, coach.ip));
    t.clock.now = seconds(60);
    const refused = await verify(waiting, wrongCodeFor(coach.secret), coach.ip);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      code: 'invalid_input',
      details: { fields: [{ field: 'code', code: 'wrong_code' }] },
    });
    expect(cookieOf(refused)).toBe('');
    expect((await verify(waiting, totpCodeAt(coach.secret, t.clock.now), coach.ip)).statusCode).toBe(200);
  });

  it('accepts the code of the step before and after (± 30 s), not two steps away', async () => {
    const coach = await enrolledCoach();
    const cases = [
      { sentence: 'a code 30 s old', offset: -30, expected: 200 },
      { sentence: 'a code 30 s ahead', offset: 30, expected: 200 },
      { sentence: 'a code 60 s old', offset: -60, expected: 400 },
      { sentence: 'a code 60 s ahead', offset: 60, expected: 400 },
    ];
    for (const [index, { sentence, offset, expected }] of cases.entries()) {
      // Ten minutes apart, so that the replay guard has nothing to say.
      t.clock.now = new Date(start.getTime() + (index + 1) * 600_000);
      const waiting = cookieOf(await signIn(coach.email, coach.ip));
      const code = totpCodeAt(coach.secret, seconds(offset));
      expect((await verify(waiting, code, coach.ip)).statusCode, sentence).toBe(expected);
    }
  });

  it('refuses a code that was used once (replay), also in a new sign-in within its window', async () => {
    const coach = await enrolledCoach();
    t.clock.now = seconds(90);
    const code = totpCodeAt(coach.secret, t.clock.now);
    const first = cookieOf(await signIn(coach.email, coach.ip));
    expect((await verify(first, code, coach.ip)).statusCode).toBe(200);
    const second = cookieOf(await signIn(coach.email, coach.ip));
    expect((await verify(second, code, coach.ip)).statusCode).toBe(400);
    // A code of an earlier step, still inside the window, is a replay too.
    expect((await verify(second, totpCodeAt(coach.secret, seconds(-30)), coach.ip)).statusCode).toBe(400);
    t.clock.now = seconds(30);
    expect((await verify(second, totpCodeAt(coach.secret, t.clock.now), coach.ip)).statusCode).toBe(200);
  });

  it('signs in with a recovery code once, and records its use', async () => {
    const coach = await enrolledCoach();
    expect(coach.recoveryCodes).toHaveLength(10);
    expect(new Set(coach.recoveryCodes).size).toBe(10);
    const [code] = coach.recoveryCodes as [string];
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);

    const first = cookieOf(await signIn(coach.email, coach.ip));
    // Typed in lower case and without the dashes, it is the same code.
    const used = await verify(first, code.toLowerCase().replaceAll('-', ''), coach.ip);
    expect(used.statusCode, used.body).toBe(200);
    const second = cookieOf(await signIn(coach.email, coach.ip));
    expect((await verify(second, code, coach.ip)).statusCode).toBe(400);

    const status = await get('/api/auth/second-factor', cookieOf(used));
    expect(status.json()).toMatchObject({ isEnabled: true, recoveryCodesLeft: 9 });
    expect(await auditActions(coach.id)).toEqual(
      expect.arrayContaining(['user.enable_second_factor', 'user.use_recovery_code']),
    );
  });

  it('lets a sign-in wait five minutes for its code, no longer', async () => {
    const coach = await enrolledCoach();
    const waiting = cookieOf(await signIn(coach.email, coach.ip));
    t.clock.now = new Date(start.getTime() + pendingSignInMs.second_factor);
    const response = await verify(waiting, totpCodeAt(coach.secret, t.clock.now), coach.ip);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a burst of codes with 429 before checking, even the right one', async () => {
    const coach = await enrolledCoach();
    const waiting = cookieOf(await signIn(coach.email, coach.ip));
    t.clock.now = seconds(120);
    const wrong = wrongCodeFor(coach.secret);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await verify(waiting, wrong, coach.ip)).statusCode);
    const refused = await verify(waiting, totpCodeAt(coach.secret, t.clock.now), coach.ip);
    expect(statuses).toEqual([400, 400, 400, 400, 400]);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toMatch(/^\d+$/);
  });

  it('answers the code step without a waiting sign-in with 401', async () => {
    const response = await verify(await t.login('coachOwn'), '123456', newAddress());
    expect(response.statusCode).toBe(401);
  });
});

describe('admins must enrol (S7)', () => {
  it('sends an admin without a second factor to enrol, and opens nothing else until it is confirmed', async () => {
    const ip = newAddress();
    const admin = await newAccount('admin');
    const afterPassword = await signIn(admin.email, ip);
    expect(afterPassword.statusCode).toBe(202);
    expect(afterPassword.json()).toEqual({ next: 'enrolment' });
    const waiting = cookieOf(afterPassword);
    for (const url of ['/api/auth/me', '/api/users', '/api/organisations', '/api/auth/second-factor']) {
      expect((await get(url, waiting)).statusCode, url).toBe(401);
    }
    // The enrolment-waiting session has no code step: it must enrol.
    expect((await verify(waiting, '123456', ip)).statusCode).toBe(401);

    const started = await post('/api/auth/second-factor/enrolment', waiting, {}, ip);
    expect(started.statusCode).toBe(200);
    const enrolment = started.json() as { secret: string; uri: string; qrCode: string };
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.uri).toBe(
      `otpauth://totp/Industry%20In%20West:${encodeURIComponent(admin.email)}?issuer=Industry%20In%20West&secret=${enrolment.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(enrolment.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);

    const wrong = await post(
      '/api/auth/second-factor/enrolment/confirm',
      waiting,
      { code: wrongCodeFor(enrolment.secret) },
      ip,
    );
    expect(wrong.statusCode).toBe(400);
    const confirmed = await post(
      '/api/auth/second-factor/enrolment/confirm',
      waiting,
      { code: totpCodeAt(enrolment.secret, t.clock.now) },
      ip,
    );
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const body = confirmed.json() as { me: { role: string }; recoveryCodes: string[] };
    expect(body.me.role).toBe('admin');
    expect(body.recoveryCodes).toHaveLength(10);
    expect((await get('/api/users', cookieOf(confirmed))).statusCode).toBe(200);
    expect((await get('/api/auth/me', waiting)).statusCode).toBe(401);
    expect((await auditActions(admin.id)).sort()).toEqual(['user.enable_second_factor', 'user.sign_in']);

    // From now on the admin signs in with a code.
    t.clock.now = seconds(60);
    const next = await signIn(admin.email, ip);
    expect(next.json()).toEqual({ next: 'second_factor' });
    expect((await verify(cookieOf(next), totpCodeAt(enrolment.secret, t.clock.now), ip)).statusCode).toBe(200);
  });

  it('lets an invited admin choose a password, then enrol before the first page', async () => {
    const id = randomUUID();
    await t.database.db.insert(users).values({
      id,
      email: `inbjuden-admin-${id.slice(0, 8)}@demo.industryinwest.example`,
      name: 'Inbjuden Admin',
      role: 'admin',
      status: 'invited',
    });
    const token = await issueToken(t.ctx, t.ctx.db, id, 'invitation');
    const accepted = await post('/api/auth/invitations/accept', '', { token, password }, newAddress());
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json()).toEqual({ next: 'enrolment' });
    expect((await get('/api/auth/me', cookieOf(accepted))).statusCode).toBe(401);
  });

  it('gives the enrolment a quarter of an hour', async () => {
    const ip = newAddress();
    const waiting = cookieOf(await signIn((await newAccount('admin')).email, ip));
    t.clock.now = new Date(start.getTime() + pendingSignInMs.enrolment);
    expect((await post('/api/auth/second-factor/enrolment', waiting, {}, ip)).statusCode).toBe(401);
  });

  it('does not accept a signed-in admin session without a second factor (one from before the rule)', async () => {
    const admin = await newAccount('admin');
    const token = 'a-session-token-from-before-the-second-factor-rule';
    await t.database.db.insert(sessions).values({
      id: secretDigest(token),
      userId: admin.id,
      createdAt: t.clock.now,
      lastSeenAt: t.clock.now,
    });
    expect((await get('/api/auth/me', `iiw_session=${token}`)).statusCode).toBe(401);
  });

  it('refuses to turn an admin’s second factor off (422)', async () => {
    const response = await post(
      '/api/auth/second-factor/disable',
      await t.login('admin'),
      { password: fixtures.password },
      newAddress(),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'rule_violated' });
  });
});

describe('optional for everyone else', () => {
  it('lets a coach sign in without a code until they turn it on, then asks for one', async () => {
    const ip = newAddress();
    const coach = await newAccount('coach');
    const before = await signIn(coach.email, ip);
    expect(before.statusCode).toBe(200);
    const status = await get('/api/auth/second-factor', cookieOf(before));
    expect(status.json()).toEqual({ isEnabled: false, isRequired: false, enabledAt: null, recoveryCodesLeft: 0 });

    const enrolled = await enrol(cookieOf(before), ip);
    // Turning it on ends the other sessions and renews this one.
    expect((await get('/api/auth/me', cookieOf(before))).statusCode).toBe(401);
    const after = await get('/api/auth/second-factor', enrolled.cookie);
    expect(after.json()).toMatchObject({ isEnabled: true, isRequired: false, recoveryCodesLeft: 10 });
    expect(after.body).not.toContain(enrolled.secret);
    expect((await post('/api/auth/second-factor/enrolment', enrolled.cookie, {}, ip)).statusCode).toBe(409);

    const next = await signIn(coach.email, ip);
    expect(next.statusCode).toBe(202);
    expect(next.json()).toEqual({ next: 'second_factor' });
  });

  it('asks a signed-in user for the password as well as the code, so a session alone cannot turn it on', async () => {
    const ip = newAddress();
    const coach = await newAccount('coach');
    const cookie = cookieOf(await signIn(coach.email, ip));
    const started = await post('/api/auth/second-factor/enrolment', cookie, {}, ip);
    const { secret } = started.json() as { secret: string };
    const confirm = (body: object) => post('/api/auth/second-factor/enrolment/confirm', cookie, body, ip);

    const withoutPassword = await confirm({ code: totpCodeAt(secret, t.clock.now) });
    expect(withoutPassword.statusCode).toBe(400);
    expect(withoutPassword.json()).toMatchObject({ details: { fields: [{ field: 'password', code: 'required' }] } });
    const wrongPassword = await confirm({ code: totpCodeAt(secret, t.clock.now), password: 'inte lösenordet' });
    expect(wrongPassword.json()).toMatchObject({
      details: { fields: [{ field: 'password', code: 'wrong_password' }] },
    });
    expect((await get('/api/auth/second-factor', cookie)).json()).toMatchObject({ isEnabled: false });
    expect((await confirm({ code: totpCodeAt(secret, t.clock.now), password })).statusCode).toBe(200);
  });

  it('keeps the secret sealed in the database', async () => {
    const coach = await enrolledCoach();
    const [row] = await t.database.db.select().from(secondFactors).where(eq(secondFactors.userId, coach.id));
    expect(row?.sealedSecret).toMatch(/^v1\./);
    expect(row?.sealedSecret).not.toContain(coach.secret);
  });

  it('turns it off with a code or the password, not with a wrong one', async () => {
    const byCode = await enrolledCoach();
    t.clock.now = seconds(30);
    const off = await post(
      '/api/auth/second-factor/disable',
      byCode.cookie,
      { code: totpCodeAt(byCode.secret, t.clock.now) },
      byCode.ip,
    );
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ isEnabled: false });
    expect((await signIn(byCode.email, byCode.ip)).statusCode).toBe(200);
    expect(await auditActions(byCode.id)).toContain('user.disable_second_factor');

    const byPassword = await enrolledCoach();
    const wrong = await post(
      '/api/auth/second-factor/disable',
      byPassword.cookie,
      { password: 'inte lösenordet' },
      byPassword.ip,
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: { fields: [{ field: 'password', code: 'wrong_password' }] } });
    const right = await post('/api/auth/second-factor/disable', byPassword.cookie, { password }, byPassword.ip);
    expect(right.statusCode).toBe(200);
    // The answer carries a new session; the old one has ended with the change.
    expect((await get('/api/auth/me', cookieOf(right))).statusCode).toBe(200);
    expect((await get('/api/auth/me', byPassword.cookie)).statusCode).toBe(401);
  });

  it('asks for a code or the password to turn it off, not both and not neither', async () => {
    const coach = await enrolledCoach();
    for (const body of [{}, { code: '123456', password }]) {
      const response = await post('/api/auth/second-factor/disable', coach.cookie, body, coach.ip);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ details: { fields: [{ field: 'code' }] } });
    }
  });

  it('makes new recovery codes for a code from the app; the old ones stop working', async () => {
    const coach = await enrolledCoach();
    t.clock.now = seconds(30);
    const renewed = await post(
      '/api/auth/second-factor/recovery-codes',
      coach.cookie,
      { code: totpCodeAt(coach.secret, t.clock.now) },
      coach.ip,
    );
    expect(renewed.statusCode, renewed.body).toBe(200);
    const { recoveryCodes } = renewed.json() as { recoveryCodes: string[] };
    expect(recoveryCodes).toHaveLength(10);
    expect(recoveryCodes).not.toContain(coach.recoveryCodes[0]);

    const waiting = cookieOf(await signIn(coach.email, coach.ip));
    expect((await verify(waiting, coach.recoveryCodes[0]!, coach.ip)).statusCode).toBe(400);
    expect((await verify(waiting, recoveryCodes[0]!, coach.ip)).statusCode).toBe(200);
    const [regenerated] = await t.database.db
      .select({ action: auditEntries.action })
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, coach.id), eq(auditEntries.action, 'user.regenerate_recovery_codes')));
    expect(regenerated).toBeDefined();
  });
});

describe('an admin resets a lost second factor (issue 14)', () => {
  const reset = (id: string, cookie: string) => post(`/api/users/${id}/second-factor/reset`, cookie, {}, newAddress());

  it('turns it off, ends the sessions, audits it and tells the user; the next sign-in needs the password only', async () => {
    const coach = await enrolledCoach();
    const admin = await t.login('admin');
    const before = (await get(`/api/users/${coach.id}`, admin)).json() as { hasSecondFactor: boolean };
    expect(before.hasSecondFactor).toBe(true);

    const response = await reset(coach.id, admin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ id: coach.id, hasSecondFactor: false });
    // The session the coach had is gone; the next sign-in asks for no code.
    expect((await get('/api/auth/me', coach.cookie)).statusCode).toBe(401);
    const signedIn = await signIn(coach.email, coach.ip);
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(await auditActions(coach.id)).toContain('user.reset_second_factor');
    const outbox = (await get(`/api/outbox?pageSize=100`, admin)).json() as {
      items: { recipient: string; subject: string }[];
    };
    expect(outbox.items.filter((m) => m.recipient === coach.email).map((m) => m.subject)).toContain(
      'Tvåstegsverifieringen har stängts av – Industry In West',
    );
    // Done once: a second reset has nothing to turn off.
    expect((await reset(coach.id, admin)).statusCode).toBe(409);
  });

  it('is for admins only, and not for the admin’s own account', async () => {
    const coach = await enrolledCoach();
    expect((await reset(coach.id, coach.cookie)).statusCode).toBe(403);
    const admin = await t.login('admin');
    const self = await reset(fixtures.adminId, admin);
    expect(self.statusCode).toBe(422);
    expect((await reset(randomUUID(), admin)).statusCode).toBe(404);
    const factor = await t.database.db.select().from(secondFactors).where(eq(secondFactors.userId, coach.id));
    expect(factor).toHaveLength(1);
  });
});
