import { activityTypes, type ActivityType } from '../../../core/activities';
import { areas, type Area } from '../../../core/areas';
import type { ActivityListQuery } from '../../../contracts/activities';

// The activity list's state lives in the URL, so a filtered list can be shared and back undoes a filter.

export type ActivityListState = {
  when: 'upcoming' | 'past';
  q: string;
  type: ActivityType | null;
  area: Area | null;
  organisationId: string | null;
  from: string | null;
  to: string | null;
  page: number;
};

export const defaultActivityListState: ActivityListState = {
  when: 'upcoming',
  q: '',
  type: null,
  area: null,
  organisationId: null,
  from: null,
  to: null,
  page: 1,
};

const isDate = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

/** Reads the list state from the URL; unknown values fall back to the defaults. */
export function parseActivityListParams(params: URLSearchParams): ActivityListState {
  const type = params.get('type');
  const area = params.get('area');
  const page = Number(params.get('page'));
  return {
    when: params.get('when') === 'past' ? 'past' : 'upcoming',
    q: params.get('q') ?? '',
    type: activityTypes.includes(type as ActivityType) ? (type as ActivityType) : null,
    area: areas.includes(area as Area) ? (area as Area) : null,
    organisationId: params.get('organisationId') || null,
    from: isDate(params.get('from')),
    to: isDate(params.get('to')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The URL of a list state: defaults are left out. */
export function toActivityListParams(state: ActivityListState): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === null || value === '' || value === defaultActivityListState[key as keyof ActivityListState]) continue;
    params.set(key, String(value));
  }
  return params;
}

/** The API query of a list state. */
export function toActivityListQuery(state: ActivityListState, pageSize: number): Partial<ActivityListQuery> {
  return {
    when: state.when,
    page: state.page,
    pageSize,
    ...(state.q.trim() && { q: state.q.trim() }),
    ...(state.type && { type: state.type }),
    ...(state.area && { area: state.area }),
    ...(state.organisationId && { organisationId: state.organisationId }),
    ...(state.from && { from: state.from }),
    ...(state.to && { to: state.to }),
  };
}
