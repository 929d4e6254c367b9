import {
  companiesBehind,
  type Dashboard,
  type DashboardFigure,
  type DashboardQuery,
} from '../../../contracts/dashboard';

// The dashboard's filters live in the URL's search params, so a filtered overview can be shared,
// reloaded and undone with back. A value that is not a date or an id is left out, not sent.

const isDate = (value: string | null): value is string => value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value);
const isId = (value: string | null): value is string =>
  value !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

/** The dashboard query a URL describes; missing values take the server's defaults. */
export function parseDashboardParams(params: URLSearchParams): DashboardQuery {
  const from = params.get('from');
  const to = params.get('to');
  const organisationId = params.get('organisationId');
  return {
    ...(isDate(from) && { from }),
    ...(isDate(to) && { to }),
    ...(isId(organisationId) && { organisationId }),
  };
}

/** The URL search params of a dashboard query, leaving out what is not set. */
export function toDashboardParams(query: DashboardQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.organisationId) params.set('organisationId', query.organisationId);
  return params;
}

/** The company list showing the companies behind a figure of the dashboard. */
export function companiesLink(dashboard: Pick<Dashboard, 'period' | 'organisation'>, figure: DashboardFigure): string {
  const filters = Object.entries(companiesBehind(figure, dashboard)).filter(
    (entry): entry is [string, string] => entry[1] !== undefined,
  );
  return `/companies?${new URLSearchParams(filters).toString()}`;
}

/** The activities held in the dashboard's period, as the activity list shows them. */
export function activitiesLink(dashboard: Pick<Dashboard, 'period' | 'organisation'>): string {
  const params = new URLSearchParams({ when: 'past', from: dashboard.period.from, to: dashboard.period.to });
  if (dashboard.organisation) params.set('organisationId', dashboard.organisation.id);
  return `/activities?${params.toString()}`;
}
