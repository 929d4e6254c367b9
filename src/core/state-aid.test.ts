import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  checkDeMinimisCeiling,
  declarationState,
  declarationValidUntil,
  deMinimisCeilingCents,
  deMinimisLedger,
  deMinimisPosition,
  deMinimisWindow,
  formatSekPerEur,
  hoursValueOre,
  isInDeMinimisWindow,
  needsNewGrant,
  nextDay,
  oreToCents,
  parseSekPerEur,
  rateMonthOf,
  supportValue,
  type Cents,
  type CountedAid,
  type Ore,
  type SekPerEurE4,
} from './state-aid';

const cents = (euro: number) => Math.round(euro * 100) as Cents;
const aid = (id: string, grantedOn: string, euro: number): CountedAid => ({ id, grantedOn, cents: cents(euro) });

describe('support value', () => {
  it.each([
    { quarters: 4, rate: 950, ore: 95_000, why: 'an hour at 950 kr is 950 kr' },
    { quarters: 1, rate: 950, ore: 23_750, why: 'a quarter hour at 950 kr is 237,50 kr, exact in öre' },
    { quarters: 3, rate: 1_001, ore: 75_075, why: 'three quarters at 1 001 kr is 750,75 kr' },
    { quarters: 0, rate: 950, ore: 0, why: 'no hours are worth nothing' },
  ])('$why', ({ quarters, rate, ore }) => {
    expect(hoursValueOre(quarters, rate)).toBe(ore);
  });

  it('adds hours at each organisation and year’s rate and the places at activities', () => {
    const value = supportValue(
      [
        { organisationId: 'idc', year: 2025, quarterHours: 10, hourlyRateSek: 900 },
        { organisationId: 'idc', year: 2026, quarterHours: 6, hourlyRateSek: 1_000 },
      ],
      [
        { participants: 2, costPerParticipantSek: 1_500 },
        { participants: 1, costPerParticipantSek: 0 },
      ],
    );
    // 2,5 h × 900 = 2 250 kr; 1,5 h × 1 000 = 1 500 kr; 2 × 1 500 = 3 000 kr.
    expect(value).toEqual({ valueOre: 675_000, hoursOre: 375_000, activitiesOre: 300_000, missingRates: [] });
  });

  it('counts hours without a rate as nothing and names the missing organisation and year', () => {
    const value = supportValue([{ organisationId: 'gtc', year: 2024, quarterHours: 8, hourlyRateSek: null }], []);
    expect(value.valueOre).toBe(0);
    expect(value.missingRates).toEqual([{ organisationId: 'gtc', year: 2024 }]);
  });

  it('is exact for any whole number of quarter hours and whole-krona rate (no floating point)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 5_000 }), (quarters, rate) => {
        const ore = hoursValueOre(quarters, rate);
        expect(Number.isSafeInteger(ore)).toBe(true);
        expect(ore * 4).toBe(quarters * rate * 100);
      }),
    );
  });
});

