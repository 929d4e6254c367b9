-- A company's size facts as they were at each change (decision 027; docs/domain.md: keep the class as
-- it was on each reporting date). The trigger writes a record whenever a company is created or its
-- size facts or class change, stamped with the row's `updated_at` (the service's clock), so every
-- path that writes companies keeps the history.
CREATE FUNCTION "companies_size_record_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR (NEW."headcount", NEW."turnover_sek", NEW."balance_sheet_sek", NEW."financial_year", NEW."size_class")
      IS DISTINCT FROM (OLD."headcount", OLD."turnover_sek", OLD."balance_sheet_sek", OLD."financial_year", OLD."size_class") THEN
    INSERT INTO "company_size_records" ("company_id", "recorded_at", "financial_year", "headcount", "turnover_sek",
      "balance_sheet_sek", "size_class")
    VALUES (NEW."id", NEW."updated_at", NEW."financial_year", NEW."headcount", NEW."turnover_sek",
      NEW."balance_sheet_sek", NEW."size_class");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_size_record" AFTER INSERT OR UPDATE ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "companies_size_record_trigger"();
--> statement-breakpoint
-- The companies there are now: their present facts, as of their last change (the best known).
INSERT INTO "company_size_records" ("company_id", "recorded_at", "financial_year", "headcount", "turnover_sek",
  "balance_sheet_sek", "size_class")
SELECT "id", "created_at", "financial_year", "headcount", "turnover_sek", "balance_sheet_sek", "size_class"
  FROM "companies";
