import { describe, expect, it } from 'vitest';

import { defaultFactorSet, kgToTonnes, summariseEnergyMapping } from '../../core/energy';
import {
  emissionFactorSets,
  energyCarriers,
  parseEmissionFactorSetFile,
  parseEnergyCarriersFile,
} from './emission-factors';

const setByKey = (key: string) => {
  const set = emissionFactorSets.find((candidate) => candidate.key === key);
  if (!set) throw new Error(`no set ${key}`);
  return set;
};
const factor = (setKey: string, carrier: string) =>
  setByKey(setKey).factors.find((candidate) => candidate.carrier === carrier);

describe('content/emission-factors/carriers.json', () => {
  it('holds the carriers an energy mapping needs', () => {
    expect(energyCarriers.map((carrier) => carrier.key)).toEqual([
      'electricity',
      'electricity_renewable_go',
      'district_heating',
      'diesel',
      'petrol',
      'heating_oil',
      'natural_gas',
      'lpg',
      'hvo',
      'pellets',
      'wood_chips',
    ]);
  });

  const invoiceUnits: { sentence: string; carrier: string; unit: string; kwhPerUnit: number }[] = [
    { sentence: 'diesel by the litre', carrier: 'diesel', unit: 'litre', kwhPerUnit: 9.8 },
    { sentence: 'petrol by the litre', carrier: 'petrol', unit: 'litre', kwhPerUnit: 9.1 },
    { sentence: 'natural gas by the cubic metre', carrier: 'natural_gas', unit: 'm3', kwhPerUnit: 11 },
    { sentence: 'LPG by the kilogram', carrier: 'lpg', unit: 'kg', kwhPerUnit: 12.8 },
    { sentence: 'pellets by the tonne', carrier: 'pellets', unit: 'tonne', kwhPerUnit: 4800 },
  ];

  it.each(invoiceUnits)('converts $sentence ($kwhPerUnit kWh)', ({ carrier, unit, kwhPerUnit }) => {
    const units = energyCarriers.find((candidate) => candidate.key === carrier)?.units ?? [];
    expect(units.find((candidate) => candidate.unit === unit)?.kwhPerUnit).toBe(kwhPerUnit);
  });

  it('gives the same heating value per litre and per cubic metre', () => {
    for (const carrier of energyCarriers) {
      const litre = carrier.units.find((unit) => unit.unit === 'litre');
      const cubicMetre = carrier.units.find((unit) => unit.unit === 'm3');
      if (litre && cubicMetre) expect(cubicMetre.kwhPerUnit).toBeCloseTo(litre.kwhPerUnit * 1000, 9);
    }
  });
});