describe('SEK per EUR', () => {
  it.each([
    { typed: '11.4965', e4: 114_965, why: 'four decimals are kept exactly' },
    { typed: '11,4965', e4: 114_965, why: 'a Swedish decimal comma is read' },
    { typed: 11.5, e4: 115_000, why: 'a number with fewer decimals' },
    { typed: '11', e4: 110_000, why: 'a whole rate' },
    { typed: '11.49651', e4: null, why: 'a fifth decimal is refused, not rounded' },
    { typed: '0', e4: null, why: 'zero is refused' },
    { typed: '-11', e4: null, why: 'a negative rate is refused' },
    { typed: 'elva', e4: null, why: 'text is refused' },
  ])('$why', ({ typed, e4 }) => {
    expect(parseSekPerEur(typed)).toBe(e4);
  });

  it('writes a rate back with four decimals', () => {
    expect(formatSekPerEur(114_965 as SekPerEurE4)).toBe('11.4965');
    expect(formatSekPerEur(110_500 as SekPerEurE4)).toBe('11.0500');
  });

  it.each([
    { ore: 1_100_000, rate: 110_000, cents: 100_000, why: '11 000 kr at 11 SEK/EUR is exactly EUR 1 000' },
    { ore: 100, rate: 110_000, cents: 9, why: '1 kr at 11 is 9,09 cents, rounded down to 9' },
    { ore: 1_155, rate: 110_000, cents: 105, why: '11,55 kr at 11 is exactly 105 cents' },
    { ore: 1_150, rate: 100_000, cents: 115, why: 'an exact amount needs no rounding' },
    { ore: 5, rate: 100_000, cents: 1, why: 'a half cent (0,05 kr at 10) rounds up' },
    { ore: 4, rate: 100_000, cents: 0, why: 'less than a half cent rounds down' },
    {
      ore: 330_000_000,
      rate: 114_965,
      cents: 28_704_388,
      why: '3,3 MSEK at 11.4965 is EUR 287 043.88 (287 043,8795… rounds up)',
    },
  ])('$why', ({ ore, rate, cents: expected }) => {
    expect(oreToCents(ore as Ore, rate as SekPerEurE4)).toBe(expected);
  });

  it('rounds every conversion to the nearest cent, within half a cent of the exact value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 50_000, max: 200_000 }),
        (ore, rate) => {
          const result = BigInt(oreToCents(ore as Ore, rate as SekPerEurE4));
          // |result − ore × 10 000 / rate| ≤ ½, in integers: |2 × (result × rate − ore × 10 000)| ≤ rate.
          const difference = 2n * (result * BigInt(rate) - BigInt(ore) * 10_000n);
          expect(difference <= BigInt(rate) && difference > -BigInt(rate)).toBe(true);
        },
      ),
    );
  });

  it('converts by the month of the grant', () => {
    expect(rateMonthOf('2026-03-31')).toBe('2026-03');
  });
});

describe('calendar arithmetic', () => {
  it.each([
    { date: '2026-03-15', months: -36, expected: '2023-03-15', why: 'three years back, same day' },
    { date: '2028-02-29', months: -36, expected: '2025-02-28', why: '29 February three years back is 28 February' },
    { date: '2024-02-29', months: -48, expected: '2020-02-29', why: 'four years back lands on a leap day again' },
    { date: '2026-03-31', months: -1, expected: '2026-02-28', why: 'a day the month lacks becomes its last day' },
    { date: '2026-08-31', months: 6, expected: '2027-02-28', why: 'forward over a year end' },
    { date: '2026-12-15', months: 1, expected: '2027-01-15', why: 'into January of the next year' },
  ])('addMonths: $why', ({ date, months, expected }) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    { date: '2025-02-28', expected: '2025-03-01' },
    { date: '2024-02-28', expected: '2024-02-29' },
    { date: '2026-12-31', expected: '2027-01-01' },
    { date: '2026-04-30', expected: '2026-05-01' },
  ])('nextDay($date) is $expected', ({ date, expected }) => {
    expect(nextDay(date)).toBe(expected);
  });
});

describe('the three-year window (art. 3(2), decision 031)', () => {
  it.each([
    {
      grant: '2026-03-15',
      from: '2023-03-16',
      why: 'an ordinary day: from the day after the same day three years back',
    },
    { grant: '2028-02-29', from: '2025-03-01', why: 'a grant on 29 February: from 1 March three years back' },
    { grant: '2027-02-28', from: '2024-02-29', why: 'a grant on 28 February after a leap year: 29 February is in' },
    { grant: '2027-03-01', from: '2024-03-02', why: 'a grant on 1 March: 29 February and 1 March are out' },
    { grant: '2026-01-01', from: '2023-01-02', why: 'New Year’s Day' },
  ])('$why', ({ grant, from }) => {
    expect(deMinimisWindow(grant)).toEqual({ from, to: grant });
  });

  it.each([
    { aid: '2023-03-15', grant: '2026-03-15', isIn: false, why: 'the same calendar day three years back is outside' },
    { aid: '2023-03-16', grant: '2026-03-15', isIn: true, why: 'the day after it is inside' },
    { aid: '2026-03-15', grant: '2026-03-15', isIn: true, why: 'aid on the grant day itself is inside' },
    { aid: '2026-03-16', grant: '2026-03-15', isIn: false, why: 'aid after the grant day is not earlier aid' },
    { aid: '2025-02-28', grant: '2028-02-29', isIn: false, why: 'grant on 29 Feb: 28 Feb three years back is outside' },
    { aid: '2025-03-01', grant: '2028-02-29', isIn: true, why: 'grant on 29 Feb: 1 March three years back is inside' },
    {
      aid: '2024-02-29',
      grant: '2027-02-28',
      isIn: true,
      why: 'aid on 29 Feb counts for a grant on 28 Feb 3 years on',
    },
    { aid: '2024-02-29', grant: '2027-03-01', isIn: false, why: 'aid on 29 Feb drops out on 1 March three years on' },
    { aid: '2024-02-28', grant: '2027-02-28', isIn: false, why: 'aid on 28 Feb is out on 28 Feb three years on' },
  ])('$why', ({ aid: aidOn, grant, isIn }) => {
    expect(isInDeMinimisWindow(aidOn, grant)).toBe(isIn);
  });

  it('always spans exactly three years: the day before its first day is three years back', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2024-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }), (d) => {
        const grant = d.toISOString().slice(0, 10);
        const { from } = deMinimisWindow(grant);
        expect(isInDeMinimisWindow(from, grant)).toBe(true);
        expect(nextDay(addMonths(grant, -36))).toBe(from);
        const days = (Date.parse(grant) - Date.parse(from)) / 86_400_000 + 1;
        expect(days === 1095 || days === 1096).toBe(true);
      }),
    );
  });
});

