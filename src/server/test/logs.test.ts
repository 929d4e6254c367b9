import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdminTotpSecret } from '../db/seed';
import { totpCodeAt } from '../modules/auth/totp';
import { createTestApp, fixtures, type TestApp } from './test-app';

// No password, session token, link token, TOTP secret or e-mail address in the logs (docs/quality.md S14).

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => void lines.push(line) } });
});
afterAll(async () => {
  await t?.close();
});

describe('logs', () => {
  it('carry requests but no secrets or personal data through sign-in, invitation and reset', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: fixtures.emails.admin, password: fixtures.password },
    });
    const pendingToken = login.cookies.find((c) => c.name === 'iiw_session')!.value;
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/verify',
      headers: { cookie: `iiw_session=${pendingToken}` },
      payload: { code: totpCodeAt(demoAdminTotpSecret, t.clock.now) },
    });
    const sessionToken = verified.cookies.find((c) => c.name === 'iiw_session')!.value;
    const cookie = `iiw_session=${sessionToken}`;
    const enrolment = await t.app.inject({
      method: 'POST',
      url: '/api/auth/second-factor/enrolment',
      headers: { cookie: await t.login('coachOther') },
      payload: {},
    });
    const newSecret = (enrolment.json() as { secret: string }).secret;
    const email = 'loggtest.person@demo.industryinwest.example';
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie },
      payload: { email, name: 'Loggtest Person', role: 'coach', organisationId: fixtures.ownOrganisationId },
    });
    const linkToken = t.latestLinkTokenTo(email);
    await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${linkToken}` });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitations/accept',
      payload: { token: linkToken, password: 'ett hemligt långt lösenord' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: fixtures.emails.coachOwn, password: 'fel lösenord som loggas?' },
    });

    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(10);
    expect(log).toContain('/api/auth/invitations/[token]');
    for (const secret of [
      fixtures.password,
      pendingToken,
      sessionToken,
      demoAdminTotpSecret,
      newSecret,
      linkToken,
      'ett hemligt långt lösenord',
      'fel lösenord som loggas?',
      email,
      fixtures.emails.admin,
      fixtures.emails.coachOwn,
    ]) {
      expect(log, `the log holds ${secret}`).not.toContain(secret);
    }
  });
});
