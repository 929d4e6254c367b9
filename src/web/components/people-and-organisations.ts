import { useQuery } from '@tanstack/react-query';
import { organisationListSchema } from '../../contracts/organisations';
import { userPageSchema } from '../../contracts/users';
import { apiRequest, toQueryString } from './api-client';

// The organisations and coaches that pickers offer, shared by every feature through one query key
// each, so a change anywhere refreshes them everywhere (features do not import each other).

export const organisationOptionsKey = ['organisations', 'list'] as const;
const coachOptionsKey = (organisationId: string) => ['users', 'coaches', organisationId] as const;

/** The partner organisations. */
export function useOrganisationOptions(enabled = true) {
  return useQuery({
    queryKey: organisationOptionsKey,
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
