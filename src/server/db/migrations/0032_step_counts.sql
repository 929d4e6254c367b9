CREATE TABLE "best_step_change_counts" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"change" smallint,
	"companies" integer NOT NULL,
	CONSTRAINT "best_step_change_counts_key" UNIQUE NULLS NOT DISTINCT("programme_id","organisation_id","municipality_code","change")
);
--> statement-breakpoint
CREATE TABLE "company_step_counts" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"counted" boolean NOT NULL,
	"best_change" smallint
);
--> statement-breakpoint
CREATE TABLE "step_pair_counts" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"area" text NOT NULL,
	"baseline_step" smallint,
	"latest_step" smallint,
	"companies" integer NOT NULL,
	CONSTRAINT "step_pair_counts_key" UNIQUE NULLS NOT DISTINCT("programme_id","organisation_id","municipality_code","area","baseline_step","latest_step")
);
--> statement-breakpoint
-- A row of company_area_steps counts when the company has a baseline or a follow-up in the area, as
-- stepChangesCte reads it for a period that ends after all of them (decision 041).
CREATE FUNCTION "company_area_steps_counts_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  company uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD."company_id" ELSE NEW."company_id" END;
  kept "company_step_counts";
  now_best smallint;
  now_counted boolean;
BEGIN
  SELECT * INTO kept FROM "company_step_counts" WHERE "company_id" = company;
  IF NOT FOUND THEN
    INSERT INTO "company_step_counts" ("company_id", "programme_id", "organisation_id", "municipality_code", "counted")
    SELECT c."id", c."programme_id", c."organisation_id", c."municipality_code", false FROM "companies" c WHERE c."id" = company
    RETURNING * INTO kept;
    IF kept."company_id" IS NULL THEN
      RETURN NULL;
    END IF;
  END IF;
  -- The row's pair taken away and added, in one statement in key order (rows locked in one order).
  INSERT INTO "step_pair_counts" AS t ("programme_id", "organisation_id", "municipality_code", "area", "baseline_step",
                                        "latest_step", "companies")
  SELECT kept."programme_id", kept."organisation_id", kept."municipality_code", d.area, d.baseline_step, d.latest_step,
         sum(d.n)
    FROM (SELECT OLD."area", OLD."baseline_step", OLD."latest_step", -1
           WHERE TG_OP <> 'INSERT' AND (OLD."baseline_at" IS NOT NULL OR OLD."first_follow_up_at" IS NOT NULL)
          UNION ALL
          SELECT NEW."area", NEW."baseline_step", NEW."latest_step", 1
           WHERE TG_OP <> 'DELETE' AND (NEW."baseline_at" IS NOT NULL OR NEW."first_follow_up_at" IS NOT NULL))
         AS d(area, baseline_step, latest_step, n)
   GROUP BY d.area, d.baseline_step, d.latest_step
   ORDER BY d.area, d.baseline_step, d.latest_step
  ON CONFLICT ON CONSTRAINT "step_pair_counts_key" DO UPDATE SET "companies" = t."companies" + excluded."companies";
  -- The company's largest change over its areas, recomputed from its rows (a statement may change
  -- several of them: each call compares with what is kept, so the last finds nothing left to move).
  SELECT max(s."latest_step" - s."baseline_step"), count(*) > 0 INTO now_best, now_counted
    FROM "company_area_steps" s
   WHERE s."company_id" = company AND (s."baseline_at" IS NOT NULL OR s."first_follow_up_at" IS NOT NULL);
  IF kept."counted" IS DISTINCT FROM now_counted OR kept."best_change" IS DISTINCT FROM now_best THEN
    INSERT INTO "best_step_change_counts" AS t ("programme_id", "organisation_id", "municipality_code", "change", "companies")
    SELECT kept."programme_id", kept."organisation_id", kept."municipality_code", d.change, sum(d.n)
      FROM (SELECT kept."best_change", -1 WHERE kept."counted"
            UNION ALL
            SELECT now_best, 1 WHERE now_counted) AS d(change, n)
     GROUP BY d.change
     ORDER BY d.change NULLS FIRST
    ON CONFLICT ON CONSTRAINT "best_step_change_counts_key" DO UPDATE SET "companies" = t."companies" + excluded."companies";
    UPDATE "company_step_counts" SET "counted" = now_counted, "best_change" = now_best WHERE "company_id" = company;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "company_area_steps_counts"
  AFTER INSERT OR DELETE OR UPDATE ON "company_area_steps"
  FOR EACH ROW EXECUTE FUNCTION "company_area_steps_counts_trigger"();