describe('content/emission-factors/sets', () => {
  it('holds the 2021 and 2023 residual-mix sets, oldest first', () => {
    expect(emissionFactorSets.map((set) => [set.key, set.validFrom])).toEqual([
      ['se-2021-residual-mix', '2021-01-01'],
      ['se-2023-residual-mix', '2023-01-01'],
    ]);
  });

  it('gives every set a factor for every carrier, so no mapping line lacks one', () => {
    for (const set of emissionFactorSets) {
      expect(set.factors.map((entry) => entry.carrier).sort()).toEqual(
        energyCarriers.map((carrier) => carrier.key).sort(),
      );
    }
  });

  it('names the source of every factor and of every set', () => {
    for (const set of emissionFactorSets) {
      expect(set.source.name.length).toBeGreaterThan(3);
      for (const entry of set.factors)
        expect(entry.source.name.length, `${set.key} ${entry.carrier}`).toBeGreaterThan(3);
    }
  });

  const domainFigures: { sentence: string; set: string; carrier: string; value: number }[] = [
    {
      sentence: 'electricity 2021 is the residual mix 371.99 g/kWh',
      set: 'se-2021-residual-mix',
      carrier: 'electricity',
      value: 0.37199,
    },
    {
      sentence: 'electricity 2023 is the residual mix 524.10 g/kWh',
      set: 'se-2023-residual-mix',
      carrier: 'electricity',
      value: 0.5241,
    },
    {
      sentence: 'electricity with guarantees of origin is 0',
      set: 'se-2023-residual-mix',
      carrier: 'electricity_renewable_go',
      value: 0,
    },
    { sentence: 'diesel is 0.265 kg/kWh', set: 'se-2023-residual-mix', carrier: 'diesel', value: 0.265 },
    { sentence: 'petrol is 0.257 kg/kWh', set: 'se-2023-residual-mix', carrier: 'petrol', value: 0.257 },
    { sentence: 'heating oil is 0.26 kg/kWh', set: 'se-2023-residual-mix', carrier: 'heating_oil', value: 0.26 },
    { sentence: 'natural gas is 0.20 kg/kWh', set: 'se-2023-residual-mix', carrier: 'natural_gas', value: 0.2 },
    { sentence: 'LPG is 0.23 kg/kWh', set: 'se-2023-residual-mix', carrier: 'lpg', value: 0.23 },
    { sentence: 'the 2021 set has the same diesel', set: 'se-2021-residual-mix', carrier: 'diesel', value: 0.265 },
  ];

  it.each(domainFigures)('$sentence (docs/domain.md)', ({ set, carrier, value }) => {
    expect(factor(set, carrier)?.value).toBe(value);
  });

  it('marks the district heating default as unconfirmed and says to set the network’s own value', () => {
    const districtHeating = factor('se-2023-residual-mix', 'district_heating');
    expect(districtHeating?.unconfirmed).toBe(true);
    expect(districtHeating?.value).toBeGreaterThanOrEqual(0.024);
    expect(districtHeating?.value).toBeLessThanOrEqual(0.051);
    expect(districtHeating?.note?.en).toMatch(/network/);
  });

  it('marks the biofuel factors as unconfirmed', () => {
    for (const carrier of ['hvo', 'pellets', 'wood_chips']) {
      expect(factor('se-2023-residual-mix', carrier)?.unconfirmed, carrier).toBe(true);
    }
  });

  it('picks the 2023 set by default for a 2024 mapping', () => {
    expect(defaultFactorSet(emissionFactorSets, 2024)?.key).toBe('se-2023-residual-mix');
  });

  it('reproduces the hand calculation with three carriers from the content files', () => {
    // electricity      120 000 kWh                      × 0.5241 = 62 892 kg
    // district heating  80 MWh = 80 000 kWh             × 0.051  =  4 080 kg
    // diesel          5 000 litres × 9.8 = 49 000 kWh   × 0.265  = 12 985 kg
    // total                                                        79 957 kg = 79.957 t CO2e
    const result = summariseEnergyMapping(
      {
        year: 2024,
        lines: [
          { carrier: 'electricity', quantity: 120_000, unit: 'kWh', costSek: 180_000 },
          { carrier: 'district_heating', quantity: 80, unit: 'MWh', costSek: 72_000 },
          { carrier: 'diesel', quantity: 5_000, unit: 'litre', costSek: 95_000 },
        ],
      },
      energyCarriers,
      setByKey('se-2023-residual-mix'),
    );
    expect(result.problems).toEqual([]);
    expect(result.total.kwh).toBeCloseTo(249_000, 6);
    expect(kgToTonnes(result.total.co2eKg)).toBeCloseTo(79.957, 9);
  });
});

