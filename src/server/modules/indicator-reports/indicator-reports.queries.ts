import { sql, type SQL } from 'drizzle-orm';
import type { Area } from '../../../core/areas';
import type { ActivityType, ParticipantGender } from '../../../core/activities';
import type { SmeClass } from '../../../core/sme-class';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/rows';
import { programmes } from '../../db/schema';

// The facts an indicator report reads from the records, one statement each, all scoped to the
// companies of the report (the programme, one organisation's, one geography's). Dates of timestamps
// are Stockholm calendar dates; the period's bounds are inclusive.

/** Which companies a report covers: the programme's, narrowed to an organisation and/or a list of
 * municipalities (a co-financer's geography). */
export type ReportScope = {
  programmeId: string;
  organisationId: string | null;
  municipalityCodes: readonly string[] | null;
  from: string;
  to: string;
};

const day = (column: SQL) => sql`(${column} at time zone 'Europe/Stockholm')::date`;

function scopeCondition(scope: ReportScope, alias: string): SQL {
  const c = sql.raw(alias);
  return sql.join(
    [
      sql`${c}.programme_id = ${scope.programmeId}`,
      scope.organisationId ? sql`${c}.organisation_id = ${scope.organisationId}` : undefined,
      scope.municipalityCodes
        ? sql`${c}.municipality_code in (select jsonb_array_elements_text(${JSON.stringify(scope.municipalityCodes)}::jsonb))`
        : undefined,
    ].filter((part): part is SQL => part !== undefined),
    sql` and `,
  );
}

/** The companies in scope in a CTE named `scope`. */
const scopeCte = (scope: ReportScope) =>
  sql`scope as (select c.id from companies c where ${scopeCondition(scope, 'c')})`;

export type SupportRow = {
  companyId: string;
  firstSupportOn: string;
  lastSupportOn: string;
  quarterHours: number | string;
  hasMeasurement: boolean;
  hasAnalysis: boolean;
};

/**
 * Per company in scope with any support in the period: the first and last day of support
 * (interventions, submitted coach-led measurements, analyses by their date, attended activities),
 * the logged quarter hours, and whether it had a measurement or an analysis.
 */
export async function listSupport(db: Db, scope: ReportScope): Promise<SupportRow[]> {
  const { from, to } = scope;
  const result = await db.execute(sql`
    with ${scopeCte(scope)},
    events as (
      select i.company_id, i.occurred_on as on_day, i.quarter_hours, 0 as measurement, 0 as analysis
        from interventions i join scope s on s.id = i.company_id
       where i.occurred_on between ${from} and ${to}
      union all
      select a.company_id, ${day(sql`a.submitted_at`)}, 0, 1, 0
        from assessments a join scope s on s.id = a.company_id
       where a.status = 'submitted' and a.mode = 'coach'
         and ${day(sql`a.submitted_at`)} between ${from} and ${to}
      union all
      select an.company_id, coalesce(an.performed_on, ${day(sql`an.created_at`)}), 0, 0, 1
        from analyses an join scope s on s.id = an.company_id
       where coalesce(an.performed_on, ${day(sql`an.created_at`)}) between ${from} and ${to}
      union all
      select r.company_id, ${day(sql`ac.starts_at`)}, 0, 0, 0
        from registrations r join scope s on s.id = r.company_id join activities ac on ac.id = r.activity_id
       where r.attended is true and ${day(sql`ac.starts_at`)} between ${from} and ${to}
    )
    select company_id as "companyId", min(on_day)::text as "firstSupportOn", max(on_day)::text as "lastSupportOn",
           sum(quarter_hours)::int as "quarterHours",
           bool_or(measurement = 1) as "hasMeasurement", bool_or(analysis = 1) as "hasAnalysis"
      from events
     group by company_id`);
  return rowsOf<SupportRow>(result);
}

