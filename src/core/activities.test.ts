import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activityPeriodProblem,
  attendanceProblem,
  capacityChangeProblem,
  registrationsToPromote,
  selfRegistrationProblem,
  statusForNewRegistration,
  waitingListPositions,
  type Capacity,
} from './activities';

describe('statusForNewRegistration', () => {
  const cases: { capacity: Capacity; registered: number; expected: string; why: string }[] = [
    { capacity: 3, registered: 0, expected: 'registered', why: 'an empty activity has a place' },
    { capacity: 3, registered: 2, expected: 'registered', why: 'the last place is given' },
    { capacity: 3, registered: 3, expected: 'waitlisted', why: 'a full activity puts the next on the waiting list' },
    {
      capacity: 1,
      registered: 5,
      expected: 'waitlisted',
      why: 'an over-full activity (kept after a change) waits too',
    },
    { capacity: null, registered: 500, expected: 'registered', why: 'an activity without a limit always has a place' },
  ];
  it.each(cases)('$why', ({ capacity, registered, expected }) => {
    expect(statusForNewRegistration(capacity, registered)).toBe(expected);
  });
});

describe('registrationsToPromote', () => {
  const cases: { capacity: Capacity; registered: number; waiting: string[]; expected: string[]; why: string }[] = [
    {
      capacity: 3,
      registered: 2,
      waiting: ['a', 'b'],
      expected: ['a'],
      why: 'one freed place moves the first in line up',
    },
    { capacity: 3, registered: 3, waiting: ['a'], expected: [], why: 'no free place moves no one' },
    {
      capacity: 5,
      registered: 2,
      waiting: ['a', 'b'],
      expected: ['a', 'b'],
      why: 'a raised capacity moves up as many as fit',
    },
    { capacity: 3, registered: 1, waiting: [], expected: [], why: 'an empty waiting list moves no one' },
    {
      capacity: null,
      registered: 9,
      waiting: ['a', 'b', 'c'],
      expected: ['a', 'b', 'c'],
      why: 'no limit moves everyone up',
    },
  ];
  it.each(cases)('$why', ({ capacity, registered, waiting, expected }) => {
    expect(registrationsToPromote(capacity, registered, waiting)).toEqual(expected);
  });

  it('never fills more places than the capacity, and keeps the queue order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 10 }),
        (capacity, registered, waiting) => {
          const queue = Array.from({ length: waiting }, (_, i) => i);
          const promoted = registrationsToPromote(capacity, registered, queue);
          expect(registered + promoted.length).toBeLessThanOrEqual(Math.max(capacity, registered));
          expect(promoted).toEqual(queue.slice(0, promoted.length));
          if (registered + promoted.length < capacity) expect(promoted.length).toBe(waiting);
        },
      ),
    );
  });
});

describe('capacityChangeProblem', () => {
  it.each([
    { capacity: 2, registered: 3, expected: 'below_registered', why: 'places already given are not taken back' },
    { capacity: 3, registered: 3, expected: null, why: 'lowering to exactly the registered count is fine' },
    { capacity: null, registered: 30, expected: null, why: 'removing the limit is always fine' },
  ] as const)('$why', ({ capacity, registered, expected }) => {
    expect(capacityChangeProblem(capacity, registered)).toBe(expected);
  });
});

describe('time rules', () => {
  const start = new Date('2026-11-10T08:00:00Z');
  it('refuses attendance before the start and allows it from the start', () => {
    expect(attendanceProblem(start, new Date('2026-11-10T07:59:59Z'))).toBe('not_started');
    expect(attendanceProblem(start, start)).toBeNull();
  });
  it('lets a company sign up until the start, not from it', () => {
    expect(selfRegistrationProblem(start, new Date('2026-11-09T12:00:00Z'))).toBeNull();
    expect(selfRegistrationProblem(start, start)).toBe('already_started');
  });
  it('requires the end after the start', () => {
    expect(activityPeriodProblem(start, new Date('2026-11-10T10:00:00Z'))).toBeNull();
    expect(activityPeriodProblem(start, start)).toBe('ends_before_start');
  });
});

describe('waitingListPositions', () => {
  it('numbers the waiting registrations in queue order, skipping the others', () => {
    const positions = waitingListPositions([
      { id: 'a', status: 'registered' },
      { id: 'b', status: 'waitlisted' },
      { id: 'c', status: 'cancelled' },
      { id: 'd', status: 'waitlisted' },
    ] as const);
    expect([...positions]).toEqual([
      ['b', 1],
      ['d', 2],
    ]);
  });
});
