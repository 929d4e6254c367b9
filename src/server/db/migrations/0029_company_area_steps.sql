CREATE TABLE "company_area_steps" (
	"company_id" uuid NOT NULL,
	"area" text NOT NULL,
	"baseline_step" smallint,
	"baseline_at" timestamp with time zone,
	"first_follow_up_at" timestamp with time zone,
	"latest_step" smallint,
	"latest_at" timestamp with time zone,
	CONSTRAINT "company_area_steps_company_id_area_pk" PRIMARY KEY("company_id","area")
);
--> statement-breakpoint
ALTER TABLE "company_area_steps" ADD CONSTRAINT "company_area_steps_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A company's steps in an area, recomputed from its submitted coach-led measurements (decision 039):
-- the first baseline and the latest follow-up, as stepChangesCte in the indicator reports' queries
-- compares them. A company has a handful of measurements per area, so recomputing is cheap and needs
-- no rule for taking a part away.
CREATE FUNCTION "company_area_steps_refresh"(company uuid, measured_area text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Two measurements of one company submitted at once would each recompute without the other's. The
  -- company row's lock makes the second wait until the first commits; its next statement then reads
  -- it (read committed takes a new snapshot per statement).
  PERFORM 1 FROM "companies" WHERE "id" = company FOR NO KEY UPDATE;
  DELETE FROM "company_area_steps" WHERE "company_id" = company AND "area" = measured_area;
  INSERT INTO "company_area_steps" ("company_id", "area", "baseline_step", "baseline_at", "first_follow_up_at",
                                    "latest_step", "latest_at")
  SELECT company, measured_area,
         (array_agg(a."step" ORDER BY a."submitted_at") FILTER (WHERE a."kind" = 'baseline'))[1],
         min(a."submitted_at") FILTER (WHERE a."kind" = 'baseline'),
         min(a."submitted_at") FILTER (WHERE a."kind" = 'follow_up'),
         (array_agg(a."step" ORDER BY a."submitted_at" DESC) FILTER (WHERE a."kind" = 'follow_up'))[1],
         max(a."submitted_at") FILTER (WHERE a."kind" = 'follow_up')
    FROM "assessments" a
   WHERE a."company_id" = company AND a."area" = measured_area AND a."status" = 'submitted' AND a."mode" = 'coach'
  HAVING count(*) > 0;
END $$;
--> statement-breakpoint
CREATE FUNCTION "assessments_company_area_steps_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'submitted' AND OLD."mode" = 'coach' THEN
    PERFORM "company_area_steps_refresh"(OLD."company_id", OLD."area");
  END IF;
  -- The same company and area were just recomputed from the old row's side.
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'submitted' AND NEW."mode" = 'coach'
     AND NOT (TG_OP = 'UPDATE' AND OLD."status" = 'submitted' AND OLD."mode" = 'coach'
              AND OLD."company_id" = NEW."company_id" AND OLD."area" = NEW."area") THEN
    PERFORM "company_area_steps_refresh"(NEW."company_id", NEW."area");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Drafts are saved with every answer: only a change to what the steps are made of fires it.
CREATE TRIGGER "assessments_company_area_steps"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "mode", "kind", "step", "submitted_at", "company_id", "area"
  ON "assessments" FOR EACH ROW EXECUTE FUNCTION "assessments_company_area_steps_trigger"();
--> statement-breakpoint
-- The measurements there are now, by the same function.
SELECT "company_area_steps_refresh"(m."company_id", m."area")
  FROM (SELECT DISTINCT "company_id", "area" FROM "assessments" WHERE "status" = 'submitted' AND "mode" = 'coach') AS m;
