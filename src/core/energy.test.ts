import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  defaultFactorSet,
  energyMeasureEffect,
  energySavingEffect,
  energyUseCategories,
  kgToTonnes,
  summariseEnergyMapping,
  toKwh,
  type EmissionFactorSet,
  type EnergyCarrierDefinition,
  type EnergyLine,
  type EnergyProblemCode,
} from './energy';

// The figures of content/emission-factors/ (set se-2023-residual-mix, carriers.json), written out
// so that the core's tests stand on their own.
const carriers: EnergyCarrierDefinition[] = [
  { key: 'electricity', units: [] },
  { key: 'district_heating', units: [] },
  {
    key: 'diesel',
    units: [
      { unit: 'litre', kwhPerUnit: 9.8 },
      { unit: 'm3', kwhPerUnit: 9800 },
    ],
  },
  { key: 'natural_gas', units: [{ unit: 'm3', kwhPerUnit: 11 }] },
  { key: 'lpg', units: [{ unit: 'kg', kwhPerUnit: 12.8 }] },
  { key: 'pellets', units: [{ unit: 'tonne', kwhPerUnit: 4800 }] },
];

const set2023: EmissionFactorSet = {
  key: 'se-2023-residual-mix',
  validFrom: '2023-01-01',
  factors: [
    { carrier: 'electricity', value: 0.5241 },
    { carrier: 'district_heating', value: 0.051 },
    { carrier: 'diesel', value: 0.265 },
    { carrier: 'natural_gas', value: 0.2 },
    { carrier: 'lpg', value: 0.23 },
  ],
};

const line = (overrides: Partial<EnergyLine>): EnergyLine => ({
  carrier: 'electricity',
  quantity: 1000,
  unit: 'kWh',
  costSek: null,
  ...overrides,
});

const summarise = (lines: EnergyLine[], set = set2023) => summariseEnergyMapping({ year: 2024, lines }, carriers, set);

describe('toKwh', () => {
  const cases: { sentence: string; carrier: string; quantity: number; unit: string; expected: unknown }[] = [
    { sentence: 'kWh stay kWh', carrier: 'electricity', quantity: 1234.5, unit: 'kWh', expected: { kwh: 1234.5 } },
    {
      sentence: 'MWh are a thousand kWh',
      carrier: 'district_heating',
      quantity: 80,
      unit: 'MWh',
      expected: { kwh: 80_000 },
    },
    {
      sentence: 'GWh are a million kWh',
      carrier: 'electricity',
      quantity: 1.5,
      unit: 'GWh',
      expected: { kwh: 1_500_000 },
    },
    {
      sentence: '3.6 GJ are a thousand kWh',
      carrier: 'electricity',
      quantity: 3.6,
      unit: 'GJ',
      expected: { kwh: 1000 },
    },
    {
      sentence: 'a litre of diesel is 9.8 kWh',
      carrier: 'diesel',
      quantity: 5000,
      unit: 'litre',
      expected: { kwh: 49_000 },
    },
    {
      sentence: 'a cubic metre of diesel is 9 800 kWh',
      carrier: 'diesel',
      quantity: 2,
      unit: 'm3',
      expected: { kwh: 19_600 },
    },
    {
      sentence: 'a cubic metre of natural gas is 11 kWh',
      carrier: 'natural_gas',
      quantity: 100,
      unit: 'm3',
      expected: { kwh: 1100 },
    },
    { sentence: 'a kilo of LPG is 12.8 kWh', carrier: 'lpg', quantity: 500, unit: 'kg', expected: { kwh: 6400 } },
    {
      sentence: 'a tonne of pellets is 4 800 kWh',
      carrier: 'pellets',
      quantity: 3,
      unit: 'tonne',
      expected: { kwh: 14_400 },
    },
    { sentence: 'zero is allowed', carrier: 'diesel', quantity: 0, unit: 'litre', expected: { kwh: 0 } },
    {
      sentence: 'an unknown carrier is named',
      carrier: 'coal',
      quantity: 1,
      unit: 'kWh',
      expected: { problem: 'unknown_carrier' },
    },
    {
      sentence: 'litres of electricity are an unknown unit',
      carrier: 'electricity',
      quantity: 1,
      unit: 'litre',
      expected: { problem: 'unknown_unit' },
    },
    {
      sentence: 'units are case-sensitive (kwh is not kWh)',
      carrier: 'electricity',
      quantity: 1,
      unit: 'kwh',
      expected: { problem: 'unknown_unit' },
    },
    {
      sentence: 'a unit of another carrier does not apply (m3 of LPG)',
      carrier: 'lpg',
      quantity: 1,
      unit: 'm3',
      expected: { problem: 'unknown_unit' },
    },
    {
      sentence: 'a negative quantity is invalid',
      carrier: 'electricity',
      quantity: -1,
      unit: 'kWh',
      expected: { problem: 'invalid_quantity' },
    },
    {
      sentence: 'NaN is invalid',
      carrier: 'electricity',
      quantity: Number.NaN,
      unit: 'kWh',
      expected: { problem: 'invalid_quantity' },
    },
    {
      sentence: 'infinity is invalid',
      carrier: 'electricity',
      quantity: Infinity,
      unit: 'MWh',
      expected: { problem: 'invalid_quantity' },
    },
  ];

  it.each(cases)('$sentence', ({ carrier, quantity, unit, expected }) => {
    expect(toKwh(carriers, carrier, quantity, unit)).toEqual(expected);
  });

  it('never answers a negative kWh for a valid quantity (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.constantFrom('kWh', 'MWh', 'GJ', 'litre', 'm3'),
        (quantity, unit) => {
          const result = toKwh(carriers, 'diesel', quantity, unit);
          return 'kwh' in result && result.kwh >= 0;
        },
      ),
    );
  });
});

