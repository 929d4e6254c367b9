// The impact view (issue 12, item 5; decision 035): per area, the companies measured twice (a
// baseline and a later follow-up, both led by an industry developer), how many steps they moved, and
// the support they had between the two days. The service reads one row per company and area from
// the records; the rules here turn the rows into the figures, so the page, the API and the .xlsx
// cannot disagree.

import type { Area } from './areas';
import { areas } from './areas';
import { toHours } from './interventions';
import { hasClimbed, stepChange } from './maturity-scoring';

/**
 * One company in one area, as the records show it: its first coach-led baseline, its latest
 * coach-led follow-up (the one the view is about), and the support between the two days, both
 * days included: logged coaching about that area or about no area in particular, activities about
 * that area or about none at which a person of the company was marked present, and the company's
 * actions of that area done in the window.
 */
export type ImpactPair = {
  companyId: string;
  organisationId: string;
  area: Area;
  /** Null only for a measurement whose every question was "not applicable": it has no step. */
  baselineStep: number | null;
  followUpStep: number | null;
  /** Logged coaching in the window, in quarter hours. */
  quarterHours: number;
  activitiesAttended: number;
  actionsDone: number;
};

/** The middle value of a list (the mean of the two middle ones when the count is even), or null for
 * none: robust against the one company that took 200 hours (the evaluator's question is "typical"). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** What one step gained cost in some unit (hours, actions): the amount divided by the steps gained,
 * or null when the company did not climb (a step not gained has no cost per step). */
export function perStepGained(amount: number, change: number | null): number | null {
  return hasClimbed(change) ? amount / change : null;
}

/** The aggregate of a group of company-area pairs. */
export type ImpactSummary = {
  /** Pairs (a company in an area) with a baseline and a follow-up that both have a step. */
  measured: number;
  /** Of them, those whose follow-up is at least one step above the baseline. */
  climbed: number;
  /** Median of the step changes of all measured pairs (climbed, stayed or fell back). */
  medianStepChange: number | null;
  /** Median over the pairs that climbed of hours per step gained. */
  medianHoursPerStep: number | null;
  /** Median over the pairs that climbed of actions done per step gained. */
  medianActionsPerStep: number | null;
};

/** The figures of a group of pairs: how many were measured twice and climbed, the median change,
 * and the median hours and actions behind one step gained, counted over the pairs that climbed. */
export function impactSummary(pairs: readonly ImpactPair[]): ImpactSummary {
  const changes: number[] = [];
  const hoursPerStep: number[] = [];
  const actionsPerStep: number[] = [];
  for (const pair of pairs) {
    const change = stepChange(pair.baselineStep, pair.followUpStep);
    if (change === null) continue;
    changes.push(change);
    const hours = perStepGained(toHours(pair.quarterHours), change);
    const actions = perStepGained(pair.actionsDone, change);
    if (hours !== null) hoursPerStep.push(hours);
    if (actions !== null) actionsPerStep.push(actions);
  }
  return {
    measured: changes.length,
    climbed: changes.filter((change) => hasClimbed(change)).length,
    medianStepChange: median(changes),
    medianHoursPerStep: median(hoursPerStep),
    medianActionsPerStep: median(actionsPerStep),
  };
}

/** The summary per area, every area present (an area nobody was measured twice in has zeros). */
export function impactByArea(pairs: readonly ImpactPair[]): Record<Area, ImpactSummary> {
  return Object.fromEntries(areas.map((area) => [area, impactSummary(pairs.filter((p) => p.area === area))])) as Record<
    Area,
    ImpactSummary
  >;
}

/** The summary per organisation (the company's responsible one), over all its areas: each company
 * in each area is one observation. Only organisations with a pair appear. */
export function impactByOrganisation(pairs: readonly ImpactPair[]): Map<string, ImpactSummary> {
  const groups = new Map<string, ImpactPair[]>();
  for (const pair of pairs) {
    const group = groups.get(pair.organisationId);
    if (group) group.push(pair);
    else groups.set(pair.organisationId, [pair]);
  }
  return new Map([...groups].map(([organisationId, group]) => [organisationId, impactSummary(group)]));
}