--> statement-breakpoint
-- A company handed over to another organisation, or moved to another municipality, takes its counts
-- with it.
CREATE FUNCTION "companies_step_counts_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  kept "company_step_counts";
BEGIN
  SELECT * INTO kept FROM "company_step_counts" WHERE "company_id" = NEW."id";
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  INSERT INTO "step_pair_counts" AS t ("programme_id", "organisation_id", "municipality_code", "area", "baseline_step",
                                        "latest_step", "companies")
  SELECT d.programme_id, d.organisation_id, d.municipality_code, s."area", s."baseline_step", s."latest_step", sum(d.n)
    FROM "company_area_steps" s
   CROSS JOIN (VALUES (kept."programme_id", kept."organisation_id", kept."municipality_code", -1),
                      (NEW."programme_id", NEW."organisation_id", NEW."municipality_code", 1))
         AS d(programme_id, organisation_id, municipality_code, n)
   WHERE s."company_id" = NEW."id" AND (s."baseline_at" IS NOT NULL OR s."first_follow_up_at" IS NOT NULL)
   GROUP BY 1, 2, 3, 4, 5, 6
   ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT ON CONSTRAINT "step_pair_counts_key" DO UPDATE SET "companies" = t."companies" + excluded."companies";
  IF kept."counted" THEN
    INSERT INTO "best_step_change_counts" AS t ("programme_id", "organisation_id", "municipality_code", "change", "companies")
    SELECT d.programme_id, d.organisation_id, d.municipality_code, kept."best_change", sum(d.n)
      FROM (VALUES (kept."programme_id", kept."organisation_id", kept."municipality_code", -1),
                   (NEW."programme_id", NEW."organisation_id", NEW."municipality_code", 1))
           AS d(programme_id, organisation_id, municipality_code, n)
     GROUP BY 1, 2, 3
     ORDER BY 1, 2, 3
    ON CONFLICT ON CONSTRAINT "best_step_change_counts_key" DO UPDATE SET "companies" = t."companies" + excluded."companies";
  END IF;
  UPDATE "company_step_counts"
     SET "programme_id" = NEW."programme_id", "organisation_id" = NEW."organisation_id",
         "municipality_code" = NEW."municipality_code"
   WHERE "company_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_step_counts"
  AFTER UPDATE OF "programme_id", "organisation_id", "municipality_code" ON "companies"
  FOR EACH ROW
  WHEN (OLD."programme_id" IS DISTINCT FROM NEW."programme_id" OR OLD."organisation_id" IS DISTINCT FROM NEW."organisation_id"
        OR OLD."municipality_code" IS DISTINCT FROM NEW."municipality_code")
  EXECUTE FUNCTION "companies_step_counts_trigger"();
--> statement-breakpoint
-- The counts hold for a period that ends after every kept measurement: the report asks for the latest.
CREATE INDEX "company_area_steps_last_at_idx" ON "company_area_steps" ((greatest("baseline_at", "first_follow_up_at", "latest_at")));
--> statement-breakpoint
INSERT INTO "company_step_counts" ("company_id", "programme_id", "organisation_id", "municipality_code", "counted", "best_change")
SELECT c."id", c."programme_id", c."organisation_id", c."municipality_code", true, max(s."latest_step" - s."baseline_step")
  FROM "companies" c JOIN "company_area_steps" s ON s."company_id" = c."id"
 WHERE s."baseline_at" IS NOT NULL OR s."first_follow_up_at" IS NOT NULL
 GROUP BY c."id";
--> statement-breakpoint
INSERT INTO "step_pair_counts" ("programme_id", "organisation_id", "municipality_code", "area", "baseline_step", "latest_step",
                                "companies")
SELECT k."programme_id", k."organisation_id", k."municipality_code", s."area", s."baseline_step", s."latest_step", count(*)
  FROM "company_area_steps" s JOIN "company_step_counts" k ON k."company_id" = s."company_id"
 WHERE s."baseline_at" IS NOT NULL OR s."first_follow_up_at" IS NOT NULL
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "best_step_change_counts" ("programme_id", "organisation_id", "municipality_code", "change", "companies")
SELECT "programme_id", "organisation_id", "municipality_code", "best_change", count(*)
  FROM "company_step_counts" WHERE "counted"
 GROUP BY 1, 2, 3, 4;
