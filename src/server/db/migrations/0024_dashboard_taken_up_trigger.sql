-- The day a company was taken up into the programme (decision 034): the first day it entered
-- `enrolled` (takenUpOn in src/core/company-status.ts). The status history is only ever added to
-- (decision 009), so a trigger on its inserts keeps `companies.enrolled_on` right for every path
-- that writes a status (the API, the import, the seed), in the writing transaction.
CREATE FUNCTION "company_status_changes_taken_up_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."to_status" = 'enrolled' THEN
    UPDATE "companies" SET "enrolled_on" = NEW."changed_on"
     WHERE "id" = NEW."company_id" AND ("enrolled_on" IS NULL OR "enrolled_on" > NEW."changed_on");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "company_status_changes_taken_up" AFTER INSERT ON "company_status_changes"
  FOR EACH ROW EXECUTE FUNCTION "company_status_changes_taken_up_trigger"();
--> statement-breakpoint
-- The companies there are now, from their history.
UPDATE "companies" AS c SET "enrolled_on" = h."first_enrolled"
  FROM (SELECT "company_id", min("changed_on") AS "first_enrolled" FROM "company_status_changes"
         WHERE "to_status" = 'enrolled' GROUP BY "company_id") AS h
 WHERE h."company_id" = c."id";
