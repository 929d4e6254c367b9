import { sql, type SQL } from 'drizzle-orm';
import type { Area } from '../../../core/areas';
import type { ActivityType, ParticipantGender } from '../../../core/activities';
import type { BestStepChangeCount, StepPairCount } from '../../../core/indicators';
import type { SmeClass } from '../../../core/sme-class';
import type { Db } from '../../db/client';
import { splitIntoSupportBlocks } from '../../../core/support-blocks';
import { jsonValue, rowsOf } from '../../db/rows';
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
  /** The programme's first and last day: a period inside its months reads one row of every supported
   * company for its first and last month (decision 049). Without it the report looks for the rest too. */
  programmePeriod?: { from: string; to: string };
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

/** The moment the period's last day ends in Stockholm. */
const periodEnd = (scope: ReportScope) => sql`((${scope.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`;

/** The companies in scope in a CTE named `scope`. */
const scopeCte = (scope: ReportScope) =>
  sql`scope as (select c.id from companies c where ${scopeCondition(scope, 'c')})`;

/** How many months from the first day's month to the last day's, both counted (1 for one month). */
function monthsSpanned(from: string, to: string): number {
  const index = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
  return index(to) - index(from) + 1;
}

function lastDayOfMonth(date: string): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 8)}${String(new Date(Date.UTC(year, month, 0)).getUTCDate()).padStart(2, '0')}`;
}

/**
 * Per company in scope with any support in the period, as CTEs ending in `supported`: the first and
 * last day of support (interventions, submitted coach-led measurements, analyses by their date,
 * attended activities), the logged quarter hours, whether it had a measurement or an analysis, the
 * company's organisation, municipality, status and name, and the size class it had at its first
 * support.
 *
 * Interventions and measurements are read from the running sums their triggers keep per company and
 * month (decision 049): for each company, the row of the period's first month gives its first day of
 * support on or after the period's first day (the month's days, else the next day with support), its
 * size class then and the sums before it. A period that ends on a month's last day takes the sums and
 * the last day through that month from the same row, one row per company, as does a period inside
 * one month; one that ends inside a later month takes them through the month before, and the row of
 * its last month only for the companies with support in that month up to the end (decision 050). The
 * sums in between are a subtraction, so the cost does not grow with the period. A company has a row
 * for every month of the programme; for a period that begins before it or ends after it, a company
 * may have no row for the first or last month, and its first or last row stands in (the rows of the
 * first and last month then joined one to one in company order). The rows carry the companies' facts and
 * names, so no company is joined. Analyses and attended activities (a few rows) are grouped by
 * company and joined to the companies.
 */
/** Where the sums through a period's last day come from (supportCtes). */
type Ending = 'month end' | 'same month' | 'month before' | 'two rows';

export function supportCtes(scope: ReportScope): SQL {
  const { from, to } = scope;
  const start = (on: string) => sql`(${on}::date::timestamp at time zone 'Europe/Stockholm')`;
  const end = (on: string) => sql`((${on}::date + 1)::timestamp at time zone 'Europe/Stockholm')`;
  // The months as dates the planner sees, so that it knows how many rows each has.
  const firstMonth = sql`${`${from.slice(0, 7)}-01`}::date`;
  const lastMonth = sql`${`${to.slice(0, 7)}-01`}::date`;
  // Every supported company has a row for each month of the programme. Inside them, one index range
  // per month gives the rows in company order, joined without sorting; outside, a company's first or
  // last row may stand in.
  const programme = scope.programmePeriod;
  const startsInside = programme !== undefined && from.slice(0, 7) >= programme.from.slice(0, 7);
  const endsInside = programme !== undefined && to.slice(0, 7) <= programme.to.slice(0, 7);
  // Inside the programme, the row of the first month gives the sums through the period's end: through
  // the end of its last month when that is the month's last day (the row keeps the sums through the
  // end of each month after it); through its last day when the period is one month; else through the
  // end of the month before the last, and only the companies with support in the last month up to its
  // last day (the few) add the row of that month.
  const ending: Ending = !(startsInside && endsInside)
    ? 'two rows'
    : to === lastDayOfMonth(to)
      ? 'month end'
      : from.slice(0, 7) === to.slice(0, 7)
        ? 'same month'
        : 'month before';
  const endMonth = monthsSpanned(from, to);
  const analysedOn = sql`coalesce(an.performed_on, ${day(sql`an.created_at`)})`;
  const through = {
    'two rows': sql``,
    'month end': sql`, m.month_end_last_on[${endMonth}] as last_on,
           m.month_end_quarter_hours[${endMonth}] as quarter_hours_through,
           m.month_end_measurements[${endMonth}] as measurements_through`,
    'same month': sql`, case when k.through > 0 then m.days[k.through] else m.last_before end as last_on,
           coalesce(m.quarter_hours_through[k.through], m.quarter_hours_before) as quarter_hours_through,
           coalesce(m.measurements_through[k.through], m.measurements_before) as measurements_through`,
    'month before': sql`, m.month_end_last_on[${endMonth - 1}] as last_on,
           m.month_end_quarter_hours[${endMonth - 1}] as quarter_hours_through,
           m.month_end_measurements[${endMonth - 1}] as measurements_through`,
  }[ending];
  // width_bucket counts the days of the sorted array on or before the value: none before a month's
  // first day, which most periods start on (a search through every company's days saved).
  const before = from.endsWith('-01') ? sql`0` : sql`width_bucket(${from}::date - 1, m.days)`;
  const head = sql`select m.company_id, coalesce(m.days[k.before + 1], m.next_on) as first_on,
           case when k.before < cardinality(m.days) then m.size_classes[k.before + 1] else m.next_size_class end as size_class,
           coalesce(m.quarter_hours_through[k.before], m.quarter_hours_before) as quarter_hours_before,
           coalesce(m.measurements_through[k.before], m.measurements_before) as measurements_before,
           m.organisation_id, m.municipality_code, m.status, m.name ${through}
      from company_support_months m cross join lateral (select ${before} as before${
        ending === 'same month' ? sql`, width_bucket(${to}::date, m.days) as through` : sql``
      }) k`;
  const tail = sql`select m.company_id, case when k.through > 0 then m.days[k.through] else m.last_before end as last_on,
           coalesce(m.quarter_hours_through[k.through], m.quarter_hours_before) as quarter_hours_through,
           coalesce(m.measurements_through[k.through], m.measurements_before) as measurements_through
      from company_support_months m cross join lateral (select width_bucket(${to}::date, m.days) as through) k`;
  const tails = {
    'two rows': sql`tails as (
      ${tail} where m.month = ${lastMonth} and ${scopeCondition(scope, 'm')}
      ${
        endsInside
          ? sql`order by m.company_id`
          : sql`union all
      ${tail} where m.month = m.last_month and m.month < ${lastMonth} and m.month >= ${firstMonth}
        and ${scopeCondition(scope, 'm')}`
      }
    ),`,
    // The rows of the last month with a day of support up to the period's last: the partial index
    // company_support_months_active_idx holds only the rows of months with support.
    'month before': sql`tails as (
      ${tail} where m.month = ${lastMonth} and cardinality(m.days) > 0 and m.days[1] <= ${to}
        and ${scopeCondition(scope, 'm')}
    ),`,
    'month end': sql``,
    'same month': sql``,
  }[ending];
  const joinTails = {
    'two rows': sql`join tails t on t.company_id = h.company_id`,
    'month before': sql`left join tails l on l.company_id = h.company_id
        cross join lateral (select coalesce(l.last_on, h.last_on) as last_on,
           coalesce(l.quarter_hours_through, h.quarter_hours_through) as quarter_hours_through,
           coalesce(l.measurements_through, h.measurements_through) as measurements_through) t`,
    'month end': sql`cross join lateral (select h.last_on, h.quarter_hours_through, h.measurements_through) t`,
    'same month': sql`cross join lateral (select h.last_on, h.quarter_hours_through, h.measurements_through) t`,
  }[ending];
  return sql`events (company_id, first_on, last_on, analysis) as (
      select an.company_id, ${analysedOn}, ${analysedOn}, true
        from analyses an where ${analysedOn} between ${from} and ${to}
      union all
      select r.company_id, ${day(sql`ac.starts_at`)}, ${day(sql`ac.starts_at`)}, false
        from registrations r join activities ac on ac.id = r.activity_id
       where r.attended is true and ac.starts_at >= ${start(from)} and ac.starts_at < ${end(to)}
    ),
    rest as (
      select g.*, c.organisation_id, c.municipality_code, c.status, c.name
        from (select e.company_id, min(e.first_on) as first_on, max(e.last_on) as last_on, bool_or(e.analysis) as has_analysis
                from events e
               group by e.company_id) g
        join companies c on c.id = g.company_id
       where ${scopeCondition(scope, 'c')}
    ),
    heads as (
      ${head} where m.month = ${firstMonth} and ${scopeCondition(scope, 'm')}
      ${startsInside ? sql`order by m.company_id` : sql``}
      ${
        startsInside
          ? sql``
          : sql`union all
      ${head} where m.month = m.first_month and m.month > ${firstMonth} and m.month <= ${lastMonth}
        and ${scopeCondition(scope, 'm')}`
      }
    ),
    ${tails}
    main as (
      select h.company_id, h.first_on, t.last_on, (t.quarter_hours_through - h.quarter_hours_before)::int as quarter_hours,
             t.measurements_through > h.measurements_before as has_measurement, h.size_class,
             h.organisation_id, h.municipality_code, h.status, h.name
        from heads h ${joinTails}
       where h.first_on <= ${to}
    ),
    in_scope as (
      select coalesce(m.company_id, r.company_id) as company_id,
             least(m.first_on, r.first_on) as first_on, greatest(m.last_on, r.last_on) as last_on,
             coalesce(m.quarter_hours, 0) as quarter_hours, coalesce(m.has_measurement, false) as has_measurement,
             coalesce(r.has_analysis, false) as has_analysis, m.first_on as months_first_on, m.size_class as months_size_class,
             coalesce(m.organisation_id, r.organisation_id) as organisation_id,
             case when m.company_id is null then r.municipality_code else m.municipality_code end as municipality_code,
             coalesce(m.status, r.status) as status, coalesce(m.name, r.name) as name
        from main m full join rest r on r.company_id = m.company_id
    ),
    -- The size class of a company first supported by an analysis or an activity (a few) is looked up.
    supported as (
      select s.company_id, s.organisation_id, s.municipality_code, s.status, s.name, s.first_on, s.last_on, s.quarter_hours,
             s.has_measurement, s.has_analysis,
             case when s.months_first_on = s.first_on then s.months_size_class
                  else company_size_class_on(s.company_id, s.first_on) end as size_class
        from in_scope s
    )`;
}

/** A supported company, as a data quality check lists it. */
export type SupportedCompanyItem = { id: string; name: string };

export type SupportSummary = {
  /** The supported companies grouped by every fact the rules read (countedGroups), hours capped. */
  groups: {
    quarterHours: number;
    hasMeasurement: boolean;
    hasAnalysis: boolean;
    sizeClass: SmeClass | null;
    municipalityCode: string | null;
    prospect: boolean;
    companies: number;
  }[];
  /** The first supported companies by name without size data, without municipality, still prospects. */
  missingSize: SupportedCompanyItem[];
  missingMunicipality: SupportedCompanyItem[];
  prospects: SupportedCompanyItem[];
};

/**
 * The support of the companies in scope as groups a rule cannot tell apart (decision 041): a few
 * hundred rows however many companies, with hours capped at `quarterHoursCap`
 * (distinguishableQuarterHours); and the first companies each company check of the data quality lists.
 */
export async function readSupportSummary(db: Db, scope: ReportScope, quarterHoursCap: number): Promise<SupportSummary> {
  // Two statements side by side, each reading the support once without keeping its rows: the groups,
  // and the few companies the checks list. One statement that kept the rows of 60 000 companies for
  // both took twice as long (decision 050).
  const groups = db.execute(sql`
    with ${supportCtes(scope)}
    select coalesce(json_agg(g), '[]'::json) as "groups" from (
      select least(quarter_hours, ${quarterHoursCap}) as "quarterHours", has_measurement as "hasMeasurement",
             has_analysis as "hasAnalysis", size_class as "sizeClass", municipality_code as "municipalityCode",
             status = 'prospect' as "prospect", count(*)::int as "companies"
        from supported
       group by 1, 2, 3, 4, 5, 6) g`);
  // The support carries the companies' names (decision 049), so a list is sorted without joining them.
  const firstBy = (condition: SQL) => sql`(select coalesce(json_agg(x), '[]'::json) from (
      select s.company_id as "id", s.name from listed s where ${condition}
       order by lower(s.name), s.company_id limit ${dataQualityListLimit}) x)`;
  const lists = db.execute(sql`
    with ${supportCtes(scope)},
    listed as (
      select s.company_id, s.name, s.size_class, s.municipality_code, s.status from supported s
       where s.size_class is null or s.municipality_code is null or s.status = 'prospect'
    )
    select ${firstBy(sql`s.size_class is null`)} as "missingSize",
           ${firstBy(sql`s.municipality_code is null`)} as "missingMunicipality",
           ${firstBy(sql`s.status = 'prospect'`)} as "prospects"`);
  const [grouped, listed] = await Promise.all([groups, lists]);
  const row = {
    ...rowsOf<{ groups: unknown }>(grouped)[0]!,
    ...rowsOf<Record<'missingSize' | 'missingMunicipality' | 'prospects', unknown>>(listed)[0]!,
  };
  return {
    groups: jsonValue(row.groups),
    missingSize: jsonValue(row.missingSize),
    missingMunicipality: jsonValue(row.missingMunicipality),
    prospects: jsonValue(row.prospects),
  };
}

export type SupportedCompanyRow = {
  companyId: string;
  organisationNumber: string;
  name: string;
  organisationId: string;
  organisationName: string;
  municipalityCode: string | null;
  sizeClass: SmeClass | null;
  firstSupportOn: string;
  lastSupportOn: string;
  quarterHours: number;
  hasMeasurement: boolean;
  hasAnalysis: boolean;
  prospect: boolean;
  /** How many companies the whole list holds. */
  total: number;
};

/** The companies in scope with support in the period, by name; a page of them, or all. */
export async function listSupportedCompanies(
  db: Db,
  scope: ReportScope,
  page: { limit: number; offset: number } | 'all',
): Promise<SupportedCompanyRow[]> {
  const result = await db.execute(sql`
    with ${supportCtes(scope)}
    select s.company_id as "companyId", c.organisation_number as "organisationNumber", c.name,
           s.organisation_id as "organisationId", o.name as "organisationName", s.municipality_code as "municipalityCode",
           s.size_class as "sizeClass", s.first_on::text as "firstSupportOn", s.last_on::text as "lastSupportOn",
           s.quarter_hours as "quarterHours", s.has_measurement as "hasMeasurement", s.has_analysis as "hasAnalysis",
           s.status = 'prospect' as "prospect", s.total
      -- The page is chosen by the names the support carries; only its rows join the companies.
      from (select s.*, count(*) over ()::int as total from supported s
             order by lower(s.name), s.company_id
             ${page === 'all' ? sql`` : sql`limit ${page.limit} offset ${page.offset}`}) s
      join companies c on c.id = s.company_id join organisations o on o.id = s.organisation_id
     order by lower(s.name), s.company_id`);
  return rowsOf<SupportedCompanyRow>(result);
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

/** Per company and area in scope, as a CTE named `step_changes` after `scope`: the step of the first
 * submitted coach-led baseline and of the latest coach-led follow-up submitted up to the end of the
 * period (decision 027). The indicator report lists it; the dashboard counts it per pair of steps.
 * It reads the row per company and area that the assessments' trigger keeps (decision 039); only a
 * company whose latest follow-up came after the period looks up the one it had then. */
const stepChangesCte = (scope: ReportScope) => {
  const end = periodEnd(scope);
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

/** Where the step figures come from: the counts the writes keep when they hold for the period, or
 * always the kept rows per company and area (the tests compare the two). */
export type StepSource = 'counts' | 'companies';

/**
 * Whether the step counts of migration 0032 answer for the period: they count every company's kept
 * baseline and latest follow-up, which is stepChangesCte's answer when the period ends after every
 * one of them (a report of this year; a past year's report reads the companies' rows).
 */
const stepCountsHold = (scope: ReportScope, source: StepSource) =>
  source === 'companies'
    ? sql`false`
    : sql`(select coalesce(max(greatest(st.baseline_at, st.first_follow_up_at, st.latest_at)) < ${periodEnd(scope)}, true)
          from company_area_steps st)`;

const keptStepPairs = (scope: ReportScope) => sql`
  select k.area, k.baseline_step as "baselineStep", k.latest_step as "latestStep", sum(k.companies)::int as "companies"
    from step_pair_counts k where ${scopeCondition(scope, 'k')}
   group by k.area, k.baseline_step, k.latest_step having sum(k.companies) > 0`;

const countedStepPairs = sql`
  select area, baseline_step as "baselineStep", latest_step as "latestStep", count(*)::int as "companies"
    from step_changes group by area, baseline_step, latest_step`;

/**
 * The step figures of the report in one statement: how many companies have each pair of steps per
 * area, and how many have each largest change over their areas (the change is stepChange of the core,
 * a subtraction; BestStepChangeCount says why its largest is enough). From the counts the writes keep
 * when they hold for the period (stepCountsHold), else from stepChangesCte, read once.
 */
export async function readStepSummary(db: Db, scope: ReportScope, source: StepSource = 'counts') {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}, ${stepChangesCte(scope)}, held as (select ${stepCountsHold(scope, source)} as held)
    select case when (select held from held)
             then (select coalesce(json_agg(p), '[]'::json) from (${keptStepPairs(scope)}) p)
             else (select coalesce(json_agg(p), '[]'::json) from (${countedStepPairs}) p)
           end as "pairs",
           case when (select held from held)
             then (select coalesce(json_agg(b), '[]'::json) from (
                     select k.change, sum(k.companies)::int as "companies"
                       from best_step_change_counts k where ${scopeCondition(scope, 'k')}
                      group by k.change having sum(k.companies) > 0) b)
             else (select coalesce(json_agg(b), '[]'::json) from (
                     select change, count(*)::int as "companies"
                       from (select company_id, max(latest_step - baseline_step) as change from step_changes
                              group by company_id) c
                      group by change) b)
           end as "best"`);
  const row = rowsOf<{ pairs: unknown; best: unknown }>(result)[0]!;
  return {
    pairs: jsonValue<StepPairCount[]>(row.pairs),
    best: jsonValue<BestStepChangeCount[]>(row.best),
  };
}

