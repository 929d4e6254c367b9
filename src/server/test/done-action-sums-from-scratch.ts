import { sql } from 'drizzle-orm';

// What migration 0034's tables must hold (decision 041), computed from the actions and the companies
// with no trigger and no function of the migration: the tests compare the kept tables with them, and
// the benchmark's fill rebuilds the tables with them.

const confirmed = sql`a.realised_confirmed_at is not null`;
const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null or a.realised_sek is not null
  or a.realised_material_tonnes is not null)`;

/** The done actions per programme, organisation, municipality, area and calendar block of the done day. */
export const doneActionSumsFromScratch = sql`
  select c.programme_id, c.organisation_id, c.municipality_code, a.area, b.months::smallint as months,
         date_trunc(b.unit, a.done_on::timestamp)::date as starts_on, count(*)::int as actions,
         coalesce(sum(a.realised_kwh::numeric) filter (where ${confirmed}), 0) as realised_kwh,
         coalesce(sum(a.realised_co2e_kg::numeric) filter (where ${confirmed}), 0) as realised_co2e_kg,
         (count(*) filter (where not ${hasRealised}))::int as no_realised,
         (count(*) filter (where ${hasRealised} and not ${confirmed}))::int as unconfirmed
    from actions a join companies c on c.id = a.company_id
   cross join (values (1, 'month'), (3, 'quarter'), (12, 'year')) as b(months, unit)
   where a.status = 'done' and a.done_on is not null
   group by 1, 2, 3, 4, 5, 6`;

/** The columns of `done_action_sums`, in the order `doneActionSumsFromScratch` gives them. */
export const doneActionSumColumns = sql`programme_id, organisation_id, municipality_code, area, months, starts_on, actions,
  realised_kwh, realised_co2e_kg, no_realised, unconfirmed`;

/** Each company's first action that is not cancelled, where the company is. */
export const companyPlanStartsFromScratch = sql`
  select c.id as company_id, c.programme_id, c.organisation_id, c.municipality_code, min(a.created_at) as first_action_at
    from companies c join actions a on a.company_id = c.id
   where a.status <> 'cancelled'
   group by c.id`;

/** The columns of `company_plan_starts`, in the order `companyPlanStartsFromScratch` gives them. */
export const companyPlanStartColumns = sql`company_id, programme_id, organisation_id, municipality_code, first_action_at`;

/** The kept rows that differ from the sums from scratch (none when the triggers kept them right); a
 * row left all at zero is the same as no row. */
export const doneActionSumsDifferingFromScratch = sql`
  select 'sums' as "table", d.programme_id, d.organisation_id, d.municipality_code, d.area, d.months, d.starts_on,
         d.actions, d.realised_kwh::text, d.realised_co2e_kg::text, d.no_realised, d.unconfirmed,
         null::uuid as company_id, null::timestamptz as first_action_at from (
    (select ${doneActionSumColumns} from done_action_sums
      where actions <> 0 or realised_kwh <> 0 or realised_co2e_kg <> 0 or no_realised <> 0 or unconfirmed <> 0
     except ${doneActionSumsFromScratch})
    union all
    (${doneActionSumsFromScratch} except select ${doneActionSumColumns} from done_action_sums)) d
  union all
  select 'plan starts', d.programme_id, d.organisation_id, d.municipality_code, null, null, null, null, null, null,
         null, null, d.company_id, d.first_action_at from (
    (select ${companyPlanStartColumns} from company_plan_starts except ${companyPlanStartsFromScratch})
    union all
    (${companyPlanStartsFromScratch} except select ${companyPlanStartColumns} from company_plan_starts)) d`;
