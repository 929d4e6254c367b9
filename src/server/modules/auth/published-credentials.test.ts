import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, secondFactors, sessions, users } from '../../db/schema';
import { demoAccounts, demoIds } from '../../db/seed';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';
import { hashPassword, passwordChecks } from './passwords';
import { findPublishedCredentialHolders, revokePublishedCredentials } from './published-credentials.service';
import { sealTotpSecret } from './totp';

// Decision 023: the README publishes the demo password and the demo admin's TOTP secret, so a
// production start refuses to run while any account can still sign in with either.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const find = () => findPublishedCredentialHolders(t.database.db, t.ctx.config.secondFactorKey, t.clock.now);

describe('published demo credentials', () => {
  it('finds every demo account by its password, and the demo admin by its second factor as well', async () => {
    const holders = await find();
    expect(holders.map((h) => h.email).sort()).toEqual(demoAccounts.map((a) => a.email).sort());
    const admin = holders.find((h) => h.id === demoIds.users.admin);
    expect(admin?.credentials).toEqual(['password', 'second_factor']);
    const coach = holders.find((h) => h.id === demoIds.users.coachIdc);
    expect(coach?.credentials).toEqual(['password']);
  });

  it('checks a clean password once: the next start verifies only the demo hashes again', async () => {
    await t.database.db
      .update(users)
      .set({ passwordHash: await hashPassword('ett eget långt lösenord') })
      .where(eq(users.id, demoIds.users.coachTek));
    const first = passwordChecks.count;
    const holders = await find();
    expect(holders.map((h) => h.id)).not.toContain(demoIds.users.coachTek);
    expect(passwordChecks.count - first).toBe(demoAccounts.length);
    const second = passwordChecks.count;
    await find();
    expect(passwordChecks.count - second).toBe(demoAccounts.length - 1);
  });

  it('finds the published secret sealed for any account, not only the demo admin', async () => {
    await t.database.db.insert(secondFactors).values({
      userId: demoIds.users.coachTek,
      sealedSecret: sealTotpSecret(
        t.ctx.config.secondFactorKey,
        demoIds.users.coachTek,
        'DEMOVASTDEMOVASTDEMOVASTDEMOVAST',
      ),
      confirmedAt: t.clock.now,
      createdAt: t.clock.now,
    });
    const holders = await find();
    expect(holders.find((h) => h.id === demoIds.users.coachTek)?.credentials).toEqual(['second_factor']);
  });

  it('revokes them all: deactivated, sessions ended, audited, and sign-in refused', async () => {
    const cookie = await t.login('coachOwn');
    const revoked = await revokePublishedCredentials(t.database.db, t.ctx.config.secondFactorKey, t.clock.now);
    expect(revoked).toHaveLength(demoAccounts.length);

    const ids = revoked.map((h) => h.id);
    const rows = await t.database.db.select({ status: users.status }).from(users).where(inArray(users.id, ids));
    expect(rows.every((row) => row.status === 'deactivated')).toBe(true);
    expect(await t.database.db.select().from(sessions).where(inArray(sessions.userId, ids))).toEqual([]);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(eq(auditEntries.action, 'user.deactivate_published_credentials'));
    expect(audit).toHaveLength(demoAccounts.length);

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: fixtures.emails.coachOwn, password: fixtures.password },
    });
    expect(login.statusCode).toBe(401);
    expect(await find()).toEqual([]);
  });

  it('refuses the published password when anyone sets a password', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      payload: { token: 'x'.repeat(43), password: 'demo-vast-2026' },
    });
    // The policy speaks before the token is looked at: a published password is never taken.
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_input' });
    expect(JSON.stringify(response.json().details)).toContain('too_common');
  });
});
