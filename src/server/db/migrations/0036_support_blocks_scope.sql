-- Each block carries its company's programme, organisation, municipality and status as they are now
-- (decision 041): a report of whole blocks narrows them to its scope and counts them without joining
-- the companies, which was most of a year's report at 100×.
ALTER TABLE "company_support_blocks" ADD COLUMN "programme_id" uuid;--> statement-breakpoint
ALTER TABLE "company_support_blocks" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
ALTER TABLE "company_support_blocks" ADD COLUMN "municipality_code" text;--> statement-breakpoint
ALTER TABLE "company_support_blocks" ADD COLUMN "status" text;--> statement-breakpoint
UPDATE "company_support_blocks" b
   SET "programme_id" = c."programme_id", "organisation_id" = c."organisation_id",
       "municipality_code" = c."municipality_code", "status" = c."status"
  FROM "companies" c
 WHERE c."id" = b."company_id";--> statement-breakpoint
ALTER TABLE "company_support_blocks" ALTER COLUMN "programme_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "company_support_blocks" ALTER COLUMN "organisation_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "company_support_blocks" ALTER COLUMN "status" SET NOT NULL;--> statement-breakpoint
-- As in 0031, and the block takes the company's facts from the row it locks.
CREATE OR REPLACE FUNCTION "company_support_blocks_refresh"(company uuid, day date) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  block record;
  facts record;
BEGIN
  -- Two writes for one company at once would each recompute without the other's. The company row's
  -- lock makes the second wait until the first commits; its next statement then reads it (read
  -- committed takes a new snapshot per statement). NO KEY UPDATE does not conflict with the KEY SHARE
  -- lock the foreign key check of an intervention or a measurement takes.
  SELECT "programme_id", "organisation_id", "municipality_code", "status" INTO facts
    FROM "companies" WHERE "id" = company FOR NO KEY UPDATE;
  FOR block IN
    SELECT b.months, b.starts_on, (b.starts_on + make_interval(months => b.months))::date AS ends_before
      FROM (VALUES (1, date_trunc('month', day)::date), (3, date_trunc('quarter', day)::date),
                   (12, date_trunc('year', day)::date)) AS b(months, starts_on)
  LOOP
    DELETE FROM "company_support_blocks"
     WHERE "company_id" = company AND "months" = block.months AND "starts_on" = block.starts_on;
    -- A company deleted in the same statement has no facts left, and no blocks to keep.
    CONTINUE WHEN facts."programme_id" IS NULL;
    INSERT INTO "company_support_blocks" ("company_id", "months", "starts_on", "first_on", "last_on", "interventions",
                                          "quarter_hours", "measurements", "size_class", "programme_id",
                                          "organisation_id", "municipality_code", "status")
    SELECT company, block.months, block.starts_on, min(e.on_day), max(e.on_day),
           count(*) FILTER (WHERE e.is_intervention), coalesce(sum(e.quarter_hours), 0),
           count(*) FILTER (WHERE NOT e.is_intervention), "company_size_class_on"(company, min(e.on_day)),
           facts."programme_id", facts."organisation_id", facts."municipality_code", facts."status"
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
-- A company handed over, moved or given a new status carries its blocks' facts along, in the same
-- statement (a few dozen rows).
CREATE FUNCTION "companies_support_blocks_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "company_support_blocks"
     SET "programme_id" = NEW."programme_id", "organisation_id" = NEW."organisation_id",
         "municipality_code" = NEW."municipality_code", "status" = NEW."status"
   WHERE "company_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_support_blocks"
  AFTER UPDATE OF "programme_id", "organisation_id", "municipality_code", "status" ON "companies"
  FOR EACH ROW
  WHEN (OLD."programme_id" IS DISTINCT FROM NEW."programme_id"
        OR OLD."organisation_id" IS DISTINCT FROM NEW."organisation_id"
        OR OLD."municipality_code" IS DISTINCT FROM NEW."municipality_code"
        OR OLD."status" IS DISTINCT FROM NEW."status")
  EXECUTE FUNCTION "companies_support_blocks_trigger"();
--> statement-breakpoint
-- The report reads the blocks of a period for every company at once, narrowed to its scope and
-- counted by these facts (decision 041).
DROP INDEX "company_support_blocks_period_idx";
--> statement-breakpoint
CREATE UNIQUE INDEX "company_support_blocks_period_idx" ON "company_support_blocks" ("months", "starts_on", "company_id")
  INCLUDE ("first_on", "last_on", "quarter_hours", "measurements", "size_class", "programme_id", "organisation_id",
           "municipality_code", "status");
