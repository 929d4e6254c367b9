// Energy mapping (docs/domain.md "Maturity references: energy transition"; Energimyndigheten's
// energikartläggning): energy use per carrier and year → kWh, SEK and CO2e, and the energy balance
// over production processes, support processes and transport. Decision 016 sets the units:
// kWh and SEK are plain numbers never rounded here (rounding happens at presentation), CO2e is
// kilograms here and tonnes only on screen. Carriers, their units and the emission factors are
// content (content/emission-factors/), passed in as arguments: the choice of factor set is a setting.

import { paybackYears } from './effects';

/** Units of energy that mean the same for every carrier: kWh per unit (1 GJ = 1/3.6 MWh, exactly). */
export const energyUnits = { kWh: 1, MWh: 1_000, GWh: 1_000_000, GJ: 1_000_000 / 3_600 } as const;
export type EnergyUnit = keyof typeof energyUnits;

/** A carrier as content defines it: its key and the physical units its invoices use (litres, m³, kg …). */
export type EnergyCarrierDefinition = {
  key: string;
  units: readonly { unit: string; kwhPerUnit: number }[];
};

/** A dated set of emission factors, each in kg CO2e per kWh of delivered energy. */
export type EmissionFactorSet = {
  key: string;
  validFrom: string;
  factors: readonly { carrier: string; value: number }[];
};

/** Where energy is used (Energimyndigheten's energy balance): production, support processes, transport. */
export const energyUseGroups = ['production', 'support', 'transport'] as const;
export type EnergyUseGroup = (typeof energyUseGroups)[number];

/** The categories of the balance with the group each belongs to, in the order the balance lists them. */
export const energyUseCategoryGroups = {
  production_processes: 'production',
  lighting: 'support',
  ventilation: 'support',
  space_heating: 'support',
  compressed_air: 'support',
  cooling: 'support',
  pumps: 'support',
  hot_water: 'support',
  office_equipment: 'support',
  other_support: 'support',
  internal_transport: 'transport',
  external_transport: 'transport',
} as const satisfies Record<string, EnergyUseGroup>;
export type EnergyUseCategory = keyof typeof energyUseCategoryGroups;
export const energyUseCategories = Object.keys(energyUseCategoryGroups) as EnergyUseCategory[];

/** How a line's energy is split over the categories: percent shares (summing to 100) or kWh (summing to the line). */
export type EnergySplit = {
  basis: 'share' | 'kwh';
  parts: Readonly<Record<string, number>>;
};

/** One carrier's use in the mapped year, in the unit of the invoice. */
export type EnergyLine = {
  carrier: string;
  quantity: number;
  unit: string;
  costSek: number | null;
  /** The line's own factor (kg CO2e/kWh), e.g. a district heating network's local value; overrides the set. */
  emissionFactorKgPerKwh?: number | null;
  split?: EnergySplit | null;
};

export type EnergyMapping = { year: number; lines: readonly EnergyLine[] };

export const energyProblemCodes = [
  'unknown_carrier',
  'unknown_unit',
  'invalid_quantity',
  'invalid_cost',
  'invalid_emission_factor',
  'no_emission_factor',
  'unknown_category',
  'invalid_part',
  'split_not_100_percent',
  'split_not_line_total',
] as const;
export type EnergyProblemCode = (typeof energyProblemCodes)[number];

/** A named problem on one line; `field` is the dotted path the form highlights, e.g. "lines.2.split". */
export type EnergyProblem = { code: EnergyProblemCode; line: number; field: string };

export type EnergyLineResult = {
  line: number;
  carrier: string;
  /** Null when the carrier or unit is unknown or the quantity invalid: the line is left out of every total. */
  kwh: number | null;
  costSek: number | null;
  factorKgPerKwh: number | null;
  factorOrigin: 'set' | 'line' | null;
  co2eKg: number | null;
};

export type EnergyTotals = {
  kwh: number;
  costSek: number;
  co2eKg: number;
  /** False when a counted line has no cost: costSek is then a floor, not the total. */
  isCostComplete: boolean;
  /** False when a counted line has no emission factor: co2eKg is then a floor. */
  isCo2eComplete: boolean;
};

