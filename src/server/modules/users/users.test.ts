import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type UserBody = {
  id: string;
  version: number;
  role: string;
  status: string;
  organisationId: string | null;
  companyId: string | null;
};

const call = requestsAs(() => t);

async function invite(payload: Record<string, unknown>) {
  return call('admin', 'POST', '/api/users', { name: 'Testperson Påhittad', ...payload });
}

describe('listing users', () => {
  it('shows a coach only the accounts of their own organisation and its companies', async () => {
    const response = await call('coachOwn', 'GET', '/api/users?pageSize=100');
    const items = (response.json() as { items: UserBody[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const ids = items.map((u) => u.id);
    expect(ids).toContain(fixtures.ownCoachId);
    expect(ids).toContain(fixtures.ownCompanyUserId);
    expect(ids).not.toContain(fixtures.adminId);
    for (const user of items) {
      expect(user.organisationId === fixtures.ownOrganisationId || user.companyId !== null).toBe(true);
    }
  });

  it('filters by role and searches by name or e-mail, with a total for the pager', async () => {
    const coaches = (await call('admin', 'GET', '/api/users?role=coach&pageSize=2')).json() as {
      items: UserBody[];
      total: number;
    };
    expect(coaches.items).toHaveLength(2);
    expect(coaches.total).toBeGreaterThanOrEqual(5);
    expect(coaches.items.every((u) => u.role === 'coach')).toBe(true);
    const search = (await call('admin', 'GET', `/api/users?q=${encodeURIComponent('foretag2@')}`)).json() as {
      items: UserBody[];
      total: number;
    };
    expect(search.total).toBe(1);
  });

  it('treats search text literally (no wildcard injection)', async () => {
    const response = (await call('admin', 'GET', '/api/users?q=%25')).json() as { total: number };
    expect(response.total).toBe(0);
  });
});

describe('inviting users', () => {
  it('requires an organisation for a coach, naming the field', async () => {
    const response = await invite({ email: 'utan.org@demo.industryinwest.example', role: 'coach' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      details: { fields: [{ field: 'organisationId', code: 'organisation_required' }] },
    });
  });

  it('refuses a company for an admin, and an unknown company for a company user', async () => {
    const admin = await invite({
      email: 'admin2@demo.industryinwest.example',
      role: 'admin',
      companyId: fixtures.ownCompanyId,
    });
    expect(admin.json()).toMatchObject({ details: { fields: [{ field: 'companyId', code: 'company_not_allowed' }] } });
    const unknown = await invite({
      email: 'okand.ftg@demo.industryinwest.example',
      role: 'company',
      companyId: '00000000-0000-4000-8000-999999999999',
    });
    expect(unknown.json()).toMatchObject({ details: { fields: [{ field: 'companyId', code: 'not_found' }] } });
  });

  it('refuses an e-mail address that already has an account, whatever its case', async () => {
    const response = await invite({
      email: fixtures.emails.coachOwn.toUpperCase(),
      role: 'coach',
      organisationId: fixtures.ownOrganisationId,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { fields: [{ field: 'email', code: 'taken' }] } });
  });

  it('sends the invitation e-mail in the chosen language and audits the invitation', async () => {
    const email = 'engelska@demo.industryinwest.example';
    const response = await invite({ email, role: 'company', companyId: fixtures.ownCompanyId, locale: 'en' });
    expect(response.statusCode).toBe(201);
    const outbox = (await call('admin', 'GET', '/api/outbox')).json() as {
      items: { recipient: string; subject: string }[];
    };
    expect(outbox.items.find((m) => m.recipient === email)?.subject).toBe('Invitation to Industry In West');
    const audit = await t.database.db.query.auditEntries.findMany({
      where: (a, { eq }) => eq(a.entityId, (response.json() as UserBody).id),
    });
    expect(audit.map((a) => a.action)).toEqual(['user.invite']);
  });
});

describe('changing users', () => {
  it('answers 409 to a stale version and keeps the first change', async () => {
    const created = (
      await invite({
        email: 'versioner@demo.industryinwest.example',
        role: 'coach',
        organisationId: fixtures.ownOrganisationId,
      })
    ).json() as UserBody;
    const first = await call('admin', 'PATCH', `/api/users/${created.id}`, {
      version: created.version,
      name: 'Första Ändringen',
    });
    expect(first.statusCode).toBe(200);
    const stale = await call('admin', 'PATCH', `/api/users/${created.id}`, {
      version: created.version,
      name: 'Andra Ändringen',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', details: { currentVersion: created.version + 1 } });
    const now = (await call('admin', 'GET', `/api/users/${created.id}`)).json() as { name: string };
    expect(now.name).toBe('Första Ändringen');
  });

  it('moves a coach to company user, dropping the organisation', async () => {
    const created = (
      await invite({
        email: 'rollbyte@demo.industryinwest.example',
        role: 'coach',
        organisationId: fixtures.ownOrganisationId,
      })
    ).json() as UserBody;
    const changed = await call('admin', 'PATCH', `/api/users/${created.id}`, {
      version: created.version,
      role: 'company',
      companyId: fixtures.otherCompanyId,
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ role: 'company', organisationId: null, companyId: fixtures.otherCompanyId });
  });

  it('keeps at least one active admin and does not let an admin lock themselves out', async () => {
    const self = (await call('admin', 'GET', `/api/users/${fixtures.adminId}`)).json() as UserBody;
    const response = await call('admin', 'PATCH', `/api/users/${fixtures.adminId}`, {
      version: self.version,
      status: 'deactivated',
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'rule_violated' });
  });

  it('resends an invitation only to an account that has not accepted', async () => {
    const response = await call('admin', 'POST', `/api/users/${fixtures.ownCoachId}/invitation`, {});
    expect(response.statusCode).toBe(422);
  });
});

describe('companies', () => {
  it('lists for each actor only the companies they work on', async () => {
    const ids = async (actor: ActorName) =>
      (
        (await call(actor, 'GET', '/api/companies?pageSize=100')).json() as {
          items: { id: string; organisationId: string }[];
        }
      ).items;
    expect((await ids('admin')).length).toBeGreaterThanOrEqual(6);
    const coach = await ids('coachOwn');
    expect(coach.length).toBeGreaterThan(0);
    expect(coach.every((c) => c.organisationId === fixtures.ownOrganisationId)).toBe(true);
    expect((await ids('companyOwn')).map((c) => c.id)).toEqual([fixtures.ownCompanyId]);
    expect((await ids('companyOther')).map((c) => c.id)).toEqual([fixtures.otherCompanyId]);
  });
});