describe('summariseEnergyMapping: the hand calculation with three carriers', () => {
  // electricity      120 000 kWh                        × 0.5241 kg/kWh = 62 892 kg
  // district heating  80 MWh     =  80 000 kWh          × 0.051  kg/kWh =  4 080 kg
  // diesel          5 000 litres × 9.8 = 49 000 kWh     × 0.265  kg/kWh = 12 985 kg
  // total                          249 000 kWh                           79 957 kg = 79.957 t
  // cost: 180 000 + 72 000 + 95 000 = 347 000 SEK
  const result = summarise([
    line({ carrier: 'electricity', quantity: 120_000, unit: 'kWh', costSek: 180_000 }),
    line({ carrier: 'district_heating', quantity: 80, unit: 'MWh', costSek: 72_000 }),
    line({ carrier: 'diesel', quantity: 5_000, unit: 'litre', costSek: 95_000 }),
  ]);

  it('has no problems', () => {
    expect(result.problems).toEqual([]);
  });

  it('totals 249 000 kWh, 347 000 SEK and 79 957 kg CO2e (79.957 t)', () => {
    expect(result.total.kwh).toBeCloseTo(249_000, 6);
    expect(result.total.costSek).toBe(347_000);
    expect(result.total.co2eKg).toBeCloseTo(79_957, 6);
    expect(kgToTonnes(result.total.co2eKg)).toBeCloseTo(79.957, 9);
    expect(result.total).toMatchObject({ isCostComplete: true, isCo2eComplete: true });
  });

  it('gives each carrier its own kWh, CO2e and average price, in the carriers’ order', () => {
    expect(result.carriers.map((carrier) => carrier.carrier)).toEqual(['electricity', 'district_heating', 'diesel']);
    const [electricity, districtHeating, diesel] = result.carriers;
    expect(electricity?.co2eKg).toBeCloseTo(62_892, 6);
    expect(electricity?.sekPerKwh).toBeCloseTo(1.5, 12);
    expect(districtHeating?.kwh).toBe(80_000);
    expect(districtHeating?.co2eKg).toBeCloseTo(4_080, 6);
    expect(diesel?.kwh).toBeCloseTo(49_000, 6);
    expect(diesel?.co2eKg).toBeCloseTo(12_985, 6);
  });

  it('puts every kWh in the unallocated row when no line is split', () => {
    expect(result.balance.unallocated.kwh).toBeCloseTo(249_000, 6);
    expect(result.balance.categories).toEqual([]);
  });
});

