import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  importPreviewSchema,
  importResultSchema,
  type ImportCommitBody,
  type ImportFile,
} from '../../../contracts/company-import';
import { organisationListSchema } from '../../../contracts/organisations';
import { apiRequest } from '../../components/api-client';

// Same keys as the companies and organisations features, so their caches are shared and refreshed.
const companiesKey = ['companies'] as const;
const organisationOptionsKey = ['organisations', 'list'] as const;

export function previewImport(body: ImportFile) {
  return apiRequest('/api/companies/import/preview', { method: 'POST', body, schema: importPreviewSchema });
}

export function commitImport(body: ImportCommitBody) {
  return apiRequest('/api/companies/import', { method: 'POST', body, schema: importResultSchema, isCreate: true });
}

export function usePreviewImport() {
  return useMutation({ mutationFn: previewImport });
}

export function useCommitImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: commitImport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companiesKey }),
  });
}

export function useOrganisationOptions(enabled: boolean) {
  return useQuery({
    queryKey: organisationOptionsKey,
    queryFn: () => apiRequest('/api/organisations', { schema: organisationListSchema }),
    enabled,
  });
}
