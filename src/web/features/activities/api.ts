import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  activityPageSchema,
  activitySchema,
  type Activity,
  type ActivityListQuery,
  type AttendanceBody,
  type CreateActivityBody,
  type UpdateActivityBody,
} from '../../../contracts/activities';
import { companyPageSchema, companySchema } from '../../../contracts/companies';
import { apiRequest, toQueryString } from '../../components/api-client';

export type ActivityListParams = Partial<ActivityListQuery>;

export const activityKeys = {
  all: ['activities'] as const,
  list: (params: ActivityListParams) => ['activities', 'list', params] as const,
  detail: (id: string) => ['activities', 'detail', id] as const,
};
// Shared with other features through the same keys (features don't import each other).
const companyKeys = {
  list: (params: object) => ['companies', 'list', params] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
};

const activityPath = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export function useActivities(params: ActivityListParams) {
  return useQuery({
    queryKey: activityKeys.list(params),
    queryFn: () => apiRequest(`/api/activities${toQueryString(params)}`, { schema: activityPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useActivity(id: string) {
  return useQuery({
    queryKey: activityKeys.detail(id),
    queryFn: () => apiRequest(activityPath(id), { schema: activitySchema }),
  });
}

/** The companies the actor works on, by name, for picking whose people to register. */
export function useCompanyOptions(q: string, enabled: boolean) {
  const params = { q, page: 1, pageSize: 20, sort: 'name', order: 'asc' } as const;
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: () => apiRequest(`/api/companies${toQueryString(params)}`, { schema: companyPageSchema }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** One company with its contacts (the people to register). */
export function useCompanyContacts(companyId: string | null) {
  return useQuery({
    queryKey: companyKeys.detail(companyId ?? ''),
    queryFn: () => apiRequest(`/api/companies/${encodeURIComponent(companyId!)}`, { schema: companySchema }),
    enabled: companyId !== null,
  });
}

/** After a change the server answers with the whole activity: put it in the cache, refresh lists. */
function useActivityMutation<TInput>(request: (input: TInput) => Promise<Activity>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (activity) => {
      queryClient.setQueryData(activityKeys.detail(activity.id), activity);
      void queryClient.invalidateQueries({ queryKey: ['activities', 'list'] });
    },
  });
}

export function useCreateActivity() {
  return useActivityMutation((body: CreateActivityBody) =>
    apiRequest('/api/activities', { method: 'POST', body, schema: activitySchema, isCreate: true }),
  );
}

export function useUpdateActivity() {
  return useActivityMutation(({ id, body }: { id: string; body: UpdateActivityBody }) =>
    apiRequest(activityPath(id), { method: 'PATCH', body, schema: activitySchema }),
  );
}

export function useRegisterContacts() {
  return useActivityMutation(({ id, contactIds }: { id: string; contactIds: string[] }) =>
    apiRequest(`${activityPath(id)}/registrations`, {
      method: 'POST',
      body: { contactIds },
      schema: activitySchema,
      isCreate: true,
    }),
  );
}

export function useCancelRegistration() {
  return useActivityMutation((registrationId: string) =>
    apiRequest(`/api/registrations/${encodeURIComponent(registrationId)}/cancel`, {
      method: 'POST',
      body: {},
      schema: activitySchema,
    }),
  );
}

export function useMarkAttendance() {
  return useActivityMutation(({ id, body }: { id: string; body: AttendanceBody }) =>
    apiRequest(`${activityPath(id)}/attendance`, { method: 'POST', body, schema: activitySchema }),
  );
}

export function useReloadActivity() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.invalidateQueries({ queryKey: activityKeys.detail(id) });
}
