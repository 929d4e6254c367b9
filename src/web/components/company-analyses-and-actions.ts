import { useQuery } from '@tanstack/react-query';
import { companyActionTotalsSchema } from '../../contracts/action-plans';
import { analysisListSchema } from '../../contracts/analyses';
import { apiRequest } from './api-client';

// A company's analyses and the effect totals of its action plan, which both the company page and
// their own features (analyses, action-plans) show. One hook and one key each, so a change in the
// owning feature refreshes the company page too (features do not import each other, so they meet
// here). The keys sit under the owning feature's prefix on purpose: its writes invalidate the
// whole prefix. Not for the sign-in page or the app shell: the contract schemas would weigh on the
// first route's bundle budget (bench/bundle-budget.ts).

const companyPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

/** Under "action-plans": every action plan write, and turning a finding into an action, refreshes it. */
export const companyActionTotalsKey = (companyId: string) => ['action-plans', 'totals', companyId] as const;

export const companyAnalysesKeys = {
  /** Every company's list: a change to a finding or an attachment may not know its company. */
  all: ['analyses', 'company'] as const,
  company: (companyId: string) => ['analyses', 'company', companyId] as const,
};

/** The effect totals of a company's action plan (expected and realised, overall and by area). */
export function useCompanyActionTotals(companyId: string) {
  return useQuery({
    queryKey: companyActionTotalsKey(companyId),
    queryFn: () => apiRequest(`${companyPath(companyId)}/action-totals`, { schema: companyActionTotalsSchema }),
  });
}

/** A company's analyses. */
export function useCompanyAnalyses(companyId: string) {
  return useQuery({
    queryKey: companyAnalysesKeys.company(companyId),
    queryFn: () => apiRequest(`${companyPath(companyId)}/analyses`, { schema: analysisListSchema }),
  });
}
