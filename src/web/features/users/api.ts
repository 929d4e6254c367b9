import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { companyPageSchema } from '../../../contracts/companies';
import {
  userPageSchema,
  userSchema,
  type InviteUserBody,
  type UpdateUserBody,
  type UserListQuery,
} from '../../../contracts/users';
import { apiRequest, toQueryString } from '../../components/api-client';

export type UserListParams = Partial<UserListQuery> & { page: number; pageSize: number };

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
};

// The company picker reads companies itself (features don't import each other) under the companies
// feature's key, so the cache is shared; organisations come from components/people-and-organisations.
const companyOptionsKey = (q: string) => ['companies', 'list', { q, page: 1, pageSize: 20 }] as const;

export function fetchUsers(params: UserListParams) {
  return apiRequest(`/api/users${toQueryString(params)}`, { schema: userPageSchema });
}

export function inviteUser(body: InviteUserBody) {
  return apiRequest('/api/users', { method: 'POST', body, schema: userSchema, isCreate: true });
}

export function updateUser(id: string, body: UpdateUserBody) {
  return apiRequest(`/api/users/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: userSchema });
}

export function resendInvitation(id: string) {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/invitation`, { method: 'POST', body: {} });
}

export function resetSecondFactor(id: string) {
  return apiRequest(`/api/users/${encodeURIComponent(id)}/second-factor/reset`, {
    method: 'POST',
    body: {},
    schema: userSchema,
  });
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => fetchUsers(params),
    placeholderData: keepPreviousData,
  });
}

export function useCompanyOptions(q: string, enabled = true) {
  return useQuery({
    queryKey: companyOptionsKey(q),
    queryFn: () =>
      apiRequest(`/api/companies${toQueryString({ q, page: 1, pageSize: 20 })}`, { schema: companyPageSchema }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResetSecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetSecondFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.all }),
  });
}

export function useResendInvitation() {
  return useMutation({ mutationFn: resendInvitation });
}
