import { z } from 'zod';
import { actionStatuses } from '../core/action-status';

// Fields of an action in an action plan (issue 5, item 1) that follow the core's units (decision 016):
// yearly effects in kWh, kg CO2e, SEK and tonnes of material, each a saving (positive) or an
// increase (negative), or null when nobody estimated it. The routes' bodies build on these.

export const actionStatusSchema = z.enum(actionStatuses);

export const effectLimit = 1e12;

const effectSchema = z
  .number({ error: 'Enter a number' })
  .min(-effectLimit, { error: 'Too large' })
  .max(effectLimit, { error: 'Too large' })
  .nullable();

/** One field per kind of `effectKinds` in src/core/effects.ts (a test keeps the two in step). */
export const effectsSchema = z.strictObject({
  kwh: effectSchema.optional(),
  co2eKg: effectSchema.optional(),
  sek: effectSchema.optional(),
  materialTonnes: effectSchema.optional(),
});
export type EffectsInput = z.infer<typeof effectsSchema>;

export const investmentSekSchema = z
  .number({ error: 'Enter an amount in SEK' })
  .min(0, { error: 'Must not be negative' })
  .max(effectLimit, { error: 'Too large' })
  .nullable();
