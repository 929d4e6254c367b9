import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../contracts/common';
import { matrix, prepareMatrix, type MatrixState } from './access-matrix';
import { createTestApp, type TestApp } from './test-app';

// Bad input on every route answers 400 in the error model and names the field (issue 2, S3).
// The generated, property-based version (S13) comes with the quality harness.

let t: TestApp;
let state: MatrixState;
beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
});
afterAll(async () => {
  await t?.close();
});

type FieldErrorBody = { code: string; details?: { fields?: { field: string }[] } };

function fieldsOf(body: unknown): string[] {
  return ((body as FieldErrorBody).details?.fields ?? []).map((f) => f.field);
}

describe('unknown fields in a body', () => {
  for (const row of matrix.filter((r) => r.body)) {
    it(`${row.method} ${row.route} refuses an unknown field by name`, async () => {
      const body = { ...((await row.body!(t, state)) as object), isAdmin: true };
      const response = await t.app.inject({
        method: row.method,
        url: row.url ? row.url(t, state) : row.route,
        headers: { cookie: await t.login('admin'), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      expect(response.statusCode).toBe(400);
      expect(errorSchema.safeParse(response.json()).success).toBe(true);
      expect(fieldsOf(response.json())).toContain('isAdmin');
    });
  }
});

describe('malformed ids in the path', () => {
  for (const row of matrix.filter((r) => r.route.includes(':id'))) {
    it(`${row.method} ${row.route} answers 400 naming params.id`, async () => {
      const response = await t.app.inject({
        method: row.method,
        url: row.route.replace(':id', 'not-an-id'),
        headers: { cookie: await t.login('admin'), ...(row.body && { 'content-type': 'application/json' }) },
        ...(row.body && { payload: JSON.stringify(await row.body(t, state)) }),
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toContain('params.id');
    });
  }
});

describe('bad query strings', () => {
  for (const url of ['/api/users', '/api/companies', '/api/outbox']) {
    it(`GET ${url} answers 400 naming query.page for page=0`, async () => {
      const response = await t.app.inject({
        method: 'GET',
        url: `${url}?page=0`,
        headers: { cookie: await t.login('admin') },
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.json())).toContain('query.page');
    });
  }
});

describe('broken JSON', () => {
  it('answers 400 in the error model', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(response.statusCode).toBe(400);
    expect(errorSchema.safeParse(response.json()).success).toBe(true);
  });
});

describe('NUL characters, which PostgreSQL text cannot hold', () => {
  it('are refused with 400 naming the field, in a query and in a body', async () => {
    const cookie = await t.login('admin');
    const inQuery = await t.app.inject({ method: 'GET', url: '/api/undertakings?q=a%00b', headers: { cookie } });
    expect(inQuery.statusCode).toBe(400);
    expect(fieldsOf(inQuery.json())).toEqual(['query.q']);
    const inBody = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'Noll\u0000tecken', shortName: 'N', reportingAreas: [] }),
    });
    expect(inBody.statusCode).toBe(400);
    expect(fieldsOf(inBody.json())).toEqual(['name']);
  });

  it('refuses a lone surrogate half (broken Unicode, which jsonb cannot hold) but keeps real emoji', async () => {
    const cookie = await t.login('admin');
    const send = (name: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/organisations',
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ name, shortName: 'Uni', reportingAreas: [] }),
      });
    const broken = await send('Trasig \ud800 text');
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'invalid_unicode' }] } });
    const whole = await send('Hela tecken 🏭 AB');
    expect(whole.statusCode, whole.body).toBe(201);
  });
});
