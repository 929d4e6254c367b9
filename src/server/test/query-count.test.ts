import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, prepareMatrix, type MatrixState } from './access-matrix';
import { createTestApp, fixtures, type ActorName, type TestApp } from './test-app';

// docs/quality.md P8: the statements a request sends do not grow with the size of the page or with the
// records inside a detail (no N+1). Every paginated list of the access matrix is found from its
// contract (a `pageSize` in its query) and called with one row and with a full page.

let t: TestApp;
let state: MatrixState;
beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
});
afterAll(async () => {
  await t?.close();
});

async function statementsFor(actor: ActorName, url: string): Promise<{ count: number; items: number }> {
  const cookie = await t.login(actor);
  await t.app.inject({ method: 'GET', url, headers: { cookie } }); // warm caches
  const before = t.database.queryCount();
  const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
  expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
  const body = response.json() as { items?: unknown[] };
  return { count: t.database.queryCount() - before, items: body.items?.length ?? 0 };
}

function paginatedLists(): string[] {
  return matrix
    .filter((row) => row.method === 'GET' && !row.route.includes('*'))
    .filter((row) => {
      const route = t.routes.find((r) => r.method === 'GET' && r.url === row.route);
      const query = (route?.schema as { querystring?: { shape?: Record<string, unknown> } } | undefined)?.querystring;
      return Boolean(query?.shape && 'pageSize' in query.shape);
    })
    .map((row) => (row.url ? row.url(t, state) : row.route));
}

describe('statements per request (P8)', () => {
  it('finds the paginated lists', () => {
    expect(paginatedLists()).toContain('/api/companies');
  });

  it('sends as many statements for a page of 100 as for a page of 1, on every paginated list', async () => {
    const grows: string[] = [];
    for (const url of paginatedLists()) {
      const join = url.includes('?') ? '&' : '?';
      const one = await statementsFor('admin', `${url}${join}pageSize=1`);
      const full = await statementsFor('admin', `${url}${join}pageSize=100`);
      expect(one.count).toBeGreaterThan(0);
      if (full.count !== one.count) grows.push(`${url}: ${one.count} → ${full.count} (${full.items} rows)`);
    }
    expect(grows).toEqual([]);
  });

  it('sends as many statements for a company with many contacts as for one with few', async () => {
    const url = `/api/companies/${fixtures.ownCompanyId}`;
    const few = await statementsFor('coachOwn', url);
    for (let i = 0; i < 6; i += 1) {
      const added = await t.app.inject({
        method: 'POST',
        url: `${url}/contacts`,
        headers: { cookie: await t.login('coachOwn') },
        payload: { name: `Extra Kontakt ${i}`, gender: i % 2 ? 'man' : 'woman' },
      });
      expect(added.statusCode).toBe(201);
    }
    const many = await statementsFor('coachOwn', url);
    expect(many.count).toBe(few.count);
  });
});
