import { companyStateAidSchema } from '../../../contracts/state-aid';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  companyLookupSchema,
  companyPageSchema,
  companySchema,
  handoverRequestSchema,
  type ChangeCompanyStatusBody,
  type CompanyListQuery,
  type CreateCompanyBody,
  type UpdateCompanyBody,
} from '../../../contracts/companies';
import {
  contactSchema,
  type ConsentBody,
  type CreateContactBody,
  type UpdateContactBody,
} from '../../../contracts/contacts';
import { maturityResultsSchema } from '../../../contracts/maturity';
import { companyUserSchema, companyUsersSchema, type InviteCompanyUserBody } from '../../../contracts/users';
import {
  municipalityListSchema,
  sniDivisionListSchema,
  undertakingListSchema,
  undertakingSchema,
} from '../../../contracts/reference';
import { apiRequest, toQueryString } from '../../components/api-client';
import { downloadFile } from '../../components/download';

export type CompanyListParams = Partial<CompanyListQuery>;

export const companyKeys = {
  all: ['companies'] as const,
  list: (params: CompanyListParams) => ['companies', 'list', params] as const,
  detail: (id: string) => ['companies', 'detail', id] as const,
  lookup: (q: string) => ['companies', 'lookup', q] as const,
};

// Shared with other features through the same keys (features don't import each other).
const referenceKeys = {
  municipalities: ['reference', 'municipalities'] as const,
  sniDivisions: ['reference', 'sni-divisions'] as const,
};
const handoverKeysAll = ['handovers'] as const;
const undertakingKeys = {
  all: ['undertakings'] as const,
  list: (q: string) => ['undertakings', 'list', q] as const,
};

const companyPath = (id: string) => `/api/companies/${encodeURIComponent(id)}`;
const contactPath = (id: string) => `/api/contacts/${encodeURIComponent(id)}`;

export function fetchCompanies(params: CompanyListParams) {
  return apiRequest(`/api/companies${toQueryString(params)}`, { schema: companyPageSchema });
}

export function fetchCompany(id: string) {
  return apiRequest(companyPath(id), { schema: companySchema });
}

export function useCompanies(params: CompanyListParams) {
  return useQuery({
    queryKey: companyKeys.list(params),
    queryFn: () => fetchCompanies(params),
    placeholderData: keepPreviousData,
  });
}

export function useCompany(id: string) {
  return useQuery({ queryKey: companyKeys.detail(id), queryFn: () => fetchCompany(id) });
}

/** Companies of the whole programme matching a name or number, in the thin view. */
export function useCompanyLookup(q: string, enabled: boolean) {
  return useQuery({
    queryKey: companyKeys.lookup(q),
    queryFn: () => apiRequest(`/api/companies/lookup${toQueryString({ q })}`, { schema: companyLookupSchema }),
    enabled: enabled && q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

/** Downloads the list with the current filters as Excel or CSV. */
export function downloadCompanyExport(params: CompanyListParams, format: 'xlsx' | 'csv') {
  const { page: _page, pageSize: _pageSize, ...filters } = params;
  return downloadFile(`/api/companies/export${toQueryString({ ...filters, format })}`, `foretag.${format}`);
}

export function useMunicipalities() {
  return useQuery({
    queryKey: referenceKeys.municipalities,
    queryFn: () => apiRequest('/api/reference/municipalities', { schema: municipalityListSchema }),
    staleTime: Infinity,
  });
}

export function useSniDivisions() {
  return useQuery({
    queryKey: referenceKeys.sniDivisions,
    queryFn: () => apiRequest('/api/reference/sni-divisions', { schema: sniDivisionListSchema }),
    staleTime: Infinity,
  });
}

/** Koncerner (groups of linked companies) whose name contains `q`, with how many companies each has. */
export function useUndertakings(q: string, enabled = true) {
  return useQuery({
    queryKey: undertakingKeys.list(q),
    queryFn: () => apiRequest(`/api/undertakings${toQueryString({ q })}`, { schema: undertakingListSchema }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCreateUndertaking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) =>
      apiRequest('/api/undertakings', { method: 'POST', body: { name }, schema: undertakingSchema, isCreate: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: undertakingKeys.all }),
  });
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCompanyBody) =>
      apiRequest('/api/companies', { method: 'POST', body, schema: companySchema, isCreate: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.all }),
  });
}

function useCompanyWrite<V>(write: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: companyKeys.all }),
  });
}

