import { useQuery } from '@tanstack/react-query';
import { maturityResultsSchema } from '../../../contracts/maturity';
import { portalSchema } from '../../../contracts/portal';
import { apiRequest } from '../../components/api-client';
import { downloadFile } from '../../components/download';

// The company portal (issue 15, decision 043): its first page reads the portal endpoint and the
// maturity results the maturity pages read, under the same key.

const companyPath = (companyId: string) => `/api/companies/${encodeURIComponent(companyId)}`;

export function usePortal(companyId: string) {
  return useQuery({
    // Under "companies", so that a change on the company's pages refreshes it.
    queryKey: ['companies', 'portal', companyId] as const,
    queryFn: () => apiRequest(`${companyPath(companyId)}/portal`, { schema: portalSchema }),
  });
}

export function useMaturityResults(companyId: string) {
  return useQuery({
    queryKey: ['maturity', 'results', companyId] as const,
    queryFn: () => apiRequest(`${companyPath(companyId)}/maturity`, { schema: maturityResultsSchema }),
  });
}

/** The company's data as an .xlsx or JSON file (the server names it). */
export function downloadCompanyData(companyId: string, format: 'xlsx' | 'json'): Promise<void> {
  return downloadFile(`${companyPath(companyId)}/export?format=${format}`, `foretagsdata.${format}`);
}
