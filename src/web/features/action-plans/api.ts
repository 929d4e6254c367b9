import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actionListSchema,
  actionSchema,
  actionSuggestionListSchema,
  programmeActionTotalsSchema,
  type ActionListQuery,
  type ProgrammeActionTotalsQuery,
  type AdoptSuggestionBody,
  type CreateActionBody,
  type UpdateActionBody,
} from '../../../contracts/action-plans';
import { apiRequest, toQueryString } from '../../components/api-client';
import { downloadFile } from '../../components/download';

// The action plan's queries. Every key starts with "action-plans", so a change refreshes the plan,
// its suggestions and a company's totals (read with the shared useCompanyActionTotals of
// components/company-analyses-and-actions, which the company page's card uses too).

export const actionPlanKeys = {
  all: ['action-plans'] as const,
  plan: (companyId: string, query: ActionListQuery) => ['action-plans', 'plan', companyId, query] as const,
  suggestions: (companyId: string) => ['action-plans', 'suggestions', companyId] as const,
  programme: (query: ProgrammeActionTotalsQuery) => ['action-plans', 'programme', query] as const,
};

const companyPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export function useActionPlan(companyId: string, query: ActionListQuery) {
  return useQuery({
    queryKey: actionPlanKeys.plan(companyId, query),
    queryFn: () => apiRequest(`${companyPath(companyId)}/actions${toQueryString(query)}`, { schema: actionListSchema }),
  });
}

export function useSuggestions(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: actionPlanKeys.suggestions(companyId),
    queryFn: () => apiRequest(`${companyPath(companyId)}/action-suggestions`, { schema: actionSuggestionListSchema }),
    enabled,
  });
}

export function useProgrammeTotals(query: ProgrammeActionTotalsQuery) {
  return useQuery({
    queryKey: actionPlanKeys.programme(query),
    queryFn: () => apiRequest(`/api/action-totals${toQueryString(query)}`, { schema: programmeActionTotalsSchema }),
  });
}

/** The programme totals of the query as an .xlsx, saved by the browser. */
export function downloadProgrammeTotals(query: ProgrammeActionTotalsQuery) {
  return downloadFile(`/api/action-totals/export${toQueryString(query)}`, 'effekter-av-atgarder.xlsx');
}

function useActionPlanWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: actionPlanKeys.all });
    },
  });
}

export function useCreateAction(companyId: string) {
  return useActionPlanWrite((body: CreateActionBody) =>
    apiRequest(`${companyPath(companyId)}/actions`, { method: 'POST', body, schema: actionSchema, isCreate: true }),
  );
}

export function useUpdateAction() {
  return useActionPlanWrite(({ id, body }: { id: string; body: UpdateActionBody }) =>
    apiRequest(`/api/actions/${encodeURIComponent(id)}`, { method: 'PATCH', body, schema: actionSchema }),
  );
}

const suggestionPath = (companyId: string, key: string) =>
  `${companyPath(companyId)}/action-suggestions/${encodeURIComponent(key)}`;

export function useAdoptSuggestion(companyId: string) {
  return useActionPlanWrite(({ key, body }: { key: string; body: AdoptSuggestionBody }) =>
    apiRequest(`${suggestionPath(companyId, key)}/adopt`, {
      method: 'POST',
      body,
      schema: actionSchema,
      isCreate: true,
    }),
  );
}

export function useDismissSuggestion(companyId: string) {
  return useActionPlanWrite(({ key, reason }: { key: string; reason: string | null }) =>
    apiRequest(`${suggestionPath(companyId, key)}/dismiss`, { method: 'POST', body: { reason } }),
  );
}

export function useRestoreSuggestion(companyId: string) {
  return useActionPlanWrite((key: string) =>
    apiRequest(`${suggestionPath(companyId, key)}/restore`, { method: 'POST', body: {} }),
  );
}

/** A coach confirms the realised figures a company user reported (decision 025). */
export function useConfirmRealised() {
  return useActionPlanWrite(({ id, version }: { id: string; version: number }) =>
    apiRequest(`/api/actions/${encodeURIComponent(id)}/confirm-realised`, {
      method: 'POST',
      body: { version },
      schema: actionSchema,
    }),
  );
}
