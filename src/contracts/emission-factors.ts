import { z } from 'zod';
import { energyUnits } from '../core/energy';
import { contentKeySchema, localisedTextSchema, refineUnique } from './content-fields';

// Energy carriers with their invoice units, and dated emission factor sets with their sources
// (content/emission-factors/README.md). The server validates the files with these schemas at start;
// the energy mapping's API will answer the same shapes.

const isoDate = z.iso.date({ error: 'An ISO date, e.g. 2023-01-01' });

/** Who published a figure: a name always, a link when there is a stable one, and when (year, month or day). */
export const contentSourceSchema = z.strictObject({
  name: z.string().trim().min(3, { error: 'Name the source' }),
  url: z.url().optional(),
  publishedOn: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, { error: 'A year, year-month or ISO date' }),
});
export type ContentSource = z.infer<typeof contentSourceSchema>;

export const energyCarrierKinds = ['electricity', 'heat', 'fossil_fuel', 'biofuel'] as const;

const carrierUnitSchema = z.strictObject({
  unit: contentKeySchema.refine((unit) => !Object.hasOwn(energyUnits, unit), {
    error: 'kWh, MWh, GWh and GJ apply to every carrier: do not list them',
  }),
  kwhPerUnit: z.number().positive().finite(),
  /** A typical value the programme has not yet checked against its source. */
  unconfirmed: z.boolean().optional(),
  note: localisedTextSchema.optional(),
});

export const energyCarrierSchema = z
  .strictObject({
    key: contentKeySchema,
    kind: z.enum(energyCarrierKinds),
    name: localisedTextSchema,
    units: z.array(carrierUnitSchema),
  })
  .superRefine((carrier, ctx) => refineUnique(ctx, carrier.units, ['units'], 'unit', 'unit listed twice'));
export type EnergyCarrier = z.infer<typeof energyCarrierSchema>;

export const energyCarriersFileSchema = z
  .strictObject({
    source: contentSourceSchema,
    note: localisedTextSchema,
    carriers: z.array(energyCarrierSchema).min(1),
  })
  .superRefine((file, ctx) => refineUnique(ctx, file.carriers, ['carriers'], 'key', 'duplicate key'));
export type EnergyCarriersFile = z.infer<typeof energyCarriersFileSchema>;

export const emissionFactorSchema = z.strictObject({
  carrier: contentKeySchema,
  unit: z.literal('kg CO2e/kWh', { error: 'Give factors in kg CO2e/kWh' }),
  value: z.number().min(0).finite(),
  source: contentSourceSchema,
  /** A value the programme has not confirmed (docs/domain.md: build it as data, mark it). */
  unconfirmed: z.boolean().optional(),
  note: localisedTextSchema.optional(),
});
export type EmissionFactor = z.infer<typeof emissionFactorSchema>;

export const emissionFactorSetSchema = z
  .strictObject({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'A kebab-case key, the file name without .json' }),
    name: localisedTextSchema,
    description: localisedTextSchema.optional(),
    /** The first day of energy use the set is meant for. */
    validFrom: isoDate,
    source: contentSourceSchema,
    factors: z.array(emissionFactorSchema).min(1),
  })
  .superRefine((set, ctx) => refineUnique(ctx, set.factors, ['factors'], 'carrier', 'carrier given twice'));
export type EmissionFactorSetContent = z.infer<typeof emissionFactorSetSchema>;
