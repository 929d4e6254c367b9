import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorSchema } from '../../contracts/common';
import { summariseTables } from '../backup/manifest';
import { matrix, prepareMatrix, type MatrixRow, type MatrixState } from './access-matrix';
import { actors, createTestApp, type ActorName, type TestApp } from './test-app';

// docs/quality.md S13: property-based bad input on every route of the access matrix, generated from
// the route's own zod schemas (body, query, params). As any actor: never a 5xx, every error in the
// error model, never a 2xx for a body the contract refuses, and a refused write changes nothing.
// FUZZ_RUNS sets the runs per route (default 100; the refused-writes batch runs a third of that).

const runs = Number(process.env.FUZZ_RUNS ?? 100);
// CI replays one fixed seed, so a red run can be reproduced and a green one stays green until the
// code changes; a local run explores new inputs each time (FUZZ_SEED replays a reported failure).
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : process.env.CI ? 20261127 : undefined;

let t: TestApp;
let state: MatrixState;
const cookies = new Map<ActorName, string>();

beforeAll(async () => {
  t = await createTestApp();
  state = await prepareMatrix(t);
  for (const actor of actors) cookies.set(actor, await t.login(actor));
});
afterAll(async () => {
  await t?.close();
});

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  nullable?: boolean;
};

/** Values hostile to a server: wrong types, extremes, control characters, lone surrogates, SQL. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    "'; drop table companies; --",
    '<script>alert(1)</script>',
    'x'.repeat(20_000),
    -1,
    0,
    1.5,
    -0,
    1e308,
    Number.MAX_SAFE_INTEGER + 2,
    true,
    null,
    [],
    {},
    '9999-99-99',
    '2026-02-30',
    '00000000-0000-0000-0000-000000000000',
  ),
);

const validDate = fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-12-31') });

/** Values that mostly satisfy the schema, so requests get past validation into the services. */
function plausible(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => plausible(s, depth)));
  const types = [schema.type ?? 'any'].flat();
  const withNull = (arb: fc.Arbitrary<unknown>) =>
    types.includes('null') || schema.nullable ? fc.option(arb, { nil: null }) : arb;
  const type = types.find((x) => x !== 'null') ?? 'any';
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return withNull(fc.uuid());
      if (schema.format === 'email') return withNull(fc.emailAddress());
      if (schema.format === 'date') return withNull(validDate.map((d) => d.toISOString().slice(0, 10)));
      if (schema.format === 'date-time') return withNull(validDate.map((d) => d.toISOString()));
      if (schema.pattern) return withNull(fc.stringMatching(new RegExp(schema.pattern)));
      const maxLength = Math.min(schema.maxLength ?? 60, 300);
      return withNull(fc.string({ minLength: Math.min(schema.minLength ?? 0, maxLength), maxLength }));
    }
    case 'integer':
      return withNull(
        fc.integer({ min: Math.max(schema.minimum ?? -1e9, -1e9), max: Math.min(schema.maximum ?? 1e9, 1e9) }),
      );
    case 'number':
      return withNull(fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true }));
    case 'boolean':
      return withNull(fc.boolean());
    case 'array':
      return withNull(
        fc.array(schema.items && depth < 3 ? plausible(schema.items, depth + 1) : hostile, {
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        }),
      );
    case 'object': {
      if (!schema.properties || depth >= 3) return withNull(fc.dictionary(fc.string(), hostile, { maxKeys: 3 }));
      const fields = Object.fromEntries(
        Object.entries(schema.properties).map(([key, s]) => [key, plausible(s, depth + 1)]),
      );
      return withNull(fc.record(fields, { requiredKeys: schema.required ?? [] }));
    }
    default:
      return hostile;
  }
}

type RouteSchemas = { body?: z.ZodType; querystring?: z.ZodType; params?: z.ZodType };

function jsonSchemaOf(schema: z.ZodType | undefined): JsonSchema | undefined {
  return schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;
}

/** Changes to a known-good body: replace, remove or add fields with plausible or hostile values. */
function editedBody(base: Record<string, unknown>, schema: JsonSchema | undefined): fc.Arbitrary<unknown> {
  const keys = [...new Set([...Object.keys(schema?.properties ?? {}), ...Object.keys(base), 'unknownField'])];
  const edit = fc.record({
    key: fc.constantFrom(...keys),
    value: fc.oneof(
      fc.constant(undefined),
      hostile,
      ...(schema?.properties && Object.keys(schema.properties).length > 0
        ? [fc.constantFrom(...Object.values(schema.properties)).chain((s) => plausible(s))]
        : []),
    ),
  });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) => {
    const body: Record<string, unknown> = { ...base };
    for (const { key, value } of edits) {
      if (value === undefined) delete body[key];
      else body[key] = value;
    }
    return body;
  });
}

