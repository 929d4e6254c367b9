import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionCo2eFromFinding,
  applyActionCo2e,
  co2eOfEnergy,
  type ActionCo2eChange,
  type ActionCo2eState,
  type CarrierFactor,
} from './action-co2e';

// Factors of content/emission-factors/sets/se-2023-residual-mix.json (kg CO2e/kWh).
const electricity2023: CarrierFactor = { carrier: 'electricity', factorKgPerKwh: 0.5241 };
const electricity2021: CarrierFactor = { carrier: 'electricity', factorKgPerKwh: 0.37199 };
const diesel: CarrierFactor = { carrier: 'diesel', factorKgPerKwh: 0.265 };

const empty: ActionCo2eState = {
  carrier: null,
  expected: { kwh: null, co2eKg: null },
  realised: { kwh: null, co2eKg: null },
};
const withCarrier = (carrier: CarrierFactor, expectedKwh: number | null, realisedKwh: number | null = null) => ({
  carrier,
  expected: { kwh: expectedKwh, co2eKg: expectedKwh === null ? null : expectedKwh * carrier.factorKgPerKwh },
  realised: { kwh: realisedKwh, co2eKg: realisedKwh === null ? null : realisedKwh * carrier.factorKgPerKwh },
});

describe('co2eOfEnergy', () => {
  it.each([
    { sentence: '40 000 kWh of electricity at 0.5241 kg/kWh is 20 964 kg', kwh: 40_000, factor: 0.5241, kg: 20_964 },
    { sentence: 'an increase of 40 000 kWh is an increase of 20 964 kg', kwh: -40_000, factor: 0.5241, kg: -20_964 },
    { sentence: 'a carrier with factor 0 (biofuel at combustion) gives 0 kg', kwh: 10_000, factor: 0, kg: 0 },
    { sentence: 'no kWh gives no CO2e, not 0', kwh: null, factor: 0.5241, kg: null },
  ])('$sentence', ({ kwh, factor, kg }) => {
    const result = co2eOfEnergy(kwh, factor);
    if (kg === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(kg, 9);
  });
});

describe('applyActionCo2e', () => {
  type Case = {
    sentence: string;
    before: ActionCo2eState;
    change: ActionCo2eChange;
    expected?: Partial<ActionCo2eState>;
    problems?: { code: string; field: string }[];
  };
  const cases: Case[] = [
    {
      sentence: 'a new action with a carrier computes its expected CO2e: 40 000 kWh × 0.5241 = 20 964 kg',
      before: empty,
      change: { carrier: electricity2023, expected: { kwh: 40_000 } },
      expected: withCarrier(electricity2023, 40_000),
    },
    {
      sentence: 'a new action without a carrier keeps the CO2e typed',
      before: empty,
      change: { expected: { kwh: 40_000, co2eKg: 1_100 } },
      expected: { carrier: null, expected: { kwh: 40_000, co2eKg: 1_100 } },
    },
    {
      sentence: 'a CO2e typed together with a carrier is refused, naming the field',
      before: empty,
      change: { carrier: electricity2023, expected: { kwh: 40_000, co2eKg: 1_100 } },
      problems: [{ code: 'computed_from_carrier', field: 'expected.co2eKg' }],
    },
    {
      sentence: 'a CO2e typed on an action that has a carrier is refused, for the realised effect too',
      before: withCarrier(electricity2023, 40_000),
      change: { realised: { kwh: 35_000, co2eKg: 18_000 } },
      problems: [{ code: 'computed_from_carrier', field: 'realised.co2eKg' }],
    },
    {
      sentence: 'null CO2e with a carrier is not a typed figure: the computed one is kept',
      before: withCarrier(electricity2023, 40_000),
      change: { expected: { kwh: 40_000, co2eKg: null } },
      expected: withCarrier(electricity2023, 40_000),
    },
    {
      sentence: 'realised kWh reported on an action with a carrier get their CO2e: 35 000 × 0.5241 = 18 343.5 kg',
      before: withCarrier(electricity2023, 40_000),
      change: { realised: { kwh: 35_000 } },
      expected: withCarrier(electricity2023, 40_000, 35_000),
    },
    {
      sentence: 'naming the same carrier keeps the stored factor, though a newer set gives another',
      before: withCarrier(electricity2021, 40_000),
      change: { carrier: electricity2023, expected: { kwh: 50_000 } },
      expected: withCarrier(electricity2021, 50_000),
    },
    {
      sentence: 'another carrier takes its own factor and recomputes both effects',
      before: withCarrier(electricity2023, 40_000, 30_000),
      change: { carrier: diesel },
      expected: withCarrier(diesel, 40_000, 30_000),
    },
    {
      sentence: 'removing the carrier keeps the CO2e that was shown',
      before: withCarrier(electricity2023, 40_000),
      change: { carrier: null },
      expected: { carrier: null, expected: { kwh: 40_000, co2eKg: 20_964 } },
    },
    {
      sentence: 'removing the carrier and typing a CO2e keeps the typed figure',
      before: withCarrier(electricity2023, 40_000),
      change: { carrier: null, expected: { co2eKg: 5_000 } },
      expected: { carrier: null, expected: { kwh: 40_000, co2eKg: 5_000 } },
    },
    {
      sentence: 'clearing the kWh of an action with a carrier clears its CO2e',
      before: withCarrier(electricity2023, 40_000),
      change: { expected: { kwh: null } },
      expected: withCarrier(electricity2023, null),
    },
    {
      sentence: 'a negative kWh (an increase) gives a negative CO2e',
      before: empty,
      change: { carrier: electricity2023, expected: { kwh: -40_000 } },
      expected: withCarrier(electricity2023, -40_000),
    },
    {
      sentence: 'a computed CO2e beyond 20 000 t is refused at the kWh that gives it',
      before: empty,
      change: { carrier: electricity2023, expected: { kwh: 40_000_000 } },
      problems: [{ code: 'co2e_out_of_bounds', field: 'expected.kwh' }],
    },
  ];

  it.each(cases)('$sentence', ({ before, change, expected, problems }) => {
    const result = applyActionCo2e(before, change);
    if (problems) {
      expect(result).toEqual({ problems });
      return;
    }
    if (!('state' in result)) throw new Error(JSON.stringify(result));
    expect(result.state.carrier).toEqual(expected!.carrier);
    for (const side of ['expected', 'realised'] as const) {
      const want = expected![side];
      if (!want) continue;
      expect(result.state[side].kwh).toBe(want.kwh);
      if (want.co2eKg === null) expect(result.state[side].co2eKg).toBeNull();
      else expect(result.state[side].co2eKg).toBeCloseTo(want.co2eKg, 9);
    }
  });

  it('with a carrier, every CO2e is kWh × the snapshot factor after any write (property)', () => {
    const kwh = fc.option(fc.integer({ min: -5_000_000, max: 5_000_000 }), { nil: null });
    fc.assert(
      fc.property(kwh, kwh, kwh, kwh, fc.boolean(), (e0, r0, e1, r1, sameCarrier) => {
        const before = withCarrier(electricity2021, e0, r0);
        const result = applyActionCo2e(before, {
          carrier: sameCarrier ? electricity2023 : diesel,
          expected: { kwh: e1 },
          realised: { kwh: r1 },
        });
        if (!('state' in result)) return false;
        const { carrier, expected, realised } = result.state;
        const factor = carrier!.factorKgPerKwh;
        return (
          factor === (sameCarrier ? electricity2021 : diesel).factorKgPerKwh &&
          expected.co2eKg === (e1 === null ? null : e1 * factor) &&
          realised.co2eKg === (r1 === null ? null : r1 * factor)
        );
      }),
    );
  });
});

describe('actionCo2eFromFinding', () => {
  it.each([
    {
      sentence: 'a finding whose CO2e was computed from its carrier gives the action the carrier and factor',
      finding: { carrier: 'electricity', expectedKwh: 12_000, expectedCo2eKg: 12_000 * 0.5241 },
      factor: 0.5241,
      result: { carrier: electricity2023, expectedCo2eKg: 6_289.2 },
    },
    {
      sentence: 'a computed CO2e that went through the form (rounded to the gram) still counts as computed',
      finding: { carrier: 'district_heating', expectedKwh: 12_345, expectedCo2eKg: 629.595 },
      factor: 0.051,
      result: { carrier: { carrier: 'district_heating', factorKgPerKwh: 0.051 }, expectedCo2eKg: 629.595 },
    },
    {
      sentence: 'a finding with a carrier but no CO2e gets one computed',
      finding: { carrier: 'electricity', expectedKwh: 12_000, expectedCo2eKg: null },
      factor: 0.5241,
      result: { carrier: electricity2023, expectedCo2eKg: 6_289.2 },
    },
    {
      sentence: 'a CO2e the coach typed on the finding is kept as typed, and the action names no carrier',
      finding: { carrier: 'district_heating', expectedKwh: 40_000, expectedCo2eKg: 1_000 },
      factor: 0.035,
      result: { carrier: null, expectedCo2eKg: 1_000 },
    },
    {
      sentence: 'a finding without a carrier keeps its figures',
      finding: { carrier: null, expectedKwh: 12_000, expectedCo2eKg: null },
      factor: null,
      result: { carrier: null, expectedCo2eKg: null },
    },
    {
      sentence: 'a carrier the mapping has no factor for gives no carrier',
      finding: { carrier: 'electricity', expectedKwh: 12_000, expectedCo2eKg: null },
      factor: null,
      result: { carrier: null, expectedCo2eKg: null },
    },
  ])('$sentence', ({ finding, factor, result }) => {
    const got = actionCo2eFromFinding(finding, factor);
    expect(got.carrier).toEqual(result.carrier);
    if (result.expectedCo2eKg === null) expect(got.expectedCo2eKg).toBeNull();
    else expect(got.expectedCo2eKg).toBeCloseTo(result.expectedCo2eKg, 6);
  });
});
