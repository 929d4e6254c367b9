import path from 'node:path';

import {
  emissionFactorSetSchema,
  energyCarriersFileSchema,
  type EmissionFactorSetContent,
  type EnergyCarrier,
} from '../../contracts/emission-factors';
import { listContentJson, parseContent, readContentJson } from './content-file';

// Energy carriers and dated emission factor sets (content/emission-factors/README.md) are content:
// read and checked once at import, so a bad edit stops the server naming the file and the problem.
// Which set a mapping uses is a setting (decision 016); this module only offers the sets.

const folder = 'content/emission-factors';
const carriersFile = `${folder}/carriers.json`;
const setsFolder = `${folder}/sets`;

/** Validates carriers.json; throws naming the file, the path and the entry as written. */
export function parseEnergyCarriersFile(raw: unknown, label = carriersFile): EnergyCarrier[] {
  return parseContent(energyCarriersFileSchema, raw, label, 'carriers').carriers;
}

/** Validates one factor set against its file name and the known carriers; throws naming the file and problem. */
export function parseEmissionFactorSetFile(
  raw: unknown,
  label: string,
  carriers: readonly EnergyCarrier[],
): EmissionFactorSetContent {
  const set = parseContent(emissionFactorSetSchema, raw, label, 'factors');
  const problems: string[] = [];
  const expectedKey = path.basename(label, '.json');
  if (set.key !== expectedKey) problems.push(`key: "${set.key}" in a file named ${path.basename(label)}`);
  set.factors.forEach((factor, index) => {
    if (!carriers.some((carrier) => carrier.key === factor.carrier)) {
      problems.push(`factors.${index}.carrier: unknown carrier "${factor.carrier}" (not in ${carriersFile})`);
    }
  });
  if (problems.length > 0) throw new Error(`${label} is invalid:\n  ${problems.join('\n  ')}`);
  return set;
}

/** Reads carriers.json and every set under sets/, oldest validFrom first. */
export function loadEnergyContent(): { carriers: EnergyCarrier[]; factorSets: EmissionFactorSetContent[] } {
  const carriers = parseEnergyCarriersFile(readContentJson(carriersFile));
  const factorSets = listContentJson(setsFolder)
    .map((file) => parseEmissionFactorSetFile(readContentJson(file), file, carriers))
    .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.key < b.key ? -1 : 1));
  return { carriers, factorSets };
}

const content = loadEnergyContent();

/** The energy carriers a mapping may use, with their invoice units, in the order the form lists them. */
export const energyCarriers: readonly EnergyCarrier[] = content.carriers;

/** The dated emission factor sets, oldest first. */
export const emissionFactorSets: readonly EmissionFactorSetContent[] = content.factorSets;
