import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { actionStatuses } from './action-status';
import {
  effectKinds,
  effectTotals,
  effectTotalsByArea,
  effectTotalsByOrganisation,
  effectTotalsByOrganisationAndArea,
  paybackYears,
  type ActionEffects,
} from './effects';
import { maturityAreas } from './maturity-areas';

describe('paybackYears', () => {
  const cases: { sentence: string; investment: number | null; saving: number | null; expected: number | null }[] = [
    {
      sentence: '100 000 SEK saving 25 000 SEK a year pays back in 4 years',
      investment: 100_000,
      saving: 25_000,
      expected: 4,
    },
    {
      sentence: '30 000 SEK saving 40 000 SEK a year pays back in 0.75 years',
      investment: 30_000,
      saving: 40_000,
      expected: 0.75,
    },
    { sentence: 'no investment pays back at once', investment: 0, saving: 10_000, expected: 0 },
    { sentence: 'no investment and no saving still has nothing to pay back', investment: 0, saving: 0, expected: 0 },
    { sentence: 'no investment and no known saving has nothing to pay back', investment: 0, saving: null, expected: 0 },
    { sentence: 'an unknown investment gives no payback', investment: null, saving: 10_000, expected: null },
    { sentence: 'a saving of zero never pays back', investment: 50_000, saving: 0, expected: null },
    {
      sentence: 'a negative saving (a cost increase) never pays back',
      investment: 50_000,
      saving: -5_000,
      expected: null,
    },
    { sentence: 'an unknown saving gives no payback', investment: 50_000, saving: null, expected: null },
    { sentence: 'a negative investment is not an investment', investment: -1, saving: 10_000, expected: null },
    {
      sentence: 'an infinite saving is refused, not read as instant',
      investment: 1_000,
      saving: Infinity,
      expected: null,
    },
  ];

  it.each(cases)('$sentence', ({ investment, saving, expected }) => {
    expect(paybackYears(investment, saving)).toBe(expected);
  });

  it('pays back the investment exactly: payback × saving = investment (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (investment, saving) => {
        const years = paybackYears(investment, saving);
        return years !== null && years > 0 && Math.abs(years * saving - investment) <= 1e-6 * investment;
      }),
    );
  });
});

const action = (overrides: Partial<ActionEffects>): ActionEffects => ({
  area: 'energy_transition',
  organisationId: 'org-a',
  status: 'planned',
  investmentSek: null,
  expected: {},
  realised: {},
  isRealisedConfirmed: true,
  ...overrides,
});

