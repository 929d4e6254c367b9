import { describe, expect, it } from 'vitest';
import { calendarDate } from './calendar';

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
