import { describe, expect, it } from 'vitest';
import {
  companyStatuses,
  statusDateProblem,
  isEnrolledStatus,
  nextStatuses,
  statusChangeProblem,
  type CompanyStatus,
} from './company-status';

describe('statusChangeProblem', () => {
  const cases: {
    from: CompanyStatus;
    to: CompanyStatus;
    reason?: string;
    expected: ReturnType<typeof statusChangeProblem>;
    why: string;
  }[] = [
    { from: 'prospect', to: 'enrolled', expected: null, why: 'a prospect enrols' },
    { from: 'enrolled', to: 'active', expected: null, why: 'an enrolled company becomes active' },
    { from: 'active', to: 'completed', expected: null, why: 'an active company completes' },
    { from: 'prospect', to: 'active', expected: 'not_allowed', why: 'a prospect cannot skip enrolment' },
    { from: 'prospect', to: 'completed', expected: 'not_allowed', why: 'a prospect cannot complete' },
    {
      from: 'active',
      to: 'withdrawn',
      reason: 'Företaget såldes',
      expected: null,
      why: 'withdrawal with a reason is allowed',
    },
    {
      from: 'active',
      to: 'withdrawn',
      reason: '  ',
      expected: 'reason_required',
      why: 'withdrawal needs a reason that is not blank',
    },
    { from: 'enrolled', to: 'withdrawn', expected: 'reason_required', why: 'withdrawal without a reason is refused' },
    { from: 'withdrawn', to: 'prospect', expected: null, why: 'a withdrawn company can be taken up again' },
    { from: 'withdrawn', to: 'active', expected: 'not_allowed', why: 'a withdrawn company starts again as a prospect' },
    {
      from: 'completed',
      to: 'withdrawn',
      reason: 'x',
      expected: 'not_allowed',
      why: 'a completed company is not withdrawn',
    },
    { from: 'enrolled', to: 'enrolled', expected: 'same_status', why: 'no change is not a change' },
  ];
  it.each(cases)('$why ($from → $to)', ({ from, to, reason, expected }) => {
    expect(statusChangeProblem(from, to, reason)).toBe(expected);
  });

  it('allows exactly the listed next statuses from every status', () => {
    for (const from of companyStatuses) {
      for (const to of companyStatuses) {
        const allowed = nextStatuses(from).includes(to);
        expect(statusChangeProblem(from, to, 'reason') === null).toBe(allowed);
      }
    }
  });
});

describe('isEnrolledStatus', () => {
  it.each([
    ['prospect', false],
    ['enrolled', true],
    ['active', true],
    ['completed', true],
    ['withdrawn', false],
  ] as const)('%s counts as taking part: %s', (status, expected) => {
    expect(isEnrolledStatus(status)).toBe(expected);
  });
});

describe('statusDateProblem', () => {
  it.each([
    {
      changedOn: '2026-11-26',
      previous: '2026-11-01',
      today: '2026-11-26',
      expected: null,
      why: 'today, after the previous change',
    },
    {
      changedOn: '2026-11-01',
      previous: '2026-11-01',
      today: '2026-11-26',
      expected: null,
      why: 'the same day as the previous change',
    },
    {
      changedOn: '2026-10-31',
      previous: '2026-11-01',
      today: '2026-11-26',
      expected: 'before_previous',
      why: 'before the previous change',
    },
    { changedOn: '2026-11-27', previous: '2026-11-01', today: '2026-11-26', expected: 'in_future', why: 'tomorrow' },
    { changedOn: '2020-01-01', previous: null, today: '2026-11-26', expected: null, why: 'the first change, long ago' },
  ] as const)('$why → $expected', ({ changedOn, previous, today, expected }) => {
    expect(statusDateProblem(changedOn, previous, today)).toBe(expected);
  });
});
