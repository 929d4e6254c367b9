import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, contacts, idempotencyKeys } from '../db/schema';
import { freshOrganisationNumber, matrix, prepareMatrix } from '../test/access-matrix';
import { actors, createTestApp, fixtures, type ActorName, type TestApp } from '../test/test-app';

// docs/quality.md R4 through the real HTTP layer on the real engine: a retry with the same
// Idempotency-Key returns the first answer and creates nothing (docs/decisions/018).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const contactsUrl = `/api/companies/${fixtures.ownCompanyId}/contacts`;

async function post(actor: ActorName, url: string, payload: object, key?: string) {
  return t.app.inject({
    method: 'POST',
    url,
    headers: { cookie: await t.login(actor), ...(key !== undefined && { 'idempotency-key': key }) },
    payload,
  });
}

async function contactsNamed(name: string): Promise<number> {
  return (await t.ctx.db.select({ id: contacts.id }).from(contacts).where(eq(contacts.name, name))).length;
}

function fieldsOf(response: { json: () => unknown }): string[] {
  return ((response.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

describe('a create with an Idempotency-Key', () => {
  it('answers a retry with the first status and body, marked as replayed, and creates nothing more', async () => {
    const key = randomUUID();
    const body = { organisationNumber: freshOrganisationNumber(), name: 'Nyckelverket AB' };
    const first = await post('coachOwn', '/api/companies', body, key);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const retry = await post('coachOwn', '/api/companies', body, key);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toBe(first.headers['content-type']);
    const id = (first.json() as { id: string }).id;
    const audit = await t.ctx.db
      .select({ id: auditEntries.id })
      .from(auditEntries)
      .where(and(eq(auditEntries.action, 'company.register'), eq(auditEntries.entityId, id)));
    expect(audit).toHaveLength(1);
  });

  it('creates once when the same request arrives several times at once', async () => {
    const key = randomUUID();
    const name = `Samtidig kontakt ${key}`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => post('coachOwn', contactsUrl, { name, gender: 'woman' }, key)),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(5);
    expect(await contactsNamed(name)).toBe(1);
  });

  it('refuses the same key with another body (422) and creates nothing', async () => {
    const key = randomUUID();
    const name = `Första kontakten ${key}`;
    expect((await post('coachOwn', contactsUrl, { name, gender: 'man' }, key)).statusCode).toBe(201);
    const other = await post('coachOwn', contactsUrl, { name: `Andra kontakten ${key}`, gender: 'man' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({ code: 'rule_violated', message: expect.stringContaining('Idempotency-Key') });
    expect(await contactsNamed(`Andra kontakten ${key}`)).toBe(0);
  });

  it('refuses the same key on another route (422)', async () => {
    const key = randomUUID();
    expect((await post('coachOwn', contactsUrl, { name: `Kontakt ${key}`, gender: 'man' }, key)).statusCode).toBe(201);
    const elsewhere = await post('coachOwn', '/api/undertakings', { name: `Koncern ${key}` }, key);
    expect(elsewhere.statusCode).toBe(422);
  });

  it("keeps each user's keys apart: another user's same key creates their own record", async () => {
    const key = randomUUID();
    const name = `Två användare ${key}`;
    const coach = await post('coachOwn', contactsUrl, { name, gender: 'other' }, key);
    const admin = await post('admin', contactsUrl, { name, gender: 'other' }, key);
    expect([coach.statusCode, admin.statusCode]).toEqual([201, 201]);
    expect(admin.headers['idempotent-replayed']).toBeUndefined();
    expect(await contactsNamed(name)).toBe(2);
  });

  it('keeps no key for a refused request, so the corrected retry runs', async () => {
    const key = randomUUID();
    const refused = await post('coachOwn', contactsUrl, { name: '', gender: 'woman' }, key);
    expect(refused.statusCode).toBe(400);
    const hidden = await post(
      'coachOwn',
      `/api/companies/${fixtures.otherCompanyId}/contacts`,
      {
        name: 'Dold',
        gender: 'woman',
      },
      key,
    );
    expect(hidden.statusCode).toBe(404);
    const stored = await t.ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
    expect(stored).toEqual([]);
  });

  it('forgets a key after 24 hours: the same key then creates again', async () => {
    const key = randomUUID();
    const name = `Utgången nyckel ${key}`;
    expect((await post('coachOwn', contactsUrl, { name, gender: 'woman' }, key)).statusCode).toBe(201);
    const realNow = t.clock.now;
    t.clock.now = new Date(realNow.getTime() + 24 * 60 * 60 * 1000 + 1000);
    try {
      // A fresh session: the cached one would be idle past its limit at the moved clock.
      const later = await t.app.inject({
        method: 'POST',
        url: contactsUrl,
        headers: { cookie: await t.login('coachOwn', { isFresh: true }), 'idempotency-key': key },
        payload: { name, gender: 'woman' },
      });
      expect(later.statusCode).toBe(201);
      expect(later.headers['idempotent-replayed']).toBeUndefined();
    } finally {
      t.clock.now = realNow;
    }
    expect(await contactsNamed(name)).toBe(2);
  });

  it('keeps no personal data of an erased contact in a stored answer, and refuses its retry (409)', async () => {
    const key = randomUUID();
    const name = `Raderas snart ${key}`;
    const created = await post('coachOwn', contactsUrl, { name, gender: 'woman' }, key);
    const id = (created.json() as { id: string }).id;
    const erased = await post('coachOwn', `/api/contacts/${id}/erase`, {});
    expect(erased.statusCode, erased.body).toBe(200);
    const left = await t.ctx.db.execute(sql`select response_body from idempotency_keys where key = ${key}`);
    expect(JSON.stringify(left)).not.toContain(name);
    const retry = await post('coachOwn', contactsUrl, { name, gender: 'woman' }, key);
    expect(retry.statusCode).toBe(409);
    expect(await contactsNamed(name)).toBe(0);
  });

  const badKeys: { sentence: string; key: string }[] = [
    { sentence: 'longer than 255 characters', key: 'k'.repeat(256) },
    { sentence: 'with a space', key: 'two words' },
    { sentence: 'with a character outside ASCII', key: 'nyckel-\u00e5' },
  ];
  it.each(badKeys)('refuses a key $sentence with 400 naming the header', async ({ key }) => {
    const response = await t.app.inject({
      method: 'POST',
      url: contactsUrl,
      headers: { cookie: await t.login('coachOwn'), 'idempotency-key': Buffer.from(key, 'utf8').toString('latin1') },
      payload: { name: 'Aldrig skapad', gender: 'woman' },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['headers.idempotency-key']);
    expect(await contactsNamed('Aldrig skapad')).toBe(0);
  });

  it('accepts a key of 255 visible characters', async () => {
    const key = `${randomUUID()}${'~'.repeat(255 - 36)}`;
    const response = await post(
      'coachOwn',
      contactsUrl,
      { name: `Lång nyckel ${key.slice(0, 8)}`, gender: 'man' },
      key,
    );
    expect(response.statusCode).toBe(201);
  });
});

describe('the create routes', () => {
  it('each answers a keyed retry with its first answer, as the first actor the access matrix lets create', async () => {
    const state = await prepareMatrix(t);
    const keyed = new Set(
      t.routes
        .filter((route) => (route.schema as { headers?: unknown } | undefined)?.headers)
        .map((route) => `${route.method} ${route.url}`),
    );
    const rows = matrix.filter((row) => keyed.has(`${row.method} ${row.route}`));
    expect(rows.map((row) => row.route).sort()).toEqual([...keyed].map((route) => route.split(' ')[1]).sort());
    for (const row of rows) {
      const actor = actors.find((a) => row.expected[a] >= 200 && row.expected[a] < 300)!;
      const body = row.body ? await row.body(t, state) : {};
      const url = row.url ? row.url(t, state) : row.route;
      const key = randomUUID();
      const answers = [];
      for (let i = 0; i < 2; i += 1) {
        answers.push(
          await t.app.inject({
            method: 'POST',
            url,
            headers: { cookie: await t.login(actor), 'idempotency-key': key },
            payload: body as object,
          }),
        );
      }
      const [first, retry] = answers;
      expect(first!.statusCode, `${row.route}: ${first!.body.slice(0, 200)}`).toBe(row.expected[actor]);
      expect([retry!.statusCode, retry!.body], row.route).toEqual([first!.statusCode, first!.body]);
      expect(retry!.headers['idempotent-replayed'], row.route).toBe('true');
    }
  });

  it('every POST that answers 201 accepts an Idempotency-Key, and the OpenAPI document says so', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<string, { responses?: Record<string, unknown>; parameters?: { in: string; name: string }[] }>
      >;
    };
    const creates = Object.entries(document.paths).flatMap(([path, operations]) =>
      operations.post?.responses?.['201'] ? [{ path, post: operations.post }] : [],
    );
    expect(creates.length).toBeGreaterThanOrEqual(11);
    const withoutKey = creates
      .filter(({ post }) => !post.parameters?.some((p) => p.in === 'header' && p.name === 'idempotency-key'))
      .map(({ path }) => path);
    expect(withoutKey).toEqual([]);
  });
});
