import type { ChangeEvent } from 'react';

/** A query whose period is kept in the URL: an ISO date or nothing for each bound. */
type PeriodQuery = { from?: string; to?: string };

/** The props of a period bound's `<input type="date">` (Mantine's TextInput) that changes the query
 * as the URL holds it at the moment of the change; an emptied field takes the bound out. */
export function dateFilterInput<Query extends PeriodQuery>(
  key: keyof PeriodQuery,
  value: string,
  onChange: (change: (current: Query) => Query) => void,
) {
  return {
    type: 'date',
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const typed = event.currentTarget.value;
      onChange((current) => {
        const next = { ...current };
        if (typed) next[key] = typed;
        else delete next[key];
        return next;
      });
    },
    w: { base: '100%', xs: 170 },
  };
}
