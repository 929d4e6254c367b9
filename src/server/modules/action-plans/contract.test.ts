import { describe, expect, expectTypeOf, it } from 'vitest';

import { effectKinds, effectTotals, type Effects } from '../../../core/effects';
import { actionStatusSchema, effectsSchema, investmentSekSchema } from '../../../contracts/action-plans';

describe('effectsSchema', () => {
  it('has one field per kind of effect the core sums', () => {
    expect(Object.keys(effectsSchema.shape).sort()).toEqual([...effectKinds].sort());
    expectTypeOf<ReturnType<typeof effectsSchema.parse>>().toExtend<Effects>();
  });

  const cases: { sentence: string; input: unknown; isValid: boolean }[] = [
    {
      sentence: 'a saving in every kind',
      input: { kwh: 40_000, co2eKg: 20_964, sek: 60_000, materialTonnes: 1.5 },
      isValid: true,
    },
    { sentence: 'an increase (negative kWh) from a heat pump', input: { kwh: -15_000 }, isValid: true },
    { sentence: 'no estimate at all', input: {}, isValid: true },
    { sentence: 'an explicit unknown', input: { sek: null }, isValid: true },
    { sentence: 'text instead of a number', input: { kwh: '40 000' }, isValid: false },
    { sentence: 'tonnes of CO2e under an unknown name', input: { co2eTonnes: 21 }, isValid: false },
    { sentence: 'an absurd figure', input: { sek: 1e13 }, isValid: false },
    // Plausibility bounds for an SME (effectBounds, decision 025), at and just past each bound.
    { sentence: '50 GWh saved, the upper bound', input: { kwh: 50_000_000 }, isValid: true },
    { sentence: 'kWh typed as Wh (past 50 GWh)', input: { kwh: 50_000_001 }, isValid: false },
    { sentence: '20 000 t CO2e saved, the upper bound', input: { co2eKg: 20_000_000 }, isValid: true },
    { sentence: 'negative emissions of a million tonnes', input: { co2eKg: -1e9 }, isValid: false },
    { sentence: '2 000 t more CO2e, the lower bound', input: { co2eKg: -2_000_000 }, isValid: true },
    { sentence: 'a saving of 60 MSEK a year', input: { sek: 60_000_000 }, isValid: false },
    { sentence: '50 001 t of material', input: { materialTonnes: 50_001 }, isValid: false },
    { sentence: 'infinity', input: { kwh: Infinity }, isValid: false },
  ];

  it.each(cases)('accepts or refuses $sentence', ({ input, isValid }) => {
    expect(effectsSchema.safeParse(input).success).toBe(isValid);
  });

  it('names the field and the bound it is past', () => {
    const result = effectsSchema.safeParse({ co2eKg: -1e9 });
    expect(result.error?.issues).toMatchObject([{ path: ['co2eKg'], code: 'too_small', minimum: -2_000_000 }]);
  });

  it('parses into what effectTotals sums', () => {
    const expected = effectsSchema.parse({ kwh: 1_000, sek: 1_500 });
    const totals = effectTotals([
      {
        area: 'energy_transition',
        organisationId: 'o',
        status: 'planned',
        investmentSek: 3_000,
        expected,
        realised: {},
        isRealisedConfirmed: true,
      },
    ]);
    expect(totals).toMatchObject({ expected: { kwh: 1_000, sek: 1_500 }, expectedPaybackYears: 2 });
  });
});

describe('action fields', () => {
  it('knows the four statuses', () => {
    expect(actionStatusSchema.options).toEqual(['planned', 'in_progress', 'done', 'cancelled']);
  });

  it.each([
    [0, true],
    [250_000, true],
    [null, true],
    [-1, false],
  ] as const)('investment %s is valid: %s', (value, isValid) => {
    expect(investmentSekSchema.safeParse(value).success).toBe(isValid);
  });
});
