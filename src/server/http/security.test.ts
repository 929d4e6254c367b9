import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix, prepareMatrix, type MatrixState } from '../test/access-matrix';
import { createTestApp, type TestApp } from '../test/test-app';

let t: TestApp;
let state: MatrixState;
beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
});
afterAll(async () => {
  await t?.close();
});

/** A fingerprint of every table's row count and the audit trail, to prove nothing changed. */
async function snapshot(): Promise<string> {
  const result = await t.database.db.execute(sql`
    select (select count(*) from users)::text || ':' || (select coalesce(max(version), 0) from users)::text || ':' ||
           (select count(*) from organisations)::text || ':' || (select coalesce(sum(version), 0) from organisations)::text || ':' ||
           (select count(*) from audit_entries)::text || ':' || (select count(*) from outbox_messages)::text || ':' ||
           (select count(*) from user_tokens)::text as fingerprint`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { fingerprint: string }[];
  return rows[0]!.fingerprint;
}

const stateChanging = matrix.filter((row) => row.method !== 'GET' && row.method !== 'HEAD');

describe('security headers (S11)', () => {
  it('sends a strict CSP, nosniff, a referrer policy and no-store on API answers', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: await t.login('admin') },
    });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('lets no API answer be kept but the public programme page’s, which holds nothing personal', async () => {
    const cookie = await t.login('admin');
    const kept: string[] = [];
    for (const row of matrix.filter(
      (r) => r.method === 'GET' && r.route.startsWith('/api/') && !r.route.startsWith('/api/docs'),
    )) {
      const url = row.url ? row.url(t, state) : row.route;
      const response = await t.app.inject({ method: 'GET', url, headers: { cookie } });
      if (response.headers['cache-control'] !== 'no-store')
        kept.push(`${row.route} ${response.headers['cache-control']}`);
    }
    expect(kept).toEqual(['/api/public/programme public, max-age=300']);
  });

  it('hides internals of an unknown route behind the error model', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(Object.keys(response.json() as object).sort()).toEqual(['code', 'message']);
  });
});

describe('cross-site requests (S10)', () => {
  for (const row of stateChanging) {
    it(`${row.method} ${row.route} refuses text/plain, a form post and a foreign Origin, and changes nothing`, async () => {
      const cookie = await t.login('admin');
      const url = row.url ? row.url(t, state) : row.route;
      const body = JSON.stringify(row.body ? await row.body(t, state) : {});
      const before = await snapshot();
      const plain = await t.app.inject({
        method: row.method,
        url,
        headers: { cookie, 'content-type': 'text/plain' },
        payload: body,
      });
      const form = await t.app.inject({
        method: row.method,
        url,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1',
      });
      const foreign = await t.app.inject({
        method: row.method,
        url,
        headers: { cookie, 'content-type': 'application/json', origin: 'https://evil.example' },
        payload: body,
      });
      const fetchSite = await t.app.inject({
        method: row.method,
        url,
        headers: { cookie, 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
        payload: body,
      });
      expect([plain.statusCode, form.statusCode]).toEqual([400, 400]);
      expect([foreign.statusCode, fetchSite.statusCode]).toEqual([403, 403]);
      expect(await snapshot()).toBe(before);
    });
  }

  it('never changes state on GET', async () => {
    const cookie = await t.login('admin');
    const before = await snapshot();
    for (const row of matrix.filter((r) => r.method === 'GET')) {
      await t.app.inject({ method: 'GET', url: row.url ? row.url(t, state) : row.route, headers: { cookie } });
    }
    expect(await snapshot()).toBe(before);
  });
});