describe('parseEnergyCarriersFile', () => {
  const source = { name: 'Energimyndigheten', publishedOn: '2024' };
  const note = { sv: 'not', en: 'note' };
  const carrier = (overrides: object) => ({
    key: 'diesel',
    kind: 'fossil_fuel',
    name: { sv: 'Diesel', en: 'Diesel' },
    units: [],
    ...overrides,
  });

  const invalid: { sentence: string; raw: unknown; message: RegExp }[] = [
    {
      sentence: 'a common energy unit listed for a carrier',
      raw: { source, note, carriers: [carrier({ units: [{ unit: 'MWh', kwhPerUnit: 1000 }] })] },
      message: /carriers\.0\.units\.0\.unit .*: kWh, MWh, GWh and GJ apply to every carrier/,
    },
    {
      sentence: 'a unit listed twice',
      raw: {
        source,
        note,
        carriers: [
          carrier({
            units: [
              { unit: 'litre', kwhPerUnit: 9.8 },
              { unit: 'litre', kwhPerUnit: 9.9 },
            ],
          }),
        ],
      },
      message: /carriers\.0\.units\.1\.unit .*: unit listed twice/,
    },
    {
      sentence: 'a carrier given twice',
      raw: { source, note, carriers: [carrier({}), carrier({})] },
      message: /carriers\.1\.key .*: duplicate key/,
    },
    {
      sentence: 'a name without English',
      raw: { source, note, carriers: [carrier({ name: { sv: 'Diesel', en: '' } })] },
      message: /carriers\.0\.name\.en .*: Must not be empty/,
    },
    {
      sentence: 'a heating value of zero',
      raw: { source, note, carriers: [carrier({ units: [{ unit: 'litre', kwhPerUnit: 0 }] })] },
      message: /carriers\.0\.units\.0\.kwhPerUnit/,
    },
  ];

  it.each(invalid)('refuses $sentence, naming the file and the entry', ({ raw, message }) => {
    expect(() => parseEnergyCarriersFile(raw)).toThrow(/content\/emission-factors\/carriers\.json is invalid/);
    expect(() => parseEnergyCarriersFile(raw)).toThrow(message);
  });
});

describe('parseEmissionFactorSetFile', () => {
  const label = 'content/emission-factors/sets/test-set.json';
  const valid = {
    key: 'test-set',
    name: { sv: 'Test', en: 'Test' },
    validFrom: '2024-01-01',
    source: { name: 'Testkälla', publishedOn: '2024-05' },
    factors: [
      {
        carrier: 'electricity',
        unit: 'kg CO2e/kWh',
        value: 0.5,
        source: { name: 'Ei residualmix', publishedOn: '2024' },
      },
    ],
  };
  const withFactor = (entry: object) => ({ ...valid, factors: [...valid.factors, entry] });

  it('accepts a valid set', () => {
    expect(parseEmissionFactorSetFile(valid, label, energyCarriers).factors).toHaveLength(1);
  });

  const invalid: { sentence: string; raw: unknown; message: RegExp }[] = [
    {
      sentence: 'a factor in grams',
      raw: withFactor({
        carrier: 'diesel',
        unit: 'g CO2e/kWh',
        value: 265,
        source: { name: 'Källa', publishedOn: '2024' },
      }),
      message: /factors\.1\.unit \(entry .*"diesel".*\): Give factors in kg CO2e\/kWh/,
    },
    {
      sentence: 'a factor without a named source',
      raw: withFactor({
        carrier: 'diesel',
        unit: 'kg CO2e/kWh',
        value: 0.265,
        source: { name: '', publishedOn: '2024' },
      }),
      message: /factors\.1\.source\.name .*: Name the source/,
    },
    {
      sentence: 'a carrier given twice',
      raw: withFactor({
        carrier: 'electricity',
        unit: 'kg CO2e/kWh',
        value: 0.4,
        source: { name: 'Källa', publishedOn: '2024' },
      }),
      message: /factors\.1\.carrier .*: carrier given twice/,
    },
    {
      sentence: 'a negative factor',
      raw: withFactor({
        carrier: 'diesel',
        unit: 'kg CO2e/kWh',
        value: -1,
        source: { name: 'Källa', publishedOn: '2024' },
      }),
      message: /factors\.1\.value/,
    },
    {
      sentence: 'a carrier carriers.json does not know',
      raw: withFactor({
        carrier: 'coal',
        unit: 'kg CO2e/kWh',
        value: 0.34,
        source: { name: 'Källa', publishedOn: '2024' },
      }),
      message: /factors\.1\.carrier: unknown carrier "coal"/,
    },
    {
      sentence: 'a key that is not the file name',
      raw: { ...valid, key: 'other-set' },
      message: /key: "other-set" in a file named test-set\.json/,
    },
    { sentence: 'a validFrom that is not a date', raw: { ...valid, validFrom: '2024' }, message: /validFrom/ },
  ];

  it.each(invalid)('refuses $sentence, naming the file and the problem', ({ raw, message }) => {
    expect(() => parseEmissionFactorSetFile(raw, label, energyCarriers)).toThrow(/sets\/test-set\.json is invalid/);
    expect(() => parseEmissionFactorSetFile(raw, label, energyCarriers)).toThrow(message);
  });
});
