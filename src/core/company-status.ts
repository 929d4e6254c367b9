// The company's way through the programme (DESIGN.md glossary): prospect → enrolled → active →
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
