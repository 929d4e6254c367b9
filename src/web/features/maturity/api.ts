import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  answerSchema,
  assessmentSchema,
  maturityModelListSchema,
  maturityResultsSchema,
  type AnswerBody,
  type StartAssessmentBody,
  type SubmitAssessmentBody,
} from '../../../contracts/maturity';
import { apiRequest } from '../../components/api-client';
import { downloadFile } from '../../components/download';

export const maturityKeys = {
  models: ['maturity', 'models'] as const,
  results: (companyId: string) => ['maturity', 'results', companyId] as const,
  assessment: (id: string) => ['maturity', 'assessment', id] as const,
};

const assessmentPath = (id: string) => `/api/assessments/${encodeURIComponent(id)}`;

export function useMaturityResults(companyId: string) {
  return useQuery({
    queryKey: maturityKeys.results(companyId),
    queryFn: () =>
      apiRequest(`/api/companies/${encodeURIComponent(companyId)}/maturity`, { schema: maturityResultsSchema }),
  });
}

export function useMaturityModels() {
  return useQuery({
    queryKey: maturityKeys.models,
    queryFn: () => apiRequest('/api/maturity/models', { schema: maturityModelListSchema }),
    staleTime: Infinity,
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: maturityKeys.assessment(id),
    queryFn: () => apiRequest(assessmentPath(id), { schema: assessmentSchema }),
  });
}

export function useStartAssessment(companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartAssessmentBody) =>
      apiRequest(`/api/companies/${encodeURIComponent(companyId)}/assessments`, {
        method: 'POST',
        body,
        schema: assessmentSchema,
        isCreate: true,
      }),
    onSuccess: (assessment) => {
      queryClient.setQueryData(maturityKeys.assessment(assessment.id), assessment);
      void queryClient.invalidateQueries({ queryKey: maturityKeys.results(companyId) });
    },
  });
}

/** Autosaves one answer; the form keeps its own state, so nothing is refetched. */
export function useSaveAnswer(assessmentId: string) {
  return useMutation({
    mutationFn: ({ questionKey, ...body }: AnswerBody & { questionKey: string }) =>
      apiRequest(`${assessmentPath(assessmentId)}/answers/${encodeURIComponent(questionKey)}`, {
        method: 'PUT',
        body,
        schema: answerSchema,
      }),
  });
}

export function useSubmitAssessment(assessmentId: string, companyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitAssessmentBody) =>
      apiRequest(`${assessmentPath(assessmentId)}/submit`, { method: 'POST', body, schema: assessmentSchema }),
    onSuccess: (assessment) => {
      queryClient.setQueryData(maturityKeys.assessment(assessment.id), assessment);
      void queryClient.invalidateQueries({ queryKey: maturityKeys.results(companyId) });
      void queryClient.invalidateQueries({ queryKey: ['companies', 'detail', companyId] });
    },
  });
}

/** The maturity report as a PDF in the interface's language (issue 15); the server names the file. */
export function downloadMaturityReport(companyId: string, locale: 'sv' | 'en') {
  return downloadFile(
    `/api/companies/${encodeURIComponent(companyId)}/maturity-report?locale=${locale}`,
    'mognadsrapport.pdf',
  );
}
