import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, prepareMatrix, type MatrixState } from './access-matrix';
import { createTestApp, fixtures, type ActorName, type TestApp } from './test-app';

// docs/quality.md S2: marker values are written into two companies of two organisations; then every
// readable route of the access matrix is called by every signed-in actor, as the matrix calls it
// and replayed with the other tenant's ids. No answer may carry a marker, or (for company users)
// an id, of a company the actor may not see. New modules are scanned as soon as they add rows.

let t: TestApp;
let state: MatrixState;

type Tenant = { companyId: string; contactId: string; markers: string[] };
const tenants: Record<'own' | 'other', Tenant> = {
  own: { companyId: fixtures.ownCompanyId, contactId: '', markers: [] },
  other: { companyId: fixtures.otherCompanyId, contactId: '', markers: [] },
};

/** Which tenant's private data each actor may see (admins see all and are not scanned). */
const visible: Record<Exclude<ActorName, 'anonymous' | 'admin'>, 'own' | 'other'> = {
  coachOwn: 'own',
  companyOwn: 'own',
  coachOther: 'other',
  companyOther: 'other',
};

async function admin(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) {
  const response = await t.app.inject({ method, url, headers: { cookie: await t.login('admin') }, payload });
  if (response.statusCode >= 300) throw new Error(`set-up ${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number };
}

/** Private fields of the company and of a contact get values found nowhere else. */
async function plantMarkers(tenant: Tenant, label: string) {
  const marker = (field: string) => {
    const value = `mrk${randomBytes(5).toString('hex')}${label}${field}`;
    tenant.markers.push(value);
    return value;
  };
  const company = await admin('GET', `/api/companies/${tenant.companyId}`);
  await admin('PATCH', `/api/companies/${tenant.companyId}`, {
    version: company.version,
    streetAddress: marker('street'),
    city: marker('city'),
  });
  const contact = await admin('POST', `/api/companies/${tenant.companyId}/contacts`, {
    name: `Person ${marker('name')}`,
    email: `${marker('email')}@example.se`,
    role: marker('role'),
    gender: 'woman',
  });
  tenant.contactId = contact.id;
}

beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
  await plantMarkers(tenants.own, 'own');
  await plantMarkers(tenants.other, 'other');
});
afterAll(async () => {
  await t?.close();
});

/** Every GET the matrix knows, as the matrix calls it, plus the lists at their widest. */
function readableUrls(): string[] {
  const urls = matrix
    .filter((row) => row.method === 'GET' && !row.isOptional && !row.route.startsWith('/api/docs'))
    .map((row) => (row.url ? row.url(t, state) : row.route));
  return [...new Set([...urls, '/api/companies?pageSize=100'])];
}

/** The same calls aimed at the other tenant's records. */
function replayed(url: string, from: Tenant, to: Tenant): string {
  return url.replaceAll(from.companyId, to.companyId).replaceAll(from.contactId, to.contactId);
}

describe('tenant isolation scan (S2)', () => {
  it.each(Object.keys(visible) as (keyof typeof visible)[])(
    'no answer to %s carries another tenant’s markers or ids',
    async (actor) => {
      const mine = tenants[visible[actor]];
      const theirs = tenants[visible[actor] === 'own' ? 'other' : 'own'];
      const isCompanyUser = actor.startsWith('company');
      const forbidden = [...theirs.markers, ...(isCompanyUser ? [theirs.companyId, theirs.contactId] : [])];
      const searches = theirs.markers.map((m) => `/api/companies/lookup?q=${m}`);
      const urls = readableUrls();
      const calls = [...urls, ...urls.map((url) => replayed(url, mine, theirs)), ...searches];

      const leaks: string[] = [];
      const cookie = await t.login(actor);
      for (const url of new Set(calls)) {
        const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
        for (const value of forbidden) {
          if (response.body.includes(value)) leaks.push(`${url} → ${response.statusCode} carries ${value}`);
        }
        if (url !== replayed(url, mine, theirs) && url.includes(theirs.companyId)) {
          expect([403, 404], url).toContain(response.statusCode);
        }
      }
      expect(leaks).toEqual([]);
      // The scan saw the actor's own markers somewhere, so it reads the fields it checks.
      const own = await t.app.inject({ method: 'GET', url: `/api/companies/${mine.companyId}`, headers: { cookie } });
      expect(own.body).toContain(mine.markers[0]);
    },
    120_000,
  );
});