describe('effectTotals', () => {
  // A company's plan, worked by hand:
  //   LED lighting     done        invest 120 000  expected  40 000 kWh, 60 000 SEK  realised 35 000 kWh, 52 500 SEK, 18 343.5 kg
  //   leak detection   in_progress invest  15 000  expected  25 000 kWh, 37 500 SEK  (realised 9 999 typed early: not counted)
  //   scrap reduction  planned     invest  50 000  expected  12 t material, 80 000 SEK
  //   heat recovery    cancelled   invest 400 000  expected 200 000 kWh            (left out)
  // expected: 65 000 kWh, 177 500 SEK, 12 t; investment 185 000 → payback 185 000 / 177 500 = 1.0422… years
  // realised: 35 000 kWh, 52 500 SEK, 18 343.5 kg; done investment 120 000 → 120 000 / 52 500 = 2.2857… years
  const plan = [
    action({
      status: 'done',
      investmentSek: 120_000,
      expected: { kwh: 40_000, sek: 60_000 },
      realised: { kwh: 35_000, sek: 52_500, co2eKg: 18_343.5 },
    }),
    action({
      status: 'in_progress',
      investmentSek: 15_000,
      expected: { kwh: 25_000, sek: 37_500 },
      realised: { kwh: 9_999 },
    }),
    action({
      area: 'resource_efficiency',
      investmentSek: 50_000,
      expected: { materialTonnes: 12, sek: 80_000, co2eKg: null },
    }),
    action({ status: 'cancelled', investmentSek: 400_000, expected: { kwh: 200_000 } }),
  ];
  const totals = effectTotals(plan);

  it('counts every action but the cancelled one', () => {
    expect(totals).toMatchObject({ actions: 3, done: 1, doneWithoutRealised: 0, investmentSek: 185_000 });
  });

  it('sums the expected effects of open and done actions', () => {
    expect(totals.expected).toEqual({ kwh: 65_000, co2eKg: 0, sek: 177_500, materialTonnes: 12 });
  });

  it('sums the realised effects of done actions only', () => {
    expect(totals.realised).toEqual({ kwh: 35_000, co2eKg: 18_343.5, sek: 52_500, materialTonnes: 0 });
    expect(totals.doneInvestmentSek).toBe(120_000);
  });

  it('computes the expected and realised payback of the whole plan', () => {
    expect(totals.expectedPaybackYears).toBeCloseTo(185_000 / 177_500, 12);
    expect(totals.realisedPaybackYears).toBeCloseTo(120_000 / 52_500, 12);
  });

  it('counts a done action without any realised figure as follow-up still to do', () => {
    expect(effectTotals([action({ status: 'done', realised: { kwh: null } })])).toMatchObject({
      done: 1,
      doneWithoutRealised: 1,
      realisedPaybackYears: null,
    });
  });

  it('gives no payback when no action has a known investment (unknown is not free)', () => {
    const result = effectTotals([
      action({ expected: { sek: 10_000 } }),
      action({ status: 'done', realised: { sek: 1 } }),
    ]);
    expect(result).toMatchObject({ expectedPaybackYears: null, realisedPaybackYears: null });
  });

  it('gives a payback of 0 when the only known investment is 0', () => {
    expect(effectTotals([action({ investmentSek: 0, expected: { sek: 10_000 } })]).expectedPaybackYears).toBe(0);
  });

  it('answers zeros and no payback for an empty plan', () => {
    expect(effectTotals([])).toEqual({
      actions: 0,
      done: 0,
      doneWithoutRealised: 0,
      doneUnconfirmed: 0,
      investmentSek: 0,
      doneInvestmentSek: 0,
      expected: { kwh: 0, co2eKg: 0, sek: 0, materialTonnes: 0 },
      realised: { kwh: 0, co2eKg: 0, sek: 0, materialTonnes: 0 },
      realisedUnconfirmed: { kwh: 0, co2eKg: 0, sek: 0, materialTonnes: 0 },
      expectedPaybackYears: null,
      realisedPaybackYears: null,
    });
  });

  it('sums realised figures no coach has confirmed apart, out of the confirmed totals and the payback', () => {
    // By hand: LED (confirmed) 35 000 kWh, 52 500 SEK, invest 120 000; a company's own report of
    // 2 000 kWh, 9 000 SEK on an action that cost 30 000 is not confirmed: it counts apart.
    const result = effectTotals([
      ...plan,
      action({
        status: 'done',
        investmentSek: 30_000,
        realised: { kwh: 2_000, sek: 9_000 },
        isRealisedConfirmed: false,
      }),
    ]);
    expect(result.realised).toEqual({ kwh: 35_000, co2eKg: 18_343.5, sek: 52_500, materialTonnes: 0 });
    expect(result.realisedUnconfirmed).toEqual({ kwh: 2_000, co2eKg: 0, sek: 9_000, materialTonnes: 0 });
    expect(result.doneUnconfirmed).toBe(1);
    expect(result.done).toBe(2);
    expect(result.doneInvestmentSek).toBe(150_000);
    expect(result.realisedPaybackYears).toBeCloseTo(120_000 / 52_500, 12);
  });

  it('keeps negative effects (an action that uses more energy) in the sum', () => {
    const result = effectTotals([action({ expected: { kwh: -5_000 } }), action({ expected: { kwh: 8_000 } })]);
    expect(result.expected.kwh).toBe(3_000);
  });
});

