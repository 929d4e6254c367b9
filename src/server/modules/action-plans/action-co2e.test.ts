import { readFileSync } from 'node:fs';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions } from '../../db/schema';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

// Issue 16, item 2 (decision 038): an action's CO2e follows its energy carrier, kWh × the factor it
// keeps, for expected and realised effects alike, and the programme's totals grow by exactly that.
// Factors by hand, from content/emission-factors/sets/se-2023-residual-mix.json (the set in use in
// 2026, the test clock's year): electricity 0.5241 kg CO2e/kWh (Ei's residual mix 2023).

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
});
afterAll(async () => {
  await t?.close();
});

const planUrl = `/api/companies/${fixtures.ownCompanyId}/actions`;

const call = requestsAs(() => t);

function fieldsOf(body: string): string[] {
  return ((JSON.parse(body) as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

type Effects = { kwh: number | null; co2eKg: number | null; sek: number | null; materialTonnes: number | null };
type Action = {
  id: string;
  version: number;
  status: string;
  carrier: string | null;
  emissionFactorKgPerKwh: number | null;
  expected: Effects;
  realised: Effects;
  realisedConfirmation: unknown;
};
type Sums = { kwh: number; co2eKg: number };
type Totals = { expected: Sums; realised: Sums; realisedUnconfirmed: Sums };

async function create(body: Record<string, unknown>): Promise<Action> {
  const response = await call('coachOwn', 'POST', planUrl, {
    area: 'energy_transition',
    title: 'Byt till LED',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Action;
}

async function patch(id: string, body: Record<string, unknown>, actor: ActorName = 'coachOwn'): Promise<Action> {
  const response = await call(actor, 'PATCH', `/api/actions/${id}`, body);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Action;
}

async function programmeTotals(): Promise<Totals> {
  const response = await call('admin', 'GET', '/api/action-totals');
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { overall: Totals }).overall;
}

async function companyTotals(): Promise<Totals> {
  const response = await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/action-totals`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { overall: Totals }).overall;
}

const actionCount = async () => (await t.database.db.select({ id: actions.id }).from(actions)).length;

describe('an action with an energy carrier', () => {
  it('offers the carriers with the factor an action takes now', async () => {
    const list = (await call('coachOwn', 'GET', planUrl)).json() as {
      carriers: { key: string; name: { sv: string }; emissionFactorKgPerKwh: number }[];
    };
    expect(list.carriers.find((c) => c.key === 'electricity')).toMatchObject({
      name: { sv: expect.any(String) },
      emissionFactorKgPerKwh: 0.5241,
    });
    expect(list.carriers.find((c) => c.key === 'district_heating')?.emissionFactorKgPerKwh).toBe(0.051);
    // The company user writes no plan: no carriers to choose from.
    const own = (await call('companyOwn', 'GET', planUrl)).json() as { carriers: unknown[] };
    expect(own.carriers).toEqual([]);
  });

  it('computes the CO2e of a free action from its carrier, and the programme totals grow by it', async () => {
    const before = await programmeTotals();
    const action = await create({ carrier: 'electricity', expected: { kwh: 40_000, sek: 60_000 } });
    // By hand: 40 000 kWh × 0.5241 kg/kWh = 20 964 kg CO2e.
    expect(action).toMatchObject({ carrier: 'electricity', emissionFactorKgPerKwh: 0.5241 });
    expect(action.expected.co2eKg).toBeCloseTo(20_964, 9);
    const after = await programmeTotals();
    expect(after.expected.co2eKg - before.expected.co2eKg).toBeCloseTo(20_964, 6);
    expect(after.expected.kwh - before.expected.kwh).toBeCloseTo(40_000, 6);
    // The stored column is what the rollup and the company's SQL totals read.
    const [row] = await t.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row).toMatchObject({ carrier: 'electricity', emissionFactorKgPerKwh: 0.5241 });
    expect(row!.expectedCo2eKg).toBeCloseTo(20_964, 9);
  });

  it('refuses a CO2e typed together with a carrier with a 400 naming the field, and writes nothing', async () => {
    const count = await actionCount();
    const typed = await call('coachOwn', 'POST', planUrl, {
      area: 'energy_transition',
      title: 'Typad CO2e',
      carrier: 'electricity',
      expected: { kwh: 40_000, co2eKg: 1_000 },
    });
    expect(typed.statusCode).toBe(400);
    expect(fieldsOf(typed.body)).toEqual(['expected.co2eKg']);
    expect(typed.json()).toMatchObject({ details: { fields: [{ code: 'computed_from_carrier' }] } });
    const unknown = await call('coachOwn', 'POST', planUrl, {
      area: 'energy_transition',
      title: 'Okänd bärare',
      carrier: 'moonlight',
      expected: { kwh: 1_000 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['carrier']);
    expect(await actionCount()).toBe(count);

    const action = await create({ carrier: 'electricity', expected: { kwh: 10_000 } });
    const onPatch = await call('coachOwn', 'PATCH', `/api/actions/${action.id}`, {
      version: action.version,
      realised: { kwh: 9_000, co2eKg: 4_000 },
    });
    expect(onPatch.statusCode).toBe(400);
    expect(fieldsOf(onPatch.body)).toEqual(['realised.co2eKg']);
    const [row] = await t.database.db.select().from(actions).where(eq(actions.id, action.id));
    expect(row).toMatchObject({ version: 1, realisedKwh: null, realisedCo2eKg: null });
  });

  it('keeps a CO2e typed without a carrier, and the one shown when the carrier is removed', async () => {
    const typed = await create({ expected: { kwh: 42_000, co2eKg: 1_100 } });
    expect(typed).toMatchObject({ carrier: null, emissionFactorKgPerKwh: null, expected: { co2eKg: 1_100 } });
    const withCarrier = await patch(typed.id, { version: 1, carrier: 'electricity' });
    // 42 000 × 0.5241 = 22 012.2 kg: choosing a carrier computes it.
    expect(withCarrier.expected.co2eKg).toBeCloseTo(22_012.2, 9);
    const removed = await patch(typed.id, { version: 2, carrier: null });
    expect(removed).toMatchObject({ carrier: null, emissionFactorKgPerKwh: null });
    expect(removed.expected.co2eKg).toBeCloseTo(22_012.2, 9);
    const retyped = await patch(typed.id, { version: 3, expected: { co2eKg: 1_100 } });
    expect(retyped.expected.co2eKg).toBe(1_100);
  });

  it('gives a company user’s realised kWh their CO2e, counted once the coach confirms them', async () => {
    const action = await create({ carrier: 'electricity', expected: { kwh: 40_000 } });
    const programmeBefore = await programmeTotals();
    const companyBefore = await companyTotals();
    const reported = await patch(
      action.id,
      { version: action.version, status: 'done', realised: { kwh: 35_000, co2eKg: null } },
      'companyOwn',
    );
    // By hand: 35 000 kWh × 0.5241 kg/kWh = 18 343.5 kg CO2e, unconfirmed until the coach confirms.
    expect(reported.realised.co2eKg).toBeCloseTo(18_343.5, 9);
    const unconfirmed = await programmeTotals();
    expect(unconfirmed.realisedUnconfirmed.co2eKg - programmeBefore.realisedUnconfirmed.co2eKg).toBeCloseTo(
      18_343.5,
      6,
    );
    expect(unconfirmed.realised.co2eKg).toBeCloseTo(programmeBefore.realised.co2eKg, 6);
    // The company user cannot type a CO2e over the computed one either.
    const typed = await call('companyOwn', 'PATCH', `/api/actions/${action.id}`, {
      version: reported.version,
      realised: { co2eKg: 30_000 },
    });
    expect(typed.statusCode).toBe(400);
    expect(fieldsOf(typed.body)).toEqual(['realised.co2eKg']);
    // The coach's form repeats the figures without a CO2e when it saves a title: not a confirmation.
    const retitled = await patch(action.id, {
      version: reported.version,
      title: 'Byt till LED i hall 2',
      realised: { kwh: 35_000, co2eKg: null, sek: null, materialTonnes: null },
    });
    expect(retitled).toMatchObject({ realisedConfirmation: null });
    expect(retitled.realised.co2eKg).toBeCloseTo(18_343.5, 9);
    const confirmed = await call('coachOwn', 'POST', `/api/actions/${action.id}/confirm-realised`, {
      version: retitled.version,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const programmeAfter = await programmeTotals();
    expect(programmeAfter.realised.co2eKg - programmeBefore.realised.co2eKg).toBeCloseTo(18_343.5, 6);
    expect(programmeAfter.realised.kwh - programmeBefore.realised.kwh).toBeCloseTo(35_000, 6);
    const companyAfter = await companyTotals();
    expect(companyAfter.realised.co2eKg - companyBefore.realised.co2eKg).toBeCloseTo(18_343.5, 6);
  });
});

/** An energy mapping of the own company with electricity at the set's factor and district heating
 * at its network's own factor (0.035 kg/kWh), as in the analyses tests' hand calculation. */
async function createMapping(): Promise<string> {
  const response = await call('coachOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/analyses`, {
    kind: 'energy_mapping',
    title: 'Energikartläggning 2025',
    content: {
      year: 2025,
      factorSetKey: 'se-2023-residual-mix',
      lines: [
        { carrier: 'electricity', quantity: 120_000, unit: 'kWh', costSek: 180_000 },
        { carrier: 'district_heating', quantity: 180, unit: 'MWh', costSek: 126_000, emissionFactorKgPerKwh: 0.035 },
      ],
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

async function finding(
  analysisId: string,
  body: Record<string, unknown>,
): Promise<{ id: string; expectedCo2eKg: number }> {
  const response = await call('coachOwn', 'POST', `/api/analyses/${analysisId}/findings`, body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; expectedCo2eKg: number };
}

async function convert(findingId: string): Promise<Action> {
  const response = await call('coachOwn', 'POST', `/api/analysis-findings/${findingId}/action`, {});
  expect(response.statusCode, response.body).toBe(201);
  const { actionId } = response.json() as { actionId: string };
  return (await call('coachOwn', 'GET', `/api/actions/${actionId}`)).json() as Action;
}

describe('an action made from an energy mapping’s finding', () => {
  it('takes the carrier and the mapping’s factor (the line’s own), and its CO2e follows the kWh', async () => {
    const mappingId = await createMapping();
    const heat = await finding(mappingId, {
      title: 'Värmeåtervinning',
      carrier: 'district_heating',
      expectedKwh: 40_000,
    });
    // By hand: 40 000 kWh × 0.035 kg/kWh (the network's own factor) = 1 400 kg.
    expect(heat.expectedCo2eKg).toBeCloseTo(1_400, 9);
    const action = await convert(heat.id);
    expect(action).toMatchObject({ carrier: 'district_heating', emissionFactorKgPerKwh: 0.035 });
    expect(action.expected.co2eKg).toBeCloseTo(1_400, 9);
    // 50 000 kWh × 0.035 = 1 750 kg: the mapping's factor stays with the action, not the set's 0.051.
    const changed = await patch(action.id, { version: action.version, expected: { kwh: 50_000 } });
    expect(changed.expected.co2eKg).toBeCloseTo(1_750, 9);
  });

  it('keeps a CO2e the coach typed on the finding as typed, without a carrier', async () => {
    const mappingId = await createMapping();
    const typed = await finding(mappingId, {
      title: 'Värmeåtervinning, egen beräkning',
      carrier: 'district_heating',
      expectedKwh: 40_000,
      expectedCo2eKg: 1_000,
    });
    const action = await convert(typed.id);
    expect(action).toMatchObject({
      carrier: null,
      emissionFactorKgPerKwh: null,
      expected: { kwh: 40_000, co2eKg: 1_000 },
    });
  });
});

describe('migration 0026: actions from before the rule', () => {
  it('gives actions from a finding with a carrier the carrier, the factor and a missing CO2e; keeps typed figures', async () => {
    const mappingId = await createMapping();
    const electricity = (title: string) =>
      finding(mappingId, { title, carrier: 'electricity', expectedKwh: 12_000 }).then((made) => convert(made.id));
    // Written the old way: an action from a finding had no carrier; one had no CO2e and a realised
    // kWh without CO2e, one a CO2e typed over the finding's, and one is a free action with kWh only.
    const computed = await electricity('Läcksökning tryckluft');
    const missing = await electricity('Frekvensstyrda fläktar');
    const typed = await electricity('Tidsstyrd ventilation');
    const free = await create({ title: 'Fri åtgärd med kWh', expected: { kwh: 8_000 } });
    const ids = [computed.id, missing.id, typed.id, free.id];
    const old = { carrier: null, emissionFactorKgPerKwh: null };
    await t.database.db.update(actions).set(old).where(inArray(actions.id, ids));
    await t.database.db
      .update(actions)
      .set({ expectedCo2eKg: null, realisedKwh: 11_000, realisedCo2eKg: null })
      .where(eq(actions.id, missing.id));
    await t.database.db.update(actions).set({ expectedCo2eKg: 5_000 }).where(eq(actions.id, typed.id));
    const before = await programmeTotals();

    const migration = readFileSync(
      new URL('../../db/migrations/0026_action_carrier_backfill.sql', import.meta.url),
      'utf8',
    );
    await t.database.db.execute(sql.raw(migration));

    const rows = await t.database.db.select().from(actions).where(inArray(actions.id, ids));
    const rowOf = (id: string) => rows.find((row) => row.id === id)!;
    // 12 000 × 0.5241 = 6 289.2 kg, which the computed one already had: only the carrier is added.
    expect(rowOf(computed.id)).toMatchObject({ carrier: 'electricity', emissionFactorKgPerKwh: 0.5241, version: 2 });
    expect(rowOf(computed.id).expectedCo2eKg).toBeCloseTo(6_289.2, 9);
    // Missing CO2e filled: expected 6 289.2 kg, realised 11 000 × 0.5241 = 5 765.1 kg.
    expect(rowOf(missing.id)).toMatchObject({ carrier: 'electricity', emissionFactorKgPerKwh: 0.5241 });
    expect(rowOf(missing.id).expectedCo2eKg).toBeCloseTo(6_289.2, 9);
    expect(rowOf(missing.id).realisedCo2eKg).toBeCloseTo(5_765.1, 9);
    // A typed figure is kept, and so the action names no carrier; the free action stays as it was.
    expect(rowOf(typed.id)).toMatchObject({
      carrier: null,
      emissionFactorKgPerKwh: null,
      expectedCo2eKg: 5_000,
      version: 1,
    });
    expect(rowOf(free.id)).toMatchObject({ carrier: null, expectedKwh: 8_000, expectedCo2eKg: null });

    // The rollup follows in the same statement: the programme's expected CO2e grows by 6 289.2 kg.
    const after = await programmeTotals();
    expect(after.expected.co2eKg - before.expected.co2eKg).toBeCloseTo(6_289.2, 6);
    // Running it again changes nothing.
    await t.database.db.execute(sql.raw(migration));
    expect((await programmeTotals()).expected.co2eKg).toBeCloseTo(after.expected.co2eKg, 6);
  });
});

describe('a newer factor set', () => {
  it('gives new actions its factor and leaves the stored ones as they were', async () => {
    const kept = await create({ carrier: 'electricity', expected: { kwh: 10_000 } });
    const factors = (
      (await call('admin', 'GET', '/api/emission-factor-sets')).json() as {
        sets: { set: { key: string; factors: { carrier: string; value: number }[] } }[];
      }
    ).sets.find((entry) => entry.set.key === 'se-2023-residual-mix')!.set.factors;
    const set = {
      key: 'programme-2026',
      name: { sv: 'Programmets faktorer 2026', en: 'The programme’s factors 2026' },
      validFrom: '2026-01-01',
      source: { name: 'Programmets beslut', publishedOn: '2026' },
      factors: factors.map((factor) => (factor.carrier === 'electricity' ? { ...factor, value: 0.4 } : factor)),
    };
    const added = await call('admin', 'POST', '/api/emission-factor-sets', set);
    expect(added.statusCode, added.body).toBe(201);
    const fresh = await create({ carrier: 'electricity', expected: { kwh: 10_000 } });
    expect(fresh).toMatchObject({ emissionFactorKgPerKwh: 0.4 });
    expect(fresh.expected.co2eKg).toBeCloseTo(4_000, 9);
    // Naming the same carrier again keeps the 0.5241 it was computed with: 20 000 × 0.5241 = 10 482 kg.
    const changed = await patch(kept.id, { version: 1, carrier: 'electricity', expected: { kwh: 20_000 } });
    expect(changed).toMatchObject({ emissionFactorKgPerKwh: 0.5241 });
    expect(changed.expected.co2eKg).toBeCloseTo(10_482, 9);
  });
});
