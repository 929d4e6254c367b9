-- A period inside the programme that ends inside a month (15 January – 20 November) takes the sums
-- through the end of the month before from the row of its first month, and the row of its last month
-- only where that month has support (decision 050): the few rows with days, read from this index.
CREATE INDEX "company_support_months_active_idx" ON "company_support_months" ("month", "company_id")
  INCLUDE ("days", "quarter_hours_through", "measurements_through", "quarter_hours_before", "measurements_before",
           "last_before", "programme_id", "organisation_id", "municipality_code")
  WHERE cardinality("days") > 0;
--> statement-breakpoint
ANALYZE "company_support_months";
