import { z } from 'zod';
import { localeSchema } from './common';

// The maturity report (issue 15): a company's maturity results, action plan and energy summary as
// a PDF. Its figures are the API's own (GET …/maturity, …/actions, …/action-totals, the latest
// energy mapping); the query only picks the language of its words.

export const maturityReportQuerySchema = z.strictObject({
  /** The report's language; Swedish unless English is asked for. Numbers, dates and kronor are
   * written the Swedish way in both (docs/architecture.md, "User interface"). */
  locale: localeSchema.default('sv'),
});
export type MaturityReportQuery = z.infer<typeof maturityReportQuerySchema>;
