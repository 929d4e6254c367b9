CREATE TABLE "company_support_months" (
	"company_id" uuid NOT NULL,
	"month" date NOT NULL,
	"days" date[] NOT NULL,
	"size_classes" text[] NOT NULL,
	"quarter_hours_through" integer[] NOT NULL,
	"measurements_through" integer[] NOT NULL,
	"quarter_hours_before" integer NOT NULL,
	"measurements_before" integer NOT NULL,
	"last_before" date,
	"next_on" date,
	"next_size_class" text,
	"first_month" date NOT NULL,
	"last_month" date NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"municipality_code" text,
	"status" text NOT NULL,
	"month_end_quarter_hours" integer[] NOT NULL,
	"month_end_measurements" integer[] NOT NULL,
	"month_end_last_on" date[] NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "company_support_months_company_id_month_pk" PRIMARY KEY("company_id","month")
);
--> statement-breakpoint
ALTER TABLE "company_support_months" ADD CONSTRAINT "company_support_months_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The support of the given companies per calendar month as running sums (decision 049), from the
-- records themselves, of one company or, given null, of all: one implementation for the triggers'
-- refresh of one company, the fill of all of them, and the tests' and benchmark's check of the kept rows. A support day is a Stockholm day with
-- an intervention or a submitted coach-led measurement; its size class is the company's on that day
-- (company_size_class_on: of the records with a class, the last made on or before the day, else the
-- earliest), found here for all days at once from each record's span of days.
CREATE FUNCTION "company_support_months_from_records"(company uuid) RETURNS SETOF "company_support_months"
LANGUAGE sql STABLE AS $$
  WITH events AS (
    SELECT i."company_id", i."occurred_on" AS on_day, i."quarter_hours", 0 AS measurements
      FROM "interventions" i WHERE (company IS NULL OR i."company_id" = company)
    UNION ALL
    SELECT a."company_id", (a."submitted_at" AT TIME ZONE 'Europe/Stockholm')::date, 0, 1
      FROM "assessments" a
     WHERE (company IS NULL OR a."company_id" = company) AND a."status" = 'submitted' AND a."mode" = 'coach'
  ),
  days AS (
    SELECT e."company_id", e.on_day, date_trunc('month', e.on_day)::date AS month,
           sum(sum(e."quarter_hours")) OVER w AS quarter_hours_through,
           sum(sum(e.measurements)) OVER w AS measurements_through
      FROM events e
     GROUP BY e."company_id", e.on_day
    WINDOW w AS (PARTITION BY e."company_id" ORDER BY e.on_day)
  ),
  records AS (
    SELECT r."company_id", r."size_class", (r."recorded_at" AT TIME ZONE 'Europe/Stockholm')::date AS from_day,
           lead((r."recorded_at" AT TIME ZONE 'Europe/Stockholm')::date) OVER w AS until_day,
           row_number() OVER w = 1 AS earliest
      FROM "company_size_records" r
     WHERE (company IS NULL OR r."company_id" = company) AND r."size_class" IS NOT NULL
    WINDOW w AS (PARTITION BY r."company_id" ORDER BY r."recorded_at")
  ),
  sized AS (
    SELECT d.*, r."size_class"
      FROM days d
      LEFT JOIN records r
        ON r."company_id" = d."company_id"
       AND ((r.from_day <= d.on_day AND (r.until_day IS NULL OR d.on_day < r.until_day))
            OR (r.earliest AND d.on_day < r.from_day))
  ),
  -- A company's rows run over the programme's months and any month with support outside them, so a
  -- period inside the programme finds a row of every supported company in its first and last month.
  spans AS (
    SELECT d."company_id", least(min(d.month), date_trunc('month', p."starts_on")::date) AS first_month,
           greatest(max(d.month), date_trunc('month', p."ends_on")::date) AS last_month
      FROM days d
      JOIN "companies" c ON c."id" = d."company_id"
      JOIN "programmes" p ON p."id" = c."programme_id"
     GROUP BY d."company_id", p."starts_on", p."ends_on"
  ),
  months AS (
    SELECT m.*, s.on_day, s."size_class", s.quarter_hours_through, s.measurements_through
      FROM (SELECT sp."company_id", g::date AS month, sp.first_month, sp.last_month
              FROM spans sp, generate_series(sp.first_month, sp.last_month, interval '1 month') AS g) AS m
      LEFT JOIN sized s ON s."company_id" = m."company_id" AND s.month = m.month
  ),
  per_month AS (
    SELECT m."company_id", m.month, m.first_month, m.last_month,
           coalesce(array_agg(m.on_day ORDER BY m.on_day) FILTER (WHERE m.on_day IS NOT NULL), '{}') AS days,
           coalesce(array_agg(m."size_class" ORDER BY m.on_day) FILTER (WHERE m.on_day IS NOT NULL), '{}') AS size_classes,
           coalesce(array_agg(m.quarter_hours_through::int ORDER BY m.on_day) FILTER (WHERE m.on_day IS NOT NULL), '{}')
             AS quarter_hours_through,
           coalesce(array_agg(m.measurements_through::int ORDER BY m.on_day) FILTER (WHERE m.on_day IS NOT NULL), '{}')
             AS measurements_through,
           min(m.on_day) AS first_day, max(m.on_day) AS last_day,
           max(m.quarter_hours_through) AS quarter_hours_end, max(m.measurements_through) AS measurements_end,
           (array_agg(m."size_class" ORDER BY m.on_day))[1] AS first_size_class
      FROM months m
     GROUP BY m."company_id", m.month, m.first_month, m.last_month
  ),
  -- The sums through each month's end and the last day by then, carried over the months without support.
  carried AS (
    SELECT p.*,
           coalesce(max(p.quarter_hours_end) OVER through, 0)::int AS quarter_hours_to_end,
           coalesce(max(p.measurements_end) OVER through, 0)::int AS measurements_to_end,
           max(p.last_day) OVER through AS last_on_to_end
      FROM per_month p
    WINDOW through AS (PARTITION BY p."company_id" ORDER BY p.month ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
  )
  SELECT p."company_id", p.month, p.days, p.size_classes, p.quarter_hours_through, p.measurements_through,
         coalesce(max(p.quarter_hours_end) OVER before, 0)::int, coalesce(max(p.measurements_end) OVER before, 0)::int,
         max(p.last_day) OVER before,
         min(p.first_day) OVER after,
         (min(array[p.first_day::text, p.first_size_class]) FILTER (WHERE p.first_day IS NOT NULL) OVER after)[2],
         p.first_month, p.last_month, c."programme_id", c."organisation_id", c."municipality_code", c."status",
         array_agg(p.quarter_hours_to_end) OVER onwards, array_agg(p.measurements_to_end) OVER onwards,
         array_agg(p.last_on_to_end) OVER onwards, c."name"
    FROM carried p
    JOIN "companies" c ON c."id" = p."company_id"
  WINDOW before AS (PARTITION BY p."company_id" ORDER BY p.month ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING),
         after AS (PARTITION BY p."company_id" ORDER BY p.month ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING),
         onwards AS (PARTITION BY p."company_id" ORDER BY p.month ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)
$$;
--> statement-breakpoint
-- Every write of a company's support recomputes all its months: a day's change moves the running sums
-- of every later month, and a company has a few dozen rows.
CREATE FUNCTION "company_support_months_refresh"(company uuid) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  -- Two writes for one company at once would each recompute without the other's. The company row's
  -- lock makes the second wait until the first commits; its next statement then reads it (read
  -- committed takes a new snapshot per statement). NO KEY UPDATE does not conflict with the KEY SHARE
  -- lock the foreign key check of an intervention or a measurement takes.
  PERFORM 1 FROM "companies" WHERE "id" = company FOR NO KEY UPDATE;
  DELETE FROM "company_support_months" WHERE "company_id" = company;
  -- A company deleted in the same statement is no longer in the companies, so it gets no rows.
  INSERT INTO "company_support_months" SELECT * FROM "company_support_months_from_records"(company);
END $$;
--> statement-breakpoint
-- For a table whose rows belong to a company (interventions, size records): the company of the old row
-- and, when it changed, of the new one.
CREATE FUNCTION "company_row_support_months_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "company_support_months_refresh"(OLD."company_id");
  END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND OLD."company_id" <> NEW."company_id") THEN
    PERFORM "company_support_months_refresh"(NEW."company_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "interventions_support_months"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "occurred_on", "quarter_hours"
  ON "interventions" FOR EACH ROW EXECUTE FUNCTION "company_row_support_months_trigger"();
--> statement-breakpoint
CREATE FUNCTION "assessments_support_months_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" = 'submitted' AND OLD."mode" = 'coach' THEN
    PERFORM "company_support_months_refresh"(OLD."company_id");
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" = 'submitted' AND NEW."mode" = 'coach'
     AND NOT (TG_OP = 'UPDATE' AND OLD."status" = 'submitted' AND OLD."mode" = 'coach'
              AND OLD."company_id" = NEW."company_id") THEN
    PERFORM "company_support_months_refresh"(NEW."company_id");
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "assessments_support_months"
  AFTER INSERT OR DELETE OR UPDATE OF "status", "mode", "submitted_at", "company_id"
  ON "assessments" FOR EACH ROW EXECUTE FUNCTION "assessments_support_months_trigger"();
--> statement-breakpoint
CREATE TRIGGER "company_size_records_support_months"
  AFTER INSERT OR DELETE OR UPDATE OF "company_id", "recorded_at", "size_class"
  ON "company_size_records" FOR EACH ROW EXECUTE FUNCTION "company_row_support_months_trigger"();
--> statement-breakpoint
-- A company handed over, moved, renamed or given a new status carries its months' facts along, in the
-- same statement (a few dozen rows); one moved to another programme takes that programme's months.
CREATE FUNCTION "companies_support_months_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."programme_id" IS DISTINCT FROM NEW."programme_id" THEN
    PERFORM "company_support_months_refresh"(NEW."id");
    RETURN NULL;
  END IF;
  UPDATE "company_support_months"
     SET "programme_id" = NEW."programme_id", "organisation_id" = NEW."organisation_id",
         "municipality_code" = NEW."municipality_code", "status" = NEW."status", "name" = NEW."name"
   WHERE "company_id" = NEW."id";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_support_months"
  AFTER UPDATE OF "programme_id", "organisation_id", "municipality_code", "status", "name" ON "companies"
  FOR EACH ROW
  WHEN (OLD."programme_id" IS DISTINCT FROM NEW."programme_id"
        OR OLD."organisation_id" IS DISTINCT FROM NEW."organisation_id"
        OR OLD."municipality_code" IS DISTINCT FROM NEW."municipality_code"
        OR OLD."status" IS DISTINCT FROM NEW."status"
        OR OLD."name" IS DISTINCT FROM NEW."name")
  EXECUTE FUNCTION "companies_support_months_trigger"();
--> statement-breakpoint
-- A programme whose months change gives each of its companies the new months (a rare change).
CREATE FUNCTION "programmes_support_months_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "company_support_months_refresh"(c."id") FROM "companies" c
    WHERE c."programme_id" = NEW."id" AND EXISTS (SELECT 1 FROM "company_support_months" m WHERE m."company_id" = c."id");
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "programmes_support_months"
  AFTER UPDATE OF "starts_on", "ends_on" ON "programmes"
  FOR EACH ROW
  WHEN (OLD."starts_on" IS DISTINCT FROM NEW."starts_on" OR OLD."ends_on" IS DISTINCT FROM NEW."ends_on")
  EXECUTE FUNCTION "programmes_support_months_trigger"();
--> statement-breakpoint
-- The blocks (migrations 0030, 0031 and 0036) are replaced by the months.
DROP TRIGGER "interventions_support_blocks" ON "interventions";
--> statement-breakpoint
DROP TRIGGER "assessments_support_blocks" ON "assessments";
--> statement-breakpoint
DROP TRIGGER "company_size_records_support_blocks" ON "company_size_records";
--> statement-breakpoint
DROP TRIGGER "companies_support_blocks" ON "companies";
--> statement-breakpoint
DROP FUNCTION "interventions_support_blocks_trigger"();
--> statement-breakpoint
DROP FUNCTION "assessments_support_blocks_trigger"();
--> statement-breakpoint
DROP FUNCTION "company_size_records_support_blocks_trigger"();
--> statement-breakpoint
DROP FUNCTION "companies_support_blocks_trigger"();
--> statement-breakpoint
DROP FUNCTION "company_support_blocks_refresh"(uuid, date);
--> statement-breakpoint
DROP TABLE "company_support_blocks" CASCADE;
--> statement-breakpoint
-- Each month row is bounded (31 days, one element a month of the company's rows), so the arrays are
-- kept uncompressed: an index tuple over a few hundred bytes would otherwise compress them, and the
-- report would decompress each for every company it reads.
ALTER TABLE "company_support_months"
  ALTER COLUMN "days" SET STORAGE PLAIN, ALTER COLUMN "size_classes" SET STORAGE PLAIN,
  ALTER COLUMN "quarter_hours_through" SET STORAGE PLAIN, ALTER COLUMN "measurements_through" SET STORAGE PLAIN,
  ALTER COLUMN "month_end_quarter_hours" SET STORAGE PLAIN, ALTER COLUMN "month_end_measurements" SET STORAGE PLAIN,
  ALTER COLUMN "month_end_last_on" SET STORAGE PLAIN;
--> statement-breakpoint
INSERT INTO "company_support_months"
SELECT * FROM "company_support_months_from_records"(null);
--> statement-breakpoint
-- The report reads, for every company in scope, its row of the period's first month and of its last
-- (decision 049), with every column it needs, so the rows of a month are read together from the index.
CREATE UNIQUE INDEX "company_support_months_report_idx" ON "company_support_months" ("month", "company_id")
  INCLUDE ("days", "size_classes", "quarter_hours_through", "measurements_through", "quarter_hours_before",
           "measurements_before", "last_before", "next_on", "next_size_class", "first_month", "last_month",
           "programme_id", "organisation_id", "municipality_code", "status", "month_end_quarter_hours",
           "month_end_measurements", "month_end_last_on", "name");
--> statement-breakpoint
-- A period that begins before the programme or ends after it may find no row of a company for its first
-- or last month: the company's first or last row stands in.
CREATE INDEX "company_support_months_first_idx" ON "company_support_months" ("month", "company_id")
  INCLUDE ("days", "size_classes", "quarter_hours_through", "measurements_through", "quarter_hours_before",
           "measurements_before", "next_on", "next_size_class", "programme_id", "organisation_id",
           "municipality_code", "status", "name")
  WHERE "month" = "first_month";
--> statement-breakpoint
CREATE INDEX "company_support_months_last_idx" ON "company_support_months" ("month", "company_id")
  INCLUDE ("days", "quarter_hours_through", "measurements_through", "quarter_hours_before", "measurements_before",
           "last_before", "programme_id", "organisation_id", "municipality_code", "status")
  WHERE "month" = "last_month";
--> statement-breakpoint
-- Without statistics the planner takes the new table for a few rows and joins a period's two months
-- row by row; autovacuum would analyse it only later.
ANALYZE "company_support_months";
