import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { suggestActions, type ScoredMeasurement, type SuggestableAction } from './action-suggestions';

const entry = (key: string, dimensionKeys: string[], forSteps: number[] = [1, 2]): SuggestableAction => ({
  key,
  area: 'energy_transition',
  forSteps,
  dimensionKeys,
});

// A small catalogue for one area, in its editors' order, plus one measure of another area.
const catalogue: SuggestableAction[] = [
  entry('energy_monitoring', ['energy_data']),
  entry('compressed_air_leaks', ['energy_efficiency']),
  entry('led_lighting', ['energy_efficiency']),
  entry('energy_policy', ['energy_strategy']),
  entry('heat_recovery', ['energy_efficiency'], [3, 4]),
  entry('peak_power_control', ['energy_data', 'energy_efficiency'], [2, 3]),
  entry('solar_pv', ['renewable_supply'], [2, 3]),
  entry('fossil_free_plan', ['energy_strategy'], [2, 3]),
  entry('energy_team', [], [2]),
  { ...entry('value_stream_map', ['energy_efficiency']), area: 'resource_efficiency' },
];

const measurement = (
  step: number | null,
  dimensions: ScoredMeasurement['dimensions'],
  area: ScoredMeasurement['area'] = 'energy_transition',
): ScoredMeasurement => ({ area, step, dimensions });

const keys = (list: { action: SuggestableAction }[]) => list.map((suggestion) => suggestion.action.key);

