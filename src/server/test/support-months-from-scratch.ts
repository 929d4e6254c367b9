import { sql } from 'drizzle-orm';

/**
 * Every company's support per month summed from the records with one statement and no trigger
 * (`company_support_months_from_records`, migration 0037, decision 049): what `company_support_months`
 * must hold. The indicator report's tests and the benchmark's fill check the table against it, which
 * finds a write whose trigger did not recompute its company; the report's hand counts and its check
 * against the records of every period (`indicator-reports.test.ts`) hold the function's sums.
 */
export const supportMonthsFromScratch = sql`
  select * from company_support_months_from_records(null)`;

/** The rows of `company_support_months` that a sum from scratch does not give, and the other way. */
export const supportMonthsDiffering = sql`
  select * from ((select * from company_support_months except ${supportMonthsFromScratch})
                 union all
                 (${supportMonthsFromScratch} except select * from company_support_months)) as d limit 3`;
