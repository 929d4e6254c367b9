import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import {
  analysisSchema,
  attachmentSchema,
  convertedFindingSchema,
  emissionFactorSetEntrySchema,
  emissionFactorSetListSchema,
  findingSchema,
  type Analysis,
  type CreateAnalysisBody,
  type CreateFindingBody,
  type UpdateAnalysisBody,
  type UpdateFindingBody,
  type UploadAttachmentBody,
} from '../../../contracts/analyses';
import type { EmissionFactorSetContent } from '../../../contracts/emission-factors';
import { apiRequest } from '../../components/api-client';
import { companyAnalysesKeys } from '../../components/company-analyses-and-actions';

// The analyses feature's queries. A company's list is read with the shared useCompanyAnalyses of
// components/company-analyses-and-actions, as the company page's card reads it, so the changes
// here refresh both.

export const analysisKeys = {
  analysis: (id: string) => ['analyses', 'detail', id] as const,
  factorSets: ['analyses', 'factor-sets'] as const,
};

const enc = encodeURIComponent;

export function useAnalysis(id: string) {
  return useQuery({
    queryKey: analysisKeys.analysis(id),
    queryFn: () => apiRequest(`/api/analyses/${enc(id)}`, { schema: analysisSchema }),
  });
}

export function useFactorSets() {
  return useQuery({
    queryKey: analysisKeys.factorSets,
    queryFn: () => apiRequest('/api/emission-factor-sets', { schema: emissionFactorSetListSchema }),
    staleTime: 5 * 60_000,
  });
}

/** After any change to an analysis: its detail and the companies' lists (a finding does not know its company). */
function useRefresh() {
  const queryClient = useQueryClient();
  return (analysisId: string) => {
    void queryClient.invalidateQueries({ queryKey: analysisKeys.analysis(analysisId) });
    void queryClient.invalidateQueries({ queryKey: companyAnalysesKeys.all });
  };
}

export function useCreateAnalysis(companyId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateAnalysisBody) =>
      apiRequest(`/api/companies/${enc(companyId)}/analyses`, {
        method: 'POST',
        body,
        schema: analysisSchema,
        isCreate: true,
      }),
    onSuccess: (analysis) => refresh(analysis.id),
  });
}

export function useUpdateAnalysis(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateAnalysisBody) =>
      apiRequest(`/api/analyses/${enc(id)}`, { method: 'PATCH', body, schema: analysisSchema }),
    onSuccess: (analysis) => {
      queryClient.setQueryData(analysisKeys.analysis(id), analysis);
      refresh(id);
    },
  });
}

/**
 * Saves an analysis's form. A draft (no id yet: a new analysis on its page) is created with what
 * the person typed and the page moves to it; an existing one is changed. So walking away from a
 * new analysis leaves nothing behind (issue 16).
 */
export function useSaveAnalysisContent(analysis: Analysis) {
  const navigate = useNavigate();
  const create = useCreateAnalysis(analysis.companyId);
  const update = useUpdateAnalysis(analysis.id);
  const isDraft = analysis.id === '';
  const mutation = isDraft ? create : update;
  return {
    isPending: mutation.isPending,
    error: mutation.error,
    save: async (content: Record<string, unknown>): Promise<Analysis> => {
      if (!isDraft) {
        return update.mutateAsync({ kind: analysis.kind, version: analysis.version, content } as UpdateAnalysisBody);
      }
      // An energy mapping's year is its content's; the others carry it beside the content.
      const year = analysis.kind === 'energy_mapping' ? {} : { year: analysis.year };
      const created = await create.mutateAsync({
        kind: analysis.kind,
        title: analysis.title,
        ...year,
        content,
      } as CreateAnalysisBody);
      void navigate(`/analyses/${created.id}`, { replace: true });
      return created;
    },
  };
}

export function useDeleteAnalysis(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (version: number) => apiRequest(`/api/analyses/${enc(id)}`, { method: 'DELETE', body: { version } }),
    onSuccess: () => refresh(id),
  });
}

export function useAddFinding(analysisId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateFindingBody) =>
      apiRequest(`/api/analyses/${enc(analysisId)}/findings`, {
        method: 'POST',
        body,
        schema: findingSchema,
        isCreate: true,
      }),
    onSuccess: () => refresh(analysisId),
  });
}

export function useUpdateFinding(analysisId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateFindingBody & { id: string }) =>
      apiRequest(`/api/analysis-findings/${enc(id)}`, { method: 'PATCH', body, schema: findingSchema }),
    onSuccess: () => refresh(analysisId),
  });
}

export function useDeleteFinding(analysisId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest(`/api/analysis-findings/${enc(id)}`, { method: 'DELETE', body: { version } }),
    onSuccess: () => refresh(analysisId),
  });
}

export function useConvertFinding(analysisId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) =>
      apiRequest(`/api/analysis-findings/${enc(id)}/action`, {
        method: 'POST',
        body: {},
        schema: convertedFindingSchema,
        isCreate: true,
      }),
    onSuccess: () => {
      refresh(analysisId);
      // The action plan (another feature) reads the company's actions under this prefix.
      void queryClient.invalidateQueries({ queryKey: ['action-plans'] });
    },
  });
}

export function useUploadAttachment(analysisId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UploadAttachmentBody) =>
      apiRequest(`/api/analyses/${enc(analysisId)}/attachments`, {
        method: 'POST',
        body,
        schema: attachmentSchema,
        isCreate: true,
      }),
    onSuccess: () => refresh(analysisId),
  });
}

export function useDeleteAttachment(analysisId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/analysis-attachments/${enc(id)}`, { method: 'DELETE', body: {} }),
    onSuccess: () => refresh(analysisId),
  });
}

export function useSaveFactorSet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, set }: { version: number | null; set: EmissionFactorSetContent }) =>
      version === null
        ? apiRequest('/api/emission-factor-sets', {
            method: 'POST',
            body: set,
            schema: emissionFactorSetEntrySchema,
            isCreate: true,
          })
        : apiRequest(`/api/emission-factor-sets/${enc(set.key)}`, {
            method: 'PATCH',
            body: { version, set },
            schema: emissionFactorSetEntrySchema,
          }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: analysisKeys.factorSets }),
  });
}

/** Reads a chosen file as base64 for the upload body. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}