describe('summariseEnergyMapping: emission factors', () => {
  it('uses a line’s own factor (the district heating network’s value) over the set’s', () => {
    const result = summarise([line({ carrier: 'district_heating', quantity: 100_000, emissionFactorKgPerKwh: 0.024 })]);
    expect(result.lines[0]).toMatchObject({ factorKgPerKwh: 0.024, factorOrigin: 'line' });
    expect(result.total.co2eKg).toBeCloseTo(2_400, 9);
  });

  it('computes the same electricity with the 2021 residual mix at 371.99 g/kWh', () => {
    const set2021 = { ...set2023, key: 'se-2021-residual-mix', factors: [{ carrier: 'electricity', value: 0.37199 }] };
    expect(summarise([line({ quantity: 100_000 })], set2021).total.co2eKg).toBeCloseTo(37_199, 6);
  });

  it('counts kWh and SEK of a carrier the set has no factor for, and says CO2e is incomplete', () => {
    const result = summarise([line({ carrier: 'pellets', quantity: 2, unit: 'tonne', costSek: 6_000 }), line({})]);
    expect(result.problems).toEqual([{ code: 'no_emission_factor', line: 0, field: 'lines.0.carrier' }]);
    expect(result.total).toMatchObject({ kwh: 10_600, costSek: 6_000, isCo2eComplete: false });
    expect(result.total.co2eKg).toBeCloseTo(524.1, 9);
  });
});

describe('summariseEnergyMapping: the energy balance', () => {
  it('splits a line by percent shares, CO2e following the energy', () => {
    const result = summarise([
      line({
        quantity: 200_000,
        split: { basis: 'share', parts: { production_processes: 60, compressed_air: 25, lighting: 15 } },
      }),
    ]);
    expect(result.balance.categories).toEqual([
      { category: 'production_processes', group: 'production', kwh: 120_000, co2eKg: expect.closeTo(62_892, 6) },
      { category: 'lighting', group: 'support', kwh: 30_000, co2eKg: expect.closeTo(15_723, 6) },
      { category: 'compressed_air', group: 'support', kwh: 50_000, co2eKg: expect.closeTo(26_205, 6) },
    ]);
    expect(result.balance.groups).toEqual([
      { group: 'production', kwh: 120_000, co2eKg: expect.closeTo(62_892, 6) },
      { group: 'support', kwh: 80_000, co2eKg: expect.closeTo(41_928, 6) },
      { group: 'transport', kwh: 0, co2eKg: 0 },
    ]);
    expect(result.balance.unallocated).toEqual({ kwh: 0, co2eKg: 0 });
  });

  it('splits a line given in kWh per category and adds two lines into one category', () => {
    const result = summarise([
      line({ quantity: 10_000, split: { basis: 'kwh', parts: { space_heating: 10_000 } } }),
      line({
        carrier: 'district_heating',
        quantity: 50,
        unit: 'MWh',
        split: { basis: 'kwh', parts: { space_heating: 45_000, hot_water: 5_000 } },
      }),
      line({
        carrier: 'diesel',
        quantity: 1_000,
        unit: 'litre',
        split: { basis: 'share', parts: { internal_transport: 100 } },
      }),
    ]);
    expect(result.problems).toEqual([]);
    expect(result.balance.categories.map(({ category, kwh }) => [category, kwh])).toEqual([
      ['space_heating', 55_000],
      ['hot_water', 5_000],
      ['internal_transport', 9_800],
    ]);
  });

  it('accepts shares typed as 33.3 + 33.3 + 33.4', () => {
    const parts = { lighting: 33.3, ventilation: 33.3, pumps: 33.4 };
    expect(summarise([line({ split: { basis: 'share', parts } })]).problems).toEqual([]);
  });

  const problems: { sentence: string; input: EnergyLine; code: EnergyProblemCode; field: string }[] = [
    {
      sentence: 'shares summing to 90 % are named',
      input: line({ split: { basis: 'share', parts: { lighting: 50, ventilation: 40 } } }),
      code: 'split_not_100_percent',
      field: 'lines.0.split',
    },
    {
      sentence: 'shares of 33.33 three times (99.99 %) are named',
      input: line({ split: { basis: 'share', parts: { lighting: 33.33, ventilation: 33.33, pumps: 33.33 } } }),
      code: 'split_not_100_percent',
      field: 'lines.0.split',
    },
    {
      sentence: 'kWh parts that do not add up to the line are named',
      input: line({ quantity: 1000, split: { basis: 'kwh', parts: { lighting: 900 } } }),
      code: 'split_not_line_total',
      field: 'lines.0.split',
    },
    {
      sentence: 'an unknown category is named by its key',
      input: line({ split: { basis: 'share', parts: { lighting: 50, robots: 50 } } }),
      code: 'unknown_category',
      field: 'lines.0.split.robots',
    },
    {
      sentence: 'a negative share is named',
      input: line({ split: { basis: 'share', parts: { lighting: 120, pumps: -20 } } }),
      code: 'invalid_part',
      field: 'lines.0.split.pumps',
    },
  ];

  it.each(problems)('$sentence, and the line counts as unallocated', ({ input, code, field }) => {
    const result = summarise([input]);
    expect(result.problems).toEqual([{ code, line: 0, field }]);
    expect(result.balance.unallocated.kwh).toBe(result.total.kwh);
    expect(result.balance.categories).toEqual([]);
  });

  it('never loses energy: balance plus unallocated equals the total (property)', () => {
    const part = fc.record({
      category: fc.constantFrom(...energyUseCategories),
      value: fc.integer({ min: 0, max: 100 }),
    });
    const arbitraryLine = fc.record({
      carrier: fc.constantFrom('electricity', 'district_heating', 'diesel', 'lpg'),
      quantity: fc.integer({ min: 0, max: 1_000_000 }),
      parts: fc.array(part, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryLine, { maxLength: 6 }), (inputs) => {
        const result = summarise(
          inputs.map(({ carrier, quantity, parts }) =>
            line({
              carrier,
              quantity,
              unit: 'MWh',
              split: { basis: 'share', parts: Object.fromEntries(parts.map((p) => [p.category, p.value])) },
            }),
          ),
        );
        const placed = result.balance.groups.reduce((sum, group) => sum + group.kwh, 0);
        const co2ePlaced = result.balance.groups.reduce((sum, group) => sum + group.co2eKg, 0);
        const tolerance = 1e-6 * Math.max(1, result.total.kwh);
        return (
          Math.abs(placed + result.balance.unallocated.kwh - result.total.kwh) <= tolerance &&
          Math.abs(co2ePlaced + result.balance.unallocated.co2eKg - result.total.co2eKg) <= tolerance
        );
      }),
    );
  });
});