describe('the ceiling check at a grant', () => {
  it('sums the earlier aid in the window with the new grant, and answers the figures', () => {
    const check = checkDeMinimisCeiling([aid('a', '2024-05-01', 100_000), aid('b', '2022-01-10', 250_000)], {
      grantedOn: '2026-03-15',
      cents: cents(50_000),
    });
    expect(check).toMatchObject({
      outcome: 'within',
      window: { from: '2023-03-16', to: '2026-03-15' },
      earlierCents: cents(100_000),
      grantCents: cents(50_000),
      totalCents: cents(150_000),
      ceilingCents: deMinimisCeilingCents,
      roomBeforeCents: cents(200_000),
      roomAfterCents: cents(150_000),
      percentOfCeiling: 50,
      laterBreach: null,
    });
  });

  it.each([
    { earlier: 239_999.99, outcome: 'within', why: 'one cent under 80 % is within' },
    { earlier: 240_000, outcome: 'warning', why: 'exactly 80 % warns' },
    { earlier: 300_000, outcome: 'warning', why: 'exactly EUR 300 000 is allowed ("shall not exceed")' },
    { earlier: 300_000.01, outcome: 'refused', why: 'one cent over is refused' },
  ])('$why', ({ earlier, outcome }) => {
    const check = checkDeMinimisCeiling([aid('a', '2025-01-01', earlier - 1_000)], {
      grantedOn: '2026-01-01',
      cents: cents(1_000),
    });
    expect(check.outcome).toBe(outcome);
  });

  it.each([
    { earlierOn: '2023-03-15', outcome: 'within', why: 'an aid on the same day three years back no longer counts' },
    { earlierOn: '2023-03-16', outcome: 'refused', why: 'an aid on the day after still counts' },
  ])('$why', ({ earlierOn, outcome }) => {
    const check = checkDeMinimisCeiling([aid('a', earlierOn, 290_000)], {
      grantedOn: '2026-03-15',
      cents: cents(20_000),
    });
    expect(check.outcome).toBe(outcome);
  });

  it('refuses a grant dated before a recorded aid whose own window it would push over the ceiling', () => {
    // The later aid (2026-06-01) already has EUR 290 000 in its window; a grant on 2026-05-01 adds to it.
    const check = checkDeMinimisCeiling([aid('a', '2026-06-01', 290_000)], {
      grantedOn: '2026-05-01',
      cents: cents(20_000),
    });
    expect(check.totalCents).toBe(cents(20_000));
    expect(check.outcome).toBe('refused');
    expect(check.laterBreach).toEqual({ grantedOn: '2026-06-01', totalCents: cents(310_000) });
  });

  it('never answers "within" or "warning" when the new total passes the ceiling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 1_500 }), fc.integer({ min: 0, max: 20_000_000 })), {
          maxLength: 12,
        }),
        fc.integer({ min: 1, max: 20_000_000 }),
        (earlier, grantCents) => {
          const base = Date.parse('2022-01-01');
          const aids = earlier.map(([day, amount], i) => ({
            id: String(i),
            grantedOn: new Date(base + day * 86_400_000).toISOString().slice(0, 10),
            cents: amount as Cents,
          }));
          const check = checkDeMinimisCeiling(aids, { grantedOn: '2025-12-31', cents: grantCents as Cents });
          if (check.totalCents > deMinimisCeilingCents) expect(check.outcome).toBe('refused');
          expect(check.totalCents).toBe(check.earlierCents + grantCents);
        },
      ),
    );
  });
});

