import { z } from 'zod';
import { maturityAreas } from '../core/maturity-areas';
import { contentKeySchema, localisedTextSchema, refineUnique } from './content-fields';

// The catalogue of suggested actions (content/action-catalogue/README.md): typical measures per
// area and step that the platform suggests after a measurement. Validated at start by the server.

export const catalogueEffectKinds = ['kwh', 'sek', 'co2e', 'material'] as const;
export const investmentLevels = ['low', 'medium', 'high'] as const;

const stepSchema = z.number().int().min(1).max(5);

export const catalogueActionSchema = z.strictObject({
  key: contentKeySchema,
  /** The current steps the measure fits: a company at one of them is ready for it. */
  forSteps: z
    .array(stepSchema)
    .min(1)
    .refine((steps) => steps.every((step, index) => index === 0 || step > steps[index - 1]!), {
      error: 'Steps in ascending order, each once',
    }),
  /** Dimension keys of the area's current maturity model that the measure lifts. */
  dimensionKeys: z.array(contentKeySchema),
  title: localisedTextSchema,
  description: localisedTextSchema,
  typicalEffect: z.strictObject({ kind: z.enum(catalogueEffectKinds), note: localisedTextSchema }).optional(),
  typicalInvestment: z
    .strictObject({ level: z.enum(investmentLevels), note: localisedTextSchema.optional() })
    .optional(),
});

export const actionCatalogueFileSchema = z
  .strictObject({
    area: z.enum(maturityAreas),
    actions: z.array(catalogueActionSchema).min(1),
  })
  .superRefine((file, ctx) => refineUnique(ctx, file.actions, ['actions'], 'key', 'duplicate key'));
export type ActionCatalogueFile = z.infer<typeof actionCatalogueFileSchema>;

/** A catalogue entry with its area, as the suggestions and the API use it. */
export const catalogueEntrySchema = catalogueActionSchema.extend({ area: z.enum(maturityAreas) });
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;