describe('summariseEnergyMapping: lines it cannot count', () => {
  const cases: { sentence: string; input: EnergyLine; code: EnergyProblemCode; field: string }[] = [
    {
      sentence: 'an unknown carrier',
      input: line({ carrier: 'coal' }),
      code: 'unknown_carrier',
      field: 'lines.1.carrier',
    },
    { sentence: 'an unknown unit', input: line({ unit: 'barrel' }), code: 'unknown_unit', field: 'lines.1.unit' },
    {
      sentence: 'a negative quantity',
      input: line({ quantity: -5 }),
      code: 'invalid_quantity',
      field: 'lines.1.quantity',
    },
  ];

  it.each(cases)('leaves out a line with $sentence and names it', ({ input, code, field }) => {
    const result = summarise([line({ quantity: 1000, costSek: 1500 }), input]);
    expect(result.problems).toEqual([{ code, line: 1, field }]);
    expect(result.total).toMatchObject({ kwh: 1000, costSek: 1500, isCostComplete: true });
    expect(result.lines[1]).toMatchObject({ kwh: null, co2eKg: null });
  });

  it('names a negative cost and an invalid own factor, and counts the energy', () => {
    const result = summarise([line({ costSek: -10, emissionFactorKgPerKwh: -0.1 })]);
    expect(result.problems.map((problem) => problem.field)).toEqual([
      'lines.0.costSek',
      'lines.0.emissionFactorKgPerKwh',
    ]);
    expect(result.total).toMatchObject({ kwh: 1000, isCostComplete: false, isCo2eComplete: false });
  });

  it('says the cost is incomplete when a line has none, and gives no average price then', () => {
    const result = summarise([line({ costSek: 1000 }), line({ costSek: null })]);
    expect(result.total).toMatchObject({ costSek: 1000, isCostComplete: false });
    expect(result.carriers[0]?.sekPerKwh).toBeNull();
  });

  it('answers zeros for an empty mapping', () => {
    const result = summarise([]);
    expect(result.total).toEqual({ kwh: 0, costSek: 0, co2eKg: 0, isCostComplete: true, isCo2eComplete: true });
    expect(result.carriers).toEqual([]);
  });
});