/** The size records of the given companies (for sizeClassOn), oldest first. */
export async function listSizeRecords(db: Db, companyIds: readonly string[]) {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select r.company_id as "companyId", ${day(sql`r.recorded_at`)}::text as "recordedOn", r.size_class as "sizeClass"
      from company_size_records r
     where r.company_id in (select (jsonb_array_elements_text(${JSON.stringify(companyIds)}::jsonb))::uuid)
     order by r.company_id, r.recorded_at`);
  return rowsOf<{ companyId: string; recordedOn: string; sizeClass: SmeClass | null }>(result);
}

/** The facts of the participant list for the given companies. */
export async function listCompanyFacts(db: Db, companyIds: readonly string[]) {
  if (companyIds.length === 0) return [];
  const result = await db.execute(sql`
    select c.id as "companyId", c.organisation_number as "organisationNumber", c.name, c.organisation_id as "organisationId",
           o.name as "organisationName", c.municipality_code as "municipalityCode", c.status
      from companies c join organisations o on o.id = c.organisation_id
     where c.id in (select (jsonb_array_elements_text(${JSON.stringify(companyIds)}::jsonb))::uuid)
     order by c.name, c.id`);
  return rowsOf<{
    companyId: string;
    organisationNumber: string;
    name: string;
    organisationId: string;
    organisationName: string;
    municipalityCode: string | null;
    status: string;
  }>(result);
}

/** Every attendance at an activity that started in the period, of a contact of a company in scope,
 * with the person's gender and the activity's type and areas. */
export async function listAttendances(db: Db, scope: ReportScope) {
  const { from, to } = scope;
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select r.contact_id as "contactId", ct.gender, ac.type as "activityType", ct.name as "contactName",
           r.company_id as "companyId",
           coalesce((select json_agg(aa.area order by aa.area) from activity_areas aa where aa.activity_id = ac.id), '[]'::json)
             as "areas"
      from registrations r
      join scope s on s.id = r.company_id
      join activities ac on ac.id = r.activity_id
      join contacts ct on ct.id = r.contact_id
     where r.attended is true and ${day(sql`ac.starts_at`)} between ${from} and ${to}`);
  return rowsOf<{
    contactId: string;
    gender: ParticipantGender;
    activityType: ActivityType;
    contactName: string;
    companyId: string;
    areas: Area[] | string;
  }>(result);
}

/** Confirmed realised effects of actions done in the period, per area (decision 025). */
export async function sumRealisedByArea(db: Db, scope: ReportScope) {
  const { from, to } = scope;
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select a.area, coalesce(sum(a.realised_kwh), 0)::float8 as "kwh", coalesce(sum(a.realised_co2e_kg), 0)::float8 as "co2eKg"
      from actions a join scope s on s.id = a.company_id
     where a.status = 'done' and a.realised_confirmed_at is not null and a.done_on between ${from} and ${to}
     group by a.area`);
  return rowsOf<{ area: Area; kwh: number; co2eKg: number }>(result);
}

/** Per company and area in scope, as a CTE named `step_changes` after `scope`: the step of the first
 * submitted coach-led baseline and of the latest coach-led follow-up submitted up to the end of the
 * period (decision 027). The indicator report lists it; the dashboard counts it per pair of steps.
 * It reads the row per company and area that the assessments' trigger keeps (decision 039); only a
 * company whose latest follow-up came after the period looks up the one it had then. */
const stepChangesCte = (scope: ReportScope) => {
  const end = sql`((${scope.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`;
  return sql`step_changes as (
    select st.company_id, st.area,
           case when st.baseline_at < ${end} then st.baseline_step end as baseline_step,
           case
             when st.latest_at < ${end} then st.latest_step
             when st.first_follow_up_at < ${end} then (
               select a.step from assessments a
                where a.company_id = st.company_id and a.area = st.area and a.status = 'submitted'
                  and a.mode = 'coach' and a.kind = 'follow_up' and a.submitted_at < ${end}
                order by a.submitted_at desc limit 1)
           end as latest_step
      from company_area_steps st join scope s on s.id = st.company_id
     where st.baseline_at < ${end} or st.first_follow_up_at < ${end})`;
};

/** Per company and area in scope: its baseline step and latest follow-up step (stepChangesCte). */
export async function listStepChanges(db: Db, scope: ReportScope) {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}, ${stepChangesCte(scope)}
    select company_id as "companyId", area, baseline_step as "baselineStep", latest_step as "latestStep"
      from step_changes`);
  return rowsOf<{ companyId: string; area: Area; baselineStep: number | null; latestStep: number | null }>(result);
}

/** How many companies in scope have each pair of baseline step and latest follow-up step, per area
 * (stepChangesCte): a few dozen rows however many companies there are. */
export async function countStepPairs(db: Db, scope: ReportScope) {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}, ${stepChangesCte(scope)}
    select area, baseline_step as "baselineStep", latest_step as "latestStep", count(*)::int as "companies"
      from step_changes
     group by area, baseline_step, latest_step`);
  return rowsOf<{ area: Area; baselineStep: number | null; latestStep: number | null; companies: number }>(result);
}

/** Companies in scope with an action that is not cancelled, made up to the end of the period. */
export async function countCompaniesWithPlan(db: Db, scope: ReportScope): Promise<number> {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select count(distinct a.company_id)::int as "count"
      from actions a join scope s on s.id = a.company_id
     where a.status <> 'cancelled' and ${day(sql`a.created_at`)} <= ${scope.to}`);
  return Number(rowsOf<{ count: number }>(result)[0]?.count ?? 0);
}

