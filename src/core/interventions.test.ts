import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  dueState,
  hoursProblem,
  interventionDateProblem,
  reminderHorizon,
  toHours,
  toQuarterHours,
  weekOf,
} from './interventions';

describe('hoursProblem', () => {
  it.each([
    { hours: 0.25, expected: null, why: 'a quarter hour is the smallest entry' },
    { hours: 1.5, expected: null, why: 'an hour and a half is six quarters' },
    { hours: 24, expected: null, why: 'a whole day is the largest entry' },
    { hours: 0, expected: 'not_positive', why: 'nothing done is not an entry' },
    { hours: -1, expected: 'not_positive', why: 'negative hours are refused' },
    { hours: Number.NaN, expected: 'not_positive', why: 'not a number is refused' },
    { hours: 24.25, expected: 'too_many', why: 'more than a day in one entry is refused' },
    { hours: 1.1, expected: 'not_quarter', why: 'six minutes past is not a quarter' },
    { hours: 0.2, expected: 'not_quarter', why: 'twelve minutes is not a quarter' },
  ])('$why', ({ hours, expected }) => {
    expect(hoursProblem(hours)).toBe(expected);
  });

  it('round-trips every allowed number of hours through quarter hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 96 }), (quarters) => {
        const hours = quarters / 4;
        expect(hoursProblem(hours)).toBeNull();
        expect(toQuarterHours(hours)).toBe(quarters);
        expect(toHours(toQuarterHours(hours))).toBe(hours);
      }),
    );
  });
});

describe('interventionDateProblem', () => {
  it.each([
    { occurred: '2026-11-26', next: null, expected: null, why: 'work done today may be logged' },
    { occurred: '2026-11-27', next: null, expected: 'occurredOn', why: 'work in the future cannot be logged' },
    { occurred: '2026-11-20', next: '2026-11-20', expected: null, why: 'a follow-up on the same day is allowed' },
    {
      occurred: '2026-11-20',
      next: '2026-11-19',
      expected: 'nextFollowUpOn',
      why: 'a follow-up before the work is refused',
    },
    { occurred: '2026-11-20', next: '2027-02-01', expected: null, why: 'a follow-up months later is fine' },
  ])('$why', ({ occurred, next, expected }) => {
    expect(interventionDateProblem(occurred, next, '2026-11-26')?.field ?? null).toBe(expected);
  });
});

describe('weeks and due dates', () => {
  it.each([
    { date: '2026-11-26', start: '2026-11-23', end: '2026-11-29', why: 'a Thursday belongs to the week from Monday' },
    { date: '2026-11-23', start: '2026-11-23', end: '2026-11-29', why: 'a Monday starts its own week' },
    { date: '2026-11-29', start: '2026-11-23', end: '2026-11-29', why: 'a Sunday ends the week' },
    { date: '2026-12-31', start: '2026-12-28', end: '2027-01-03', why: 'a week crosses the new year' },
  ])('$why', ({ date, start, end }) => {
    expect(weekOf(date)).toEqual({ start, end });
  });

  it.each([
    { due: '2026-11-25', expected: 'overdue', why: 'yesterday is overdue' },
    { due: '2026-11-26', expected: 'due_this_week', why: 'today is due' },
    { due: '2026-11-29', expected: 'due_this_week', why: 'Sunday is still this week' },
    { due: '2026-11-30', expected: 'later', why: 'next Monday is later' },
  ])('$why', ({ due, expected }) => {
    expect(dueState(due, '2026-11-26')).toBe(expected);
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(reminderHorizon('2026-11-26')).toBe('2026-12-03');
  });
});