describe('suggestActions', () => {
  const atStep2 = measurement(2, [
    { key: 'energy_strategy', score: 45, step: 3 },
    { key: 'energy_efficiency', score: 20, step: 2 },
    { key: 'energy_data', score: 30, step: 2 },
    { key: 'renewable_supply', score: 70, step: 4 },
  ]);

  it('takes the weakest dimensions in turn, then the area’s next step, capped at 5', () => {
    expect(keys(suggestActions(atStep2, catalogue))).toEqual([
      'compressed_air_leaks', // energy_efficiency (20), the weakest
      'energy_monitoring', // energy_data (30)
      'fossil_free_plan', // energy_strategy (45), at its own step 3
      'led_lighting', // energy_efficiency again, second round
      'peak_power_control', // energy_data again (it also lifts energy_efficiency)
    ]);
  });

  it('gives each suggestion the reason the UI shows', () => {
    const [first, , third] = suggestActions(atStep2, catalogue);
    expect(first?.reason).toEqual({
      kind: 'weak_dimension',
      dimensionKey: 'energy_efficiency',
      score: 20,
      dimensionStep: 2,
      targetStep: 3,
    });
    expect(third?.reason).toMatchObject({ dimensionKey: 'energy_strategy', dimensionStep: 3, targetStep: 4 });
  });

  it('fills up with the area’s next-step measures once the weak dimensions have none left', () => {
    const suggestions = suggestActions(atStep2, catalogue, { limit: 20 });
    expect(keys(suggestions)).toEqual([
      'compressed_air_leaks',
      'energy_monitoring',
      'fossil_free_plan',
      'led_lighting',
      'peak_power_control',
      'energy_policy',
      'solar_pv',
      'energy_team',
    ]);
    expect(suggestions.at(-1)?.reason).toEqual({ kind: 'next_step', step: 2, targetStep: 3 });
  });

  it('leaves out measures already adopted or dismissed', () => {
    const suggestions = suggestActions(atStep2, catalogue, {
      excludeKeys: ['compressed_air_leaks', 'energy_monitoring'],
    });
    expect(keys(suggestions)).toEqual([
      'led_lighting',
      'peak_power_control',
      'fossil_free_plan',
      'energy_policy',
      'solar_pv',
    ]);
  });

  it('uses the area’s step for a dimension whose step is not given, and says only its score', () => {
    const suggestions = suggestActions(measurement(3, [{ key: 'energy_efficiency', score: 45 }]), catalogue, {
      limit: 2,
    });
    expect(keys(suggestions)).toEqual(['heat_recovery', 'peak_power_control']);
    expect(suggestions[0]?.reason).toEqual({
      kind: 'weak_dimension',
      dimensionKey: 'energy_efficiency',
      score: 45,
      dimensionStep: null,
      targetStep: 4,
    });
  });

  it('breaks a tie between equally scored dimensions by key', () => {
    const tied = measurement(2, [
      { key: 'energy_strategy', score: 25 },
      { key: 'energy_data', score: 25 },
    ]);
    expect(suggestActions(tied, catalogue, { limit: 1 })[0]?.reason).toMatchObject({ dimensionKey: 'energy_data' });
  });

  it('looks only at the three weakest dimensions unless told otherwise', () => {
    const four = measurement(2, [
      { key: 'energy_efficiency', score: 10 },
      { key: 'energy_data', score: 20 },
      { key: 'energy_strategy', score: 30 },
      { key: 'renewable_supply', score: 40 },
    ]);
    const weakReasons = (weakestDimensions?: number) =>
      suggestActions(four, catalogue, { limit: 20, weakestDimensions })
        .map((suggestion) => suggestion.reason)
        .filter((reason) => reason.kind === 'weak_dimension')
        .map((reason) => reason.dimensionKey);
    expect(new Set(weakReasons())).toEqual(new Set(['energy_efficiency', 'energy_data', 'energy_strategy']));
    expect(new Set(weakReasons(4))).toContain('renewable_supply');
  });

  const nothing: { sentence: string; input: ScoredMeasurement }[] = [
    {
      sentence: 'a measurement without a step or dimension steps',
      input: measurement(null, [{ key: 'energy_data', score: 10 }]),
    },
    {
      sentence: 'an area the catalogue has only one measure for, at another step',
      input: measurement(4, [], 'resource_efficiency'),
    },
    {
      sentence: 'a company at step 5 with no step-5 measures',
      input: measurement(5, [{ key: 'energy_data', score: 100 }]),
    },
    {
      sentence: 'a measurement whose dimensions are all unscored at an unknown step',
      input: measurement(null, [{ key: 'energy_data', score: null }]),
    },
  ];

  it.each(nothing)('suggests nothing for $sentence', ({ input }) => {
    expect(suggestActions(input, catalogue)).toEqual([]);
  });

  it('does not count a dimension at full score as weak', () => {
    const suggestions = suggestActions(measurement(2, [{ key: 'energy_data', score: 100, step: 2 }]), catalogue, {
      limit: 20,
    });
    expect(suggestions.every((suggestion) => suggestion.reason.kind === 'next_step')).toBe(true);
  });

  it('suggests only measures of the measured area', () => {
    const suggestions = suggestActions(
      measurement(1, [{ key: 'energy_efficiency', score: 0 }], 'resource_efficiency'),
      catalogue,
    );
    expect(keys(suggestions)).toEqual(['value_stream_map']);
  });

  const arbitraryMeasurement = fc.record({
    area: fc.constant('energy_transition' as const),
    step: fc.option(fc.integer({ min: 1, max: 5 })),
    dimensions: fc.uniqueArray(
      fc.record({
        key: fc.constantFrom('energy_data', 'energy_efficiency', 'energy_strategy', 'renewable_supply', 'other'),
        score: fc.option(fc.integer({ min: 0, max: 100 })),
        step: fc.option(fc.integer({ min: 1, max: 5 })),
      }),
      { selector: (dimension) => dimension.key },
    ),
  });

  it('suggests each measure once, never an excluded one, within the cap, the same every time (property)', () => {
    fc.assert(
      fc.property(
        arbitraryMeasurement,
        fc.subarray(catalogue.map((action) => action.key)),
        fc.integer({ min: 0, max: 8 }),
        (input, excludeKeys, limit) => {
          const suggestions = suggestActions(input, catalogue, { excludeKeys, limit });
          const suggested = keys(suggestions);
          expect(new Set(suggested).size).toBe(suggested.length);
          expect(suggested.length).toBeLessThanOrEqual(limit);
          for (const key of excludeKeys) expect(suggested).not.toContain(key);
          expect(suggestActions(input, catalogue, { excludeKeys, limit })).toEqual(suggestions);
        },
      ),
    );
  });
});