describe('effectTotals by area and organisation', () => {
  const actions = [
    action({ organisationId: 'org-b', area: 'digitalisation', investmentSek: 10, expected: { sek: 5 } }),
    action({ organisationId: 'org-a', area: 'energy_transition', status: 'done', realised: { kwh: 100 } }),
    action({ organisationId: 'org-a', area: 'foundation', expected: { sek: 1 } }),
    action({ organisationId: 'org-b', area: 'energy_transition', status: 'done', realised: { kwh: 50 } }),
    action({ organisationId: 'org-c', area: 'circular_business', status: 'cancelled', expected: { sek: 1_000 } }),
  ];

  it('lists areas in the ladder’s order, an area only when it has an action', () => {
    const byArea = effectTotalsByArea(actions);
    expect(byArea.map((row) => row.area)).toEqual([
      'foundation',
      'circular_business',
      'energy_transition',
      'digitalisation',
    ]);
    expect(byArea.find((row) => row.area === 'energy_transition')?.totals.realised.kwh).toBe(150);
    expect(byArea.find((row) => row.area === 'circular_business')?.totals.actions).toBe(0);
  });

  it('lists organisations by id with their own sums', () => {
    const byOrganisation = effectTotalsByOrganisation(actions);
    expect(byOrganisation.map((row) => [row.organisationId, row.totals.actions, row.totals.realised.kwh])).toEqual([
      ['org-a', 2, 100],
      ['org-b', 2, 50],
      ['org-c', 0, 0],
    ]);
  });

  it('lists organisation and area pairs, organisations first', () => {
    expect(effectTotalsByOrganisationAndArea(actions).map((row) => `${row.organisationId}/${row.area}`)).toEqual([
      'org-a/foundation',
      'org-a/energy_transition',
      'org-b/energy_transition',
      'org-b/digitalisation',
      'org-c/circular_business',
    ]);
  });

  const arbitraryAction = fc.record({
    area: fc.constantFrom(...maturityAreas),
    organisationId: fc.constantFrom('org-a', 'org-b', 'org-c'),
    status: fc.constantFrom(...actionStatuses),
    investmentSek: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    expected: fc.record({
      kwh: fc.option(fc.integer({ min: -1e6, max: 1e6 })),
      sek: fc.option(fc.integer({ min: 0, max: 1e6 })),
    }),
    realised: fc.record({
      co2eKg: fc.option(fc.integer({ min: 0, max: 1e6 })),
      materialTonnes: fc.option(fc.integer({ min: 0, max: 1e3 })),
    }),
    isRealisedConfirmed: fc.boolean(),
  });

  it('adds up: the groups of any grouping sum to the whole (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAction, { maxLength: 30 }), (list) => {
        const whole = effectTotals(list);
        for (const groups of [
          effectTotalsByArea(list),
          effectTotalsByOrganisation(list),
          effectTotalsByOrganisationAndArea(list),
        ]) {
          const sum = (pick: (totals: typeof whole) => number) =>
            groups.reduce((acc, row) => acc + pick(row.totals), 0);
          if (sum((t) => t.actions) !== whole.actions || sum((t) => t.done) !== whole.done) return false;
          if (sum((t) => t.investmentSek) !== whole.investmentSek) return false;
          for (const kind of effectKinds) {
            if (sum((t) => t.expected[kind]) !== whole.expected[kind]) return false;
            if (sum((t) => t.realised[kind]) !== whole.realised[kind]) return false;
            if (sum((t) => t.realisedUnconfirmed[kind]) !== whole.realisedUnconfirmed[kind]) return false;
          }
        }
        return true;
      }),
    );
  });

  it('never lets a cancelled action change the totals (property)', () => {
    fc.assert(
      fc.property(fc.array(arbitraryAction, { maxLength: 20 }), arbitraryAction, (list, extra) => {
        const cancelled = { ...extra, status: 'cancelled' as const };
        expect(effectTotals([...list, cancelled])).toEqual(effectTotals(list));
      }),
    );
  });
});
