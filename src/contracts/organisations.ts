import { z } from 'zod';
import { reportingAreas } from '../core/regions';
import { idSchema, limits, timestampSchema, versionSchema, visibleLine } from './common';

// The areas are the core's list (src/core/regions.ts), the one place that names them.
export { reportingAreas };
export const reportingAreaSchema = z.enum(reportingAreas);

export const organisationSchema = z.object({
  id: idSchema,
  name: z.string(),
  shortName: z.string(),
  reportingAreas: z.array(reportingAreaSchema),
  userCount: z.number().int(),
  companyCount: z.number().int(),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListSchema = z.object({ items: z.array(organisationSchema) });

const organisationNameSchema = visibleLine(
  z
    .string({ error: 'Enter a name' })
    .trim()
    .min(2, { error: 'At least 2 characters' })
    .max(limits.nameMax, { error: `At most ${limits.nameMax} characters` }),
);
const shortNameSchema = visibleLine(
  z
    .string({ error: 'Enter a short name' })
    .trim()
    .min(2, { error: 'At least 2 characters' })
    .max(40, { error: 'At most 40 characters' }),
);

export const createOrganisationBodySchema = z.strictObject({
  name: organisationNameSchema,
  shortName: shortNameSchema,
  reportingAreas: z.array(reportingAreaSchema).max(reportingAreas.length).default([]),
});
export type CreateOrganisationBody = z.infer<typeof createOrganisationBodySchema>;

export const updateOrganisationBodySchema = z.strictObject({
  version: versionSchema,
  name: organisationNameSchema.optional(),
  shortName: shortNameSchema.optional(),
  reportingAreas: z.array(reportingAreaSchema).max(reportingAreas.length).optional(),
});
export type UpdateOrganisationBody = z.infer<typeof updateOrganisationBodySchema>;
