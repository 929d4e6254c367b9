import { z } from 'zod';
import { idSchema, pageSchema, paginationQuerySchema } from './common';

// The foundation's slice of the company register: enough to pick a company when inviting its user.
export const companySummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  organisationNumber: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

export const companyListQuerySchema = paginationQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  organisationId: idSchema.optional(),
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;
export const companyPageSchema = pageSchema(companySummarySchema);
