import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, prepareMatrix, type MatrixState } from './access-matrix';
import { actors, createTestApp, type TestApp } from './test-app';

let t: TestApp;
let state: MatrixState;

beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
});
afterAll(async () => {
  await t?.close();
});

describe('access matrix (QUALITY.md S1)', () => {
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
    const covered = new Set(matrix.map((row) => `${row.method} ${row.route}`));
    const getRoutes = new Set(t.routes.filter((r) => r.method === 'GET').map((r) => r.url));
    // Fastify answers HEAD for every GET route; those HEAD twins share their GET row.
    const uncovered = t.routes
      .filter((r) => !(r.method === 'HEAD' && getRoutes.has(r.url)))
      .map((r) => `${r.method} ${r.url}`)
      .filter((key) => !covered.has(key));
    expect(uncovered, 'routes without a row in src/server/test/access-matrix.ts').toEqual([]);
  });

  it('has no row for a route that does not exist', () => {
    const registered = new Set(t.routes.map((r) => `${r.method} ${r.url}`));
    const stale = matrix.filter((row) => !row.isOptional && !registered.has(`${row.method} ${row.route}`));
    expect(stale.map((row) => `${row.method} ${row.route}`)).toEqual([]);
  });
});
