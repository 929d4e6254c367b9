CREATE TABLE "company_plan_starts" (
	"company_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"first_action_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "done_action_sums" (
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"area" text NOT NULL,
	"months" smallint NOT NULL,
	"starts_on" date NOT NULL,
	"actions" integer DEFAULT 0 NOT NULL,
	"realised_kwh" numeric DEFAULT '0' NOT NULL,
	"realised_co2e_kg" numeric DEFAULT '0' NOT NULL,
	"no_realised" integer DEFAULT 0 NOT NULL,
	"unconfirmed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "done_action_sums_key" UNIQUE NULLS NOT DISTINCT("programme_id","organisation_id","municipality_code","area","months","starts_on"),
	CONSTRAINT "done_action_sums_months_check" CHECK ("done_action_sums"."months" in (1, 3, 12))
);
--> statement-breakpoint
ALTER TABLE "company_plan_starts" ADD CONSTRAINT "company_plan_starts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "done_action_sums_block_idx" ON "done_action_sums" USING btree ("programme_id","months","starts_on");--> statement-breakpoint
-- A done action's part of done_action_sums (decision 041): counted once, its confirmed realised kWh
-- and CO2e, and whether it lacks any realised figure or a confirmation (doneActionProblems of the
-- indicator report's queries). No part unless it is done on a day. `n` is 1 to add, -1 to take away.
CREATE FUNCTION "done_action_part"(a "actions", n integer)
RETURNS TABLE ("company_id" uuid, "area" text, "done_on" date, "actions" integer, "realised_kwh" numeric,
               "realised_co2e_kg" numeric, "no_realised" integer, "unconfirmed" integer)
LANGUAGE sql IMMUTABLE AS $$
  SELECT a."company_id", a."area", a."done_on", n,
         n * CASE WHEN a."realised_confirmed_at" IS NOT NULL THEN coalesce(a."realised_kwh", 0)::numeric ELSE 0 END,
         n * CASE WHEN a."realised_confirmed_at" IS NOT NULL THEN coalesce(a."realised_co2e_kg", 0)::numeric ELSE 0 END,
         n * (NOT p.has_realised)::int,
         n * (p.has_realised AND a."realised_confirmed_at" IS NULL)::int
    FROM (SELECT (a."realised_kwh" IS NOT NULL OR a."realised_co2e_kg" IS NOT NULL OR a."realised_sek" IS NOT NULL
                  OR a."realised_material_tonnes" IS NOT NULL) AS has_realised) AS p
   WHERE a."status" = 'done' AND a."done_on" IS NOT NULL AND n IS NOT NULL
$$;
--> statement-breakpoint
-- Adds rows of parts to done_action_sums, a part to a key at most once, in key order: two writes lock
-- the rows they share in the same order.
CREATE FUNCTION "done_action_sums_add"(parts "done_action_sums"[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "done_action_sums" AS t
  SELECT p.* FROM unnest(parts) AS p
   ORDER BY p."programme_id", p."organisation_id", p."municipality_code", p."area", p."months", p."starts_on"
  ON CONFLICT ON CONSTRAINT "done_action_sums_key" DO UPDATE SET
    "actions" = t."actions" + excluded."actions",
    "realised_kwh" = t."realised_kwh" + excluded."realised_kwh",
    "realised_co2e_kg" = t."realised_co2e_kg" + excluded."realised_co2e_kg",
    "no_realised" = t."no_realised" + excluded."no_realised",
    "unconfirmed" = t."unconfirmed" + excluded."unconfirmed";
$$;
--> statement-breakpoint
-- An action's part moves with every insert, delete and update of what it is made of: the old part
-- taken away and the new added, in one statement in key order, at the company's current programme,
-- organisation and municipality, in the month, quarter and year of the done day. A change that moves nothing writes nothing. An action whose company is
-- gone (a cascade from its deletion) has had its part taken away by the companies' trigger below.
CREATE FUNCTION "actions_done_action_sums_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "done_action_sums_add"(array(
    SELECT ROW(c."programme_id", c."organisation_id", c."municipality_code", p."area", b.months::smallint,
               date_trunc(b.unit, p."done_on"::timestamp)::date, sum(p."actions")::int, sum(p."realised_kwh"),
               sum(p."realised_co2e_kg"), sum(p."no_realised")::int, sum(p."unconfirmed")::int)::"done_action_sums"
    FROM (SELECT * FROM "done_action_part"(OLD, CASE WHEN TG_OP <> 'INSERT' THEN -1 END)
          UNION ALL
          SELECT * FROM "done_action_part"(NEW, CASE WHEN TG_OP <> 'DELETE' THEN 1 END)) AS p
    JOIN "companies" c ON c."id" = p."company_id"
   CROSS JOIN (VALUES (1, 'month'), (3, 'quarter'), (12, 'year')) AS b(months, unit)
     GROUP BY c."programme_id", c."organisation_id", c."municipality_code", p."area", b.months,
            date_trunc(b.unit, p."done_on"::timestamp)
  HAVING sum(p."actions") <> 0 OR sum(p."realised_kwh") <> 0 OR sum(p."realised_co2e_kg") <> 0
      OR sum(p."no_realised") <> 0 OR sum(p."unconfirmed") <> 0));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "actions_done_action_sums"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "area", "status", "done_on", "realised_kwh", "realised_co2e_kg",
    "realised_sek", "realised_material_tonnes", "realised_confirmed_at" ON "actions"
  FOR EACH ROW EXECUTE FUNCTION "actions_done_action_sums_trigger"();
--> statement-breakpoint
-- A company's first action that is not cancelled, recomputed from its actions (a handful, by
-- actions_plan_idx) when one is added, deleted, cancelled or restored, or moves company. The kept row is
-- locked first, so a second write of the company waits and then reads the first's actions (read
-- committed takes a new snapshot per statement); with no row yet, two first actions at once each
-- insert theirs and the later keeps the earlier of the two. The companies rows are not locked.
CREATE FUNCTION "actions_plan_starts_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  company uuid;
  kept boolean;
  first_at timestamptz;
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."company_id" = NEW."company_id" AND OLD."created_at" = NEW."created_at"
     AND (OLD."status" = 'cancelled') = (NEW."status" = 'cancelled') THEN
    RETURN NULL;
  END IF;
  FOR company IN
    SELECT DISTINCT x FROM (VALUES (OLD."company_id"), (NEW."company_id")) AS v(x) WHERE x IS NOT NULL ORDER BY x
  LOOP
    PERFORM 1 FROM "company_plan_starts" WHERE "company_id" = company FOR UPDATE;
    kept := FOUND;
    SELECT min(a."created_at") INTO first_at FROM "actions" a WHERE a."company_id" = company AND a."status" <> 'cancelled';
    IF first_at IS NULL THEN
      DELETE FROM "company_plan_starts" WHERE "company_id" = company;
    ELSIF kept THEN
      UPDATE "company_plan_starts" SET "first_action_at" = first_at
       WHERE "company_id" = company AND "first_action_at" IS DISTINCT FROM first_at;
    ELSE
      -- Nothing when the company is gone (a cascade from its deletion).
      INSERT INTO "company_plan_starts" AS t ("company_id", "programme_id", "organisation_id", "municipality_code",
                                              "first_action_at")
      SELECT c."id", c."programme_id", c."organisation_id", c."municipality_code", first_at
        FROM "companies" c WHERE c."id" = company
      ON CONFLICT ("company_id") DO UPDATE SET "first_action_at" = least(t."first_action_at", excluded."first_action_at");
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "actions_plan_starts"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "status", "created_at" ON "actions"
  FOR EACH ROW EXECUTE FUNCTION "actions_plan_starts_trigger"();
