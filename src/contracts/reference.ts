import { z } from 'zod';
import { visibleLine } from './common';
import { reportingAreaSchema } from './organisations';

// Reference data under content/, served read-only to signed-in users for pickers and labels.

export const municipalitySchema = z.object({
  code: z.string(),
  name: z.string(),
  countyCode: z.string(),
  reportingAreas: z.array(reportingAreaSchema),
});
export const municipalityListSchema = z.object({ items: z.array(municipalitySchema) });

export const sniDivisionSchema = z.object({ code: z.string(), nameSv: z.string(), nameEn: z.string() });
export const sniDivisionListSchema = z.object({ items: z.array(sniDivisionSchema) });

export const undertakingSchema = z.object({ id: z.uuid(), name: z.string(), companyCount: z.number().int() });
export const undertakingListSchema = z.object({ items: z.array(undertakingSchema) });
export const undertakingQuerySchema = z.strictObject({ q: z.string().trim().max(200).optional() });
export const createUndertakingBodySchema = z.strictObject({
  name: visibleLine(z.string({ error: 'Enter a name' }).trim().min(2, { error: 'At least 2 characters' }).max(200)),
});
