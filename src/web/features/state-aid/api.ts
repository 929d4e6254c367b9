import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { activityPageSchema } from '../../../contracts/activities';
import {
  companyStateAidSchema,
  declarationSchema,
  eurRateListSchema,
  eurRateSchema,
  grantCreatedSchema,
  grantValuationSchema,
  hourlyRateListSchema,
  hourlyRateSchema,
  stateAidSettingsSchema,
  undertakingStateAidSchema,
  type CreateDeclarationBody,
  type GrantBody,
} from '../../../contracts/state-aid';
import { apiRequest } from '../../components/api-client';

// The state aid feature's queries (issue 13). The company page's card reads the same company
// state aid under ['state-aid', 'company', id], so a change here refreshes it too.

export const stateAidKeys = {
  all: ['state-aid'] as const,
  company: (companyId: string) => ['state-aid', 'company', companyId] as const,
  undertaking: (id: string) => ['state-aid', 'undertaking', id] as const,
  hourlyRates: ['state-aid', 'hourly-rates'] as const,
  eurRates: ['state-aid', 'eur-rates'] as const,
  settings: ['state-aid', 'settings'] as const,
};

const enc = encodeURIComponent;

export function useCompanyStateAid(companyId: string) {
  return useQuery({
    queryKey: stateAidKeys.company(companyId),
    queryFn: () => apiRequest(`/api/companies/${enc(companyId)}/state-aid`, { schema: companyStateAidSchema }),
  });
}

export function useUndertakingStateAid(id: string | null) {
  return useQuery({
    queryKey: stateAidKeys.undertaking(id ?? ''),
    queryFn: () => apiRequest(`/api/undertakings/${enc(id!)}/state-aid`, { schema: undertakingStateAidSchema }),
    enabled: id !== null,
  });
}

function useRefreshAll() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: stateAidKeys.all });
}

export function useDeclare(companyId: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: CreateDeclarationBody) =>
      apiRequest(`/api/companies/${enc(companyId)}/state-aid-declarations`, {
        method: 'POST',
        body,
        schema: declarationSchema,
        isCreate: true,
      }),
    onSuccess: refresh,
  });
}

export function useConfirmDeclaration() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiRequest(`/api/state-aid-declarations/${enc(id)}/confirm`, {
        method: 'POST',
        body: { version },
        schema: declarationSchema,
      }),
    onSuccess: refresh,
  });
}

export function usePreviewGrant(companyId: string) {
  return useMutation({
    mutationFn: (body: GrantBody) =>
      apiRequest(`/api/companies/${enc(companyId)}/state-aid-grants/preview`, {
        method: 'POST',
        body,
        schema: grantValuationSchema,
      }),
  });
}

export function useMakeGrant(companyId: string) {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: GrantBody) =>
      apiRequest(`/api/companies/${enc(companyId)}/state-aid-grants`, {
        method: 'POST',
        body,
        schema: grantCreatedSchema,
        isCreate: true,
      }),
    onSuccess: refresh,
  });
}

/** Upcoming activities to plan places at, in a grant. */
export function useUpcomingActivities(enabled: boolean) {
  return useQuery({
    queryKey: ['state-aid', 'activities'],
    queryFn: () => apiRequest('/api/activities?when=upcoming&pageSize=100', { schema: activityPageSchema }),
    enabled,
  });
}

// Rates and settings (project management).

export function useHourlyRates() {
  return useQuery({
    queryKey: stateAidKeys.hourlyRates,
    queryFn: () => apiRequest('/api/hourly-rates', { schema: hourlyRateListSchema }),
  });
}

export function useEurRates() {
  return useQuery({
    queryKey: stateAidKeys.eurRates,
    queryFn: () => apiRequest('/api/eur-rates', { schema: eurRateListSchema }),
  });
}

export function useStateAidSettings() {
  return useQuery({
    queryKey: stateAidKeys.settings,
    queryFn: () => apiRequest('/api/state-aid-settings', { schema: stateAidSettingsSchema }),
  });
}

export function useSaveHourlyRate() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (
      input:
        | { id: null; body: { organisationId: string; year: number; rateSek: number; decidedOn: string } }
        | { id: string; body: { version: number; rateSek: number; decidedOn: string } },
    ) =>
      input.id === null
        ? apiRequest('/api/hourly-rates', {
            method: 'POST',
            body: input.body,
            schema: hourlyRateSchema,
            isCreate: true,
          })
        : apiRequest(`/api/hourly-rates/${enc(input.id)}`, {
            method: 'PATCH',
            body: input.body,
            schema: hourlyRateSchema,
          }),
    onSuccess: refresh,
  });
}

export function useSaveEurRate() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (
      input:
        | { id: null; body: { month: string; sekPerEur: string; source: string } }
        | { id: string; body: { version: number; sekPerEur: string; source: string } },
    ) =>
      input.id === null
        ? apiRequest('/api/eur-rates', { method: 'POST', body: input.body, schema: eurRateSchema, isCreate: true })
        : apiRequest(`/api/eur-rates/${enc(input.id)}`, { method: 'PATCH', body: input.body, schema: eurRateSchema }),
    onSuccess: refresh,
  });
}

export function useSaveStateAidSettings() {
  const refresh = useRefreshAll();
  return useMutation({
    mutationFn: (body: { version: number; legalBasis?: string; declarationValidMonths?: number }) =>
      apiRequest('/api/state-aid-settings', { method: 'PATCH', body, schema: stateAidSettingsSchema }),
    onSuccess: refresh,
  });
}
