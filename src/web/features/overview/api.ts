import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { companyPageSchema } from '../../../contracts/companies';
import { dashboardSchema, type DashboardQuery } from '../../../contracts/dashboard';
import { myWeekSchema } from '../../../contracts/reminders';
import { apiRequest, toQueryString } from '../../components/api-client';

// The overview (issue 12, item 1): the programme dashboard, and for an industry developer what is
// due and their companies, read from the endpoints that already hold them.

const keys = {
  dashboard: (query: DashboardQuery) => ['dashboard', query] as const,
  // Under "interventions", so that logging one on a company page refreshes it as it does "my week".
  myWeek: ['interventions', 'my-week'] as const,
  companies: (query: Record<string, string>) => ['companies', 'list', query] as const,
};

export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: keys.dashboard(query),
    queryFn: () => apiRequest(`/api/dashboard${toQueryString(query)}`, { schema: dashboardSchema }),
    placeholderData: keepPreviousData,
  });
}

export function useMyWeek(enabled: boolean) {
  return useQuery({
    queryKey: keys.myWeek,
    queryFn: () => apiRequest('/api/my-week', { schema: myWeekSchema }),
    enabled,
  });
}

/** A few companies of the list: the coach's own, or the latest changed in their organisation. */
export function useCompanyPeek(query: Record<string, string>, enabled: boolean) {
  return useQuery({
    queryKey: keys.companies(query),
    queryFn: () => apiRequest(`/api/companies${toQueryString(query)}`, { schema: companyPageSchema }),
    enabled,
  });
}
