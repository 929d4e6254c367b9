import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';
import { ok, requestsAs } from '../../test/requests';

// The company portal's logins and contact persons (issue 15, decision 043): a coach invites the
// company's users, a company user invites colleagues only once the coach allows it, and keeps the
// company's contact persons with their gender and consent.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);
const usersOf = (companyId: string) => `/api/companies/${companyId}/users`;
type CompanyUsers = {
  items: { id: string; email: string; status: string }[];
  allowsColleagueInvites: boolean;
  abilities: { canInvite: boolean; canChangeColleagueInvites: boolean };
};
const consent = {
  purpose: 'Kontakt om programmets aktiviteter',
  textVersion: '2026-01',
  givenOn: '2026-11-01T10:00:00+01:00',
};

async function setColleagueInvites(allows: boolean) {
  const company = await ok<{ version: number }>(
    await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`),
  );
  return call('coachOwn', 'PATCH', `/api/companies/${fixtures.ownCompanyId}`, {
    version: company.version,
    allowsColleagueInvites: allows,
  });
}

describe('inviting a company’s users', () => {
  it('lets a coach of the responsible organisation invite, e-mails the link through the outbox and audits it', async () => {
    const email = 'portal.inbjuden@demo.industryinwest.example';
    const created = await ok<{ id: string; status: string }>(
      await call('coachOwn', 'POST', usersOf(fixtures.ownCompanyId), { email, name: 'Inbjuden Portalsson' }),
      201,
    );
    expect(created.status).toBe('invited');
    expect(t.latestLinkTokenTo(email)).toMatch(/^[\w-]{20,}$/);
    const outbox = await ok<{ items: { recipient: string; subject: string }[] }>(
      await call('admin', 'GET', '/api/outbox'),
    );
    expect(outbox.items.find((m) => m.recipient === email)?.subject).toBe('Inbjudan till Industry In West');
    const audit = await t.database.db.query.auditEntries.findMany({ where: (a, { eq }) => eq(a.entityId, created.id) });
    expect(audit.map((a) => [a.action, a.organisationId])).toEqual([['user.invite', fixtures.ownOrganisationId]]);
    const account = await ok<{ role: string; companyId: string }>(
      await call('admin', 'GET', `/api/users/${created.id}`),
    );
    expect(account).toMatchObject({ role: 'company', companyId: fixtures.ownCompanyId });
  });

  it('hides the company from a coach of another organisation and from another company’s user (404)', async () => {
    const body = { email: 'fel.hall@demo.industryinwest.example', name: 'Fel Hållet' };
    expect((await call('coachOther', 'POST', usersOf(fixtures.ownCompanyId), body)).statusCode).toBe(404);
    expect((await call('companyOther', 'POST', usersOf(fixtures.ownCompanyId), body)).statusCode).toBe(404);
    expect((await call('companyOther', 'GET', usersOf(fixtures.ownCompanyId))).statusCode).toBe(404);
  });

  it('lets a company user invite colleagues only while the coach allows it, a setting they cannot change', async () => {
    const body = { email: 'kollega.ett@demo.industryinwest.example', name: 'Kollega Ett' };
    const before = await ok<CompanyUsers>(await call('companyOwn', 'GET', usersOf(fixtures.ownCompanyId)));
    expect(before).toMatchObject({ allowsColleagueInvites: false, abilities: { canInvite: false } });
    expect((await call('companyOwn', 'POST', usersOf(fixtures.ownCompanyId), body)).statusCode).toBe(403);

    const company = await ok<{ version: number }>(
      await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`),
    );
    const bySelf = await call('companyOwn', 'PATCH', `/api/companies/${fixtures.ownCompanyId}`, {
      version: company.version,
      allowsColleagueInvites: true,
    });
    expect(bySelf.statusCode).toBe(403);

    expect((await setColleagueInvites(true)).statusCode).toBe(200);
    const after = await ok<CompanyUsers>(await call('companyOwn', 'GET', usersOf(fixtures.ownCompanyId)));
    expect(after).toMatchObject({
      allowsColleagueInvites: true,
      abilities: { canInvite: true, canChangeColleagueInvites: false },
    });
    await ok(await call('companyOwn', 'POST', usersOf(fixtures.ownCompanyId), body), 201);
    const listed = await ok<CompanyUsers>(await call('companyOwn', 'GET', usersOf(fixtures.ownCompanyId)));
    expect(listed.items.map((u) => u.email)).toContain(body.email);
    // Another company's setting is not this one's: its user still cannot reach this company.
    expect((await call('companyOther', 'POST', usersOf(fixtures.ownCompanyId), body)).statusCode).toBe(404);

    expect((await setColleagueInvites(false)).statusCode).toBe(200);
    const again = { email: 'kollega.tva@demo.industryinwest.example', name: 'Kollega Två' };
    expect((await call('companyOwn', 'POST', usersOf(fixtures.ownCompanyId), again)).statusCode).toBe(403);
  });

  it('refuses an address that already has an account, naming the field', async () => {
    const response = await call('coachOwn', 'POST', usersOf(fixtures.ownCompanyId), {
      email: fixtures.emails.companyOwn,
      name: 'Dubbel Adress',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { fields: [{ field: 'email', code: 'taken' }] } });
  });
});

describe('a company user keeps the company’s contact persons', () => {
  it('adds a colleague with gender and consent, and is asked for the consent when it is missing', async () => {
    const url = `/api/companies/${fixtures.ownCompanyId}/contacts`;
    const missing = await call('companyOwn', 'POST', url, { name: 'Utan Samtycke', gender: 'woman' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ details: { fields: [{ field: 'consent', code: 'required' }] } });

    const added = await ok<{ id: string; gender: string; consents: { purpose: string }[] }>(
      await call('companyOwn', 'POST', url, { name: 'Ny Kollega', gender: 'not_stated', consent }),
      201,
    );
    expect(added.gender).toBe('not_stated');
    expect(added.consents.map((c) => c.purpose)).toEqual([consent.purpose]);
    const changed = await call('companyOwn', 'PATCH', `/api/contacts/${added.id}`, { version: 1, role: 'Inköpare' });
    expect(changed.statusCode).toBe(200);

    // A person's export and erasure go through the coach (decision 012).
    expect((await call('companyOwn', 'GET', `/api/contacts/${added.id}/export`)).statusCode).toBe(403);
    expect((await call('companyOwn', 'POST', `/api/contacts/${added.id}/erase`, {})).statusCode).toBe(403);
    const company = await ok<{ abilities: { canManageContacts: boolean; canEraseContacts: boolean } }>(
      await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`),
    );
    expect(company.abilities).toMatchObject({ canManageContacts: true, canEraseContacts: false });

    // Another company's user does not reach these contacts at all.
    expect((await call('companyOther', 'POST', url, { name: 'Fel Företag', consent })).statusCode).toBe(404);
    expect(
      (await call('companyOther', 'PATCH', `/api/contacts/${added.id}`, { version: 2, role: 'X' })).statusCode,
    ).toBe(404);
  });
});
