import { sql, type SQL } from 'drizzle-orm';
import type { CompanyStatus } from '../../../core/company-status';
import type { InterventionArea, InterventionKind } from '../../../core/interventions';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';

// The dashboard's own facts (decision 034), each one grouped statement: the database counts, the
// core turns the groups into figures. Dates of timestamps are Stockholm calendar dates; the
// period's bounds are inclusive.

export type DashboardScope = { programmeId: string; organisationId: string | null; from: string; to: string };

const day = (column: SQL) => sql`(${column} at time zone 'Europe/Stockholm')::date`;

/** The companies of the dashboard taken up by the period's end (first enrolled on or before it). */
const takenUpBy = (scope: DashboardScope) =>
  sql.join(
    [
      sql`c.programme_id = ${scope.programmeId}`,
      scope.organisationId ? sql`c.organisation_id = ${scope.organisationId}` : undefined,
      sql`c.enrolled_on <= ${scope.to}`,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );

/** Companies taken up per month up to the period's end, and how many of them within the period. */
export async function countTakenUpByMonth(db: Db, scope: DashboardScope) {
  const result = await db.execute(sql`
    select to_char(c.enrolled_on, 'YYYY-MM') as "month", count(*)::int as "companies",
           (count(*) filter (where c.enrolled_on >= ${scope.from}))::int as "inPeriod"
      from companies c
     where ${takenUpBy(scope)}
     group by 1`);
  return rowsOf<{ month: string; companies: number; inPeriod: number }>(result);
}

/**
 * The companies taken up by the period's end, per status at its end (statusOn in the core): the
 * company's own status while its last change is on or before the day, else the last history entry
 * on or before it. The history is read only for companies changed after the day (a one-time filter
 * inside the lateral), so a period ending today reads none of it.
 */
export async function countTakenUpByStatusOn(db: Db, scope: DashboardScope) {
  const result = await db.execute(sql`
    select coalesce(h.to_status, c.status) as "status", count(*)::int as "companies"
      from companies c
      left join lateral (
        select sc.to_status from company_status_changes sc
         where coalesce(c.status_changed_on > ${scope.to}, true)
           and sc.company_id = c.id and sc.changed_on <= ${scope.to}
         order by sc.changed_on desc, sc.created_at desc
         limit 1) h on true
     where ${takenUpBy(scope)}
     group by 1`);
  return rowsOf<{ status: CompanyStatus; companies: number }>(result);
}

export type BreakdownRow = {
  organisationId: string | null;
  municipalityCode: string | null;
  sizeClass: 'micro' | 'small' | 'medium' | 'large' | null;
  sniDivision: string | null;
  /** Which of the four the row groups by: organisation, municipality, size class or SNI division. */
  dimension: 'organisation' | 'municipality' | 'size_class' | 'sni_division';
  companies: number;
};

/** The companies taken up by the period's end, grouped by organisation, municipality, size class and
 * SNI division in one pass (GROUPING SETS). */
export async function countTakenUpBreakdowns(db: Db, scope: DashboardScope): Promise<BreakdownRow[]> {
  const result = await db.execute(sql`
    select c.organisation_id as "organisationId", c.municipality_code as "municipalityCode",
           c.size_class as "sizeClass", c.sni_division as "sniDivision",
           case grouping(c.organisation_id, c.municipality_code, c.size_class, c.sni_division)
             when 7 then 'organisation' when 11 then 'municipality' when 13 then 'size_class' else 'sni_division'
           end as "dimension",
           count(*)::int as "companies"
      from companies c
     where ${takenUpBy(scope)}
     group by grouping sets ((c.organisation_id), (c.municipality_code), (c.size_class), (c.sni_division))`);
  return rowsOf<BreakdownRow>(result);
}

/** Logged coaching in the period per organisation that gave it, area and kind, in quarter hours:
 * summed from the rollup the interventions' trigger keeps per day (decision 039). */
export async function sumCoachingHours(db: Db, scope: DashboardScope) {
  const result = await db.execute(sql`
    select h.organisation_id as "organisationId", h.area, h.kind, sum(h.quarter_hours)::int as "quarterHours"
      from coaching_hour_days h
     where h.occurred_on between ${scope.from} and ${scope.to}
       ${scope.organisationId ? sql`and h.organisation_id = ${scope.organisationId}` : sql``}
     group by h.organisation_id, h.area, h.kind
    having sum(h.interventions) > 0`);
  return rowsOf<{
    organisationId: string;
    area: InterventionArea | null;
    kind: InterventionKind;
    quarterHours: number;
  }>(result);
}

/** Activities of the programme that started in the period, up to now, organised by the organisation
 * when one is chosen (as the activity list's "past" with the same filters). */
export async function countActivitiesHeld(db: Db, scope: DashboardScope, now: Date): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as "count"
      from activities ac
     where ac.programme_id = ${scope.programmeId}
       and ${day(sql`ac.starts_at`)} between ${scope.from} and ${scope.to}
       and ac.starts_at <= ${now.toISOString()}::timestamptz
       ${
         scope.organisationId
           ? sql`and exists (select 1 from activity_organisers ao
                              where ao.activity_id = ac.id and ao.organisation_id = ${scope.organisationId})`
           : sql``
       }`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

/** The organisations' names, for the breakdowns (five rows). */
export async function listOrganisationNames(db: Db) {
  const result = await db.execute(sql`select id, name from organisations order by name, id`);
  return rowsOf<{ id: string; name: string }>(result);
}

/** The programme: its id, start and target. */
export async function findProgramme(db: Db) {
  const result = await db.execute(sql`
    select id, starts_on::text as "startsOn", target_companies as "targetCompanies"
      from programmes order by starts_on desc limit 1`);
  return rowsOf<{ id: string; startsOn: string; targetCompanies: number }>(result)[0];
}
