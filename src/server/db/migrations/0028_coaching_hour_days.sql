CREATE TABLE "coaching_hour_days" (
	"organisation_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"area" text,
	"kind" text NOT NULL,
	"interventions" integer DEFAULT 0 NOT NULL,
	"quarter_hours" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "coaching_hour_days_key" UNIQUE NULLS NOT DISTINCT("organisation_id","occurred_on","area","kind")
);
--> statement-breakpoint
ALTER TABLE "coaching_hour_days" ADD CONSTRAINT "coaching_hour_days_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Logged coaching per organisation, day, area and kind, kept by the writes (decision 039): each
-- intervention adds its quarter hours to its row; a change takes the old part away and adds the new,
-- in the writing transaction, whichever code path writes (the API, the seed, a cascade).
CREATE FUNCTION "coaching_hour_days_add"(sign integer, i "interventions") RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "coaching_hour_days" AS t ("organisation_id", "occurred_on", "area", "kind", "interventions", "quarter_hours")
  VALUES (i."organisation_id", i."occurred_on", i."area", i."kind", sign, sign * i."quarter_hours")
  ON CONFLICT ON CONSTRAINT "coaching_hour_days_key" DO UPDATE SET
    "interventions" = t."interventions" + excluded."interventions",
    "quarter_hours" = t."quarter_hours" + excluded."quarter_hours"
$$;
--> statement-breakpoint
CREATE FUNCTION "interventions_coaching_hours_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "coaching_hour_days_add"(-1, OLD);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "coaching_hour_days_add"(1, NEW);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Only a change to what the rollup groups or sums moves it: editing the notes or the next follow-up
-- touches no row of it.
CREATE TRIGGER "interventions_coaching_hours"
  AFTER INSERT OR DELETE OR UPDATE OF "organisation_id", "occurred_on", "area", "kind", "quarter_hours"
  ON "interventions" FOR EACH ROW EXECUTE FUNCTION "interventions_coaching_hours_trigger"();
--> statement-breakpoint
-- The interventions there are now.
INSERT INTO "coaching_hour_days" ("organisation_id", "occurred_on", "area", "kind", "interventions", "quarter_hours")
SELECT "organisation_id", "occurred_on", "area", "kind", count(*), sum("quarter_hours")
  FROM "interventions"
 GROUP BY "organisation_id", "occurred_on", "area", "kind";
