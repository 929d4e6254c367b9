-- Issue 16, item 2 (decision 038): an action's CO2e follows its energy carrier, kWh × the factor it
-- keeps. Actions made before the rule know their carrier only through the finding they were made
-- from: such an action takes the finding's carrier with the mapping's factor for it (a line's own
-- factor first, as the mapping's totals and the finding's CO2e use it, else the mapping's copy of
-- its set), and a CO2e where it has none. A figure that is there is never changed: where the stored
-- CO2e is not kWh × that factor to the gram (typed on the finding, or the kWh changed since), the
-- action stays without a carrier and keeps its CO2e as typed, since with a carrier it would be
-- computed. Actions with kWh and no known carrier stay as they are; the indicator report lists them
-- under data quality. The version is bumped so a form opened before sends 409, not an old figure.
-- The rollup triggers (0016) carry the new CO2e into the programme's totals in this statement.
WITH found AS (
  SELECT a."id",
         f."carrier",
         coalesce(
           (SELECT (l.value ->> 'emissionFactorKgPerKwh')::float8
              FROM jsonb_array_elements(an."content" -> 'lines') WITH ORDINALITY AS l(value, position)
             WHERE l.value ->> 'carrier' = f."carrier"
               AND jsonb_typeof(l.value -> 'emissionFactorKgPerKwh') = 'number'
               AND (l.value ->> 'emissionFactorKgPerKwh')::float8 >= 0
             ORDER BY l.position
             LIMIT 1),
           (SELECT (x.value ->> 'value')::float8
              FROM jsonb_array_elements(an."factors") AS x(value)
             WHERE x.value ->> 'carrier' = f."carrier"
             LIMIT 1)
         ) AS "factor"
    FROM "actions" AS a
    JOIN "analysis_findings" AS f ON f."action_id" = a."id"
    JOIN "analyses" AS an ON an."id" = f."analysis_id"
   WHERE a."carrier" IS NULL
     AND f."carrier" IS NOT NULL
     AND an."kind" = 'energy_mapping'
)
UPDATE "actions" AS a
   SET "carrier" = found."carrier",
       "emission_factor_kg_per_kwh" = found."factor",
       "expected_co2e_kg" = coalesce(a."expected_co2e_kg", a."expected_kwh" * found."factor"),
       "realised_co2e_kg" = coalesce(a."realised_co2e_kg", a."realised_kwh" * found."factor"),
       "version" = a."version" + 1
  FROM found
 WHERE found."id" = a."id"
   AND found."factor" IS NOT NULL
   AND (a."expected_co2e_kg" IS NULL OR abs(a."expected_co2e_kg" - a."expected_kwh" * found."factor") <= 0.001)
   AND (a."realised_co2e_kg" IS NULL OR abs(a."realised_co2e_kg" - a."realised_kwh" * found."factor") <= 0.001);
