// The CO2e of an action's energy effect (issue 16, decision 038). An action that names the energy
// carrier whose use it changes keeps that carrier and the emission factor it was computed with (a
// snapshot, as an energy mapping keeps its set's factors: a later set never changes a stored
// figure), and its expected and realised CO2e are then kWh × that factor, the rule an energy
// mapping's finding follows (decision 020). Without a carrier, CO2e is the figure a person typed.
// Units as everywhere (decision 016): kWh, kg CO2e, kg CO2e per kWh; nothing is rounded here.

import { effectBounds } from './effects';

/** The carrier an action's energy effect concerns, and the factor (kg CO2e/kWh) it is computed with. */
export type CarrierFactor = { carrier: string; factorKgPerKwh: number };

/** The energy side of an action: its carrier snapshot, and kWh and CO2e expected and realised. */
export type ActionCo2eState = {
  carrier: CarrierFactor | null;
  expected: { kwh: number | null; co2eKg: number | null };
  realised: { kwh: number | null; co2eKg: number | null };
};

/** What a write asks for: a field left out stays as it is, null clears it. */
export type ActionCo2eChange = {
  /** The carrier with the factor it takes today (the same carrier keeps its snapshot); null: none. */
  carrier?: CarrierFactor | null;
  expected?: { kwh?: number | null; co2eKg?: number | null };
  realised?: { kwh?: number | null; co2eKg?: number | null };
};

export const actionCo2eProblemCodes = ['computed_from_carrier', 'co2e_out_of_bounds'] as const;
export type ActionCo2eProblem = {
  code: (typeof actionCo2eProblemCodes)[number];
  /** The body's field: `expected.co2eKg` for a typed CO2e, `expected.kwh` for a CO2e out of bounds. */
  field: `${'expected' | 'realised'}.${'co2eKg' | 'kwh'}`;
};

/** CO2e (kg) of a yearly energy effect: kWh × the carrier's emission factor (kg CO2e/kWh), signed as
 * the kWh are (an increase of energy use is an increase of emissions); null when no kWh are given. */
export function co2eOfEnergy(kwh: number | null, factorKgPerKwh: number): number | null {
  return kwh === null ? null : kwh * factorKgPerKwh;
}

/** Two CO2e figures that agree to the gram: a figure that went through the form (tonnes with three
 * decimals, back to kg) still agrees with the kWh × factor it was computed as. */
export function agreesToTheGram(a: number, b: number): boolean {
  return Math.abs(a - b) <= 0.001;
}

const sides = ['expected', 'realised'] as const;

/**
 * An action's energy figures after a write (decision 038). With a carrier (the change's, else the
 * stored one) CO2e is computed, kWh × the snapshot's factor, for the expected and the realised
 * effect alike, and a CO2e typed in the same write is refused (`computed_from_carrier`) rather than
 * overwritten; a computed CO2e outside the plausibility bounds (decision 025) is refused at the kWh
 * that gives it. Naming the carrier the action already has keeps its factor, so a newer factor set
 * never changes a stored figure. Without a carrier CO2e is as typed, and removing the carrier keeps
 * the CO2e that was shown, which the person may then change.
 */
export function applyActionCo2e(
  before: ActionCo2eState,
  change: ActionCo2eChange,
): { state: ActionCo2eState } | { problems: ActionCo2eProblem[] } {
  const carrier =
    change.carrier === undefined || (change.carrier && change.carrier.carrier === before.carrier?.carrier)
      ? before.carrier
      : change.carrier;
  const problems: ActionCo2eProblem[] = [];
  const state: ActionCo2eState = { carrier, expected: { ...before.expected }, realised: { ...before.realised } };
  for (const side of sides) {
    const asked = change[side] ?? {};
    const kwh = asked.kwh === undefined ? before[side].kwh : asked.kwh;
    if (!carrier) {
      state[side] = { kwh, co2eKg: asked.co2eKg === undefined ? before[side].co2eKg : asked.co2eKg };
      continue;
    }
    if (typeof asked.co2eKg === 'number') {
      problems.push({ code: 'computed_from_carrier', field: `${side}.co2eKg` });
      continue;
    }
    const co2eKg = co2eOfEnergy(kwh, carrier.factorKgPerKwh);
    if (co2eKg !== null && (co2eKg < effectBounds.co2eKg.min || co2eKg > effectBounds.co2eKg.max)) {
      problems.push({ code: 'co2e_out_of_bounds', field: `${side}.kwh` });
      continue;
    }
    state[side] = { kwh, co2eKg };
  }
  return problems.length > 0 ? { problems } : { state };
}

/**
 * What an action made from an energy mapping's finding takes (decision 038): the finding's carrier
 * with the mapping's factor for it, and CO2e = kWh × that factor, when the finding's CO2e is that
 * figure (to the gram) or missing. A CO2e the coach typed on the finding differs; the action then
 * keeps it as typed and names no carrier, since with a carrier it would be computed instead.
 */
export function actionCo2eFromFinding(
  finding: { carrier: string | null; expectedKwh: number | null; expectedCo2eKg: number | null },
  factorKgPerKwh: number | null,
): { carrier: CarrierFactor | null; expectedCo2eKg: number | null } {
  const typed = { carrier: null, expectedCo2eKg: finding.expectedCo2eKg };
  if (finding.carrier === null || factorKgPerKwh === null) return typed;
  const computed = co2eOfEnergy(finding.expectedKwh, factorKgPerKwh);
  if (finding.expectedCo2eKg !== null && (computed === null || !agreesToTheGram(finding.expectedCo2eKg, computed))) {
    return typed;
  }
  return { carrier: { carrier: finding.carrier, factorKgPerKwh }, expectedCo2eKg: computed };
}
