import {
  summariseEnergyMapping,
  type EmissionFactorSet,
  type EnergyMappingResult,
  type EnergyProblemCode,
} from '../../../core/energy';
import type { EnergyMappingResultDto } from '../../../contracts/analyses';
import type { EnergyMappingInput } from '../../../contracts/energy-mappings';
import { energyCarriers } from '../../content/emission-factors';
import type { Db } from '../../db/client';
import { ruleViolated } from '../../errors';
import { findFactorSetEntry } from '../emission-factor-sets/emission-factor-sets.service';
import type * as q from './analyses.queries';

// Energy mappings: computed by the core with the factors stored on the analysis, never from stored
// totals, so every answer and the timeline give the same figures (decision 020).

const energyProblemMessages: Record<EnergyProblemCode, string> = {
  unknown_carrier: 'No such energy carrier',
  unknown_unit: 'This carrier is not given in this unit',
  invalid_quantity: 'Enter a quantity of 0 or more',
  invalid_cost: 'Enter a cost of 0 or more',
  invalid_emission_factor: 'Enter kg CO2e per kWh, 0 or more',
  no_emission_factor: 'The factor set has no factor for this carrier: give the line its own factor',
  unknown_category: 'No such category of use',
  invalid_part: 'Enter a share of 0 or more',
  split_not_100_percent: 'The shares must add up to 100 %',
  split_not_line_total: 'The parts must add up to the line’s kWh',
};

export const snapshotSet = (row: Pick<q.AnalysisRow, 'factorSetKey' | 'factors'>): EmissionFactorSet => ({
  key: row.factorSetKey ?? '',
  validFrom: '',
  factors: row.factors ?? [],
});

type EnergyMappingRow = Pick<q.AnalysisRow, 'kind' | 'content' | 'factors' | 'factorSetKey'>;

export function computeEnergy(row: EnergyMappingRow): EnergyMappingResult | null {
  if (row.kind !== 'energy_mapping' || !row.factors) return null;
  return summariseEnergyMapping(row.content as EnergyMappingInput, energyCarriers, snapshotSet(row));
}

/** An energy mapping's total energy and CO2e, computed from its stored copy of the factors as every
 * response computes it (never stored totals); null for the other kinds. Pure: the timeline calls it
 * on rows it read itself. */
export function energyMappingTotals(row: EnergyMappingRow): { kwh: number; co2eKg: number | null } | null {
  const total = computeEnergy(row)?.total;
  return total ? { kwh: total.kwh, co2eKg: total.isCo2eComplete ? total.co2eKg : null } : null;
}

export function toEnergyDto(result: EnergyMappingResult | null): EnergyMappingResultDto | null {
  if (!result) return null;
  const { problems: _problems, ...rest } = result;
  return rest;
}

/** Checks a mapping with the set it names and answers the factors to keep with it; every problem the
 * core finds refuses the save, named by its field (`content.lines.2.split`). */
export async function checkEnergyMapping(
  db: Db,
  content: EnergyMappingInput,
  keptFactors: { key: string; factors: { carrier: string; value: number }[] } | null,
): Promise<{ carrier: string; value: number }[]> {
  let factors = keptFactors?.key === content.factorSetKey ? keptFactors.factors : null;
  if (!factors) {
    const entry = await findFactorSetEntry(db, content.factorSetKey);
    if (!entry) {
      throw ruleViolated('Choose a factor set', [
        { field: 'content.factorSetKey', code: 'unknown_factor_set', message: 'No such factor set' },
      ]);
    }
    factors = entry.set.factors.map((factor) => ({ carrier: factor.carrier, value: factor.value }));
  }
  const result = summariseEnergyMapping(content, energyCarriers, {
    key: content.factorSetKey,
    validFrom: '',
    factors,
  });
  if (result.problems.length > 0) {
    throw ruleViolated(
      'The energy mapping has problems',
      result.problems.map((problem) => ({
        field: `content.${problem.field}`,
        code: problem.code,
        message: energyProblemMessages[problem.code],
      })),
    );
  }
  return factors;
}
