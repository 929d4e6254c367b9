// The effects of actions (issue 5; docs/glossary.md "action plan, action"): expected and realised
// yearly effects in kWh, kg CO2e, SEK and tonnes of material, payback, and totals per company, area
// and organisation. These are the reference the SQL totals of the action plan are tested against.
// Units (decision 016): every figure is per year; CO2e in kg (shown in tonnes); nothing is rounded here.

import type { ActionStatus } from './action-status';
import type { MaturityArea } from './maturity-areas';
import { maturityAreas } from './maturity-areas';

/** The kinds of yearly effect an action has, each a saving (positive) or an increase (negative). */
export const effectKinds = ['kwh', 'co2eKg', 'sek', 'materialTonnes'] as const;
export type EffectKind = (typeof effectKinds)[number];

/** An action's yearly effects; null (or absent) where nobody estimated or measured that kind. */
export type Effects = Partial<Record<EffectKind, number | null>>;

/** Sums per kind; a kind nobody gave a figure for sums to 0. */
export type EffectSums = Record<EffectKind, number>;

/**
 * Simple payback in years = investment / yearly SEK saving (Energimyndigheten's energy mapping
 * asks for "återbetalningstid"). Null when the investment is unknown or negative, or when nothing
 * is saved (saving missing, zero or negative) and something was invested; 0 when nothing was
 * invested, since there is nothing to pay back.
 */
export function paybackYears(
  investmentSek: number | null | undefined,
  yearlySavingSek: number | null | undefined,
): number | null {
  if (investmentSek === null || investmentSek === undefined || !Number.isFinite(investmentSek) || investmentSek < 0) {
    return null;
  }
  if (investmentSek === 0) return 0;
  if (yearlySavingSek === null || yearlySavingSek === undefined || !Number.isFinite(yearlySavingSek)) return null;
  if (yearlySavingSek <= 0) return null;
  return investmentSek / yearlySavingSek;
}

/** What the totals need of an action. */
export type ActionEffects = {
  area: MaturityArea;
  organisationId: string;
  status: ActionStatus;
  investmentSek: number | null;
  expected: Effects;
  realised: Effects;
  /** A coach confirmed the realised figures (decision 025): only confirmed ones go to funders. */
  isRealisedConfirmed: boolean;
};

/**
 * How large a yearly effect of one action of an SME can plausibly be, per kind (decision 025): a
 * figure outside is a typing error (a missing decimal comma, kWh typed as Wh), not a result. The
 * upper bound is what the whole of an energy-intensive medium-sized manufacturer uses or emits in
 * a year; the lower bound lets an action honestly increase a figure (a heat pump's electricity),
 * by a tenth of that. The contract refuses anything outside, for the form and the server alike.
 */
export const effectBounds = {
  kwh: { min: -5_000_000, max: 50_000_000 },
  co2eKg: { min: -2_000_000, max: 20_000_000 },
  sek: { min: -5_000_000, max: 50_000_000 },
  materialTonnes: { min: -5_000, max: 50_000 },
} as const satisfies Record<EffectKind, { min: number; max: number }>;

export type EffectTotals = {
  /** Actions counted: every status but cancelled. */
  actions: number;
  done: number;
  /** Done actions with no realised figure of any kind: the follow-up still to do. */
  doneWithoutRealised: number;
  /** Investment of the counted actions, and of the done ones (what the realised effect cost); unknown adds 0. */
  investmentSek: number;
  doneInvestmentSek: number;
  /** Expected effects of every counted action. */
  expected: EffectSums;
  /** Realised effects of done actions whose figures a coach confirmed: what funders are told. */
  realised: EffectSums;
  /** Done actions with realised figures nobody on the staff has confirmed yet, and their sums. */
  doneUnconfirmed: number;
  realisedUnconfirmed: EffectSums;
  /** paybackYears of the sums (realised: over confirmed done actions); null when none of the
   * actions summed has a known investment. */
  expectedPaybackYears: number | null;
  realisedPaybackYears: number | null;
};

const zeroSums = (): EffectSums => ({ kwh: 0, co2eKg: 0, sek: 0, materialTonnes: 0 });

const known = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

function addEffects(sums: EffectSums, effects: Effects): void {
  for (const kind of effectKinds) {
    const value = effects[kind];
    if (known(value)) sums[kind] += value;
  }
}

