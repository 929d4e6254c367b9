import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKeys, sessions } from '../db/schema';
import { demoIds } from '../db/seed';
import { createTestApp, fixtures, type TestApp } from '../test/test-app';
import { cleanUpExpired } from './cleanup';

// The cleanup job on a real database: it deletes exactly what has expired (S9's session limits,
// decision 018's 24 hours) and nothing that still works.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const minutes = (n: number) => n * 60_000;
const ago = (ms: number) => new Date(t.clock.now.getTime() - ms);

async function plantSession(stage: 'signed_in' | 'second_factor' | 'enrolment', createdAgo: number, seenAgo: number) {
  const id = randomBytes(32).toString('hex');
  await t.ctx.db.insert(sessions).values({
    id,
    userId: demoIds.users.coachIucVast,
    stage,
    createdAt: ago(createdAgo),
    lastSeenAt: ago(seenAgo),
  });
  return id;
}

async function sessionIds(): Promise<Set<string>> {
  return new Set((await t.ctx.db.select({ id: sessions.id }).from(sessions)).map((row) => row.id));
}

describe('the cleanup job', () => {
  it('deletes expired sessions and idempotency keys, and keeps every live one working', async () => {
    // A real sign-in and a real keyed create: both alive.
    const cookie = await t.login('coachOwn');
    const key = randomUUID();
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${fixtures.ownCompanyId}/contacts`,
      headers: { cookie, 'idempotency-key': key },
      payload: { name: 'Städa Kvar', gender: 'man' },
    });
    expect(created.statusCode).toBe(201);

    const expired = [
      await plantSession('signed_in', minutes(60), minutes(30)), // idle for exactly 30 minutes
      await plantSession('signed_in', minutes(12 * 60), minutes(1)), // 12 hours old, though busy
      await plantSession('second_factor', minutes(5), minutes(1)), // the code step waited 5 minutes
      await plantSession('enrolment', minutes(16), minutes(1)), // the enrolment waited 16 minutes
    ];
    const alive = [
      await plantSession('signed_in', minutes(12 * 60 - 1), minutes(29)),
      await plantSession('second_factor', minutes(4), minutes(4)),
      await plantSession('enrolment', minutes(14), minutes(14)),
    ];
    await t.ctx.db.insert(idempotencyKeys).values({
      userId: demoIds.users.companyFirst,
      key: 'forgotten-key',
      route: 'POST /api/companies/:id/contacts',
      requestHash: 'x',
      statusCode: 201,
      responseBody: '{}',
      createdAt: ago(minutes(24 * 60 + 1)),
      expiresAt: ago(minutes(1)),
    });

    expect(await cleanUpExpired(t.ctx)).toEqual({ sessions: 4, idempotencyKeys: 1, publicSignUps: 0 });
    const left = await sessionIds();
    expect(expired.filter((id) => left.has(id))).toEqual([]);
    expect(alive.filter((id) => !left.has(id))).toEqual([]);
    const keys = await t.ctx.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(keys.map((row) => row.key)).toEqual([key]);

    // The live session still signs the coach in, and the live key still replays its answer.
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const replayed = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${fixtures.ownCompanyId}/contacts`,
      headers: { cookie, 'idempotency-key': key },
      payload: { name: 'Städa Kvar', gender: 'man' },
    });
    expect(replayed.headers['idempotent-replayed']).toBe('true');

    // A second run finds nothing more.
    expect(await cleanUpExpired(t.ctx)).toEqual({ sessions: 0, idempotencyKeys: 0, publicSignUps: 0 });
  });

  it('deletes every session and key once the clock has moved a day on, and the cookie no longer signs in', async () => {
    const cookie = await t.login('coachOther', { isFresh: true });
    const before = await sessionIds();
    t.clock.now = new Date(t.clock.now.getTime() + minutes(24 * 60));
    const result = await cleanUpExpired(t.ctx);
    // Every session left (the coach's, the other test's) and the key of the create went.
    expect(result).toEqual({ sessions: before.size, idempotencyKeys: 1, publicSignUps: 0 });
    expect(await sessionIds()).toEqual(new Set());
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });
});
