// The programme dashboard (issue 12, item 1; decision 034): progress against the target, the
// companies taken up by where and what they are, maturity per area, coaching hours. The database
// counts the records in SQL, grouped (per month, per municipality, per pair of steps, per
// organisation, area and kind of coaching), and the rules here turn those groups into the figures.
// Rules shared with the indicator report (hasClimbed, geographyOfMunicipalityCounts, participants)
// live in indicators.ts: one rule per figure.

import type { Area } from './areas';
import { areas } from './areas';
import type { CompanyStatus } from './company-status';
import { companyStatuses } from './company-status';
import { hasClimbed, stepChange } from './maturity-scoring';
import type { InterventionArea, InterventionKind } from './interventions';
import { interventionKinds } from './interventions';

/** A month as `YYYY-MM`. */
export type Month = string;

/** The months a period touches, oldest first, as `YYYY-MM` (dates `YYYY-MM-DD`, from ≤ to). */
export function monthsOfPeriod(from: string, to: string): Month[] {
  const months: Month[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) break;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export type ProgressPoint = { month: Month; takenUp: number; cumulative: number };

/**
 * The progress line (issue 12: a cumulative line by month): for each month of the period, the
 * companies taken up in it (first enrolled, takenUpOn) and the companies taken up by its end, those
 * before the period included, so the line ends at the figure set against the target. Counts per
 * month in any order; months outside the period before it count in the start, after it nowhere.
 */
export function progressLine(
  perMonth: readonly { month: Month; companies: number }[],
  from: string,
  to: string,
): ProgressPoint[] {
  const months = monthsOfPeriod(from, to);
  const first = months[0]!;
  const inMonth = new Map<Month, number>();
  let cumulative = 0;
  for (const row of perMonth) {
    if (row.month < first) cumulative += row.companies;
    else inMonth.set(row.month, (inMonth.get(row.month) ?? 0) + row.companies);
  }
  return months.map((month) => {
    const takenUp = inMonth.get(month) ?? 0;
    cumulative += takenUp;
    return { month, takenUp, cumulative };
  });
}

/** Companies per status, every status present (0 where none), from counts per status. */
export function countsByStatus(
  rows: readonly { status: CompanyStatus; companies: number }[],
): Record<CompanyStatus, number> {
  const counts = Object.fromEntries(companyStatuses.map((status) => [status, 0])) as Record<CompanyStatus, number>;
  for (const row of rows) counts[row.status] += row.companies;
  return counts;
}

/** The median of values given with how often each occurs; null when there are none. The mean of
 * the two middle values when the count is even. */
export function weightedMedian(values: readonly { value: number; weight: number }[]): number | null {
  const sorted = values.filter((v) => v.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.weight, 0);
  if (total === 0) return null;
  // The 1-based positions of the middle value(s).
  const lower = Math.floor((total + 1) / 2);
  const upper = Math.floor(total / 2) + 1;
  let seen = 0;
  let lowerValue: number | null = null;
  for (const { value, weight } of sorted) {
    seen += weight;
    if (lowerValue === null && seen >= lower) lowerValue = value;
    if (seen >= upper) return (lowerValue! + value) / 2;
  }
  return lowerValue;
}

/** How many companies of an area had this baseline step and this latest follow-up step (null: none). */
export type StepPairCount = { area: Area; baselineStep: number | null; latestStep: number | null; companies: number };

export type AreaMaturity = {
  area: Area;
  /** Companies with a baseline, with a follow-up, and with both (the ones a change is known for). */
  withBaseline: number;
  withFollowUp: number;
  compared: number;
  /** Companies that climbed at least one step (hasClimbed), and their share of those compared. */
  climbed: number;
  climbedShare: number | null;
  /** The median of latest follow-up step − baseline step over the companies compared. */
  medianChange: number | null;
};

/**
 * Maturity per area (issue 12: per area, how many companies have a baseline, how many a follow-up,
 * the share that climbed at least one step, the median change), from companies counted per pair
 * of steps: the baseline's step and the latest follow-up's. A change is known only for a company
 * with both; the share and the median are over those, null when there are none.
 */
export function maturityByArea(pairs: readonly StepPairCount[]): AreaMaturity[] {
  return areas.map((area) => {
    const rows = pairs.filter((p) => p.area === area);
    const sum = (keep: (p: StepPairCount) => boolean) => rows.filter(keep).reduce((n, p) => n + p.companies, 0);
    const bothRows = rows.filter((p) => p.baselineStep !== null && p.latestStep !== null);
    const compared = bothRows.reduce((n, p) => n + p.companies, 0);
    const climbed = sum((p) => hasClimbed(stepChange(p.baselineStep, p.latestStep)));
    return {
      area,
      withBaseline: sum((p) => p.baselineStep !== null),
      withFollowUp: sum((p) => p.latestStep !== null),
      compared,
      climbed,
      climbedShare: compared === 0 ? null : climbed / compared,
      medianChange: weightedMedian(
        bothRows.map((p) => ({ value: p.latestStep! - p.baselineStep!, weight: p.companies })),
      ),
    };
  });
}

/** Logged coaching, summed per organisation that gave it, area (null: general) and kind. */
export type HoursGroup = {
  organisationId: string;
  area: InterventionArea | null;
  kind: InterventionKind;
  quarterHours: number;
};

/** The key of general coaching, about no area in particular (glossary: Allmänt). */
export const generalArea = 'general' as const;

/**
 * Coaching hours by organisation, by area and by kind (issue 12), from quarter hours summed per
 * group (interventions keep whole quarter hours, so the sums are exact; shown as hours). Every
 * area and kind is present, 0 where none; organisations only where they logged hours.
 */
export function hoursBreakdown(groups: readonly HoursGroup[]) {
  const byOrganisation = new Map<string, number>();
  const byArea = new Map<Area | typeof generalArea, number>([
    ...areas.map((area) => [area, 0] as const),
    [generalArea, 0] as const,
  ]);
  const byKind = new Map<InterventionKind, number>(interventionKinds.map((kind) => [kind, 0]));
  let total = 0;
  for (const group of groups) {
    total += group.quarterHours;
    byOrganisation.set(group.organisationId, (byOrganisation.get(group.organisationId) ?? 0) + group.quarterHours);
    const area = group.area ?? generalArea;
    byArea.set(area, (byArea.get(area) ?? 0) + group.quarterHours);
    byKind.set(group.kind, (byKind.get(group.kind) ?? 0) + group.quarterHours);
  }
  const hours = (quarters: number) => quarters / 4;
  return {
    hours: hours(total),
    byOrganisation: [...byOrganisation].map(([organisationId, q]) => ({ organisationId, hours: hours(q) })),
    byArea: [...byArea].map(([area, q]) => ({ area, hours: hours(q) })),
    byKind: [...byKind].map(([kind, q]) => ({ kind, hours: hours(q) })),
  };
}
