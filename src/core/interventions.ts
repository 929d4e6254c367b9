import { areas, type Area } from './areas';

// Interventions (insatser): the coaching log. Funders count the hours of support each company
// received, and de minimis and the "structured and documented support" rule depend on them
// (issue 6; docs/domain.md). Hours are kept as whole quarter hours so that sums are exact.

/** What kind of work an intervention was (issue 6, scope 2). */
export const interventionKinds = [
  'foundation_analysis',
  'measurement',
  'analysis',
  'action_planning',
  'follow_up_visit',
  'coaching',
  'other',
] as const;
export type InterventionKind = (typeof interventionKinds)[number];

/** The area an intervention was about (docs/glossary.md): one of the programme's areas
 * (core/areas.ts), in their order; none means general support. */
export const interventionAreas = areas;
export type InterventionArea = Area;

/** Whole quarter hours: 1 = 15 minutes. Branded so that hours and quarters are never confused. */
export type QuarterHours = number & { readonly __unit: 'quarter_hours' };

/** The limits of one entry: a quarter hour at least, one day at most. */
export const interventionHourLimits = { min: 0.25, max: 24, step: 0.25 } as const;

export type HoursProblem = 'not_positive' | 'too_many' | 'not_quarter';

/** Why a number of hours cannot be logged, or null: > 0, ≤ 24 and a multiple of 0.25 (issue 6). */
export function hoursProblem(hours: number): HoursProblem | null {
  if (!Number.isFinite(hours) || hours <= 0) return 'not_positive';
  if (hours > interventionHourLimits.max) return 'too_many';
  if (!Number.isInteger(hours * 4)) return 'not_quarter';
  return null;
}

/** Hours (a multiple of 0.25) as stored quarter hours. */
export function toQuarterHours(hours: number): QuarterHours {
  return Math.round(hours * 4) as QuarterHours;
}

/** Stored quarter hours as hours for the API and the UI. */
export function toHours(quarters: number): number {
  return quarters / 4;
}

export type InterventionDateProblem = 'in_future' | 'follow_up_before_occurred';

/** Why the dates of an intervention are wrong, or null: work is logged when it has happened (not
 * after today, Stockholm calendar), and the next follow-up is not before it. Dates are YYYY-MM-DD. */
export function interventionDateProblem(
  occurredOn: string,
  nextFollowUpOn: string | null | undefined,
  today: string,
): { field: 'occurredOn' | 'nextFollowUpOn'; problem: InterventionDateProblem } | null {
  if (occurredOn > today) return { field: 'occurredOn', problem: 'in_future' };
  if (nextFollowUpOn && nextFollowUpOn < occurredOn) {
    return { field: 'nextFollowUpOn', problem: 'follow_up_before_occurred' };
  }
  return null;
}

/** The calendar date `days` after a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const instant = new Date(`${date}T12:00:00Z`);
  instant.setUTCDate(instant.getUTCDate() + days);
  return instant.toISOString().slice(0, 10);
}

/** Monday and Sunday of the ISO week that holds `date` (Swedish weeks start on Monday). */
export function weekOf(date: string): { start: string; end: string } {
  const weekday = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  const start = addDays(date, -weekday);
  return { start, end: addDays(start, 6) };
}

export type DueState = 'overdue' | 'due_this_week' | 'later';

/** Where something due on `dueOn` stands on `today`: before today is overdue; from today to the
 * end of this week (Sunday) is due this week; after that, later. */
export function dueState(dueOn: string, today: string): DueState {
  if (dueOn < today) return 'overdue';
  return dueOn <= weekOf(today).end ? 'due_this_week' : 'later';
}

/** How many weeks after this one "my week" looks ahead, so a coach can plan beyond Sunday. */
export const comingWeeks = 4;

/** The last due date "my week" shows as coming: the Sunday `comingWeeks` weeks after this week's. */
export function comingUntil(today: string): string {
  return addDays(weekOf(today).end, 7 * comingWeeks);
}

/** A reminder is made this many days before its date, so a coach sees it in the week it falls. */
export const reminderLeadDays = 7;

/** The last due date a reminder scan on `today` picks up: everything due within the lead time. */
export function reminderHorizon(today: string): string {
  return addDays(today, reminderLeadDays);
}
