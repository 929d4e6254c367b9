import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { handoverPageSchema, handoverRequestSchema, type DecideHandoverBody } from '../../../contracts/companies';
import { apiRequest, toQueryString } from '../../components/api-client';

export type HandoverListParams = { status?: 'pending' | 'approved' | 'refused'; page: number; pageSize: number };

export const handoverKeys = {
  all: ['handovers'] as const,
  list: (params: HandoverListParams) => ['handovers', 'list', params] as const,
};
// A decision moves a company between organisations: the companies feature's lists change too.
const companiesKey = ['companies'] as const;

export function useHandovers(params: HandoverListParams) {
  return useQuery({
    queryKey: handoverKeys.list(params),
    queryFn: () => apiRequest(`/api/handover-requests${toQueryString(params)}`, { schema: handoverPageSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useDecideHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideHandoverBody }) =>
      apiRequest(`/api/handover-requests/${encodeURIComponent(id)}/decision`, {
        method: 'POST',
        body,
        schema: handoverRequestSchema,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: handoverKeys.all });
      await queryClient.invalidateQueries({ queryKey: companiesKey });
    },
  });
}
