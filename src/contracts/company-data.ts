import { z } from 'zod';
import { actionSchema } from './action-plans';
import { analysisSummarySchema } from './analyses';
import { companySchema } from './companies';
import { timestampSchema } from './common';
import { contactSchema } from './contacts';
import { assessmentSummarySchema } from './maturity';

// A company's own copy of its data (issue 15, decision 043): the register row, its contact persons,
// measurements, action plan and analyses, as a JSON file or an .xlsx with a sheet each. Both are
// built from this one object, so the two files hold the same.

export const companyDataExportQuerySchema = z.strictObject({
  format: z.enum(['xlsx', 'json']).default('xlsx'),
});
export type CompanyDataExportQuery = z.infer<typeof companyDataExportQuerySchema>;

export const companyDataSchema = z.object({
  exportedAt: timestampSchema,
  company: companySchema.omit({ contacts: true, statusHistory: true, abilities: true, warnings: true }),
  contacts: z.array(contactSchema),
  measurements: z.array(assessmentSummarySchema),
  actions: z.array(actionSchema.omit({ abilities: true })),
  analyses: z.array(analysisSummarySchema),
});
export type CompanyData = z.infer<typeof companyDataSchema>;
