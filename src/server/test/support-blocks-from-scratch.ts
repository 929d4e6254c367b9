import { sql } from 'drizzle-orm';

/**
 * Each company's interventions and coach-led measurements per calendar month, quarter and year,
 * summed from the records with one statement and no trigger, with the size class on each block's
 * first day and the company's programme, organisation, municipality and status as they are now: what
 * `company_support_blocks` must hold (migrations 0030, 0031 and 0036, decision 041). The indicator
 * report's test and the benchmark's fill check the table against it; the fill also rebuilds the
 * table with it.
 */
export const supportBlocksFromScratch = sql`
  select s.*, company_size_class_on(s.company_id, s.first_on) as size_class,
         c.programme_id, c.organisation_id, c.municipality_code, c.status
    from (select e.company_id, b.months::smallint as months, date_trunc(b.unit, e.on_day)::date as starts_on,
                 min(e.on_day) as first_on, max(e.on_day) as last_on,
                 (count(*) filter (where e.is_intervention))::int as interventions,
                 coalesce(sum(e.quarter_hours), 0)::int as quarter_hours,
                 (count(*) filter (where not e.is_intervention))::int as measurements
            from (select company_id, occurred_on as on_day, quarter_hours, true as is_intervention from interventions
                  union all
                  select company_id, (submitted_at at time zone 'Europe/Stockholm')::date, 0, false from assessments
                   where status = 'submitted' and mode = 'coach') as e
            cross join (values (1, 'month'), (3, 'quarter'), (12, 'year')) as b(months, unit)
           group by 1, 2, 3) as s
    join companies c on c.id = s.company_id`;

/** The columns of `company_support_blocks`, in the order `supportBlocksFromScratch` gives them. */
export const supportBlockColumns = sql`company_id, months, starts_on, first_on, last_on, interventions, quarter_hours,
  measurements, size_class, programme_id, organisation_id, municipality_code, status`;
