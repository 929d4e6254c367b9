import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { timeReportSchema } from '../../../contracts/interventions';
import { myWeekSchema, reminderListSchema, reminderRunSchema } from '../../../contracts/reminders';
import { apiRequest, toQueryString } from '../../components/api-client';
import { downloadFile } from '../../components/download';

// "My week", the reminders and the time report. Keys start with "interventions" so that logging an
// intervention on the company page refreshes them.

const keys = {
  all: ['interventions'] as const,
  myWeek: ['interventions', 'my-week'] as const,
  reminders: ['interventions', 'reminders'] as const,
  timeReport: (period: Period) => ['interventions', 'time-report', period] as const,
};

/** A period, and for someone who may see others' hours (admins), whose: absent is one's own. */
export type Period = { from: string; to: string; coachId?: string };

export function useMyWeek() {
  return useQuery({ queryKey: keys.myWeek, queryFn: () => apiRequest('/api/my-week', { schema: myWeekSchema }) });
}

export function useReminders() {
  return useQuery({
    queryKey: keys.reminders,
    queryFn: () => apiRequest('/api/reminders', { schema: reminderListSchema }),
  });
}

export function useResolveReminder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'done' | 'dismissed' }) =>
      apiRequest(`/api/reminders/${encodeURIComponent(id)}/resolve`, {
        method: 'POST',
        body: { status },
        schema: reminderListSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRunReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/api/reminders/run', { method: 'POST', body: {}, schema: reminderRunSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTimeReport(period: Period) {
  return useQuery({
    queryKey: keys.timeReport(period),
    queryFn: () => apiRequest(`/api/time-report${toQueryString(period)}`, { schema: timeReportSchema }),
    placeholderData: keepPreviousData,
  });
}

export function downloadTimeReport(period: Period) {
  return downloadFile(`/api/time-report/export${toQueryString(period)}`, `tidrapport-${period.from}-${period.to}.xlsx`);
}
