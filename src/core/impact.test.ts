import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { impactByArea, impactByOrganisation, impactSummary, median, perStepGained, type ImpactPair } from './impact';
import { hasClimbed, stepChange } from './maturity-scoring';

const pair = (overrides: Partial<ImpactPair>): ImpactPair => ({
  companyId: 'c1',
  organisationId: 'o1',
  area: 'energy_transition',
  baselineStep: 1,
  followUpStep: 2,
  quarterHours: 0,
  activitiesAttended: 0,
  actionsDone: 0,
  ...overrides,
});

describe('median', () => {
  const cases = [
    { sentence: 'nothing has no median', values: [], expected: null },
    { sentence: 'one value is its own median', values: [7], expected: 7 },
    { sentence: 'an odd count takes the middle value, whatever the order', values: [9, 1, 4], expected: 4 },
    { sentence: 'an even count takes the mean of the two middle values', values: [1, 2, 10, 20], expected: 6 },
    { sentence: 'one outlier does not move it', values: [2, 3, 4, 200], expected: 3.5 },
    { sentence: 'negative changes count too', values: [-1, 0, 2], expected: 0 },
  ];
  it.each(cases)('$sentence', ({ values, expected }) => expect(median(values)).toBe(expected));

  it('lies between the smallest and the largest value and does not depend on the order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1 }), (values) => {
        const m = median(values)!;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
        expect(median([...values].reverse())).toBe(m);
      }),
    );
  });
});

describe('stepChange and hasClimbed', () => {
  const cases = [
    { sentence: 'two steps up', from: 1, to: 3, change: 2, climbed: true },
    { sentence: 'the same step is no climb', from: 3, to: 3, change: 0, climbed: false },
    { sentence: 'a step down is a negative change', from: 4, to: 3, change: -1, climbed: false },
    { sentence: 'a measurement without a step gives no change', from: null, to: 3, change: null, climbed: false },
  ];
  it.each(cases)('$sentence', ({ from, to, change, climbed }) => {
    expect(stepChange(from, to)).toBe(change);
    expect(hasClimbed(stepChange(from, to))).toBe(climbed);
  });
});

describe('perStepGained', () => {
  const cases = [
    { sentence: '12 hours behind two steps is 6 hours a step', amount: 12, change: 2, expected: 6 },
    { sentence: 'no climb has no cost per step', amount: 12, change: 0, expected: null },
    { sentence: 'a fall has no cost per step', amount: 12, change: -1, expected: null },
    { sentence: 'a climb without any support costs nothing', amount: 0, change: 1, expected: 0 },
  ];
  it.each(cases)('$sentence', ({ amount, change, expected }) => expect(perStepGained(amount, change)).toBe(expected));
});

describe('impactSummary', () => {
  it('counts the measured and the climbers, the median change over all, and the cost per step over the climbers', () => {
    const summary = impactSummary([
      pair({ companyId: 'a', baselineStep: 1, followUpStep: 3, quarterHours: 48, actionsDone: 2 }), // 12 h, 2 steps: 6 h, 1 action a step
      pair({ companyId: 'b', baselineStep: 2, followUpStep: 3, quarterHours: 16, actionsDone: 3 }), // 4 h, 1 step: 4 h, 3 actions
      pair({ companyId: 'c', baselineStep: 2, followUpStep: 2, quarterHours: 80, actionsDone: 5 }), // stayed: left out of the cost
      pair({ companyId: 'd', baselineStep: 3, followUpStep: 2 }), // fell back
    ]);
    expect(summary).toEqual({
      measured: 4,
      climbed: 2,
      medianStepChange: 0.5, // changes 2, 1, 0, -1
      medianHoursPerStep: 5, // 6 and 4
      medianActionsPerStep: 2, // 1 and 3
    });
  });

  it('leaves out a measurement without a step, and says nothing of an empty group', () => {
    expect(impactSummary([pair({ baselineStep: null })])).toEqual({
      measured: 0,
      climbed: 0,
      medianStepChange: null,
      medianHoursPerStep: null,
      medianActionsPerStep: null,
    });
  });
});

describe('impactByArea and impactByOrganisation', () => {
  const pairs = [
    pair({ companyId: 'a', organisationId: 'o1', area: 'energy_transition', followUpStep: 3, quarterHours: 8 }),
    pair({ companyId: 'a', organisationId: 'o1', area: 'digitalisation', followUpStep: 1 }),
    pair({ companyId: 'b', organisationId: 'o2', area: 'energy_transition', followUpStep: 2, quarterHours: 40 }),
  ];

  it('gives every area, one with nobody measured twice at zero', () => {
    const byArea = impactByArea(pairs);
    expect(Object.keys(byArea)).toEqual([
      'foundation',
      'resource_efficiency',
      'circular_business',
      'energy_transition',
      'digitalisation',
    ]);
    expect(byArea.energy_transition).toMatchObject({ measured: 2, climbed: 2, medianHoursPerStep: 5.5 }); // 1 h and 10 h a step
    expect(byArea.foundation.measured).toBe(0);
  });

  it('counts a company in each of its areas as one observation of its organisation', () => {
    const byOrganisation = impactByOrganisation(pairs);
    expect(byOrganisation.get('o1')).toMatchObject({ measured: 2, climbed: 1, medianStepChange: 1 });
    expect(byOrganisation.get('o2')).toMatchObject({ measured: 1, climbed: 1, medianHoursPerStep: 10 });
  });
});
