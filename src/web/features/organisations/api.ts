import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  organisationSchema,
  type CreateOrganisationBody,
  type UpdateOrganisationBody,
} from '../../../contracts/organisations';
import { apiRequest } from '../../components/api-client';
import { organisationListKey } from '../../components/people-and-organisations';

// The list itself is read through the shared useOrganisations (components/people-and-organisations):
// every feature's pickers read the same key, so a change here refreshes them all.

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

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createOrganisation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationListKey }),
  });
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateOrganisationBody }) => updateOrganisation(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationListKey }),
  });
}