export type EnergyCarrierTotals = EnergyTotals & {
  carrier: string;
  /** The average price paid (SEK per kWh), used to value a saving; null without complete cost. */
  sekPerKwh: number | null;
};

export type EnergyBalanceRow = { kwh: number; co2eKg: number };

export type EnergyBalance = {
  categories: (EnergyBalanceRow & { category: EnergyUseCategory; group: EnergyUseGroup })[];
  groups: (EnergyBalanceRow & { group: EnergyUseGroup })[];
  /** Energy of lines without a valid split: counted in the totals, not placed in the balance. */
  unallocated: EnergyBalanceRow;
};

export type EnergyMappingResult = {
  year: number;
  factorSetKey: string;
  lines: EnergyLineResult[];
  carriers: EnergyCarrierTotals[];
  total: EnergyTotals;
  balance: EnergyBalance;
  problems: EnergyProblem[];
};

const isNonNegative = (value: number) => Number.isFinite(value) && value >= 0;

/** kWh per unit of a carrier: the common energy units first, then the carrier's own (content). */
export function kwhPerUnit(carrier: EnergyCarrierDefinition, unit: string): number | null {
  if (Object.hasOwn(energyUnits, unit)) return energyUnits[unit as EnergyUnit];
  return carrier.units.find((candidate) => candidate.unit === unit)?.kwhPerUnit ?? null;
}

/** A quantity in a unit as kWh for a carrier (e.g. 1 000 litres of diesel → 9 800 kWh), or the problem. */
export function toKwh(
  carriers: readonly EnergyCarrierDefinition[],
  carrierKey: string,
  quantity: number,
  unit: string,
): { kwh: number } | { problem: 'unknown_carrier' | 'unknown_unit' | 'invalid_quantity' } {
  const carrier = carriers.find((candidate) => candidate.key === carrierKey);
  if (!carrier) return { problem: 'unknown_carrier' };
  const factor = kwhPerUnit(carrier, unit);
  if (factor === null) return { problem: 'unknown_unit' };
  if (!isNonNegative(quantity)) return { problem: 'invalid_quantity' };
  return { kwh: quantity * factor };
}

/** The set a mapping of `year` uses unless the programme's setting names another: the newest set valid
 * on or before the year's last day; null when every set starts later. */
export function defaultFactorSet<T extends EmissionFactorSet>(sets: readonly T[], year: number): T | null {
  const lastDay = `${String(year).padStart(4, '0')}-12-31`;
  let best: T | null = null;
  for (const set of sets) {
    if (set.validFrom > lastDay) continue;
    if (!best || set.validFrom > best.validFrom || (set.validFrom === best.validFrom && set.key < best.key)) best = set;
  }
  return best;
}

