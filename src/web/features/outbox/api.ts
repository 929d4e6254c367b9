import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { outboxPageSchema } from '../../../contracts/outbox';
import { apiRequest, toQueryString } from '../../components/api-client';

export type OutboxParams = { page: number; pageSize: number };

export const outboxKeys = {
  all: ['outbox'] as const,
  list: (params: OutboxParams) => ['outbox', 'list', params] as const,
};

export function fetchOutbox(params: OutboxParams) {
  return apiRequest(`/api/outbox${toQueryString(params)}`, { schema: outboxPageSchema });
}

export function useOutbox(params: OutboxParams) {
  return useQuery({
    queryKey: outboxKeys.list(params),
    queryFn: () => fetchOutbox(params),
    placeholderData: keepPreviousData,
  });
}
