import type { z } from 'zod';
import { companyListQuerySchema, type companySortKeys, type CompanyListQuery } from '../../../contracts/companies';

// The list's filters, sort and page live in the URL's search params, so back/forward, reload and
// a shared link all show the same list. Values the contract would refuse are dropped, not sent.

export type CompanySortKey = (typeof companySortKeys)[number];

export const filterKeys = [
  'status',
  'organisationId',
  'coachId',
  'municipalityCode',
  'reportingArea',
  'sizeClass',
  'sniDivision',
] as const;
export type FilterKey = (typeof filterKeys)[number];

/** The filters a dashboard figure opens the list with (decision 034): shown as chips above the list. */
export const recordFilterKeys = [
  'from',
  'to',
  'takenUp',
  'coFinancer',
  'missing',
  'maturityArea',
  'maturity',
  'actions',
  'coaching',
  'coachingArea',
  'coachingOrganisationId',
  'attended',
] as const satisfies readonly (keyof CompanyListQuery)[];
export type RecordFilterKey = (typeof recordFilterKeys)[number];

export type CompanyListState = Pick<CompanyListQuery, FilterKey | RecordFilterKey> & {
  q: string;
  sort: CompanySortKey;
  order: 'asc' | 'desc';
  page: number;
};

export const defaultListState: CompanyListState = { q: '', sort: 'name', order: 'asc', page: 1 };

const shape = companyListQuerySchema.shape;

function valid<S extends z.ZodType>(schema: S, raw: string | null): z.output<S> | undefined {
  if (raw === null || raw.trim() === '') return undefined;
  const result = schema.safeParse(raw);
  return result.success ? result.data : undefined;
}

/** The list state a URL describes; anything missing or invalid takes its default. */
export function parseListParams(params: URLSearchParams): CompanyListState {
  const state: CompanyListState = {
    q: (params.get('q') ?? '').trim().slice(0, 200),
    sort: valid(shape.sort, params.get('sort')) ?? defaultListState.sort,
    order: valid(shape.order, params.get('order')) ?? defaultListState.order,
    page: valid(shape.page, params.get('page')) ?? 1,
  };
  for (const key of [...filterKeys, ...recordFilterKeys]) {
    const value = valid(shape[key], params.get(key));
    if (value !== undefined) Object.assign(state, { [key]: value });
  }
  return state;
}

/** The URL search params of a list state, leaving out defaults so links stay short. */
export function toListParams(state: CompanyListState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of [...filterKeys, ...recordFilterKeys]) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  if (state.sort !== defaultListState.sort || state.order !== defaultListState.order) {
    params.set('sort', state.sort);
    params.set('order', state.order);
  }
  if (state.page > 1) params.set('page', String(state.page));
  return params;
}

/** A changed filter (or search) shows the first page of the new result. */
export function withFilter(state: CompanyListState, key: FilterKey | 'q', value: string | null): CompanyListState {
  const next: CompanyListState = { ...state, page: 1 };
  if (key === 'q') next.q = value?.trim() ?? '';
  else if (value) Object.assign(next, { [key]: value });
  else delete next[key];
  // A coach belongs to one organisation: another organisation makes the chosen coach meaningless.
  if (key === 'organisationId') delete next.coachId;
  return next;
}

/** Clicking a sorted column flips its order; another column sorts ascending, dates newest first. */
export function withSort(state: CompanyListState, sort: CompanySortKey): CompanyListState {
  if (state.sort === sort) return { ...state, order: state.order === 'asc' ? 'desc' : 'asc', page: 1 };
  return { ...state, sort, order: sort === 'updatedAt' ? 'desc' : 'asc', page: 1 };
}

/** How many filters (not the search) narrow the list, for the "clear filters" button. */
export function activeFilterCount(state: CompanyListState): number {
  return [...filterKeys, ...recordFilterKeys].filter((key) => state[key] !== undefined).length;
}

/** The list without some of the dashboard's filters (a chip's close button), from its first page. */
export function withoutRecordFilters(state: CompanyListState, keys: readonly RecordFilterKey[]): CompanyListState {
  const next: CompanyListState = { ...state, page: 1 };
  for (const key of keys) delete next[key];
  return next;
}

/** The query the API gets for a list state and page size. */
export function toListQuery(state: CompanyListState, pageSize: number): Partial<CompanyListQuery> {
  const { q, ...rest } = state;
  return { ...rest, q: q || undefined, pageSize };
}
