ALTER TABLE "company_support_blocks" ADD COLUMN "size_class" text;--> statement-breakpoint
-- sizeClassOn of the core for one company and day: of its records with a class, the last made on or
-- before the day (before the next day starts in Stockholm), else the earliest; null without one.
-- size-class-sql.test.ts holds the two to the same answers.
CREATE FUNCTION "company_size_class_on"(company uuid, day date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT r."size_class"
    FROM "company_size_records" r
   WHERE r."company_id" = company AND r."size_class" IS NOT NULL
   ORDER BY r."recorded_at" < ((day + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') DESC,
            CASE WHEN r."recorded_at" < ((day + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') THEN r."recorded_at" END
              DESC NULLS LAST,
            r."recorded_at"
   LIMIT 1
$$;
--> statement-breakpoint
-- As in 0030, and the block keeps the company's size class on its first day (decision 041): the
-- report then reads no size records for a period of whole blocks.
CREATE OR REPLACE FUNCTION "company_support_blocks_refresh"(company uuid, day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  block record;
BEGIN
  -- Two writes for one company at once would each recompute without the other's. The company row's
  -- lock makes the second wait until the first commits; its next statement then reads it (read
  -- committed takes a new snapshot per statement). NO KEY UPDATE does not conflict with the KEY SHARE
  -- lock the foreign key check of an intervention or a measurement takes.
  PERFORM 1 FROM "companies" WHERE "id" = company FOR NO KEY UPDATE;
  FOR block IN
    SELECT b.months, b.starts_on, (b.starts_on + make_interval(months => b.months))::date AS ends_before
      FROM (VALUES (1, date_trunc('month', day)::date), (3, date_trunc('quarter', day)::date),
                   (12, date_trunc('year', day)::date)) AS b(months, starts_on)
  LOOP
    DELETE FROM "company_support_blocks"
     WHERE "company_id" = company AND "months" = block.months AND "starts_on" = block.starts_on;
    INSERT INTO "company_support_blocks" ("company_id", "months", "starts_on", "first_on", "last_on", "interventions",
                                          "quarter_hours", "measurements", "size_class")
    SELECT company, block.months, block.starts_on, min(e.on_day), max(e.on_day),
           count(*) FILTER (WHERE e.is_intervention), coalesce(sum(e.quarter_hours), 0),
           count(*) FILTER (WHERE NOT e.is_intervention), "company_size_class_on"(company, min(e.on_day))
      FROM (SELECT i."occurred_on" AS on_day, i."quarter_hours", true AS is_intervention
              FROM "interventions" i
             WHERE i."company_id" = company AND i."occurred_on" >= block.starts_on AND i."occurred_on" < block.ends_before
            UNION ALL
            SELECT (a."submitted_at" AT TIME ZONE 'Europe/Stockholm')::date, 0, false
              FROM "assessments" a
             WHERE a."company_id" = company AND a."status" = 'submitted' AND a."mode" = 'coach'
               AND a."submitted_at" >= (block.starts_on::timestamp AT TIME ZONE 'Europe/Stockholm')
               AND a."submitted_at" < (block.ends_before::timestamp AT TIME ZONE 'Europe/Stockholm')) AS e
    HAVING count(*) > 0;
  END LOOP;
END $$;
--> statement-breakpoint
-- A size record added, changed or taken away can change the class on the first day of any of the
-- company's blocks (a first record is "the earliest" for every block before it too): all of them are
-- looked at again, a few dozen rows, under the same company row lock as the refresh.
CREATE FUNCTION "company_size_records_support_blocks_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  company uuid;
BEGIN
  FOR company IN
    SELECT DISTINCT c.id FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN OLD."company_id" END),
                                      (CASE WHEN TG_OP <> 'DELETE' THEN NEW."company_id" END)) AS c(id)
     WHERE c.id IS NOT NULL
  LOOP
    PERFORM 1 FROM "companies" WHERE "id" = company FOR NO KEY UPDATE;
    UPDATE "company_support_blocks" b
       SET "size_class" = "company_size_class_on"(company, b."first_on")
     WHERE b."company_id" = company AND b."size_class" IS DISTINCT FROM "company_size_class_on"(company, b."first_on");
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "company_size_records_support_blocks"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "recorded_at", "size_class"
  ON "company_size_records" FOR EACH ROW EXECUTE FUNCTION "company_size_records_support_blocks_trigger"();
--> statement-breakpoint
UPDATE "company_support_blocks" SET "size_class" = "company_size_class_on"("company_id", "first_on");
--> statement-breakpoint
-- The report reads the blocks of a period for every company at once (decision 041), the size class
-- with them.
DROP INDEX "company_support_blocks_period_idx";
--> statement-breakpoint
CREATE UNIQUE INDEX "company_support_blocks_period_idx" ON "company_support_blocks" ("months", "starts_on", "company_id")
  INCLUDE ("first_on", "last_on", "quarter_hours", "measurements", "size_class");
--> statement-breakpoint
-- Each statement of the indicator report narrows the programme's companies to its scope; this reads
-- them from a narrow index instead of the companies' wide rows (decision 041).
CREATE INDEX "companies_report_scope_idx" ON "companies" ("programme_id", "organisation_id", "municipality_code")
  INCLUDE ("id", "status");
