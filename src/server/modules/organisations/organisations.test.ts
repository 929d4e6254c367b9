import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type OrganisationBody = {
  id: string;
  name: string;
  version: number;
  reportingAreas: string[];
  userCount: number;
  companyCount: number;
};

async function asAdmin(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  return t.app.inject({ method, url, headers: { cookie: await t.login('admin') }, ...(payload && { payload }) });
}

describe('organisations', () => {
  it('lists the five partners with their counts', async () => {
    const response = await asAdmin('GET', '/api/organisations');
    const items = (response.json() as { items: OrganisationBody[] }).items;
    expect(items.map((o) => o.name)).toEqual(
      expect.arrayContaining([
        'IDC West Sweden',
        'IUC Väst',
        'IUC Sjuhärad',
        'Göteborgs Tekniska College',
        'TEK Kompetens/IUC Halland',
      ]),
    );
    const idc = items.find((o) => o.id === fixtures.ownOrganisationId)!;
    const companies = await t.database.db.query.companies.findMany({
      where: (c, { eq }) => eq(c.organisationId, fixtures.ownOrganisationId),
    });
    expect(companies.length).toBeGreaterThan(1);
    expect(idc.companyCount).toBe(companies.length);
    expect(idc.userCount).toBe(1);
  });

  it('creates an organisation, audited, and refuses a duplicate name by field', async () => {
    const created = await asAdmin('POST', '/api/organisations', {
      name: 'Ny Partner Väst',
      shortName: 'NPV',
      reportingAreas: ['halland', 'halland'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'Ny Partner Väst', reportingAreas: ['halland'], version: 1 });
    const duplicate = await asAdmin('POST', '/api/organisations', { name: 'ny partner väst', shortName: 'X1' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'taken' }] } });
    const audit = await t.database.db.query.auditEntries.findMany({
      where: (a, { eq }) => eq(a.entityId, (created.json() as OrganisationBody).id),
    });
    expect(audit).toHaveLength(1);
  });

  it('refuses an unknown reporting area by field', async () => {
    const response = await asAdmin('POST', '/api/organisations', {
      name: 'Fel Område',
      shortName: 'FO',
      reportingAreas: ['stockholm'],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ details: { fields: [{ field: 'reportingAreas.0' }] } });
  });

  it('answers 409 to an edit with a stale version, leaving the newer edit in place', async () => {
    const url = `/api/organisations/${fixtures.otherOrganisationId}`;
    const current = (await asAdmin('GET', url)).json() as OrganisationBody;
    expect((await asAdmin('PATCH', url, { version: current.version, shortName: 'IUC V' })).statusCode).toBe(200);
    const stale = await asAdmin('PATCH', url, { version: current.version, shortName: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect(((await asAdmin('GET', url)).json() as { shortName: string }).shortName).toBe('IUC V');
  });

  it('answers 404 for an organisation that does not exist', async () => {
    const response = await asAdmin('GET', '/api/organisations/00000000-0000-4000-8000-999999999999');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found' });
  });
});
