import { sql } from 'drizzle-orm';

// What the step counts of migration 0032 must hold (decision 041), computed from company_area_steps
// and the companies with no trigger: the tests compare the kept tables with them, and the
// benchmark's fill rebuilds the tables with them.

const counts = sql`(s.baseline_at is not null or s.first_follow_up_at is not null)`;

/** Per company with a step in any area: where it is counted and its largest change. */
export const companyStepCountsFromScratch = sql`
  select c.id as company_id, c.programme_id, c.organisation_id, c.municipality_code, true as counted,
         max(s.latest_step - s.baseline_step) as best_change
    from companies c join company_area_steps s on s.company_id = c.id
   where ${counts}
   group by c.id`;

export const stepPairCountsFromScratch = sql`
  select c.programme_id, c.organisation_id, c.municipality_code, s.area, s.baseline_step, s.latest_step,
         count(*)::int as companies
    from company_area_steps s join companies c on c.id = s.company_id
   where ${counts}
   group by 1, 2, 3, 4, 5, 6`;

export const bestStepChangeCountsFromScratch = sql`
  select k.programme_id, k.organisation_id, k.municipality_code, k.best_change as change, count(*)::int as companies
    from (${companyStepCountsFromScratch}) k
   group by 1, 2, 3, 4`;

/** The kept rows that differ from the sums from scratch (none when the triggers kept them right); a
 * count left at zero is the same as no row. */
export const stepCountsDifferingFromScratch = sql`
  select 'pairs' as "table", d.* from (
    (select programme_id, organisation_id, municipality_code, area, baseline_step, latest_step, companies
       from step_pair_counts where companies <> 0
     except ${stepPairCountsFromScratch})
    union all
    (${stepPairCountsFromScratch}
     except select programme_id, organisation_id, municipality_code, area, baseline_step, latest_step, companies
       from step_pair_counts)) d
  union all
  select 'best', d.programme_id, d.organisation_id, d.municipality_code, null, d.change, null, d.companies from (
    (select programme_id, organisation_id, municipality_code, change, companies from best_step_change_counts
      where companies <> 0
     except ${bestStepChangeCountsFromScratch})
    union all
    (${bestStepChangeCountsFromScratch}
     except select programme_id, organisation_id, municipality_code, change, companies from best_step_change_counts)) d`;
