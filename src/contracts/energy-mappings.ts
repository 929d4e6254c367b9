import { z } from 'zod';
import { energyUseCategories, type EnergyUseCategory } from '../core/energy';
import { contentKeySchema } from './content-fields';

// The input of an energy mapping (issue 5, item 3) as the form sends it: the shape the core's
// summariseEnergyMapping takes. Carriers, units and split sums are checked by the core, which names
// each problem with its field; this schema refuses only what is not a number or out of range.

export const energyLimits = {
  quantityMax: 1e12,
  costSekMax: 1e12,
  /** No carrier comes near 10 kg CO2e per kWh; a larger figure is a unit mistake (g instead of kg). */
  emissionFactorMax: 10,
  linesMax: 100,
  yearMin: 1990,
  yearMax: 2100,
} as const;

export const energyUseCategorySchema = z.enum(energyUseCategories as [EnergyUseCategory, ...EnergyUseCategory[]]);

const nonNegative = (max: number, error: string) =>
  z.number({ error }).min(0, { error: 'Must not be negative' }).max(max);

export const energySplitSchema = z.strictObject({
  basis: z.enum(['share', 'kwh']),
  parts: z.partialRecord(energyUseCategorySchema, nonNegative(energyLimits.quantityMax, 'Enter a number')),
});

export const energyLineSchema = z.strictObject({
  carrier: contentKeySchema,
  quantity: nonNegative(energyLimits.quantityMax, 'Enter the quantity'),
  unit: z.string().trim().min(1, { error: 'Choose a unit' }).max(20),
  costSek: nonNegative(energyLimits.costSekMax, 'Enter the cost in SEK').nullable(),
  /** The network's own factor in kg CO2e/kWh (district heating), overriding the set's. */
  emissionFactorKgPerKwh: nonNegative(energyLimits.emissionFactorMax, 'Enter kg CO2e per kWh').nullable().optional(),
  split: energySplitSchema.nullable().optional(),
});
export type EnergyLineInput = z.infer<typeof energyLineSchema>;

export const energyMappingInputSchema = z.strictObject({
  year: z.number().int().min(energyLimits.yearMin).max(energyLimits.yearMax),
  /** The factor set the mapping is computed with; kept with the mapping (decision 016). */
  factorSetKey: z.string().min(1),
  lines: z.array(energyLineSchema).max(energyLimits.linesMax),
});
export type EnergyMappingInput = z.infer<typeof energyMappingInputSchema>;