/** How many companies in scope have each pair of baseline step and latest follow-up step, per area: a
 * few dozen rows however many companies there are (readStepSummary's pairs). */
export async function countStepPairs(db: Db, scope: ReportScope, source: StepSource = 'counts') {
  const result = await db.execute(sql`
    with ${scopeCte(scope)}, ${stepChangesCte(scope)}
    select * from (${keptStepPairs(scope)}) p where ${stepCountsHold(scope, source)}
    union all
    select * from (${countedStepPairs}) p where not ${stepCountsHold(scope, source)}`);
  return rowsOf<{ area: Area; baselineStep: number | null; latestStep: number | null; companies: number }>(result);
}

/** Companies in scope with an action that is not cancelled, made up to the end of the period: from
 * the first such action of each company, which a trigger keeps (migration 0034, decision 041), or
 * from the actions. */
export async function countCompaniesWithPlan(
  db: Db,
  scope: ReportScope,
  source: ActionSource = 'kept',
): Promise<number> {
  const end = periodEnd(scope);
  const result = await db.execute(
    source === 'kept'
      ? sql`
    select count(*)::int as "count"
      from company_plan_starts p
     where ${scopeCondition(scope, 'p')} and p.first_action_at < ${end}`
      : sql`
    select count(*)::int as "count"
      from companies c
     where ${scopeCondition(scope, 'c')}
       and exists (select 1 from actions a where a.company_id = c.id and a.status <> 'cancelled' and a.created_at < ${end})`,
  );
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

/** An action a data quality check lists, with how many the check found in all. */
export type ActionItem = { id: string; name: string; companyId: string; companyName: string };
export type ActionCheck = { count: number; items: ActionItem[] };

const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null or a.realised_sek is not null
  or a.realised_material_tonnes is not null)`;

/** What a done action may lack: any realised figure, or a coach's confirmation of its figures. */
const doneActionProblems = {
  no_realised: sql`not ${hasRealised}`,
  unconfirmed: sql`${hasRealised} and a.realised_confirmed_at is null`,
} as const;
export type DoneActionProblem = keyof typeof doneActionProblems;

/** Where the done actions' figures and the companies with a plan come from: what the writes keep
 * (migration 0034), or the actions themselves (the tests compare the two). */
export type ActionSource = 'kept' | 'actions';

const confirmedRealised = (column: 'realised_kwh' | 'realised_co2e_kg') =>
  sql`case when a.realised_confirmed_at is not null then coalesce(${sql.raw(`a.${column}`)}, 0)::numeric else 0 end`;

/**
 * The actions of companies in scope done in the period, counted in one statement: their confirmed
 * realised effects per area (decision 025), and how many lack any realised figure or a confirmation.
 * The period's whole months, quarters and years are read from `done_action_sums`, which the writes
 * keep per programme, organisation, municipality, area and block of the done day, and only its
 * ragged days from the actions (decision 041), so a year of the programme is a row per organisation,
 * municipality and area however many actions were done. Sums are in numeric, as kept, so both sources give the same answer.
 */
export async function readDoneActions(db: Db, scope: ReportScope, source: ActionSource = 'kept') {
  const { from, to } = scope;
  const { blocks, days } = source === 'kept' ? splitIntoSupportBlocks(from, to) : { blocks: [], days: [{ from, to }] };
  const parts: SQL[] = [
    ...(blocks.length > 0
      ? [
          sql`select k.area, k.actions, k.realised_kwh, k.realised_co2e_kg, k.no_realised, k.unconfirmed
                from done_action_sums k
               where ${scopeCondition(scope, 'k')}
                 and (${sql.join(
                   blocks.map((block) => sql`(k.months = ${block.months} and k.starts_on = ${block.startsOn})`),
                   sql` or `,
                 )})`,
        ]
      : []),
    ...days.map(
      (range) => sql`select a.area, 1, ${confirmedRealised('realised_kwh')}, ${confirmedRealised('realised_co2e_kg')},
               (${doneActionProblems.no_realised})::int, (${doneActionProblems.unconfirmed})::int
          from actions a
         where a.status = 'done' and a.done_on between ${range.from} and ${range.to}
           and a.company_id in (select c.id from companies c where ${scopeCondition(scope, 'c')})`,
    ),
  ];
  const result = await db.execute(sql`
    select p.area, sum(p.kwh)::float8 as "kwh", sum(p.co2e_kg)::float8 as "co2eKg",
           sum(p.no_realised)::int as "noRealised", sum(p.unconfirmed)::int as "unconfirmed"
      from (${sql.join(parts, sql` union all `)}) as p(area, actions, kwh, co2e_kg, no_realised, unconfirmed)
     group by p.area
    having sum(p.actions) > 0`);
  const rows = rowsOf<{ area: Area; kwh: number; co2eKg: number; noRealised: number; unconfirmed: number }>(result);
  return {
    realisedByArea: rows.map(({ area, kwh, co2eKg }) => ({ area, kwh: Number(kwh), co2eKg: Number(co2eKg) })),
    counts: {
      no_realised: rows.reduce((sum, row) => sum + Number(row.noRealised), 0),
      unconfirmed: rows.reduce((sum, row) => sum + Number(row.unconfirmed), 0),
    } satisfies Record<DoneActionProblem, number>,
  };
}

/** Up to this many actions with a problem are read whole and sorted; more are found company by company. */
const fewDoneActions = 500;

/**
 * The first actions done in the period with the problem, by company name, then title. A few are read
 * and sorted; many (a large programme where no coach confirms) are found by walking the companies in
 * name order until the list is full, so that tens of thousands are never sorted for a hundred.
 */
export async function listDoneActionItems(
  db: Db,
  scope: ReportScope,
  problem: DoneActionProblem,
  found: number,
  strategy: 'sort' | 'walk' = found <= fewDoneActions ? 'sort' : 'walk',
): Promise<ActionItem[]> {
  if (found === 0) return [];
  const { from, to } = scope;
  const done = sql`a.status = 'done' and a.done_on between ${from} and ${to} and ${doneActionProblems[problem]}`;
  const result =
    strategy === 'sort'
      ? await db.execute(sql`
          with found as materialized (select a.id, a.title, a.company_id from actions a where ${done})
          select f.id, f.title as "name", c.id as "companyId", c.name as "companyName"
            from found f join companies c on c.id = f.company_id
           where ${scopeCondition(scope, 'c')}
           order by lower(c.name), c.id, f.title, f.id
           limit ${dataQualityListLimit}`)
      : await db.execute(sql`
          select a.id, a.title as "name", c.id as "companyId", c.name as "companyName"
            from companies c
            cross join lateral (select a.id, a.title from actions a where a.company_id = c.id and ${done}) a
           where ${scopeCondition(scope, 'c')}
           order by lower(c.name), c.id, a.title, a.id
           limit ${dataQualityListLimit}`);
  return rowsOf<ActionItem>(result);
}

/** Actions in scope, not cancelled and made by the end of the period, with an energy saving but no
 * energy carrier and no CO2e for it: their CO2e counts nowhere until a carrier is chosen (decision 038). */
export async function listActionsWithoutCarrier(db: Db, scope: ReportScope): Promise<ActionCheck> {
  const result = await db.execute(sql`
    with found as materialized (
      -- Few or none: read them first (actions_without_carrier_idx), then their companies.
      select a.id, a.title, a.company_id from actions a
       where a.status <> 'cancelled' and a.carrier is null
         and ((a.expected_kwh <> 0 and a.expected_co2e_kg is null) or (a.realised_kwh <> 0 and a.realised_co2e_kg is null))
         and a.created_at < ((${scope.to}::date + 1)::timestamp at time zone 'Europe/Stockholm'))
    select a.id, a.title as "name", a.company_id as "companyId", c.name as "companyName", count(*) over ()::int as "count"
      from found a join companies c on c.id = a.company_id
     where ${scopeCondition(scope, 'c')}
     order by c.name, a.title, a.id
     limit ${dataQualityListLimit}`);
  const rows = rowsOf<ActionItem & { count: number }>(result);
  return { count: rows[0]?.count ?? 0, items: rows.map(({ count: _count, ...item }) => item) };
}
