import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  interventionListSchema,
  interventionSchema,
  type CreateInterventionBody,
  type UpdateInterventionBody,
} from '../../../contracts/interventions';
import { apiRequest } from '../../components/api-client';
import { timelineKeys } from './timeline-api';

// The company page's interventions (the coaching log). "My week" and the time report keep their
// keys under "interventions" too, so logging an intervention refreshes them with the company's list.

export const interventionKeys = {
  all: ['interventions'] as const,
  ofCompany: (companyId: string) => ['interventions', 'company', companyId] as const,
};

const interventionsPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}/interventions`;
const interventionPath = (id: string) => `/api/interventions/${encodeURIComponent(id)}`;

export function useInterventions(companyId: string, enabled: boolean) {
  return useQuery({
    queryKey: interventionKeys.ofCompany(companyId),
    queryFn: () => apiRequest(interventionsPath(companyId), { schema: interventionListSchema }),
    enabled,
  });
}

function useInterventionWrite<V, R>(write: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: interventionKeys.all });
      await queryClient.invalidateQueries({ queryKey: timelineKeys.all });
      // Logged hours are realised support: the company's state aid figures change (issue 13).
      await queryClient.invalidateQueries({ queryKey: ['state-aid'] });
    },
  });
}

export function useLogIntervention() {
  return useInterventionWrite(({ companyId, body }: { companyId: string; body: CreateInterventionBody }) =>
    apiRequest(interventionsPath(companyId), { method: 'POST', body, schema: interventionSchema, isCreate: true }),
  );
}

export function useUpdateIntervention() {
  return useInterventionWrite(({ id, body }: { id: string; body: UpdateInterventionBody }) =>
    apiRequest(interventionPath(id), { method: 'PATCH', body, schema: interventionSchema }),
  );
}

export function useDeleteIntervention() {
  return useInterventionWrite(({ id, version }: { id: string; version: number }) =>
    apiRequest(interventionPath(id), { method: 'DELETE', body: { version } }),
  );
}
