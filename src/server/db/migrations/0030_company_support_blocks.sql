CREATE TABLE "company_support_blocks" (
	"company_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"first_on" date NOT NULL,
	"last_on" date NOT NULL,
	"interventions" integer NOT NULL,
	"quarter_hours" integer NOT NULL,
	"measurements" integer NOT NULL,
	CONSTRAINT "company_support_blocks_company_id_months_starts_on_pk" PRIMARY KEY("company_id","months","starts_on"),
	CONSTRAINT "company_support_blocks_months_check" CHECK ("company_support_blocks"."months" in (1, 3, 12))
);
--> statement-breakpoint
ALTER TABLE "company_support_blocks" ADD CONSTRAINT "company_support_blocks_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "actions_done_on_idx" ON "actions" USING btree ("done_on") WHERE "actions"."status" = 'done';--> statement-breakpoint
CREATE INDEX "actions_done_without_realised_idx" ON "actions" USING btree ("done_on") WHERE "actions"."status" = 'done' and "actions"."realised_kwh" is null and "actions"."realised_co2e_kg" is null and "actions"."realised_sek" is null and "actions"."realised_material_tonnes" is null;--> statement-breakpoint
CREATE INDEX "actions_plan_idx" ON "actions" USING btree ("company_id","created_at") WHERE "actions"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "actions_without_carrier_idx" ON "actions" USING btree ("company_id") WHERE "actions"."status" <> 'cancelled' and "actions"."carrier" is null and (("actions"."expected_kwh" <> 0 and "actions"."expected_co2e_kg" is null) or ("actions"."realised_kwh" <> 0 and "actions"."realised_co2e_kg" is null));--> statement-breakpoint
-- The report reads the blocks of a period for every company at once (decision 041).
CREATE UNIQUE INDEX "company_support_blocks_period_idx" ON "company_support_blocks" ("months", "starts_on", "company_id")
  INCLUDE ("first_on", "last_on", "quarter_hours", "measurements");
--> statement-breakpoint
-- A company's month, quarter and year around a day, recomputed from its interventions and its
-- submitted coach-led measurements (by their Stockholm day). A company has a few of them a month, so
-- recomputing is cheap and needs no rule for taking a part away (the first and last day cannot be
-- taken away by subtraction).
CREATE FUNCTION "company_support_blocks_refresh"(company uuid, day date) RETURNS void
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
                                          "quarter_hours", "measurements")
    SELECT company, block.months, block.starts_on, min(e.on_day), max(e.on_day),
           count(*) FILTER (WHERE e.is_intervention), coalesce(sum(e.quarter_hours), 0),
           count(*) FILTER (WHERE NOT e.is_intervention)
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
CREATE FUNCTION "interventions_support_blocks_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "company_support_blocks_refresh"(OLD."company_id", OLD."occurred_on");
  END IF;
  -- A change within one month was just recomputed from the old row's side.
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NOT (OLD."company_id" = NEW."company_id"
      AND date_trunc('month', OLD."occurred_on") = date_trunc('month', NEW."occurred_on"))) THEN
    PERFORM "company_support_blocks_refresh"(NEW."company_id", NEW."occurred_on");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Editing the notes, the kind or the next follow-up touches no block.
CREATE TRIGGER "interventions_support_blocks"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "occurred_on", "quarter_hours"
  ON "interventions" FOR EACH ROW EXECUTE FUNCTION "interventions_support_blocks_trigger"();
--> statement-breakpoint
CREATE FUNCTION "assessments_support_blocks_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'submitted' AND OLD."mode" = 'coach' THEN
    PERFORM "company_support_blocks_refresh"(OLD."company_id", (OLD."submitted_at" AT TIME ZONE 'Europe/Stockholm')::date);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'submitted' AND NEW."mode" = 'coach'
     AND NOT (TG_OP = 'UPDATE' AND OLD."status" = 'submitted' AND OLD."mode" = 'coach'
              AND OLD."company_id" = NEW."company_id"
              AND date_trunc('month', OLD."submitted_at" AT TIME ZONE 'Europe/Stockholm')
                = date_trunc('month', NEW."submitted_at" AT TIME ZONE 'Europe/Stockholm')) THEN
    PERFORM "company_support_blocks_refresh"(NEW."company_id", (NEW."submitted_at" AT TIME ZONE 'Europe/Stockholm')::date);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Drafts are saved with every answer: only a change to what the blocks count fires it.
CREATE TRIGGER "assessments_support_blocks"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "mode", "submitted_at", "company_id"
  ON "assessments" FOR EACH ROW EXECUTE FUNCTION "assessments_support_blocks_trigger"();
--> statement-breakpoint
-- The interventions and measurements there are now, by the same function (each call also recomputes
-- the quarter and the year, which is cheap at the programme's size).
SELECT "company_support_blocks_refresh"(m."company_id", m."month")
  FROM (SELECT "company_id", date_trunc('month', "occurred_on")::date AS "month" FROM "interventions"
        UNION
        SELECT "company_id", date_trunc('month', "submitted_at" AT TIME ZONE 'Europe/Stockholm')::date FROM "assessments"
         WHERE "status" = 'submitted' AND "mode" = 'coach') AS m;
--> statement-breakpoint
-- The indicator report reads the coach-led measurements submitted in a period across the programme.
CREATE INDEX "assessments_submitted_coach_idx" ON "assessments" ("submitted_at") INCLUDE ("company_id")
  WHERE "status" = 'submitted' AND "mode" = 'coach';
--> statement-breakpoint
-- The days at a period's ragged ends are read from the interventions themselves (decision 041).
CREATE INDEX "interventions_occurred_on_idx" ON "interventions" ("occurred_on") INCLUDE ("company_id", "quarter_hours");