export function useUpdateCompany() {
  return useCompanyWrite(({ id, body }: { id: string; body: UpdateCompanyBody }) =>
    apiRequest(companyPath(id), { method: 'PATCH', body, schema: companySchema }),
  );
}

/** Puts a company in a koncern, or takes it out (null); the koncerner's company counts change too. */
export function useSetCompanyUndertaking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, undertakingId }: { id: string; version: number; undertakingId: string | null }) =>
      apiRequest(companyPath(id), { method: 'PATCH', body: { version, undertakingId }, schema: companySchema }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: companyKeys.all });
      await queryClient.invalidateQueries({ queryKey: undertakingKeys.all });
    },
  });
}

export function useChangeCompanyStatus() {
  return useCompanyWrite(({ id, body }: { id: string; body: ChangeCompanyStatusBody }) =>
    apiRequest(`${companyPath(id)}/status`, { method: 'POST', body, schema: companySchema }),
  );
}

export function useRequestHandover() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ companyId, reason }: { companyId: string; reason: string }) =>
      apiRequest(`${companyPath(companyId)}/handover-requests`, {
        method: 'POST',
        body: { reason },
        schema: handoverRequestSchema,
        isCreate: true,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: companyKeys.all });
      await queryClient.invalidateQueries({ queryKey: handoverKeysAll });
    },
  });
}

export function useCreateContact() {
  return useCompanyWrite(({ companyId, body }: { companyId: string; body: CreateContactBody }) =>
    apiRequest(`${companyPath(companyId)}/contacts`, { method: 'POST', body, schema: contactSchema, isCreate: true }),
  );
}

export function useUpdateContact() {
  return useCompanyWrite(({ id, body }: { id: string; body: UpdateContactBody }) =>
    apiRequest(contactPath(id), { method: 'PATCH', body, schema: contactSchema }),
  );
}

export function useRecordConsent() {
  return useCompanyWrite(({ id, body }: { id: string; body: ConsentBody }) =>
    apiRequest(`${contactPath(id)}/consents`, { method: 'POST', body, schema: contactSchema, isCreate: true }),
  );
}

/** Withdraws one consent; the record stays with the date it was withdrawn. Withdrawing twice is harmless. */
export function useWithdrawConsent() {
  return useCompanyWrite(({ id, consentId }: { id: string; consentId: string }) =>
    apiRequest(`${contactPath(id)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
      method: 'POST',
      body: {},
      schema: contactSchema,
    }),
  );
}

export function useEraseContact() {
  return useCompanyWrite((id: string) =>
    apiRequest(`${contactPath(id)}/erase`, { method: 'POST', body: {}, schema: contactSchema }),
  );
}

/** Everything held about a person, as the JSON file the server builds (GDPR art. 15/20). */
export function downloadContactExport(id: string) {
  return downloadFile(`${contactPath(id)}/export`, `kontaktperson-${id}.json`);
}

/** Reads a company again (after a 409) and puts the fresh copy in the cache. */
export function useReloadCompany() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({ queryKey: companyKeys.detail(id), queryFn: () => fetchCompany(id), staleTime: 0 });
}

/** The company's maturity summary (next measurement due, areas measured), shared by key with the maturity feature. */
export function useCompanyMaturity(companyId: string) {
  return useQuery({
    queryKey: ['maturity', 'results', companyId],
    queryFn: () => apiRequest(`${companyPath(companyId)}/maturity`, { schema: maturityResultsSchema }),
  });
}

/** A company's state aid, for the company page's card; the state aid feature reads the same key. */
export function useCompanyStateAidSummary(companyId: string) {
  return useQuery({
    queryKey: ['state-aid', 'company', companyId],
    queryFn: () =>
      apiRequest(`/api/companies/${encodeURIComponent(companyId)}/state-aid`, { schema: companyStateAidSchema }),
  });
}

/** The company's portal logins; under the company's key, so the setting's change refreshes it. */
export function useCompanyUsers(companyId: string) {
  return useQuery({
    queryKey: ['companies', 'users', companyId] as const,
    queryFn: () => apiRequest(`${companyPath(companyId)}/users`, { schema: companyUsersSchema }),
  });
}

/** Invites a person of the company to its portal; the invitation goes out by e-mail. */
export function useInviteCompanyUser() {
  return useCompanyWrite(({ companyId, body }: { companyId: string; body: InviteCompanyUserBody }) =>
    apiRequest(`${companyPath(companyId)}/users`, {
      method: 'POST',
      body,
      schema: companyUserSchema,
      isCreate: true,
    }),
  );
}
