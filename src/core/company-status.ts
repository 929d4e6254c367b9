// The company's way through the programme (docs/glossary.md): prospect → enrolled → active →
// completed, or withdrawn with a reason from any open status. A withdrawn or completed company
// can be taken up again as a prospect, which keeps the history honest instead of editing it.

export const companyStatuses = ['prospect', 'enrolled', 'active', 'completed', 'withdrawn'] as const;
export type CompanyStatus = (typeof companyStatuses)[number];

const transitions: Record<CompanyStatus, readonly CompanyStatus[]> = {
  prospect: ['enrolled', 'withdrawn'],
  enrolled: ['active', 'withdrawn', 'prospect'],
  active: ['completed', 'withdrawn'],
  completed: ['active', 'prospect'],
  withdrawn: ['prospect'],
};

/** The statuses a company may move to from `from`. */
export function nextStatuses(from: CompanyStatus): readonly CompanyStatus[] {
  return transitions[from];
}

export type StatusChangeProblem = 'same_status' | 'not_allowed' | 'reason_required';

/** Why a status change may not happen, or null when it may. Withdrawal needs a reason. */
export function statusChangeProblem(
  from: CompanyStatus,
  to: CompanyStatus,
  reason: string | null | undefined,
): StatusChangeProblem | null {
  if (from === to) return 'same_status';
  if (!transitions[from].includes(to)) return 'not_allowed';
  if (to === 'withdrawn' && !reason?.trim()) return 'reason_required';
  return null;
}

/** True for the statuses that count as taking part in the programme (enrolled and after). */
export function isEnrolledStatus(status: CompanyStatus): boolean {
  return status === 'enrolled' || status === 'active' || status === 'completed';
}

/** A status change is dated between the previous change and today: history is never reordered
 * by a back-dated entry, and nothing is recorded as done in the future. Dates are YYYY-MM-DD. */
export function statusDateProblem(
  changedOn: string,
  previousChangeOn: string | null,
  today: string,
): 'before_previous' | 'in_future' | null {
  if (changedOn > today) return 'in_future';
  if (previousChangeOn && changedOn < previousChangeOn) return 'before_previous';
  return null;
}

/** A row of a company's status history, as decision 009 keeps it (dates YYYY-MM-DD, in the order written). */
export type StatusHistoryEntry = { toStatus: CompanyStatus; changedOn: string };

/**
 * The day a company was taken up into the programme: the first day it entered `enrolled`
 * (decision 009; the programme's target of about 250 companies counts these, docs/domain.md "The
 * programme"), or null while it never was. A company that withdrew or completed stays taken up:
 * it took part. The SQL keeps the same day in `companies.enrolled_on` (decision 034).
 */
export function takenUpOn(history: readonly StatusHistoryEntry[]): string | null {
  let first: string | null = null;
  for (const entry of history) {
    if (entry.toStatus === 'enrolled' && (first === null || entry.changedOn < first)) first = entry.changedOn;
  }
  return first;
}

/**
 * A company's status at the end of a day (decision 009: the history is in date order, the same
 * day allowed, so the last entry written on or before the day holds); null before its first entry.
 */
export function statusOn(history: readonly StatusHistoryEntry[], date: string): CompanyStatus | null {
  let status: CompanyStatus | null = null;
  for (const entry of history) if (entry.changedOn <= date) status = entry.toStatus;
  return status;
}
