import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, prepareMatrix, uncoveredRoutes, type MatrixState } from './access-matrix';
import { actors, createTestApp, type TestApp } from './test-app';

let t: TestApp;
let state: MatrixState;

beforeAll(async () => {
  // With a metrics token, so that the matrix shows that no session opens GET /metrics.
  t = await createTestApp({ env: { METRICS_TOKEN: 'access-matrix-metrics-token-0123456789' } });
  state = await prepareMatrix(t);
});
afterAll(async () => {
  await t?.close();
});

describe('access matrix (docs/quality.md S1)', () => {
  for (const row of matrix) {
    for (const actor of actors) {
      it(`${row.method} ${row.route} as ${actor} answers ${row.expected[actor]}`, async () => {
        if (row.isOptional && !t.routes.some((r) => r.method === row.method && r.url === row.route)) return;
        const cookie = await t.login(actor, { isFresh: row.needsFreshSession === true });
        const body = row.body ? await row.body(t, state) : undefined;
        const response = await t.app.inject({
          method: row.method,
          url: row.url ? row.url(t, state) : row.route,
          headers: { ...(cookie && { cookie }), ...(body !== undefined && { 'content-type': 'application/json' }) },
          ...(body !== undefined && { payload: JSON.stringify(body) }),
        });
        expect(response.statusCode, response.body.slice(0, 300)).toBe(row.expected[actor]);
      });
    }
  }
});

describe('route inventory', () => {
  it('covers every registered route with a matrix row', () => {
    expect(uncoveredRoutes(t.routes, matrix), 'routes without a row in src/server/test/access-matrix.ts').toEqual([]);
  });

  it('would catch a route added without a row', () => {
    const routes = [...t.routes, { method: 'DELETE', url: '/api/users/:id' }, { method: 'GET', url: '/api/secret' }];
    expect(uncoveredRoutes(routes, matrix)).toEqual(['DELETE /api/users/:id', 'GET /api/secret']);
  });

  it('has no row for a route that does not exist', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    const stale = matrix.filter((row) => !row.isOptional && !registered.has(`${row.method} ${row.route}`));
    expect(stale.map((row) => `${row.method} ${row.route}`)).toEqual([]);
  });
});
