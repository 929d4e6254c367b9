import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  interventionListSchema,
  interventionSchema,
  timelineSchema,
  type CreateInterventionBody,
  type TimelineKind,
  type UpdateInterventionBody,
} from '../../../contracts/follow-up';
import { apiRequest, toQueryString } from '../../components/api-client';

// The company page's follow-up parts: its interventions (coaching log) and its timeline. The keys
// start with "follow-up" so that "my week" and the time report refresh with them.

export const followUpKeys = {
  all: ['follow-up'] as const,
  interventions: (companyId: string) => ['follow-up', 'interventions', companyId] as const,
  // Under the company's keys, so every change to a company (status, contacts …) refreshes it too.
  timeline: (companyId: string, kinds: readonly TimelineKind[]) => ['companies', 'timeline', companyId, kinds] as const,
  timelines: ['companies', 'timeline'] as const,
};

const interventionsPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/interventions`;
const interventionPath = (id: string) => `/api/interventions/${encodeURIComponent(id)}`;

export function useInterventions(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.interventions(companyId),
    queryFn: () => apiRequest(interventionsPath(companyId), { schema: interventionListSchema }),
    enabled,
  });
}

/** The timeline with the chosen kinds (all when none are chosen). */
export function useTimeline(companyId: string, kinds: readonly TimelineKind[]) {
  return useQuery({
    queryKey: followUpKeys.timeline(companyId, kinds),
    queryFn: () =>
      apiRequest(
        `/api/companies/${encodeURIComponent(companyId)}/timeline${toQueryString({ kinds: kinds.join(',') || undefined })}`,
        { schema: timelineSchema },
      ),
    placeholderData: keepPreviousData,
  });
}

function useFollowUpWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: followUpKeys.all });
      await queryClient.invalidateQueries({ queryKey: followUpKeys.timelines });
      // Logged hours are realised support: the company's state aid figures change (issue 13).
      await queryClient.invalidateQueries({ queryKey: ['state-aid'] });
    },
  });
}

export function useLogIntervention() {
  return useFollowUpWrite(({ companyId, body }: { companyId: string; body: CreateInterventionBody }) =>
    apiRequest(interventionsPath(companyId), { method: 'POST', body, schema: interventionSchema, isCreate: true }),
  );
}

export function useUpdateIntervention() {
  return useFollowUpWrite(({ id, body }: { id: string; body: UpdateInterventionBody }) =>
    apiRequest(interventionPath(id), { method: 'PATCH', body, schema: interventionSchema }),
  );
}

export function useDeleteIntervention() {
  return useFollowUpWrite(({ id, version }: { id: string; version: number }) =>
    apiRequest(interventionPath(id), { method: 'DELETE', body: { version } }),
  );
}