// Two sums differ by rounding only when they agree to a billionth (shares typed as 33.3 + 33.3 + 33.4).
const agrees = (sum: number, expected: number) => Math.abs(sum - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

/** The kWh per category of one line, or the problems that keep it out of the balance. */
function splitLine(
  split: EnergySplit,
  kwh: number,
  line: number,
): { parts: [EnergyUseCategory, number][] } | { problems: EnergyProblem[] } {
  const field = `lines.${line}.split`;
  const problems: EnergyProblem[] = [];
  const parts: [EnergyUseCategory, number][] = [];
  let sum = 0;
  for (const [category, value] of Object.entries(split.parts)) {
    if (!Object.hasOwn(energyUseCategoryGroups, category)) {
      problems.push({ code: 'unknown_category', line, field: `${field}.${category}` });
      continue;
    }
    if (!isNonNegative(value)) {
      problems.push({ code: 'invalid_part', line, field: `${field}.${category}` });
      continue;
    }
    sum += value;
    parts.push([category as EnergyUseCategory, value]);
  }
  if (problems.length > 0) return { problems };
  if (split.basis === 'share') {
    if (!agrees(sum, 100)) return { problems: [{ code: 'split_not_100_percent', line, field }] };
    return { parts: parts.map(([category, share]) => [category, (kwh * share) / 100]) };
  }
  if (!agrees(sum, kwh)) return { problems: [{ code: 'split_not_line_total', line, field }] };
  return { parts };
}

// The input field a conversion problem points at, for the form to highlight.
const conversionProblemField = {
  unknown_carrier: 'carrier',
  unknown_unit: 'unit',
  invalid_quantity: 'quantity',
} as const;

const emptyTotals = (): EnergyTotals => ({ kwh: 0, costSek: 0, co2eKg: 0, isCostComplete: true, isCo2eComplete: true });

function addLine(totals: EnergyTotals, line: EnergyLineResult & { kwh: number }): void {
  totals.kwh += line.kwh;
  if (line.costSek === null) totals.isCostComplete = false;
  else totals.costSek += line.costSek;
  if (line.co2eKg === null) totals.isCo2eComplete = false;
  else totals.co2eKg += line.co2eKg;
}

/**
 * Totals of an energy mapping (Energimyndigheten's energy statistics per carrier and balance):
 * kWh = quantity × kWh per unit; CO2e (kg) = kWh × factor (the line's own, else the set's);
 * SEK as invoiced. Problems are returned, never thrown: a line with an unknown carrier or unit is
 * left out of every total, a line without a factor counts in kWh and SEK with CO2e incomplete, and a
 * line without a valid split counts in the totals and shows as unallocated in the balance.
 */
export function summariseEnergyMapping(
  mapping: EnergyMapping,
  carriers: readonly EnergyCarrierDefinition[],
  factorSet: EmissionFactorSet,
): EnergyMappingResult {
  const problems: EnergyProblem[] = [];
  const lines: EnergyLineResult[] = [];
  const byCategory = new Map<EnergyUseCategory, EnergyBalanceRow>();
  const unallocated: EnergyBalanceRow = { kwh: 0, co2eKg: 0 };

  mapping.lines.forEach((input, line) => {
    const converted = toKwh(carriers, input.carrier, input.quantity, input.unit);
    const costSek = input.costSek ?? null;
    if (costSek !== null && !isNonNegative(costSek)) {
      problems.push({ code: 'invalid_cost', line, field: `lines.${line}.costSek` });
    }
    if ('problem' in converted) {
      problems.push({
        code: converted.problem,
        line,
        field: `lines.${line}.${conversionProblemField[converted.problem]}`,
      });
      lines.push({
        line,
        carrier: input.carrier,
        kwh: null,
        costSek,
        factorKgPerKwh: null,
        factorOrigin: null,
        co2eKg: null,
      });
      return;
    }
    const { kwh } = converted;

    let factorKgPerKwh: number | null = null;
    let factorOrigin: EnergyLineResult['factorOrigin'] = null;
    const own = input.emissionFactorKgPerKwh;
    if (own !== undefined && own !== null) {
      if (isNonNegative(own)) [factorKgPerKwh, factorOrigin] = [own, 'line'];
      else problems.push({ code: 'invalid_emission_factor', line, field: `lines.${line}.emissionFactorKgPerKwh` });
    } else {
      const fromSet = factorSet.factors.find((factor) => factor.carrier === input.carrier);
      if (fromSet) [factorKgPerKwh, factorOrigin] = [fromSet.value, 'set'];
      else problems.push({ code: 'no_emission_factor', line, field: `lines.${line}.carrier` });
    }
    const co2eKg = factorKgPerKwh === null ? null : kwh * factorKgPerKwh;
    const validCost = costSek !== null && isNonNegative(costSek) ? costSek : null;
    lines.push({ line, carrier: input.carrier, kwh, costSek: validCost, factorKgPerKwh, factorOrigin, co2eKg });

    const split = input.split ? splitLine(input.split, kwh, line) : null;
    if (split && 'problems' in split) problems.push(...split.problems);
    if (!split || 'problems' in split) {
      unallocated.kwh += kwh;
      unallocated.co2eKg += co2eKg ?? 0;
      return;
    }
    for (const [category, partKwh] of split.parts) {
      const row = byCategory.get(category) ?? { kwh: 0, co2eKg: 0 };
      row.kwh += partKwh;
      // The line's CO2e follows its energy: a category gets the share of CO2e it gets of kWh.
      row.co2eKg += kwh > 0 && co2eKg !== null ? (co2eKg * partKwh) / kwh : 0;
      byCategory.set(category, row);
    }
  });

  const counted = lines.filter((line): line is EnergyLineResult & { kwh: number } => line.kwh !== null);
  const total = emptyTotals();
  for (const line of counted) addLine(total, line);

  const perCarrier = new Map<string, EnergyTotals>();
  for (const line of counted) {
    const totals = perCarrier.get(line.carrier) ?? emptyTotals();
    addLine(totals, line);
    perCarrier.set(line.carrier, totals);
  }
  const carrierTotals = carriers
    .map((carrier) => carrier.key)
    .filter((key) => perCarrier.has(key))
    .map((carrier): EnergyCarrierTotals => {
      const totals = perCarrier.get(carrier)!;
      const sekPerKwh = totals.isCostComplete && totals.kwh > 0 ? totals.costSek / totals.kwh : null;
      return { carrier, ...totals, sekPerKwh };
    });

  const categories = energyUseCategories
    .filter((category) => byCategory.has(category))
    .map((category) => ({ category, group: energyUseCategoryGroups[category], ...byCategory.get(category)! }));
  const groups = energyUseGroups.map((group) => {
    const rows = categories.filter((row) => row.group === group);
    return {
      group,
      kwh: rows.reduce((sum, row) => sum + row.kwh, 0),
      co2eKg: rows.reduce((sum, row) => sum + row.co2eKg, 0),
    };
  });

  return {
    year: mapping.year,
    factorSetKey: factorSet.key,
    lines,
    carriers: carrierTotals,
    total,
    balance: { categories, groups, unallocated },
    problems,
  };
}

/** The yearly effect of saving `kwh` of one carrier, valued at the mapping's average price and the
 * carrier's factor (an energy measure's expected effect, Energimyndigheten: savings, cost, payback). */
export function energySavingEffect(
  saving: { carrier: string; kwh: number },
  result: Pick<EnergyMappingResult, 'carriers' | 'lines'>,
  factorSet: EmissionFactorSet,
): { kwh: number; sek: number | null; co2eKg: number | null } {
  const price = result.carriers.find((carrier) => carrier.carrier === saving.carrier)?.sekPerKwh ?? null;
  const factor = mappingCarrierFactor(saving.carrier, result, factorSet);
  return {
    kwh: saving.kwh,
    sek: price === null ? null : saving.kwh * price,
    co2eKg: factor === null ? null : saving.kwh * factor,
  };
}

/** The factor (kg CO2e/kWh) a mapping gives one carrier: a line's own factor (a district heating
 * network's value) before the set's, as the mapping's totals use it; null when neither gives one. */
export function mappingCarrierFactor(
  carrier: string,
  result: Pick<EnergyMappingResult, 'lines'>,
  factorSet: Pick<EmissionFactorSet, 'factors'>,
): number | null {
  const ownFactor = result.lines.find((line) => line.carrier === carrier && line.factorOrigin === 'line');
  return ownFactor?.factorKgPerKwh ?? factorSet.factors.find((candidate) => candidate.carrier === carrier)?.value ?? null;
}

/** An energy measure of a mapping (Energimyndigheten: measures with savings, cost and payback): the
 * yearly kWh it saves per carrier (negative where it uses more, e.g. a heat pump's electricity). */
export type EnergyMeasure = { savings: readonly { carrier: string; kwh: number }[]; investmentSek: number | null };

/** The yearly effect of a measure over all its carriers, and its payback: what the action it becomes
 * expects. SEK and CO2e are null when any carrier's price or factor is unknown, never a partial sum. */
export function energyMeasureEffect(
  measure: EnergyMeasure,
  result: Pick<EnergyMappingResult, 'carriers' | 'lines'>,
  factorSet: EmissionFactorSet,
): { kwh: number; sek: number | null; co2eKg: number | null; paybackYears: number | null } {
  let kwh = 0;
  let sek: number | null = 0;
  let co2eKg: number | null = 0;
  for (const saving of measure.savings) {
    const effect = energySavingEffect(saving, result, factorSet);
    kwh += effect.kwh;
    sek = sek === null || effect.sek === null ? null : sek + effect.sek;
    co2eKg = co2eKg === null || effect.co2eKg === null ? null : co2eKg + effect.co2eKg;
  }
  return { kwh, sek, co2eKg, paybackYears: paybackYears(measure.investmentSek, sek) };
}

/** Kilograms as tonnes for display (decision 016: CO2e is kept in kg, shown in t). */
export function kgToTonnes(kg: number): number {
  return kg / 1_000;
}
