import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { companyPageSchema, type CompanyListQuery } from '../../../contracts/companies';
import { apiRequest, toQueryString } from '../../components/api-client';

export type CompanyListParams = Partial<CompanyListQuery>;

export const companyKeys = {
  all: ['companies'] as const,
  list: (params: CompanyListParams) => ['companies', 'list', params] as const,
};

export function fetchCompanies(params: CompanyListParams) {
  return apiRequest(`/api/companies${toQueryString(params)}`, { schema: companyPageSchema });
}

export function useCompanies(params: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: () => fetchCompanies(params),
    placeholderData: keepPreviousData,
  });
}
