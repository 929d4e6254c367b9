-- Issue 14, finding 9 (decision 025): realised effects count in the totals only once a coach has
-- confirmed them. Figures entered before the rule existed are taken as confirmed, except those a
-- company user ever changed: the audit trail tells (an `action.update` by a company account whose
-- before and after differ in a realised figure). Those stay unconfirmed for the coach to look at.
-- `realised_confirmed_by` stays null: nobody confirmed them by hand.
UPDATE "actions" AS a
   SET "realised_confirmed_at" = now()
 WHERE (a."realised_kwh" IS NOT NULL OR a."realised_co2e_kg" IS NOT NULL
        OR a."realised_sek" IS NOT NULL OR a."realised_material_tonnes" IS NOT NULL)
   AND NOT EXISTS (
     SELECT 1
       FROM "audit_entries" AS e
       JOIN "users" AS u ON u."id" = e."actor_user_id"
      WHERE e."entity_type" = 'action'
        AND e."entity_id" = a."id"::text
        AND u."role" = 'company'
        AND (e."before" -> 'realisedKwh' IS DISTINCT FROM e."after" -> 'realisedKwh'
             OR e."before" -> 'realisedCo2eKg' IS DISTINCT FROM e."after" -> 'realisedCo2eKg'
             OR e."before" -> 'realisedSek' IS DISTINCT FROM e."after" -> 'realisedSek'
             OR e."before" -> 'realisedMaterialTonnes' IS DISTINCT FROM e."after" -> 'realisedMaterialTonnes'));