--> statement-breakpoint
-- A company handed over to another organisation, or moved to another municipality, takes its done
-- actions' parts and its plan start with it; a company deleted takes its parts away before the
-- cascade deletes its actions (its plan start goes by the cascade).
CREATE FUNCTION "companies_done_action_sums_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "done_action_sums_add"(array(
    SELECT ROW(k.programme_id, k.organisation_id, k.municipality_code, p."area", b.months::smallint,
               date_trunc(b.unit, p."done_on"::timestamp)::date, sum(k.n * p."actions")::int,
               sum(k.n * p."realised_kwh"), sum(k.n * p."realised_co2e_kg"), sum(k.n * p."no_realised")::int,
               sum(k.n * p."unconfirmed")::int)::"done_action_sums"
    FROM "actions" a
   CROSS JOIN LATERAL "done_action_part"(a, 1) AS p
   CROSS JOIN (SELECT OLD."programme_id", OLD."organisation_id", OLD."municipality_code", -1
               UNION ALL
               SELECT NEW."programme_id", NEW."organisation_id", NEW."municipality_code", 1 WHERE TG_OP = 'UPDATE')
         AS k(programme_id, organisation_id, municipality_code, n)
   CROSS JOIN (VALUES (1, 'month'), (3, 'quarter'), (12, 'year')) AS b(months, unit)
   WHERE a."company_id" = OLD."id" AND a."status" = 'done'
   GROUP BY k.programme_id, k.organisation_id, k.municipality_code, p."area", b.months,
            date_trunc(b.unit, p."done_on"::timestamp)));
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  UPDATE "company_plan_starts"
     SET "programme_id" = NEW."programme_id", "organisation_id" = NEW."organisation_id",
         "municipality_code" = NEW."municipality_code"
   WHERE "company_id" = NEW."id";
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_done_action_sums_move"
  AFTER UPDATE OF "programme_id", "organisation_id", "municipality_code" ON "companies"
  FOR EACH ROW
  WHEN ((OLD."programme_id", OLD."organisation_id", OLD."municipality_code")
        IS DISTINCT FROM (NEW."programme_id", NEW."organisation_id", NEW."municipality_code"))
  EXECUTE FUNCTION "companies_done_action_sums_trigger"();
--> statement-breakpoint
CREATE TRIGGER "companies_done_action_sums_delete" BEFORE DELETE ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "companies_done_action_sums_trigger"();
--> statement-breakpoint
-- The actions there are now (the benchmark's fill rebuilds the tables with the same statements,
-- src/server/test/done-action-sums-from-scratch.ts).
INSERT INTO "done_action_sums" ("programme_id", "organisation_id", "municipality_code", "area", "months", "starts_on",
                                "actions", "realised_kwh", "realised_co2e_kg", "no_realised", "unconfirmed")
SELECT c."programme_id", c."organisation_id", c."municipality_code", p."area", b.months,
       date_trunc(b.unit, p."done_on"::timestamp)::date,
       sum(p."actions"), sum(p."realised_kwh"), sum(p."realised_co2e_kg"), sum(p."no_realised"), sum(p."unconfirmed")
  FROM "actions" a
 CROSS JOIN LATERAL "done_action_part"(a, 1) AS p
  JOIN "companies" c ON c."id" = a."company_id"
 CROSS JOIN (VALUES (1, 'month'), (3, 'quarter'), (12, 'year')) AS b(months, unit)
 WHERE a."status" = 'done'
 GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO "company_plan_starts" ("company_id", "programme_id", "organisation_id", "municipality_code", "first_action_at")
SELECT c."id", c."programme_id", c."organisation_id", c."municipality_code", min(a."created_at")
  FROM "companies" c JOIN "actions" a ON a."company_id" = c."id"
 WHERE a."status" <> 'cancelled'
 GROUP BY c."id";
