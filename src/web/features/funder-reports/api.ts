import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  frozenReportChangesSchema,
  frozenReportListSchema,
  frozenReportSchema,
  indicatorReportSchema,
  participantPageSchema,
  programmeSettingsSchema,
  type FreezeReportBody,
  type IndicatorReportQuery,
  type UpdateProgrammeSettingsBody,
} from '../../../contracts/indicator-reports';
import { impactSchema, type ImpactQuery } from '../../../contracts/impact';
import { timeAndCostSchema, type TimeAndCostQuery } from '../../../contracts/interventions';
import { apiRequest, toQueryString } from '../../components/api-client';
import { downloadFile } from '../../components/download';

// Funder reports (issue 12): the indicator report of a period, its .xlsx, and frozen reports.

export const reportKeys = {
  all: ['funder-reports'] as const,
  report: (query: IndicatorReportQuery) => ['funder-reports', 'report', query] as const,
  participants: (query: IndicatorReportQuery, page: number) => ['funder-reports', 'participants', query, page] as const,
  frozenList: ['funder-reports', 'frozen'] as const,
  frozen: (id: string) => ['funder-reports', 'frozen', id] as const,
  changes: (id: string) => ['funder-reports', 'frozen', id, 'changes'] as const,
};

export function useIndicatorReport(query: IndicatorReportQuery | null) {
  return useQuery({
    queryKey: reportKeys.report(query ?? { from: '', to: '' }),
    queryFn: () => apiRequest(`/api/indicator-report${toQueryString(query!)}`, { schema: indicatorReportSchema }),
    enabled: query !== null,
  });
}

/** Rows per page of the participant list. */
export const participantPageSize = 50;

export function useParticipantPage(query: IndicatorReportQuery | null, page: number) {
  return useQuery({
    queryKey: reportKeys.participants(query ?? { from: '', to: '' }, page),
    queryFn: () =>
      apiRequest(
        `/api/indicator-report/participants${toQueryString({ ...query!, page, pageSize: participantPageSize })}`,
        { schema: participantPageSchema },
      ),
    enabled: query !== null,
    placeholderData: (previous) => previous,
  });
}

export function downloadIndicatorReport(query: IndicatorReportQuery) {
  return downloadFile(`/api/indicator-report/export${toQueryString(query)}`, 'indikatorrapport.xlsx');
}

export function downloadFrozenReport(id: string) {
  return downloadFile(`/api/frozen-reports/${encodeURIComponent(id)}/export`, 'indikatorrapport.xlsx');
}

export function useFrozenReports() {
  return useQuery({
    queryKey: reportKeys.frozenList,
    queryFn: () => apiRequest('/api/frozen-reports', { schema: frozenReportListSchema }),
  });
}

export function useFrozenReport(id: string) {
  return useQuery({
    queryKey: reportKeys.frozen(id),
    queryFn: () => apiRequest(`/api/frozen-reports/${encodeURIComponent(id)}`, { schema: frozenReportSchema }),
  });
}

export function useFrozenReportChanges(id: string) {
  return useQuery({
    queryKey: reportKeys.changes(id),
    queryFn: () =>
      apiRequest(`/api/frozen-reports/${encodeURIComponent(id)}/changes`, { schema: frozenReportChangesSchema }),
  });
}

export function useFreezeReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FreezeReportBody) =>
      apiRequest('/api/frozen-reports', { method: 'POST', body, schema: frozenReportSchema, isCreate: true }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

export function useNewReportVersion(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest(`/api/frozen-reports/${encodeURIComponent(id)}/versions`, {
        method: 'POST',
        body: { reason },
        schema: frozenReportSchema,
        isCreate: true,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  });
}

// The impact view, time and cost, and the programme's RCO04 setting (issue 12, items 5 and 6).

export function useImpact(query: ImpactQuery | null) {
  return useQuery({
    queryKey: [...reportKeys.all, 'impact', query] as const,
    queryFn: () => apiRequest(`/api/impact${toQueryString(query!)}`, { schema: impactSchema }),
    enabled: query !== null,
  });
}

export function downloadImpact(query: ImpactQuery) {
  return downloadFile(`/api/impact/export${toQueryString(query)}`, 'genomslag.xlsx');
}

export function useTimeAndCost(query: TimeAndCostQuery | null) {
  return useQuery({
    queryKey: [...reportKeys.all, 'time-and-cost', query] as const,
    queryFn: () => apiRequest(`/api/time-and-cost${toQueryString(query!)}`, { schema: timeAndCostSchema }),
    enabled: query !== null,
  });
}

export function downloadTimeAndCost(query: TimeAndCostQuery) {
  return downloadFile(`/api/time-and-cost/export${toQueryString(query)}`, 'tid-och-kostnad.xlsx');
}

const settingsKey = [...reportKeys.all, 'settings'] as const;

export function useProgrammeSettings(enabled: boolean) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: () => apiRequest('/api/programme-settings', { schema: programmeSettingsSchema }),
    enabled,
  });
}

export function useUpdateProgrammeSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProgrammeSettingsBody) =>
      apiRequest('/api/programme-settings', { method: 'PATCH', body, schema: programmeSettingsSchema }),
    // The rule changes which companies count in every report made from now on, and the target is
    // what the overview measures against: everything read before is read again.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
