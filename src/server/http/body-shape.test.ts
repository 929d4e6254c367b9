import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../contracts/common';
import { fixtures, createTestApp, type TestApp } from '../test/test-app';

// Hostile bodies small enough to pass the 1 MiB limit: one nested thousands of levels deep, and
// one with tens of thousands of unknown keys. Both are refused with a small 400, signed in or not.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const nested = (depth: number, open = '[', inner = '', close = ']') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
const manyUnknownKeys = (count: number, known: Record<string, unknown>) =>
  JSON.stringify({ ...known, ...Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, 1])) });

type Target = { name: string; url: () => string; cookie: () => Promise<string>; known: () => Record<string, unknown> };
const targets: Target[] = [
  {
    name: 'an anonymous sign-in',
    url: () => '/api/auth/login',
    cookie: async () => '',
    known: () => ({ email: fixtures.emails.coachOwn, password: fixtures.password }),
  },
  {
    name: "a coach's new analysis",
    url: () => `/api/companies/${fixtures.ownCompanyId}/analyses`,
    cookie: () => t.login('coachOwn'),
    known: () => ({
      kind: 'energy_mapping',
      title: 'Djup',
      content: {
        year: 2025,
        factorSetKey: 'se-2023-residual-mix',
        lines: [{ carrier: 'electricity', quantity: 100_000, unit: 'kWh', costSek: 150_000 }],
      },
    }),
  },
];

async function post(target: Target, payload: string) {
  const cookie = await target.cookie();
  return t.app.inject({
    method: 'POST',
    url: target.url(),
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    payload,
  });
}

describe('body nesting and field error caps (issue 14, finding 6)', () => {
  for (const target of targets) {
    it(`${target.name}: a body nested 5 000 levels deep is a 400 naming the nesting, not a 500`, async () => {
      const bodies = [
        `{"title":${nested(5000)}}`,
        `{"content":${nested(5000, '{"a":', '1', '}')}}`,
        `{"unknownKey":${nested(2500, '[{"a":', '"x"', '}]')}}`,
        nested(5000),
      ];
      for (const body of bodies) {
        JSON.parse(body); // each is valid JSON: only its depth is wrong
        const response = await post(target, body);
        expect(response.statusCode, body.slice(0, 40)).toBe(400);
        const error = response.json<ApiError>();
        expect(error.code).toBe('invalid_input');
        expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'body', code: 'too_deep' })]);
      }
    });

    it(`${target.name}: a body nested just within the cap is read as usual`, async () => {
      const response = await post(target, JSON.stringify({ ...target.known(), extra: JSON.parse(nested(30)) }));
      expect(response.statusCode).toBe(400);
      expect(response.json<ApiError>().details?.fields).toContainEqual(
        expect.objectContaining({ field: 'extra', code: 'unknown_field' }),
      );
    });

    it(`${target.name}: 90 000 unknown keys answer a small 400 that says how many were left out`, async () => {
      const response = await post(target, manyUnknownKeys(90_000, target.known()));
      expect(response.statusCode).toBe(400);
      expect(response.body.length).toBeLessThan(20_000);
      const error = response.json<ApiError>();
      expect(error.code).toBe('invalid_input');
      expect(error.details?.fields).toHaveLength(50);
      expect(error.details?.fields?.[0]).toEqual(expect.objectContaining({ field: 'k0', code: 'unknown_field' }));
      expect(error.details?.omittedFields).toBe(90_000 - 50);
    });
  }
});
