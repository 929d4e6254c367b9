import { useQuery } from '@tanstack/react-query';
import { organisationListSchema } from '../../contracts/organisations';
import { userPageSchema } from '../../contracts/users';
import { apiRequest, toQueryString } from './api-client';

// The organisations and coaches that every feature shows, each under one query key, so a change
// anywhere refreshes them everywhere (features do not import each other, so they meet here). The
// sign-in page and the app shell must not import this module: its contract schemas would weigh on
// the first route's bundle budget (bench/bundle-budget.ts).

/** The organisations feature invalidates this key after each change to an organisation. */
export const organisationListKey = ['organisations', 'list'] as const;
const coachOptionsKey = (organisationId: string) => ['users', 'coaches', organisationId] as const;

/** The partner organisations: the admin list, and the pickers and filters of the other features. */
export function useOrganisations(enabled = true) {
  return useQuery({
    queryKey: organisationListKey,
    queryFn: () => apiRequest('/api/organisations', { schema: organisationListSchema }),
    enabled,
  });
}

/** The coaches of one organisation (at most 100: an organisation has a handful). */
export function useCoachOptions(organisationId: string | null) {
  return useQuery({
    queryKey: coachOptionsKey(organisationId ?? ''),
    queryFn: () =>
      apiRequest(`/api/users${toQueryString({ role: 'coach', organisationId, page: 1, pageSize: 100 })}`, {
        schema: userPageSchema,
      }),
    enabled: organisationId !== null,
  });
}
