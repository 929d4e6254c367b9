import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, users } from '../../db/schema';
import { createTestApp, type TestApp } from '../../test/test-app';
import { inviteFirstAdmin } from './users.service';

// ADMIN_EMAIL on a start (decision 023): the first admin is invited while no admin is active, and
// an invitation that lapsed unopened is sent again instead of leaving the installation locked.

let t: TestApp;
const email = 'forsta.admin@industryinwest.example';
const days = (n: number) => new Date(t.clock.now.getTime() + n * 86_400_000);

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the first admin of an installation', () => {
  it('invites ADMIN_EMAIL while no admin is active, keeps a live invitation, and renews a lapsed one', async () => {
    // An admin is active (the demo's): nothing to do.
    expect(await inviteFirstAdmin(t.ctx, email)).toBeUndefined();

    await t.database.db.update(users).set({ status: 'deactivated' }).where(eq(users.role, 'admin'));
    const first = await inviteFirstAdmin(t.ctx, email);
    expect(first).toMatch(/\/invitation\?token=/);
    // The next start while the link still works sends nothing: the e-mailed link stays good.
    expect(await inviteFirstAdmin(t.ctx, email)).toBeUndefined();

    // Eight days on, the seven-day link has lapsed unopened: a new one, audited.
    t.clock.now = days(8);
    const second = await inviteFirstAdmin(t.ctx, email);
    expect(second).toMatch(/\/invitation\?token=/);
    expect(second).not.toBe(first);
    const token = new URL(second!).searchParams.get('token')!;
    const invitation = await t.app.inject({ method: 'GET', url: `/api/auth/invitations/${token}` });
    expect(invitation.json()).toMatchObject({ email, role: 'admin' });
    const [admin] = await t.database.db.select().from(users).where(eq(users.email, email));
    const renewed = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, admin!.id), eq(auditEntries.action, 'user.reinvite_first_admin')));
    expect(renewed).toHaveLength(1);
    // Still one account for the address.
    expect(await t.database.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});
