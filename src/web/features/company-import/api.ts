import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  importPreviewSchema,
  importResultSchema,
  type ImportCommitBody,
  type ImportFile,
} from '../../../contracts/company-import';
import { apiRequest } from '../../components/api-client';

// The companies feature's key, so an import refreshes its list (features don't import each other).
const companiesKey = ['companies'] as const;

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
