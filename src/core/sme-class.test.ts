import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  rateForYear,
  sekToEur,
  smeClass,
  smeClassFromSek,
  smeClassRank,
  type SmeClass,
  type SmeFiguresEur,
} from './sme-class';

const m = 1_000_000;

describe('smeClass', () => {
  const cases: { sentence: string; figures: SmeFiguresEur; expected: SmeClass | null }[] = [
    // Headcount boundaries
    {
      sentence: '9 people with small figures are micro',
      figures: { headcount: 9, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: 'micro',
    },
    {
      sentence: '10 people are not micro (the ceiling is strictly below 10)',
      figures: { headcount: 10, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: 'small',
    },
    {
      sentence: '9.5 annual work units are still micro',
      figures: { headcount: 9.5, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: 'micro',
    },
    {
      sentence: '49 people with small figures are small',
      figures: { headcount: 49, turnoverEur: 5 * m, balanceSheetEur: 5 * m },
      expected: 'small',
    },
    {
      sentence: '50 people are medium',
      figures: { headcount: 50, turnoverEur: 5 * m, balanceSheetEur: 5 * m },
      expected: 'medium',
    },
    {
      sentence: '249 people within the medium ceilings are medium',
      figures: { headcount: 249, turnoverEur: 50 * m, balanceSheetEur: 43 * m },
      expected: 'medium',
    },
    {
      sentence: '250 people are large whatever the figures',
      figures: { headcount: 250, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: 'large',
    },
    {
      sentence: 'no people at all (a holding company) with small figures is micro',
      figures: { headcount: 0, turnoverEur: 0, balanceSheetEur: 0 },
      expected: 'micro',
    },
    // Financial boundaries: "at most", and only one of the two must be met
    {
      sentence: 'exactly EUR 2 m turnover and balance sheet is still micro',
      figures: { headcount: 5, turnoverEur: 2 * m, balanceSheetEur: 2 * m },
      expected: 'micro',
    },
    {
      sentence: 'one euro over EUR 2 m on both is small',
      figures: { headcount: 5, turnoverEur: 2 * m + 1, balanceSheetEur: 2 * m + 1 },
      expected: 'small',
    },
    {
      sentence: 'turnover over EUR 2 m with the balance sheet within it is micro (one ceiling suffices)',
      figures: { headcount: 5, turnoverEur: 3 * m, balanceSheetEur: 2 * m },
      expected: 'micro',
    },
    {
      sentence: 'balance sheet over EUR 2 m with turnover within it is micro (one ceiling suffices)',
      figures: { headcount: 5, turnoverEur: 1.5 * m, balanceSheetEur: 9 * m },
      expected: 'micro',
    },
    {
      sentence: 'exactly EUR 10 m on both with 40 people is small',
      figures: { headcount: 40, turnoverEur: 10 * m, balanceSheetEur: 10 * m },
      expected: 'small',
    },
    {
      sentence: 'over EUR 10 m on both with 40 people is medium',
      figures: { headcount: 40, turnoverEur: 10 * m + 1, balanceSheetEur: 10 * m + 1 },
      expected: 'medium',
    },
    {
      sentence: 'a EUR 43 m balance sheet with EUR 60 m turnover is medium (the balance sheet ceiling is met)',
      figures: { headcount: 200, turnoverEur: 60 * m, balanceSheetEur: 43 * m },
      expected: 'medium',
    },
    {
      sentence: 'a EUR 44 m balance sheet with EUR 60 m turnover is large (neither ceiling is met)',
      figures: { headcount: 200, turnoverEur: 60 * m, balanceSheetEur: 44 * m },
      expected: 'large',
    },
    {
      sentence: 'EUR 50 m turnover with a EUR 100 m balance sheet is medium (the turnover ceiling is met)',
      figures: { headcount: 200, turnoverEur: 50 * m, balanceSheetEur: 100 * m },
      expected: 'medium',
    },
    {
      sentence: 'few people with figures over every ceiling are large',
      figures: { headcount: 5, turnoverEur: 51 * m, balanceSheetEur: 44 * m },
      expected: 'large',
    },
    // Missing figures
    {
      sentence: 'an unknown headcount gives no class, since headcount is mandatory',
      figures: { headcount: null, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: null,
    },
    {
      sentence: 'an undefined headcount gives no class',
      figures: { headcount: undefined, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: null,
    },
    {
      sentence: 'a negative headcount is not a headcount',
      figures: { headcount: -1, turnoverEur: 1 * m, balanceSheetEur: 1 * m },
      expected: null,
    },
    {
      sentence: 'a missing balance sheet leaves the turnover to decide: within EUR 2 m is micro',
      figures: { headcount: 5, turnoverEur: 2 * m, balanceSheetEur: null },
      expected: 'micro',
    },
    {
      sentence: 'a missing balance sheet leaves the turnover to decide: over EUR 2 m is small',
      figures: { headcount: 5, turnoverEur: 3 * m, balanceSheetEur: null },
      expected: 'small',
    },
    {
      sentence: 'a missing turnover leaves the balance sheet to decide: EUR 43 m is medium',
      figures: { headcount: 100, turnoverEur: undefined, balanceSheetEur: 43 * m },
      expected: 'medium',
    },
    {
      sentence: 'a missing turnover leaves the balance sheet to decide: EUR 44 m is large',
      figures: { headcount: 100, turnoverEur: null, balanceSheetEur: 44 * m },
      expected: 'large',
    },
    {
      sentence: 'with no financial figures, 9 people are micro on headcount alone',
      figures: { headcount: 9, turnoverEur: null, balanceSheetEur: null },
      expected: 'micro',
    },
    {
      sentence: 'with no financial figures, 120 people are medium on headcount alone',
      figures: { headcount: 120, turnoverEur: null, balanceSheetEur: null },
      expected: 'medium',
    },
    {
      sentence: 'a figure that is not a number counts as missing',
      figures: { headcount: 5, turnoverEur: Number.NaN, balanceSheetEur: 3 * m },
      expected: 'small',
    },
  ];

  it.each(cases)('$sentence', ({ figures, expected }) => {
    expect(smeClass(figures)).toBe(expected);
  });

  const amount = fc.option(fc.double({ min: 0, max: 200 * m, noNaN: true }), { nil: null });
  const headcount = fc.double({ min: 0, max: 1000, noNaN: true });

  it('never gives a smaller class when the headcount rises', () => {
    fc.assert(
      fc.property(headcount, headcount, amount, amount, (a, b, turnoverEur, balanceSheetEur) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const lower = smeClass({ headcount: low, turnoverEur, balanceSheetEur })!;
        const higher = smeClass({ headcount: high, turnoverEur, balanceSheetEur })!;
        expect(smeClassRank(higher)).toBeGreaterThanOrEqual(smeClassRank(lower));
      }),
    );
  });

  it('never gives a smaller class when both financial figures rise', () => {
    const figure = fc.double({ min: 0, max: 200 * m, noNaN: true });
    fc.assert(
      fc.property(headcount, figure, figure, figure, figure, (people, t1, t2, b1, b2) => {
        const lower = smeClass({
          headcount: people,
          turnoverEur: Math.min(t1, t2),
          balanceSheetEur: Math.min(b1, b2),
        })!;
        const higher = smeClass({
          headcount: people,
          turnoverEur: Math.max(t1, t2),
          balanceSheetEur: Math.max(b1, b2),
        })!;
        expect(smeClassRank(higher)).toBeGreaterThanOrEqual(smeClassRank(lower));
      }),
    );
  });

  it('always gives a class when the headcount is known', () => {
    fc.assert(
      fc.property(headcount, amount, amount, (people, turnoverEur, balanceSheetEur) => {
        expect(smeClass({ headcount: people, turnoverEur, balanceSheetEur })).not.toBeNull();
      }),
    );
  });
});

describe('sekToEur', () => {
  it('divides by the SEK-per-EUR rate', () => {
    expect(sekToEur(11_480_000, 11.48)).toBeCloseTo(1_000_000, 6);
  });

  it('refuses a rate that is zero or negative', () => {
    expect(() => sekToEur(100, 0)).toThrow('sek_per_eur_not_positive');
    expect(() => sekToEur(100, -11.48)).toThrow('sek_per_eur_not_positive');
  });

  it('refuses a rate that is not a number', () => {
    expect(() => sekToEur(100, Number.NaN)).toThrow('sek_per_eur_not_positive');
  });
});

describe('smeClassFromSek', () => {
  const cases: {
    sentence: string;
    headcount: number | null;
    turnoverSek: number | null;
    balanceSheetSek: number | null;
    expected: SmeClass | null;
  }[] = [
    {
      sentence: 'SEK 22.9 m turnover at 11.4765 is under EUR 2 m: micro',
      headcount: 8,
      turnoverSek: 22_900_000,
      balanceSheetSek: 30_000_000,
      expected: 'micro',
    },
    {
      sentence: 'SEK 23 m on both at 11.4765 is over EUR 2 m: small',
      headcount: 8,
      turnoverSek: 23_000_000,
      balanceSheetSek: 23_000_000,
      expected: 'small',
    },
    {
      sentence: 'a missing balance sheet in SEK leaves the turnover to decide',
      headcount: 30,
      turnoverSek: 100_000_000,
      balanceSheetSek: null,
      expected: 'small',
    },
    {
      sentence: 'an unknown headcount gives no class',
      headcount: null,
      turnoverSek: 1_000_000,
      balanceSheetSek: 1_000_000,
      expected: null,
    },
  ];

  it.each(cases)('$sentence', ({ headcount, turnoverSek, balanceSheetSek, expected }) => {
    expect(smeClassFromSek({ headcount, turnoverSek, balanceSheetSek, sekPerEur: 11.4765 })).toBe(expected);
  });

  it('gives the same class as converting first and classifying in EUR', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.double({ min: 5, max: 20, noNaN: true }),
        (headcount, turnoverSek, balanceSheetSek, sekPerEur) => {
          expect(smeClassFromSek({ headcount, turnoverSek, balanceSheetSek, sekPerEur })).toBe(
            smeClass({
              headcount,
              turnoverEur: turnoverSek / sekPerEur,
              balanceSheetEur: balanceSheetSek / sekPerEur,
            }),
          );
        },
      ),
    );
  });
});

describe('rateForYear', () => {
  const rates = { '2021': 10.1449, '2022': 10.6317, '2023': 11.4765, '2024': 11.4325, '2025': 11.0 };

  const cases: { sentence: string; year: number; expected: { sekPerEur: number; year: number } | null }[] = [
    { sentence: 'a year with a rate gives that rate', year: 2023, expected: { sekPerEur: 11.4765, year: 2023 } },
    {
      sentence: 'the first year with a rate gives that rate',
      year: 2021,
      expected: { sekPerEur: 10.1449, year: 2021 },
    },
    {
      sentence: 'a year after the last rate gives the latest earlier rate and says which year',
      year: 2027,
      expected: { sekPerEur: 11.0, year: 2025 },
    },
    { sentence: 'a year before every rate gives none', year: 2020, expected: null },
  ];

  it.each(cases)('$sentence', ({ year, expected }) => {
    expect(rateForYear(rates, year)).toEqual(expected);
  });

  it('uses the latest earlier year when a year in the middle is missing', () => {
    expect(rateForYear({ '2021': 10.1449, '2023': 11.4765 }, 2022)).toEqual({ sekPerEur: 10.1449, year: 2021 });
  });

  it('does not depend on the order of the keys', () => {
    expect(rateForYear({ '2024': 11.4325, '2021': 10.1449, '2023': 11.4765 }, 2025)).toEqual({
      sekPerEur: 11.4325,
      year: 2024,
    });
  });

  it('ignores keys that are not years', () => {
    expect(rateForYear({ latest: 99, '2022': 10.6317 }, 2024)).toEqual({ sekPerEur: 10.6317, year: 2022 });
  });

  it('gives none for an empty table', () => {
    expect(rateForYear({}, 2024)).toBeNull();
  });
});
