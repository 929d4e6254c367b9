import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { timelineSchema, type TimelineKind } from '../../../contracts/timeline';
import { apiRequest, toQueryString } from '../../components/api-client';

// The company page's timeline. Its keys are under the company's, so every change to a company
// (status, contacts …) refreshes it too; logging an intervention refreshes it on purpose.

export const timelineKeys = {
  all: ['companies', 'timeline'] as const,
  ofCompany: (companyId: string, kinds: readonly TimelineKind[]) =>
    ['companies', 'timeline', companyId, kinds] as const,
};

/** The timeline with the chosen kinds (all when none are chosen). */
export function useTimeline(companyId: string, kinds: readonly TimelineKind[]) {
  return useQuery({
    queryKey: timelineKeys.ofCompany(companyId, kinds),
    queryFn: () =>
      apiRequest(
        `/api/companies/${encodeURIComponent(companyId)}/timeline${toQueryString({ kinds: kinds.join(',') || undefined })}`,
        { schema: timelineSchema },
      ),
    placeholderData: keepPreviousData,
  });
}
