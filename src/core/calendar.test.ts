import { describe, expect, it } from 'vitest';
import { calendarDate, startOfCalendarDate, monthsOfPeriod } from './calendar';

describe('calendarDate', () => {
  it.each([
    {
      instant: '2026-11-26T22:30:00Z',
      expected: '2026-11-26',
      why: 'late evening in winter (UTC+1) is still the same day',
    },
    {
      instant: '2026-11-26T23:30:00Z',
      expected: '2026-11-27',
      why: 'half past midnight in Stockholm is already the next day',
    },
    { instant: '2026-06-30T22:30:00Z', expected: '2026-07-01', why: 'summer time (UTC+2) moves the day earlier still' },
    { instant: '2026-01-01T00:00:00Z', expected: '2026-01-01', why: 'New Year at 01:00 Swedish time' },
  ])('$why', ({ instant, expected }) => {
    expect(calendarDate(new Date(instant))).toBe(expected);
  });
});

describe('startOfCalendarDate', () => {
  it.each([
    { date: '2026-01-15', expected: '2026-01-14T23:00:00.000Z', why: 'winter time is UTC+1' },
    { date: '2026-07-01', expected: '2026-06-30T22:00:00.000Z', why: 'summer time is UTC+2' },
    {
      date: '2026-03-29',
      expected: '2026-03-28T23:00:00.000Z',
      why: 'the day clocks go forward starts in winter time',
    },
  ])('$why ($date)', ({ date, expected }) => {
    expect(startOfCalendarDate(date).toISOString()).toBe(expected);
  });
});

describe('monthsOfPeriod', () => {
  const cases = [
    {
      sentence: 'a quarter is three months',
      from: '2027-01-01',
      to: '2027-03-31',
      expected: ['2027-01', '2027-02', '2027-03'],
    },
    { sentence: 'one day is its month', from: '2027-02-14', to: '2027-02-14', expected: ['2027-02'] },
    {
      sentence: 'a period across the new year',
      from: '2026-11-20',
      to: '2027-01-05',
      expected: ['2026-11', '2026-12', '2027-01'],
    },
  ];
  it.each(cases)('$sentence', ({ from, to, expected }) => expect(monthsOfPeriod(from, to)).toEqual(expected));
});