/** True when an action has a realised figure of any kind. */
export function hasRealised(realised: Effects): boolean {
  return effectKinds.some((kind) => known(realised[kind]));
}

/**
 * Totals of expected and realised effects over actions (issue 5, item 5): cancelled actions are
 * left out altogether; expected effects count for every other action, realised effects only for
 * done ones (a figure typed on an open action is a forecast, not a result), and only when a coach
 * confirmed them; unconfirmed realised figures are summed apart (issue 14, finding 9). Missing
 * figures add 0.
 */
export function effectTotals(actions: readonly ActionEffects[]): EffectTotals {
  const totals = {
    actions: 0,
    done: 0,
    doneWithoutRealised: 0,
    doneUnconfirmed: 0,
    investmentSek: 0,
    doneInvestmentSek: 0,
    expected: zeroSums(),
    realised: zeroSums(),
    realisedUnconfirmed: zeroSums(),
  };
  // Payback needs at least one known investment: unknown investments are not free ones.
  let hasInvestment = false;
  let hasConfirmedInvestment = false;
  let confirmedInvestmentSek = 0;
  for (const action of actions) {
    if (action.status === 'cancelled') continue;
    totals.actions += 1;
    const investment = known(action.investmentSek) ? action.investmentSek : 0;
    if (known(action.investmentSek)) hasInvestment = true;
    totals.investmentSek += investment;
    addEffects(totals.expected, action.expected);
    if (action.status !== 'done') continue;
    totals.done += 1;
    totals.doneInvestmentSek += investment;
    if (!hasRealised(action.realised)) {
      totals.doneWithoutRealised += 1;
    } else if (action.isRealisedConfirmed) {
      addEffects(totals.realised, action.realised);
      confirmedInvestmentSek += investment;
      if (known(action.investmentSek)) hasConfirmedInvestment = true;
    } else {
      totals.doneUnconfirmed += 1;
      addEffects(totals.realisedUnconfirmed, action.realised);
    }
  }
  return {
    ...totals,
    expectedPaybackYears: hasInvestment ? paybackYears(totals.investmentSek, totals.expected.sek) : null,
    realisedPaybackYears: hasConfirmedInvestment ? paybackYears(confirmedInvestmentSek, totals.realised.sek) : null,
  };
}

/** effectTotals per group, groups in the order `compare` gives; a group exists only if an action is in it. */
function totalsBy<K>(
  actions: readonly ActionEffects[],
  keyOf: (action: ActionEffects) => K,
  compare: (a: K, b: K) => number,
): { key: K; totals: EffectTotals }[] {
  const groups = new Map<K, ActionEffects[]>();
  for (const action of actions) {
    const key = keyOf(action);
    groups.set(key, [...(groups.get(key) ?? []), action]);
  }
  return [...groups.keys()].sort(compare).map((key) => ({ key, totals: effectTotals(groups.get(key)!) }));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byArea = (a: MaturityArea, b: MaturityArea) => maturityAreas.indexOf(a) - maturityAreas.indexOf(b);

/** Totals per area, in the ladder's order of areas (a company's plan, or the programme by area). */
export function effectTotalsByArea(actions: readonly ActionEffects[]): { area: MaturityArea; totals: EffectTotals }[] {
  return totalsBy(actions, (action) => action.area, byArea).map(({ key, totals }) => ({ area: key, totals }));
}

/** Totals per organisation (the programme's report), ordered by organisation id. */
export function effectTotalsByOrganisation(
  actions: readonly ActionEffects[],
): { organisationId: string; totals: EffectTotals }[] {
  return totalsBy(actions, (action) => action.organisationId, byText).map(({ key, totals }) => ({
    organisationId: key,
    totals,
  }));
}

/** Totals per organisation and area (the programme's report by organisation and area). */
export function effectTotalsByOrganisationAndArea(
  actions: readonly ActionEffects[],
): { organisationId: string; area: MaturityArea; totals: EffectTotals }[] {
  const organisationIds = [...new Set(actions.map((action) => action.organisationId))].sort(byText);
  return organisationIds.flatMap((organisationId) =>
    effectTotalsByArea(actions.filter((action) => action.organisationId === organisationId)).map(
      ({ area, totals }) => ({
        organisationId,
        area,
        totals,
      }),
    ),
  );
}
