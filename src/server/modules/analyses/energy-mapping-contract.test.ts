import { describe, expect, expectTypeOf, it } from 'vitest';

import { summariseEnergyMapping, type EnergyMapping } from '../../../core/energy';
import { energyMappingInputSchema } from '../../../contracts/energy-mappings';

const line = { carrier: 'electricity', quantity: 120_000, unit: 'kWh', costSek: 180_000 };
const input = (overrides: object) => ({
  year: 2024,
  factorSetKey: 'se-2023-residual-mix',
  lines: [line],
  ...overrides,
});

describe('energyMappingInputSchema', () => {
  it('parses into the mapping the core summarises', () => {
    expectTypeOf<ReturnType<typeof energyMappingInputSchema.parse>>().toExtend<EnergyMapping>();
    const mapping = energyMappingInputSchema.parse(
      input({
        lines: [
          { ...line, split: { basis: 'share', parts: { production_processes: 70, lighting: 30 } } },
          { carrier: 'district_heating', quantity: 80, unit: 'MWh', costSek: null, emissionFactorKgPerKwh: 0.03 },
        ],
      }),
    );
    const result = summariseEnergyMapping(
      mapping,
      [
        { key: 'electricity', units: [] },
        { key: 'district_heating', units: [] },
      ],
      {
        key: 'se-2023-residual-mix',
        validFrom: '2023-01-01',
        factors: [{ carrier: 'electricity', value: 0.5241 }],
      },
    );
    expect(result.problems).toEqual([]);
    expect(result.total.co2eKg).toBeCloseTo(62_892 + 2_400, 6);
  });

  const invalid: { sentence: string; raw: unknown; path: string }[] = [
    { sentence: 'a negative quantity', raw: input({ lines: [{ ...line, quantity: -1 }] }), path: 'lines.0.quantity' },
    { sentence: 'a negative cost', raw: input({ lines: [{ ...line, costSek: -5 }] }), path: 'lines.0.costSek' },
    {
      sentence: 'a factor typed in grams (524 instead of 0.524)',
      raw: input({ lines: [{ ...line, emissionFactorKgPerKwh: 524 }] }),
      path: 'lines.0.emissionFactorKgPerKwh',
    },
    {
      sentence: 'an unknown category of use',
      raw: input({ lines: [{ ...line, split: { basis: 'share', parts: { robots: 100 } } }] }),
      path: 'lines.0.split.parts',
    },
    { sentence: 'a year before 1990', raw: input({ year: 1989 }), path: 'year' },
    { sentence: 'an unexpected field', raw: input({ lines: [{ ...line, co2e: 5 }] }), path: 'lines.0' },
  ];

  it.each(invalid)('refuses $sentence at $path', ({ raw, path }) => {
    const result = energyMappingInputSchema.safeParse(raw);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });
});
