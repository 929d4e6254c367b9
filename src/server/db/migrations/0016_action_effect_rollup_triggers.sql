-- The programme's effect totals kept by the writes (decision 026). Each action adds its part to the
-- row of its company's current organisation and its area in `action_effect_rollups`; a change takes
-- the old part away and adds the new one, in the writing transaction, whichever code path writes.
-- The parts are the ones sumCompanyActionEffects sums (src/server/modules/action-plans): cancelled
-- actions count only in `action_rows`; expected effects for every other action; realised effects of
-- done actions, confirmed apart from unconfirmed (decision 025).

CREATE FUNCTION "action_effect_rollup_add"(sign integer, a "actions", organisation uuid) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "action_effect_rollups" AS t (
    "organisation_id", "area", "action_rows", "actions", "done", "done_without_realised", "done_unconfirmed",
    "with_investment", "confirmed_with_investment", "investment_sek", "done_investment_sek",
    "confirmed_investment_sek", "expected_kwh", "expected_co2e_kg", "expected_sek", "expected_material_tonnes",
    "realised_kwh", "realised_co2e_kg", "realised_sek", "realised_material_tonnes",
    "unconfirmed_kwh", "unconfirmed_co2e_kg", "unconfirmed_sek", "unconfirmed_material_tonnes")
  SELECT organisation, a."area", sign,
    sign * p.counted::int, sign * p.done::int,
    sign * (p.done AND NOT p.has_realised)::int,
    sign * (p.done AND p.has_realised AND NOT p.confirmed)::int,
    sign * (p.counted AND a."investment_sek" IS NOT NULL)::int,
    sign * (p.done AND p.has_realised AND p.confirmed AND a."investment_sek" IS NOT NULL)::int,
    sign * CASE WHEN p.counted THEN coalesce(a."investment_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done THEN coalesce(a."investment_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND p.has_realised AND p.confirmed THEN coalesce(a."investment_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.counted THEN coalesce(a."expected_kwh", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.counted THEN coalesce(a."expected_co2e_kg", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.counted THEN coalesce(a."expected_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.counted THEN coalesce(a."expected_material_tonnes", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND p.confirmed THEN coalesce(a."realised_kwh", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND p.confirmed THEN coalesce(a."realised_co2e_kg", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND p.confirmed THEN coalesce(a."realised_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND p.confirmed THEN coalesce(a."realised_material_tonnes", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND NOT p.confirmed THEN coalesce(a."realised_kwh", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND NOT p.confirmed THEN coalesce(a."realised_co2e_kg", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND NOT p.confirmed THEN coalesce(a."realised_sek", 0)::numeric ELSE 0 END,
    sign * CASE WHEN p.done AND NOT p.confirmed THEN coalesce(a."realised_material_tonnes", 0)::numeric ELSE 0 END
  FROM (SELECT a."status" <> 'cancelled' AS counted,
               a."status" = 'done' AS done,
               a."realised_confirmed_at" IS NOT NULL AS confirmed,
               (a."realised_kwh" IS NOT NULL OR a."realised_co2e_kg" IS NOT NULL
                OR a."realised_sek" IS NOT NULL OR a."realised_material_tonnes" IS NOT NULL) AS has_realised) AS p
  WHERE organisation IS NOT NULL
  ON CONFLICT ("organisation_id", "area") DO UPDATE SET
    "action_rows" = t."action_rows" + excluded."action_rows",
    "actions" = t."actions" + excluded."actions",
    "done" = t."done" + excluded."done",
    "done_without_realised" = t."done_without_realised" + excluded."done_without_realised",
    "done_unconfirmed" = t."done_unconfirmed" + excluded."done_unconfirmed",
    "with_investment" = t."with_investment" + excluded."with_investment",
    "confirmed_with_investment" = t."confirmed_with_investment" + excluded."confirmed_with_investment",
    "investment_sek" = t."investment_sek" + excluded."investment_sek",
    "done_investment_sek" = t."done_investment_sek" + excluded."done_investment_sek",
    "confirmed_investment_sek" = t."confirmed_investment_sek" + excluded."confirmed_investment_sek",
    "expected_kwh" = t."expected_kwh" + excluded."expected_kwh",
    "expected_co2e_kg" = t."expected_co2e_kg" + excluded."expected_co2e_kg",
    "expected_sek" = t."expected_sek" + excluded."expected_sek",
    "expected_material_tonnes" = t."expected_material_tonnes" + excluded."expected_material_tonnes",
    "realised_kwh" = t."realised_kwh" + excluded."realised_kwh",
    "realised_co2e_kg" = t."realised_co2e_kg" + excluded."realised_co2e_kg",
    "realised_sek" = t."realised_sek" + excluded."realised_sek",
    "realised_material_tonnes" = t."realised_material_tonnes" + excluded."realised_material_tonnes",
    "unconfirmed_kwh" = t."unconfirmed_kwh" + excluded."unconfirmed_kwh",
    "unconfirmed_co2e_kg" = t."unconfirmed_co2e_kg" + excluded."unconfirmed_co2e_kg",
    "unconfirmed_sek" = t."unconfirmed_sek" + excluded."unconfirmed_sek",
    "unconfirmed_material_tonnes" = t."unconfirmed_material_tonnes" + excluded."unconfirmed_material_tonnes"
$$;
--> statement-breakpoint
-- An action's part moves with every insert, update and delete. A company that is already gone
-- (a cascade from its deletion) has had its actions' parts taken away by the company trigger below.
CREATE FUNCTION "actions_rollup_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM "action_effect_rollup_add"(-1, OLD, (SELECT c."organisation_id" FROM "companies" c WHERE c."id" = OLD."company_id"));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM "action_effect_rollup_add"(1, NEW, (SELECT c."organisation_id" FROM "companies" c WHERE c."id" = NEW."company_id"));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "actions_rollup" AFTER INSERT OR UPDATE OR DELETE ON "actions"
  FOR EACH ROW EXECUTE FUNCTION "actions_rollup_trigger"();
--> statement-breakpoint
-- A company handed over to another organisation takes its actions' effects along (decision 019);
-- a company deleted takes them away before the cascade deletes its actions.
CREATE FUNCTION "companies_rollup_trigger"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM "action_effect_rollup_add"(-1, a, OLD."organisation_id") FROM "actions" a WHERE a."company_id" = OLD."id";
    RETURN OLD;
  END IF;
  IF NEW."organisation_id" IS DISTINCT FROM OLD."organisation_id" THEN
    PERFORM "action_effect_rollup_add"(-1, a, OLD."organisation_id") FROM "actions" a WHERE a."company_id" = NEW."id";
    PERFORM "action_effect_rollup_add"(1, a, NEW."organisation_id") FROM "actions" a WHERE a."company_id" = NEW."id";
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "companies_rollup_move" AFTER UPDATE OF "organisation_id" ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "companies_rollup_trigger"();
--> statement-breakpoint
CREATE TRIGGER "companies_rollup_delete" BEFORE DELETE ON "companies"
  FOR EACH ROW EXECUTE FUNCTION "companies_rollup_trigger"();
--> statement-breakpoint
-- The actions there are now, once.
SELECT "action_effect_rollup_add"(1, a, c."organisation_id")
  FROM "actions" a JOIN "companies" c ON c."id" = a."company_id";