describe('the ledger', () => {
  it('lists every aid in date order with the rolling three-year sum and the room left', () => {
    const lines = deMinimisLedger([
      aid('c', '2026-04-01', 50_000),
      aid('a', '2023-01-10', 100_000),
      aid('b', '2024-06-01', 120_000),
    ]);
    expect(lines.map((l) => [l.id, l.rollingCents / 100, l.roomCents / 100])).toEqual([
      ['a', 100_000, 200_000],
      ['b', 220_000, 80_000],
      // 2023-01-10 has left the window of 2026-04-01 (from 2023-04-02).
      ['c', 170_000, 130_000],
    ]);
  });

  it('gives the position on a day: the sum in the window ending that day', () => {
    const position = deMinimisPosition([aid('a', '2023-03-15', 100_000), aid('b', '2025-01-01', 10_000)], '2026-03-15');
    expect(position).toEqual({
      window: { from: '2023-03-16', to: '2026-03-15' },
      totalCents: cents(10_000),
      roomCents: cents(290_000),
      percentOfCeiling: 3,
    });
  });
});

describe('declarations of earlier aid', () => {
  it.each([
    { declaration: null, grant: '2026-05-01', state: 'none', why: 'no declaration' },
    {
      declaration: { signedOn: '2026-03-15', isConfirmed: false },
      grant: '2026-05-01',
      state: 'awaiting_confirmation',
      why: 'a company user’s declaration waits for a coach',
    },
    {
      declaration: { signedOn: '2026-03-15', isConfirmed: true },
      grant: '2026-09-14',
      state: 'valid',
      why: 'the last day of six months’ validity',
    },
    {
      declaration: { signedOn: '2026-03-15', isConfirmed: true },
      grant: '2026-09-15',
      state: 'expired',
      why: 'six months after the signing day it no longer counts',
    },
    {
      declaration: { signedOn: '2026-03-15', isConfirmed: true },
      grant: '2026-03-14',
      state: 'signed_later',
      why: 'a declaration signed after the grant date does not cover it',
    },
    {
      declaration: { signedOn: '2026-03-15', isConfirmed: true },
      grant: '2026-03-15',
      state: 'valid',
      why: 'signed on the grant day',
    },
  ])('$why', ({ declaration, grant, state }) => {
    expect(declarationState(declaration, grant, 6)).toBe(state);
  });

  it.each([
    { signedOn: '2026-03-15', months: 6, until: '2026-09-14' },
    { signedOn: '2026-03-01', months: 6, until: '2026-08-31' },
    { signedOn: '2026-08-31', months: 6, until: '2027-02-27' },
    { signedOn: '2026-01-01', months: 12, until: '2026-12-31' },
  ])('signed $signedOn with $months months counts until $until', ({ signedOn, months, until }) => {
    expect(declarationValidUntil(signedOn, months)).toBe(until);
    expect(declarationState({ signedOn, isConfirmed: true }, until, months)).toBe('valid');
    expect(declarationState({ signedOn, isConfirmed: true }, nextDay(until), months)).toBe('expired');
  });
});

describe('realised support against the grant', () => {
  it.each([
    { realised: 100_000, granted: 100_000, needs: false, why: 'exactly the granted value needs nothing' },
    { realised: 100_001, granted: 100_000, needs: true, why: 'one öre over needs a new grant' },
    { realised: 1, granted: 0, needs: true, why: 'support without a grant needs one' },
  ])('$why', ({ realised, granted, needs }) => {
    expect(needsNewGrant(realised as Ore, granted as Ore)).toBe(needs);
  });
});
