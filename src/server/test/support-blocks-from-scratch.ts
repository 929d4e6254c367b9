import { sql } from 'drizzle-orm';

/**
 * Each company's interventions and coach-led measurements per calendar month, quarter and year,
 * summed from the records with one statement and no trigger: what `company_support_blocks` must hold
 * (migration 0030, decision 041). The indicator report's test and the benchmark's fill check the
 * table against it; the fill also rebuilds the table with it.
 */
export const supportBlocksFromScratch = sql`
  select e.company_id, b.months::smallint, date_trunc(b.unit, e.on_day)::date, min(e.on_day), max(e.on_day),
         (count(*) filter (where e.is_intervention))::int, coalesce(sum(e.quarter_hours), 0)::int,
         (count(*) filter (where not e.is_intervention))::int
    from (select company_id, occurred_on as on_day, quarter_hours, true as is_intervention from interventions
          union all
          select company_id, (submitted_at at time zone 'Europe/Stockholm')::date, 0, false from assessments
           where status = 'submitted' and mode = 'coach') as e
    cross join (values (1, 'month'), (3, 'quarter'), (12, 'year')) as b(months, unit)
   group by 1, 2, 3`;