export async function findProgramme(db: Db) {
  const [row] = await db
    .select()
    .from(programmes)
    .orderBy(sql`${programmes.startsOn} desc`)
    .limit(1);
  return row;
}

export async function updateProgrammeSettingsIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof programmes.$inferInsert>,
) {
  const [row] = await db
    .update(programmes)
    .set({ ...values, settingsVersion: version + 1 })
    .where(sql`${programmes.id} = ${id} and ${programmes.settingsVersion} = ${version}`)
    .returning();
  return row;
}

export async function findOrganisationName(db: Db, id: string): Promise<string | undefined> {
  const result = await db.execute(sql`select name from organisations where id = ${id}`);
  return rowsOf<{ name: string }>(result)[0]?.name;
}

/** How many items a data quality check lists; its count is always exact. */
export const dataQualityListLimit = 100;

/** Activities in the period that have started, with people registered from companies in scope,
 * and no attendance marked at all. */
export async function listActivitiesWithoutAttendance(db: Db, scope: ReportScope, now: Date) {
  const { from, to } = scope;
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select ac.id, ac.title as "name", count(*) over ()::int as "count"
      from activities ac
     where ${day(sql`ac.starts_at`)} between ${from} and ${to} and ac.starts_at <= ${now.toISOString()}::timestamptz
       and exists (select 1 from registrations r join scope s on s.id = r.company_id
                    where r.activity_id = ac.id and r.status = 'registered')
       and not exists (select 1 from registrations r where r.activity_id = ac.id and r.attended is not null)
     order by ac.starts_at, ac.id
     limit ${dataQualityListLimit}`);
  return rowsOf<{ id: string; name: string; count: number }>(result);
}

/** Actions done in the period without any realised figure, or with figures no coach confirmed. */
export async function listDoneActionsToFollowUp(db: Db, scope: ReportScope, problem: 'no_realised' | 'unconfirmed') {
  const { from, to } = scope;
  const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null
    or a.realised_sek is not null or a.realised_material_tonnes is not null)`;
  const condition =
    problem === 'no_realised' ? sql`not ${hasRealised}` : sql`${hasRealised} and a.realised_confirmed_at is null`;
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select a.id, a.title as "name", a.company_id as "companyId", c.name as "companyName", count(*) over ()::int as "count"
      from actions a join scope s on s.id = a.company_id join companies c on c.id = a.company_id
     where a.status = 'done' and a.done_on between ${from} and ${to} and ${condition}
     order by c.name, a.title, a.id
     limit ${dataQualityListLimit}`);
  return rowsOf<{ id: string; name: string; companyId: string; companyName: string; count: number }>(result);
}

/** Actions in scope, not cancelled and made by the end of the period, with an energy saving but no
 * energy carrier and no CO2e for it: their CO2e counts nowhere until a carrier is chosen (decision 038). */
export async function listActionsWithoutCarrier(db: Db, scope: ReportScope) {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}
    select a.id, a.title as "name", a.company_id as "companyId", c.name as "companyName", count(*) over ()::int as "count"
      from actions a join scope s on s.id = a.company_id join companies c on c.id = a.company_id
     where a.status <> 'cancelled' and ${day(sql`a.created_at`)} <= ${scope.to} and a.carrier is null
       and ((a.expected_kwh <> 0 and a.expected_co2e_kg is null) or (a.realised_kwh <> 0 and a.realised_co2e_kg is null))
     order by c.name, a.title, a.id
     limit ${dataQualityListLimit}`);
  return rowsOf<{ id: string; name: string; companyId: string; companyName: string; count: number }>(result);
}
