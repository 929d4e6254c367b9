import { sql, type SQL } from 'drizzle-orm';
import type { Area } from '../../../core/areas';
import { interventionKinds, type InterventionKind } from '../../../core/interventions';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

// The impact view's facts (decision 035), one statement: per company in scope and area with a
// coach-led follow-up in the period, its first coach-led baseline and its latest coach-led follow-up
// up to the end of the period (the same pair as the indicator report's climbed-a-step figure), each
// found on the (company, area, submitted_at) index; and the support between the two days, both
// included, summed per pair in lateral subqueries on the company's own rows (interventions,
// registrations and actions are indexed by company): no N+1.

export type ImpactScope = { programmeId: string; organisationId: string | null; from: string; to: string };

const day = (column: SQL) => sql`(${column} at time zone 'Europe/Stockholm')::date`;

export type ImpactRow = {
  companyId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  area: Area;
  baselineOn: string;
  baselineStep: number | null;
  followUpOn: string;
  followUpStep: number | null;
  quarterHours: number;
  activitiesAttended: number;
  actionsDone: number;
} & Record<`qh_${InterventionKind}`, number>;

/** Quarter hours per kind as columns `qh_<kind>` (the kinds are the core's constants). */
const hoursPerKind = sql.raw(
  interventionKinds
    .map((kind) => `coalesce(sum(i.quarter_hours) filter (where i.kind = '${kind}'), 0)::int as "qh_${kind}"`)
    .join(',\n           '),
);
const kindColumns = sql.raw(interventionKinds.map((kind) => `h."qh_${kind}"`).join(', '));

export async function listImpactRows(db: Db, scope: ImpactScope): Promise<ImpactRow[]> {
  const { from, to } = scope;
  const result = await db.execute(sql`
    with scope as (
      select c.id, c.name, c.organisation_id from companies c
       where c.programme_id = ${scope.programmeId}
         ${scope.organisationId ? sql`and c.organisation_id = ${scope.organisationId}` : sql``}
    ),
    followed as (
      select distinct a.company_id, a.area
        from assessments a join scope s on s.id = a.company_id
       where a.status = 'submitted' and a.mode = 'coach' and a.kind = 'follow_up'
         and ${day(sql`a.submitted_at`)} between ${from} and ${to}
    ),
    pairs as (
      select f.company_id, f.area, b.step as baseline_step, ${day(sql`b.submitted_at`)} as baseline_on,
             u.step as follow_up_step, ${day(sql`u.submitted_at`)} as follow_up_on
        from followed f
        cross join lateral (
          select b.step, b.submitted_at from assessments b
           where b.company_id = f.company_id and b.area = f.area and b.status = 'submitted' and b.mode = 'coach'
             and b.kind = 'baseline' and ${day(sql`b.submitted_at`)} <= ${to}
           order by b.submitted_at limit 1
        ) b
        cross join lateral (
          select u.step, u.submitted_at from assessments u
           where u.company_id = f.company_id and u.area = f.area and u.status = 'submitted' and u.mode = 'coach'
             and u.kind = 'follow_up' and ${day(sql`u.submitted_at`)} <= ${to}
           order by u.submitted_at desc limit 1
        ) u
    )
    select p.company_id as "companyId", s.name, s.organisation_id as "organisationId", o.name as "organisationName",
           p.area, p.baseline_on::text as "baselineOn", p.baseline_step as "baselineStep",
           p.follow_up_on::text as "followUpOn", p.follow_up_step as "followUpStep",
           h.total as "quarterHours", ${kindColumns},
           ac.count as "activitiesAttended", d.count as "actionsDone"
      from pairs p
      join scope s on s.id = p.company_id
      join organisations o on o.id = s.organisation_id
      cross join lateral (
        select coalesce(sum(i.quarter_hours), 0)::int as total,
               ${hoursPerKind}
          from interventions i
         where i.company_id = p.company_id and i.occurred_on between p.baseline_on and p.follow_up_on
           and (i.area is null or i.area = p.area)
      ) h
      cross join lateral (
        select count(distinct r.activity_id)::int as count
          from registrations r join activities act on act.id = r.activity_id
         where r.company_id = p.company_id and r.attended is true
           and ${day(sql`act.starts_at`)} between p.baseline_on and p.follow_up_on
           and (exists (select 1 from activity_areas aa where aa.activity_id = act.id and aa.area = p.area)
                or not exists (select 1 from activity_areas aa where aa.activity_id = act.id))
      ) ac
      cross join lateral (
        select count(*)::int as count
          from actions x
         where x.company_id = p.company_id and x.area = p.area and x.status = 'done'
           and x.done_on between p.baseline_on and p.follow_up_on
      ) d
     order by p.area, s.name, p.company_id`);
  return rowsOf<ImpactRow>(result);
}

export async function findOrganisationName(db: Db, id: string): Promise<string | undefined> {
  const result = await db.execute(sql`select name from organisations where id = ${id}`);
  return rowsOf<{ name: string }>(result)[0]?.name;
}
