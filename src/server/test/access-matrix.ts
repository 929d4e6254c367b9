import { randomBytes } from 'node:crypto';
import type { ActorName, TestApp } from './test-app';
import { fixtures } from './test-app';

// The access matrix (QUALITY.md S1): every route × every actor, with the answer each must get.
// "Own" actors belong to the tenant of the target record (organisation IDC, its company `first`);
// "other" actors belong to another organisation or company. A route missing here fails the
// inventory test; a rule removed from the core changes an answer here and fails the matrix.
// Every new route adds its row in the same commit.

export type Expected = Record<ActorName, number>;

/** Records the matrix creates before it runs, for routes that need a target in a given state. */
export type MatrixState = { invitedUserId: string };

/** Creates the records some rows target. */
export async function prepareMatrix(t: TestApp): Promise<MatrixState> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie: await t.login('admin') },
    payload: { email: `matrix-${unique()}@demo.industryinwest.example`, name: 'Väntande Inbjudan', role: 'coach', organisationId: fixtures.ownOrganisationId },
  });
  if (response.statusCode !== 201) throw new Error(`matrix set-up failed: ${response.body}`);
  return { invitedUserId: (response.json() as { id: string }).id };
}

export type MatrixRow = {
  method: 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** The route as registered (with :params). */
  route: string;
  /** The concrete URL to call; defaults to the route. */
  url?: (t: TestApp, state: MatrixState) => string;
  body?: (t: TestApp, state: MatrixState) => unknown;
  expected: Expected;
  /** The call ends the actor's session: use a fresh one. */
  needsFreshSession?: boolean;
  /** Registered only when the web app is built (dist/web). */
  isOptional?: boolean;
};

const everyone = (status: number): Expected => ({
  anonymous: status,
  admin: status,
  coachOwn: status,
  coachOther: status,
  companyOwn: status,
  companyOther: status,
});
const signedIn = (status: number): Expected => ({ ...everyone(status), anonymous: 401 });
const adminOnly = (status: number): Expected => ({ ...everyone(403), anonymous: 401, admin: status });

const unusedToken = () => randomBytes(32).toString('base64url');
const unique = () => randomBytes(4).toString('hex');

async function currentVersion(t: TestApp, url: string): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie: await t.login('admin') } });
  return (response.json() as { version: number }).version;
}

export const matrix: MatrixRow[] = [
  // Health and documentation: public, no data.
  { method: 'GET', route: '/livez', expected: everyone(200) },
  { method: 'GET', route: '/readyz', expected: everyone(200) },
  { method: 'GET', route: '/api/openapi.json', expected: everyone(200) },
  { method: 'GET', route: '/api/docs', expected: everyone(200) },
  { method: 'HEAD', route: '/api/docs/', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/json', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/yaml', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/static/index.html', expected: everyone(302) },
  { method: 'GET', route: '/api/docs/static/swagger-initializer.js', expected: everyone(200) },
  { method: 'GET', route: '/api/docs/static/*', url: () => '/api/docs/static/swagger-ui.css', expected: everyone(200) },
  // The built web app: static files, and page URLs answered with the app shell.
  { method: 'GET', route: '/*', url: () => '/index.html', expected: everyone(200), isOptional: true },

  // Sign-in and the own account.
  {
    method: 'POST',
    route: '/api/auth/login',
    body: () => ({ email: fixtures.emails.coachOwn, password: fixtures.password }),
    expected: everyone(200),
  },
  { method: 'POST', route: '/api/auth/logout', body: () => ({}), expected: everyone(204), needsFreshSession: true },
  { method: 'GET', route: '/api/auth/me', expected: signedIn(200) },
  { method: 'PATCH', route: '/api/auth/me', body: () => ({ locale: 'sv' }), expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/auth/password-reset/request',
    body: () => ({ email: `nobody-${unique()}@demo.industryinwest.example` }),
    expected: everyone(202),
  },
  {
    method: 'POST',
    route: '/api/auth/password-reset/confirm',
    body: () => ({ token: unusedToken(), password: 'a long enough new password' }),
    expected: everyone(404),
  },
  {
    method: 'GET',
    route: '/api/auth/invitations/:token',
    url: () => `/api/auth/invitations/${unusedToken()}`,
    expected: everyone(404),
  },
  {
    method: 'POST',
    route: '/api/auth/invitations/accept',
    body: () => ({ token: unusedToken(), password: 'a long enough new password' }),
    expected: everyone(404),
  },

  // Organisations: public facts for the signed-in; only admins change them.
  { method: 'GET', route: '/api/organisations', expected: signedIn(200) },
  {
    method: 'POST',
    route: '/api/organisations',
    body: () => ({ name: `Testorganisation ${unique()}`, shortName: 'Test', reportingAreas: [] }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    route: '/api/organisations/:id',
    url: () => `/api/organisations/${fixtures.ownOrganisationId}`,
    expected: signedIn(200),
  },
  {
    method: 'PATCH',
    route: '/api/organisations/:id',
    url: () => `/api/organisations/${fixtures.ownOrganisationId}`,
    body: async (t) => ({ version: await currentVersion(t, `/api/organisations/${fixtures.ownOrganisationId}`), shortName: 'IDC' }),
    expected: adminOnly(200),
  },

  // Users: admins manage all; coaches see their organisation's accounts; company users only themselves.
  {
    method: 'GET',
    route: '/api/users',
    expected: { anonymous: 401, admin: 200, coachOwn: 200, coachOther: 200, companyOwn: 403, companyOther: 403 },
  },
  {
    method: 'POST',
    route: '/api/users',
    body: () => ({ email: `invited-${unique()}@demo.industryinwest.example`, name: 'Inbjuden Testperson', role: 'company', companyId: fixtures.ownCompanyId }),
    expected: adminOnly(201),
  },
  {
    method: 'GET',
    route: '/api/users/:id',
    url: () => `/api/users/${fixtures.ownCompanyUserId}`,
    expected: { anonymous: 401, admin: 200, coachOwn: 200, coachOther: 404, companyOwn: 200, companyOther: 404 },
  },
  {
    method: 'PATCH',
    route: '/api/users/:id',
    url: () => `/api/users/${fixtures.ownCompanyUserId}`,
    body: async (t) => ({ version: await currentVersion(t, `/api/users/${fixtures.ownCompanyUserId}`), name: 'Greta Testberg' }),
    expected: adminOnly(200),
  },
  {
    method: 'POST',
    route: '/api/users/:id/invitation',
    url: (_t, state) => `/api/users/${state.invitedUserId}/invitation`,
    body: () => ({}),
    expected: adminOnly(202),
  },

  // Companies (the foundation's slice of the register): each actor sees what they work on.
  { method: 'GET', route: '/api/companies', expected: signedIn(200) },

  // The development outbox holds links that sign people in: admins only.
  { method: 'GET', route: '/api/outbox', expected: adminOnly(200) },
];

/** Registered routes that no matrix row covers. Fastify answers HEAD for every GET route; those
 * HEAD twins share their GET row. */
export function uncoveredRoutes(routes: readonly { method: string; url: string }[], rows: readonly MatrixRow[]): string[] {
  const covered = new Set(rows.map((row) => `${row.method} ${row.route}`));
  const getRoutes = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.url));
  return routes
    .filter((r) => !(r.method === 'HEAD' && getRoutes.has(r.url)))
    .map((r) => `${r.method} ${r.url}`)
    .filter((key) => !covered.has(key));
}