describe('defaultFactorSet', () => {
  const sets = [
    { key: 'se-2021-residual-mix', validFrom: '2021-01-01', factors: [] },
    { key: 'se-2023-residual-mix', validFrom: '2023-01-01', factors: [] },
  ];
  const cases: { sentence: string; year: number; expected: string | null }[] = [
    { sentence: 'a 2021 mapping uses the 2021 set', year: 2021, expected: 'se-2021-residual-mix' },
    {
      sentence: 'a 2022 mapping still uses the 2021 set (none newer yet)',
      year: 2022,
      expected: 'se-2021-residual-mix',
    },
    { sentence: 'a 2023 mapping uses the 2023 set', year: 2023, expected: 'se-2023-residual-mix' },
    { sentence: 'a 2026 mapping uses the newest set', year: 2026, expected: 'se-2023-residual-mix' },
    { sentence: 'a 2020 mapping has no set', year: 2020, expected: null },
  ];

  it.each(cases)('$sentence', ({ year, expected }) => {
    expect(defaultFactorSet(sets, year)?.key ?? null).toBe(expected);
  });
});

describe('energySavingEffect', () => {
  const mapping = summarise([
    line({ carrier: 'electricity', quantity: 100_000, costSek: 150_000 }),
    line({ carrier: 'district_heating', quantity: 50_000, costSek: 40_000, emissionFactorKgPerKwh: 0.03 }),
    line({ carrier: 'diesel', quantity: 1_000, unit: 'litre', costSek: null }),
  ]);

  it('values 20 000 kWh of electricity at the mapping’s 1.50 SEK/kWh and the set’s 0.5241 kg/kWh', () => {
    const effect = energySavingEffect({ carrier: 'electricity', kwh: 20_000 }, mapping, set2023);
    expect(effect.sek).toBeCloseTo(30_000, 9);
    expect(effect.co2eKg).toBeCloseTo(10_482, 9);
  });

  it('uses the network’s own district heating factor', () => {
    expect(energySavingEffect({ carrier: 'district_heating', kwh: 10_000 }, mapping, set2023).co2eKg).toBeCloseTo(
      300,
      9,
    );
  });

  it('gives no SEK when the carrier has no known price', () => {
    expect(energySavingEffect({ carrier: 'diesel', kwh: 1_000 }, mapping, set2023)).toMatchObject({
      sek: null,
      co2eKg: 265,
    });
  });
});

describe('energyMeasureEffect', () => {
  // Mapping: electricity 100 000 kWh for 150 000 SEK (1.50 SEK/kWh), district heating 200 000 kWh
  // for 160 000 SEK (0.80 SEK/kWh) at the set's 0.051 kg/kWh.
  const mapping = summarise([
    line({ carrier: 'electricity', quantity: 100_000, costSek: 150_000 }),
    line({ carrier: 'district_heating', quantity: 200, unit: 'MWh', costSek: 160_000 }),
    line({ carrier: 'diesel', quantity: 1_000, unit: 'litre', costSek: null }),
  ]);

  it('nets a heat pump: saves 60 000 kWh of district heating, uses 15 000 kWh more electricity', () => {
    // kWh:  60 000 − 15 000                         = 45 000 kWh
    // SEK:  60 000 × 0.80 − 15 000 × 1.50           = 48 000 − 22 500 = 25 500 SEK
    // CO2e: 60 000 × 0.051 − 15 000 × 0.5241        = 3 060 − 7 861.5 = −4 801.5 kg (more CO2e on the residual mix)
    // payback: 127 500 / 25 500                     = 5 years
    const effect = energyMeasureEffect(
      {
        savings: [
          { carrier: 'district_heating', kwh: 60_000 },
          { carrier: 'electricity', kwh: -15_000 },
        ],
        investmentSek: 127_500,
      },
      mapping,
      set2023,
    );
    expect(effect.kwh).toBe(45_000);
    expect(effect.sek).toBeCloseTo(25_500, 6);
    expect(effect.co2eKg).toBeCloseTo(-4_801.5, 6);
    expect(effect.paybackYears).toBeCloseTo(5, 9);
  });

  it('gives no SEK and no payback when one carrier has no known price', () => {
    const effect = energyMeasureEffect(
      {
        savings: [
          { carrier: 'electricity', kwh: 1_000 },
          { carrier: 'diesel', kwh: 1_000 },
        ],
        investmentSek: 10_000,
      },
      mapping,
      set2023,
    );
    expect(effect).toMatchObject({ kwh: 2_000, sek: null, paybackYears: null });
    expect(effect.co2eKg).toBeCloseTo(789.1, 9);
  });
});
