import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  organisationListSchema,
  organisationSchema,
  type CreateOrganisationBody,
  type UpdateOrganisationBody,
} from '../../../contracts/organisations';
import { apiRequest } from '../../components/api-client';

export const organisationKeys = {
  all: ['organisations'] as const,
  list: () => ['organisations', 'list'] as const,
};

export function fetchOrganisations() {
  return apiRequest('/api/organisations', { schema: organisationListSchema });
}

export function createOrganisation(body: CreateOrganisationBody) {
  return apiRequest('/api/organisations', { method: 'POST', body, schema: organisationSchema, isCreate: true });
}

export function updateOrganisation(id: string, body: UpdateOrganisationBody) {
  return apiRequest(`/api/organisations/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body,
    schema: organisationSchema,
  });
}

export function useOrganisations() {
  return useQuery({ queryKey: organisationKeys.list(), queryFn: fetchOrganisations });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganisationBody }) => updateOrganisation(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationKeys.all }),
  });
}
