import type { ProgrammeActionTotalsQuery } from '../../../contracts/action-plans';

// The programme totals' period lives in the URL's search params, as the dashboard's filters do, so a
// period can be shared, reloaded and undone with back. A value that is not a date is left out.

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** The query a URL describes: no period (every action as it stands) when it names no date. */
export function parseProgrammeTotalsParams(params: URLSearchParams): ProgrammeActionTotalsQuery {
  const from = params.get('from');
  const to = params.get('to');
  return { ...(isDate(from) && { from }), ...(isDate(to) && { to }) };
}

/** The URL search params of a query, leaving out what is not set. */
export function toProgrammeTotalsParams(query: ProgrammeActionTotalsQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  return params;
}
