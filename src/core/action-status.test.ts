import { describe, expect, it } from 'vitest';

import {
  actionStatusChangeProblem,
  actionStatuses,
  isOpenAction,
  nextActionStatuses,
  type ActionStatus,
} from './action-status';

describe('actionStatusChangeProblem', () => {
  const cases: {
    sentence: string;
    from: ActionStatus;
    to: ActionStatus;
    expected: 'same_status' | 'not_allowed' | null;
  }[] = [
    { sentence: 'a planned action can be started', from: 'planned', to: 'in_progress', expected: null },
    { sentence: 'a planned action can be done at once (a quick fix)', from: 'planned', to: 'done', expected: null },
    { sentence: 'a planned action can be cancelled', from: 'planned', to: 'cancelled', expected: null },
    { sentence: 'a started action can be done', from: 'in_progress', to: 'done', expected: null },
    { sentence: 'a started action can be put back to planned', from: 'in_progress', to: 'planned', expected: null },
    { sentence: 'a started action can be cancelled', from: 'in_progress', to: 'cancelled', expected: null },
    { sentence: 'a done action can be reopened', from: 'done', to: 'in_progress', expected: null },
    {
      sentence: 'a done action cannot be cancelled (its effect happened)',
      from: 'done',
      to: 'cancelled',
      expected: 'not_allowed',
    },
    { sentence: 'a done action cannot go back to planned', from: 'done', to: 'planned', expected: 'not_allowed' },
    {
      sentence: 'a cancelled action can be taken up again as planned',
      from: 'cancelled',
      to: 'planned',
      expected: null,
    },
    {
      sentence: 'a cancelled action cannot become done directly',
      from: 'cancelled',
      to: 'done',
      expected: 'not_allowed',
    },
    {
      sentence: 'a cancelled action cannot be started directly',
      from: 'cancelled',
      to: 'in_progress',
      expected: 'not_allowed',
    },
    { sentence: 'the same status is not a change', from: 'planned', to: 'planned', expected: 'same_status' },
  ];

  it.each(cases)('$sentence', ({ from, to, expected }) => {
    expect(actionStatusChangeProblem(from, to)).toBe(expected);
  });

  it('agrees with nextActionStatuses for every pair', () => {
    for (const from of actionStatuses) {
      for (const to of actionStatuses) {
        const allowed = nextActionStatuses(from).includes(to);
        expect(actionStatusChangeProblem(from, to) === null).toBe(allowed);
      }
    }
  });
});

describe('isOpenAction', () => {
  it.each([
    ['planned', true],
    ['in_progress', true],
    ['done', false],
    ['cancelled', false],
  ] as const)('%s is open: %s', (status, expected) => {
    expect(isOpenAction(status)).toBe(expected);
  });
});