function queryString(values: unknown): string {
  if (!values || typeof values !== 'object') return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (value !== undefined) params.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const rows = matrix.filter((row) => !row.isOptional && !row.route.startsWith('/api/docs') && row.route !== '/*');

function schemasOf(row: MatrixRow): RouteSchemas {
  const route = t.routes.find((r) => r.method === row.method && r.url === row.route);
  if (!route) throw new Error(`no route ${row.method} ${row.route}`);
  return (route.schema ?? {}) as RouteSchemas;
}

async function send(row: MatrixRow, actor: ActorName, url: string, body: unknown) {
  // A call that ends the session would end the shared one: those rows go out without one.
  const cookie = row.needsFreshSession ? '' : (cookies.get(actor) ?? '');
  const hasBody = row.method !== 'GET' && row.method !== 'HEAD';
  return t.app.inject({
    method: row.method,
    url,
    headers: { cookie, ...(hasBody && { 'content-type': 'application/json' }) },
    ...(hasBody && { payload: JSON.stringify(body === undefined ? {} : body) }),
  });
}

function checkAnswer(response: { statusCode: number; body: string }, label: string) {
  expect(response.statusCode, `${label}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode >= 400) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(response.body);
    } catch {
      parsed = response.body;
    }
    expect(errorSchema.safeParse(parsed).success, `${label}: not the error model: ${response.body.slice(0, 300)}`).toBe(
      true,
    );
  }
}

/** Row counts and checksums of every table but the sessions, whose last-seen time moves on every call. */
async function fingerprint(): Promise<string> {
  const tables = await summariseTables(async (text) => {
    const result = await t.database.db.execute(text as never);
    return (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<
      string,
      unknown
    >[];
  });
  delete tables['public.sessions'];
  return JSON.stringify(tables);
}

describe('generated input on every route (S13)', () => {
  for (const row of rows) {
    it(`${row.method} ${row.route}`, async () => {
      const schemas = schemasOf(row);
      const bodySchema = jsonSchemaOf(schemas.body);
      const querySchema = jsonSchemaOf(schemas.querystring);
      const goodUrl = row.url ? row.url(t, state) : row.route;
      const [goodPath] = goodUrl.split('?') as [string];
      const base = ((row.body ? await row.body(t, state) : {}) ?? {}) as Record<string, unknown>;

      const path = fc.oneof(
        { weight: 4, arbitrary: fc.constant(goodPath) },
        fc
          .string({ unit: 'binary', maxLength: 20 })
          .map((junk) => goodPath.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/i, encodeURIComponent(junk) || 'x')),
        fc.uuid().map((id) => goodPath.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/i, id)),
      );
      const query = querySchema
        ? fc.oneof(
            plausible(querySchema),
            fc.dictionary(fc.constantFrom(...Object.keys(querySchema.properties ?? { q: {} })), hostile),
          )
        : fc.constant(undefined);
      const body = fc.oneof(
        { weight: 3, arbitrary: editedBody(base, bodySchema) },
        bodySchema ? plausible(bodySchema) : fc.constant(base),
        fc.jsonValue({ maxDepth: 2 }),
      );

      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actors), path, query, body, async (actor, p, q, b) => {
          const url = `${p}${queryString(q)}`;
          const response = await send(row, actor, url, b);
          const label = `${actor} ${row.method} ${url} ${JSON.stringify(b)?.slice(0, 200)}`;
          checkAnswer(response, label);
          if (schemas.body && !schemas.body.safeParse(b).success) {
            expect(response.statusCode, `${label}: accepted a body the contract refuses`).toBeGreaterThanOrEqual(400);
          }
        }),
        { numRuns: runs, ...(seed !== undefined && { seed }) },
      );

      if (row.method === 'GET' || row.method === 'HEAD' || !schemas.body) return;
      // Bodies the contract refuses (an unknown field always is), sent as every actor: nothing changes.
      const before = await fingerprint();
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...actors), editedBody(base, bodySchema), hostile, async (actor, b, junk) => {
          const refused = { ...(b as object), unknownField: junk };
          const response = await send(row, actor, goodUrl, refused);
          checkAnswer(response, `${actor} ${row.method} ${goodUrl}`);
          expect(response.statusCode).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: Math.ceil(runs / 3), ...(seed !== undefined && { seed }) },
      );
      expect(await fingerprint()).toBe(before);
    });
  }
});
