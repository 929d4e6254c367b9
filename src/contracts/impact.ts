import { z } from 'zod';
import { areas } from '../core/areas';
import { interventionKinds } from '../core/interventions';
import { idSchema, timestampSchema } from './common';
import { withPeriodRules } from './indicator-reports';

// The impact view (issue 12, item 5; decision 035): per area, the companies measured twice and the
// support they had between the two measurements, with the medians behind one step gained.

const isoDate = z.iso.date({ error: 'A date, e.g. 2026-06-30' });

/** The period selects the follow-ups made in it; an admin may narrow to one organisation, a coach
 * always sees their own. */
export const impactQuerySchema = withPeriodRules(
  z.strictObject({
    from: isoDate,
    to: isoDate,
    organisationId: idSchema.optional(),
  }),
);
export type ImpactQuery = z.infer<typeof impactQuerySchema>;

export const impactSummarySchema = z.object({
  measured: z.number().int(),
  climbed: z.number().int(),
  medianStepChange: z.number().nullable(),
  medianHoursPerStep: z.number().nullable(),
  medianActionsPerStep: z.number().nullable(),
});
export type ImpactSummaryFigures = z.infer<typeof impactSummarySchema>;

/** Hours per intervention kind, every kind present. */
export const hoursByKindSchema = z.object(
  Object.fromEntries(interventionKinds.map((kind) => [kind, z.number()])) as Record<
    (typeof interventionKinds)[number],
    z.ZodNumber
  >,
);

export const impactCompanySchema = z.object({
  companyId: idSchema,
  name: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
  baselineOn: z.string(),
  baselineStep: z.number().int(),
  followUpOn: z.string(),
  followUpStep: z.number().int(),
  stepChange: z.number().int(),
  /** Logged coaching between the two days (of the area or general), in hours. */
  hours: z.number(),
  hoursByKind: hoursByKindSchema,
  activitiesAttended: z.number().int(),
  actionsDone: z.number().int(),
});
export type ImpactCompany = z.infer<typeof impactCompanySchema>;

export const impactSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  filters: z.object({ organisationId: idSchema.nullable(), organisationName: z.string().nullable() }),
  madeAt: timestampSchema,
  total: impactSummarySchema,
  areas: z.array(
    z.object({
      area: z.enum(areas),
      summary: impactSummarySchema,
      /** By step change (largest first), then name. */
      companies: z.array(impactCompanySchema),
    }),
  ),
  organisations: z.array(
    z.object({ organisationId: idSchema, organisationName: z.string(), summary: impactSummarySchema }),
  ),
});
export type Impact = z.infer<typeof impactSchema>;
