// The programme at N times its size (docs/quality.md P1: 1× = 600 companies, 3,000 contacts, 3,000
// measurements, 50,000 interventions), generated in SQL on a migrated, seeded database. Companies
// are spread over the organisations, municipalities, statuses, size classes and SNI divisions so
// every filter of the list has something to find; each generated company also gets actions.
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../src/server/db/client';
import { demoIds } from '../src/server/db/seed';
import { municipalities } from '../src/server/content/municipalities';
import { listCurrentModels } from '../src/server/modules/maturity/maturity.queries';
import { interventionAreas, interventionKinds } from '../src/core/interventions';
import {
  bestStepChangeCountsFromScratch,
  companyStepCountsFromScratch,
  stepCountsDifferingFromScratch,
  stepPairCountsFromScratch,
} from '../src/server/test/step-counts-from-scratch';
import { supportMonthsDiffering, supportMonthsFromScratch } from '../src/server/test/support-months-from-scratch';
import {
  companyPlanStartColumns,
  companyPlanStartsFromScratch,
  doneActionSumColumns,
  doneActionSumsDifferingFromScratch,
} from '../src/server/test/done-action-sums-from-scratch';

/** P1's sizes at 1×; the demo data's own rows count towards them. */
export const sizesAt1x = { companies: 600, contacts: 3_000, assessments: 3_000, interventions: 50_000 } as const;

export type FillCounts = Record<keyof typeof sizesAt1x | 'answers' | 'actions' | 'grants', number>;

const list = (values: readonly string[], cast = '') => sql.raw(`array['${values.join("','")}']${cast}`);

async function countGenerated(db: Db): Promise<number> {
  const result = await db.execute(
    sql`select count(*)::int as count from companies where organisation_number like '77%'`,
  );
  return Math.max(1, Number((result as unknown as { rows: { count: number }[] }).rows[0]!.count));
}

async function count(db: Db, table: string): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as count from ${sql.identifier(table)}`);
  return Number((result as unknown as { rows: { count: number }[] }).rows[0]!.count);
}

/** P1 has no figure for coaches; the programme has about five per organisation, so N× has 5 × N per
 * organisation and each coach's share of companies stays what it is at 1×. The demo coach of the
 * first organisation is its coach number 0, so signing in as them measures a typical coach. */
export const coachesPerOrganisationAt1x = 5;

// A deterministic id that is a valid version-4 UUID (the API's schemas check the version digits).
const coachId = (orgIndex: string, coachIndex: string) =>
  sql.raw(`case when ${orgIndex} = 0 and ${coachIndex} = 0 then '${demoIds.users.coachIdc}'::uuid
    else overlay(overlay(md5('bench-coach-' || ${orgIndex} || '-' || ${coachIndex}) placing '4' from 13) placing '8' from 17)::uuid
    end`);

async function fillCoaches(db: Db, perOrganisation: number): Promise<void> {
  const orgs = Object.values(demoIds.organisations);
  await db.execute(sql`
    insert into users (id, email, name, role, organisation_id, status)
    select ${coachId('o', 'k')}, 'coach' || o || '-' || k || '@bench.example', 'Coach ' || o || '-' || k, 'coach',
      (${list(orgs, '::uuid[]')})[1 + o], 'active'
    from generate_series(0, ${orgs.length - 1}) as o cross join generate_series(0, ${perOrganisation - 1}) as k
    where not (o = 0 and k = 0)
    on conflict do nothing`);
}

async function fillCompanies(db: Db, companies: number, coachesPerOrganisation: number): Promise<void> {
  const extra = companies - (await count(db, 'companies'));
  if (extra <= 0) return;
  const orgs = Object.values(demoIds.organisations);
  const codes = municipalities.map((m) => m.code);
  await db.execute(sql`
    insert into companies (id, programme_id, organisation_id, coach_id, organisation_number, name, municipality_code,
      sni_code, sni_division, sni_version, headcount, turnover_sek, balance_sheet_sek, financial_year, size_class, status,
      status_changed_on, created_at, updated_at)
    select gen_random_uuid(), ${demoIds.programme}::uuid, (${list(orgs, '::uuid[]')})[1 + h1 % 5],
      ${coachId('h1 % 5', `(h2 / 7) % ${coachesPerOrganisation}`)},
      '77' || lpad((i / 10000)::text, 4, '0') || '-' || lpad((i % 10000)::text, 4, '0'),
      (array['Exempel','Påhittade','Fiktiva','Demo','Låtsas','Prov','Testar','Modell'])[1 + h2 % 8] || ' ' ||
        (array['Verkstad','Plåt','Textil','Gjuteri','Trä','Mekano','Plast','Livs','Elektronik','Möbler','Kemi'])[1 + h3 % 11] || ' ' || i || ' AB',
      (${list(codes)})[1 + (h1 / 5) % ${sql.raw(String(codes.length))}],
      lpad((10 + h2 % 24)::text, 2, '0') || '.100', lpad((10 + h2 % 24)::text, 2, '0'), 'SNI 2007',
      5 + h3 % 200, (5 + h3 % 200) * 1500000, (5 + h3 % 200) * 800000, 2025,
      (array['micro','small','medium','large'])[1 + (h3 / 7) % 4],
      (array['prospect','enrolled','active','completed','withdrawn'])[1 + (h2 / 11) % 5],
      date '2024-01-01' + (i % 700), now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
    from (select g as i, abs(hashint4(g)) as h1, abs(hashint4(g + 1000003)) as h2, abs(hashint4(g + 2000003)) as h3
          from generate_series(1, ${extra}) as g) as numbered`);
}

/** A status history for each generated company that reads like the programme's (decision 009): a
 * prospect first, then enrolled a month before its present status, then that status; the day each
 * was taken up, which the dashboard counts, is what migration 0024's trigger keeps (rebuildTriggerKept). */
async function fillStatusHistory(db: Db): Promise<void> {
  const step = (from: string, to: string, on: string, where: string) =>
    sql.raw(`
    insert into company_status_changes (id, company_id, from_status, to_status, changed_on, created_at)
    select gen_random_uuid(), c.id, ${from}, ${to}, ${on}, now()
      from companies c where c.organisation_number like '77%' and ${where}`);
  await db.execute(step('null', "'prospect'", 'c.status_changed_on - 60', 'true'));
  await db.execute(step("'prospect'", "'enrolled'", 'c.status_changed_on - 30', "c.status <> 'prospect'"));
  await db.execute(
    step("'enrolled'", 'c.status', 'c.status_changed_on', "c.status in ('active', 'completed', 'withdrawn')"),
  );
}

/** Generated rows go to generated companies only (numbered by organisation number). */
const generatedCompanies = sql.raw(
  `(select id, organisation_id, coach_id, row_number() over (order by organisation_number) as n
    from companies where organisation_number like '77%')`,
);

async function fillContacts(db: Db, contacts: number): Promise<void> {
  const extra = contacts - (await count(db, 'contacts'));
  if (extra <= 0) return;
  await db.execute(sql`
    insert into contacts (id, company_id, name, email, role, gender)
    select gen_random_uuid(), c.id, 'Kontakt ' || c.n || '-' || r, 'kontakt' || c.n || '-' || r || '@bench.example',
      (array['VD','Produktionschef','Hållbarhetsansvarig','Ekonomichef','Underhållsansvarig'])[1 + r % 5],
      (array['woman','man','not_stated','woman','man'])[1 + r % 5]
    from ${generatedCompanies} as c
    cross join generate_series(1, ${Math.ceil(extra / (await countGenerated(db)))}) as r
    limit ${extra}`);
}

/** Submitted coach measurements spread over the areas, with their answers and dimension scores. */
async function fillAssessments(db: Db, assessments: number): Promise<void> {
  const models = await listCurrentModels(db);
  const extra = assessments - (await count(db, 'assessments'));
  if (extra <= 0) return;
  const companies = await countGenerated(db);
  const perArea = Math.ceil(extra / models.length);
  const rounds = Math.ceil(perArea / companies);
  for (const model of models) {
    const questions = model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));
    const dimensions = model.content.dimensions.map((d) => d.key);
    await db.execute(sql`
      insert into assessments (id, programme_id, company_id, area, kind, mode, model_id, status, started_at,
        submitted_at, submitted_by, next_due_on, score, step, version, updated_at)
      select gen_random_uuid(), ${demoIds.programme}::uuid, c.id, ${model.area},
        case when r = 1 then 'baseline' else 'follow_up' end, 'coach', ${model.id}::uuid,
        'submitted', now() - ((c.n + r * 500) || ' hours')::interval, now() - ((c.n + r * 500) || ' hours')::interval,
        c.coach_id, (now() - ((c.n + r * 500) || ' hours')::interval)::date + 180,
        (c.n * 37) % 101, 1 + (c.n * 37) % 101 / 21, 2, now()
      from ${generatedCompanies} as c cross join generate_series(1, ${rounds}) as r
      where (c.n - 1) * ${rounds} + r <= ${perArea}`);
    await db.execute(sql`
      insert into assessment_answers (assessment_id, question_key, level, is_not_applicable)
      select a.id, q, 1 + abs(hashtext(a.id::text || q)) % 5, false
      from assessments a cross join unnest(${list(questions)}) as q
      where a.model_id = ${model.id}::uuid and a.started_by is null`);
    await db.execute(sql`
      insert into assessment_dimension_scores (assessment_id, dimension_key, score)
      select a.id, d, abs(hashtext(a.id::text || d)) % 101
      from assessments a cross join unnest(${list(dimensions)}) as d
      where a.model_id = ${model.id}::uuid and a.started_by is null`);
  }
}

/** Interventions logged by the company's coach over the last two years; a third set a next follow-up. */
async function fillInterventions(db: Db, interventions: number): Promise<void> {
  const extra = interventions - (await count(db, 'interventions'));
  if (extra <= 0) return;
  const companies = await countGenerated(db);
  await db.execute(sql`
    insert into interventions (id, company_id, organisation_id, coach_id, occurred_on, kind, area, quarter_hours,
      notes, next_follow_up_on, created_at, updated_at)
    select gen_random_uuid(), c.id, c.organisation_id, c.coach_id, current_date - ((c.n * 7 + r * 13) % 730)::int,
      (${list(interventionKinds)})[1 + (c.n + r) % ${sql.raw(String(interventionKinds.length))}],
      (${list(interventionAreas)})[1 + (c.n * 3 + r) % ${sql.raw(String(interventionAreas.length))}],
      1 + (c.n + r * 5) % 16, 'Uppföljning ' || r,
      case when r % 3 = 0 then current_date - ((c.n * 7 + r * 13) % 730)::int + (30 + (c.n + r) % 60)::int end, now(), now()
    from ${generatedCompanies} as c cross join generate_series(1, ${Math.ceil(extra / companies) + 1}) as r
    limit ${extra}`);
}

/** Five actions per generated company in every status, with expected and (when done) realised effects. */
async function fillActions(db: Db): Promise<void> {
  await db.execute(sql`
    insert into actions (id, company_id, area, target_step, title, status, due_on, done_on, investment_sek,
      expected_kwh, expected_co2e_kg, expected_sek, realised_kwh, realised_co2e_kg, realised_sek, created_at, updated_at)
    select gen_random_uuid(), c.id, (${list(interventionAreas)})[r], 1 + (c.n + r) % 5, 'Åtgärd ' || r,
      (array['planned','in_progress','done','done','cancelled'])[1 + (c.n + r) % 5],
      current_date + ((c.n + r * 30) % 365)::int,
      case when 1 + (c.n + r) % 5 in (3, 4) then current_date - ((c.n + r) % 300)::int end,
      10000 * (1 + (c.n + r) % 20), 1000 * (1 + c.n % 50), 52 * (1 + c.n % 50), 1500 * (1 + c.n % 50),
      case when 1 + (c.n + r) % 5 in (3, 4) then 900 * (1 + c.n % 50) end,
      case when 1 + (c.n + r) % 5 in (3, 4) then 47 * (1 + c.n % 50) end,
      case when 1 + (c.n + r) % 5 in (3, 4) then 1400 * (1 + c.n % 50) end,
      now(), now()
    from ${generatedCompanies} as c cross join generate_series(1, 5) as r`);
}

/**
 * State aid (issue 13; P1 gives no figure, so per generated company): EUR rates for the last 40
 * months and every organisation's hourly rate for the last four years, the companies grouped three
 * by three into undertakings, a confirmed declaration with one earlier aid each, and two grants per
 * company over the last two years (the first of every tenth replaced by the second). A company's
 * ledger then reads three companies' grants and declarations, as a group's would.
 */
async function fillStateAid(db: Db): Promise<void> {
  await db.execute(sql`
    insert into eur_rates (id, month, sek_per_eur_e4, source, created_at, updated_at)
    select gen_random_uuid(), to_char(date_trunc('month', current_date) - (m || ' months')::interval, 'YYYY-MM'),
      110000 + m * 97, 'Benchmark', now(), now()
    from generate_series(0, 40) as m
    on conflict do nothing`);
  await db.execute(sql`
    insert into hourly_rates (id, organisation_id, year, rate_sek, decided_on, created_at, updated_at)
    select gen_random_uuid(), o.id, extract(year from current_date)::int - y, 900 + y * 50,
      make_date(extract(year from current_date)::int - y, 1, 1), now(), now()
    from organisations o cross join generate_series(0, 3) as y
    on conflict do nothing`);
  await db.execute(sql`
    insert into undertakings (id, name, created_at)
    select ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, 'Koncern ' || g, now()
    from generate_series(0, (select count(*) from companies where organisation_number like '77%') / 3) as g`);
  await db.execute(sql`
    update companies c set undertaking_id = ('00000000-0000-4000-9000-' || lpad(((g.n - 1) / 3)::text, 12, '0'))::uuid
    from ${generatedCompanies} as g where g.id = c.id`);
  await db.execute(sql`
    insert into state_aid_declarations (id, company_id, has_earlier_aid, signed_on, signer_name, entered_by_role,
      confirmed_at, created_at)
    select gen_random_uuid(), c.id, true, current_date - (c.n % 200)::int, 'Firmatecknare ' || c.n, 'staff', now(), now()
    from ${generatedCompanies} as c`);
  await db.execute(sql`
    insert into state_aid_declared_aids (id, declaration_id, company_id, position, granting_body, amount_ore, decided_on)
    select gen_random_uuid(), d.id, d.company_id, 0, 'Tillväxtverket', 5000000 + (abs(hashtext(d.id::text)) % 100) * 100000,
      d.signed_on - 300
    from state_aid_declarations d`);
  await db.execute(sql`
    insert into state_aid_grants (id, programme_id, company_id, organisation_id, legal_basis, granted_on,
      planned_quarter_hours, hourly_rate_sek, value_ore, rate_month, sek_per_eur_e4, value_cents, window_total_cents,
      created_at)
    select gen_random_uuid(), ${demoIds.programme}::uuid, c.id, c.organisation_id, 'de_minimis',
      current_date - ((c.n * 11 + r * 200) % 700)::int, 40 * r, 1000, 40 * r * 25000,
      to_char(current_date - ((c.n * 11 + r * 200) % 700)::int, 'YYYY-MM'), 110000,
      (40::bigint * r * 25000 * 10000 / 110000), 0, now()
    from ${generatedCompanies} as c cross join generate_series(1, 2) as r`);
  await db.execute(sql`
    update state_aid_grants g set replaced_by_grant_id = later.id, replaced_at = now()
    from (select company_id, min(id::text)::uuid as id from state_aid_grants group by company_id) as later,
      ${generatedCompanies} as c
    where g.company_id = later.company_id and g.id <> later.id and c.id = g.company_id and c.n % 10 = 0`);
}

/** The counted columns of `action_effect_rollups` and the ones summed in `numeric` (migration 0014). */
const rollupCounts = [
  'action_rows',
  'actions',
  'done',
  'done_without_realised',
  'done_unconfirmed',
  'with_investment',
  'confirmed_with_investment',
] as const;
const rollupSums = [
  'investment_sek',
  'done_investment_sek',
  'confirmed_investment_sek',
  'expected_kwh',
  'expected_co2e_kg',
  'expected_sek',
  'expected_material_tonnes',
  'realised_kwh',
  'realised_co2e_kg',
  'realised_sek',
  'realised_material_tonnes',
  'unconfirmed_kwh',
  'unconfirmed_co2e_kg',
  'unconfirmed_sek',
  'unconfirmed_material_tonnes',
] as const;

/**
 * What the row triggers keep, rebuilt set-based after a fill that ran without them: each statement
 * leaves what the triggers would have left after the same inserts, whatever the scale.
 * - The programme's effect totals (migration 0016, decision 026) from every action, seed's included,
 *   in one grouped statement: the same parts per action as `action_effect_rollup_add`, summed per
 *   organisation (the company's current one) and area. Row by row, 300 000 actions' upserts onto 25
 *   rows in one transaction pile up versions of those rows, and each upsert walks them: the 100×
 *   fill spent most of its hour there.
 * - The day each company was taken up (migration 0024): its first `enrolled` in the history, the
 *   migration's own statement.
 * - A size record for each generated company as created (migration 0018, stamped `updated_at`).
 * - The coaching hours per organisation, day, area and kind (migration 0028) and the steps per company
 *   and area (migration 0029), the migrations' own statements.
 * - The done actions per programme, organisation, municipality, area and calendar block, and each
 *   company's first action that is not cancelled (migration 0034), the migration's own statements;
 *   checkTriggerKept holds them to a recount that uses nothing of the migration.
 */
async function rebuildTriggerKept(db: Db): Promise<void> {
  await db.execute(sql`delete from action_effect_rollups`);
  await db.execute(sql`
    insert into action_effect_rollups (organisation_id, area, ${sql.raw([...rollupCounts, ...rollupSums].join(', '))})
    select c.organisation_id, a.area, count(*),
      count(*) filter (where p.counted), count(*) filter (where p.done),
      count(*) filter (where p.done and not p.has_realised),
      count(*) filter (where p.done and p.has_realised and not p.confirmed),
      count(*) filter (where p.counted and a.investment_sek is not null),
      count(*) filter (where p.done and p.has_realised and p.confirmed and a.investment_sek is not null),
      coalesce(sum(a.investment_sek::numeric) filter (where p.counted), 0),
      coalesce(sum(a.investment_sek::numeric) filter (where p.done), 0),
      coalesce(sum(a.investment_sek::numeric) filter (where p.done and p.has_realised and p.confirmed), 0),
      coalesce(sum(a.expected_kwh::numeric) filter (where p.counted), 0),
      coalesce(sum(a.expected_co2e_kg::numeric) filter (where p.counted), 0),
      coalesce(sum(a.expected_sek::numeric) filter (where p.counted), 0),
      coalesce(sum(a.expected_material_tonnes::numeric) filter (where p.counted), 0),
      coalesce(sum(a.realised_kwh::numeric) filter (where p.done and p.confirmed), 0),
      coalesce(sum(a.realised_co2e_kg::numeric) filter (where p.done and p.confirmed), 0),
      coalesce(sum(a.realised_sek::numeric) filter (where p.done and p.confirmed), 0),
      coalesce(sum(a.realised_material_tonnes::numeric) filter (where p.done and p.confirmed), 0),
      coalesce(sum(a.realised_kwh::numeric) filter (where p.done and not p.confirmed), 0),
      coalesce(sum(a.realised_co2e_kg::numeric) filter (where p.done and not p.confirmed), 0),
      coalesce(sum(a.realised_sek::numeric) filter (where p.done and not p.confirmed), 0),
      coalesce(sum(a.realised_material_tonnes::numeric) filter (where p.done and not p.confirmed), 0)
    from actions a
    join companies c on c.id = a.company_id
    cross join lateral (select a.status <> 'cancelled' as counted, a.status = 'done' as done,
      a.realised_confirmed_at is not null as confirmed,
      (a.realised_kwh is not null or a.realised_co2e_kg is not null or a.realised_sek is not null
        or a.realised_material_tonnes is not null) as has_realised) as p
    where c.organisation_id is not null
    group by c.organisation_id, a.area`);
  await db.execute(sql`
    update companies as c set enrolled_on = h.first_enrolled
      from (select company_id, min(changed_on) as first_enrolled from company_status_changes
             where to_status = 'enrolled' group by company_id) as h
     where h.company_id = c.id and c.enrolled_on is distinct from h.first_enrolled`);
  await db.execute(sql`delete from company_area_steps`);
  await db.execute(sql`
    insert into company_area_steps (company_id, area, baseline_step, baseline_at, first_follow_up_at, latest_step, latest_at)
    ${companyAreaStepsFromScratch}`);
  for (const table of ['company_step_counts', 'step_pair_counts', 'best_step_change_counts']) {
    await db.execute(sql`delete from ${sql.identifier(table)}`);
  }
  await db.execute(sql`
    insert into company_step_counts (company_id, programme_id, organisation_id, municipality_code, counted, best_change)
    ${companyStepCountsFromScratch}`);
  await db.execute(sql`
    insert into step_pair_counts (programme_id, organisation_id, municipality_code, area, baseline_step, latest_step,
      companies)
    ${stepPairCountsFromScratch}`);
  await db.execute(sql`
    insert into best_step_change_counts (programme_id, organisation_id, municipality_code, change, companies)
    ${bestStepChangeCountsFromScratch}`);
  await db.execute(sql`delete from coaching_hour_days`);
  await db.execute(sql`
    insert into coaching_hour_days (organisation_id, occurred_on, area, kind, interventions, quarter_hours)
    select organisation_id, occurred_on, area, kind, count(*), sum(quarter_hours)
      from interventions group by organisation_id, occurred_on, area, kind`);
  await db.execute(sql`
    insert into company_size_records (company_id, recorded_at, financial_year, headcount, turnover_sek,
      balance_sheet_sek, size_class)
    select c.id, c.updated_at, c.financial_year, c.headcount, c.turnover_sek, c.balance_sheet_sek, c.size_class
      from companies c
     where c.organisation_number like '77%' and not exists (select 1 from company_size_records r where r.company_id = c.id)`);
  await db.execute(sql`delete from done_action_sums`);
  // Migration 0034's own statement, through the function its triggers add each action's part with.
  await db.execute(sql`
    insert into done_action_sums (${doneActionSumColumns})
    select c.programme_id, c.organisation_id, c.municipality_code, p.area, b.months,
           date_trunc(b.unit, p.done_on::timestamp)::date,
           sum(p.actions), sum(p.realised_kwh), sum(p.realised_co2e_kg), sum(p.no_realised), sum(p.unconfirmed)
      from actions a
     cross join lateral done_action_part(a, 1) as p
      join companies c on c.id = a.company_id
     cross join (values (1, 'month'), (3, 'quarter'), (12, 'year')) as b(months, unit)
     where a.status = 'done'
     group by 1, 2, 3, 4, 5, 6`);
  await db.execute(sql`delete from company_plan_starts`);
  await db.execute(sql`insert into company_plan_starts (${companyPlanStartColumns}) ${companyPlanStartsFromScratch}`);
  // After the size records: each month keeps the class on each of its days.
  await db.execute(sql`delete from company_support_months`);
  await db.execute(sql`insert into company_support_months ${supportMonthsFromScratch}`);
}

/**
 * Throws unless the rebuilt data equals a sum from scratch: every rollup column against the actions
 * summed per organisation and area as the company query states the rules (sumCompanyActionEffects,
 * which the tests hold to the core's effectTotals and the trigger's rollup), every company's
 * taken-up day against its history, and a size record for every company.
 */
async function checkTriggerKept(db: Db): Promise<void> {
  const rows = async (query: SQL) => (await db.execute(query)) as unknown as { rows: Record<string, unknown>[] };
  const scratch = sql`
    select c.organisation_id, a.area, count(*)::int as action_rows,
      (count(*) filter (where a.status <> 'cancelled'))::int as actions,
      (count(*) filter (where a.status = 'done'))::int as done,
      (count(*) filter (where a.status = 'done' and not ${hasRealised}))::int as done_without_realised,
      (count(*) filter (where a.status = 'done' and a.realised_confirmed_at is null and ${hasRealised}))::int
        as done_unconfirmed,
      (count(*) filter (where a.status <> 'cancelled' and a.investment_sek is not null))::int as with_investment,
      (count(*) filter (where ${confirmed} and a.investment_sek is not null))::int as confirmed_with_investment,
      ${sum('investment_sek', sql`a.status <> 'cancelled'`)} as investment_sek,
      ${sum('investment_sek', sql`a.status = 'done'`)} as done_investment_sek,
      ${sum('investment_sek', confirmed)} as confirmed_investment_sek,
      ${sql.join(
        (['kwh', 'co2e_kg', 'sek', 'material_tonnes'] as const).flatMap((kind) => [
          sql`${sum(`expected_${kind}`, sql`a.status <> 'cancelled'`)} as ${sql.raw(`expected_${kind}`)}`,
          sql`${sum(`realised_${kind}`, confirmed)} as ${sql.raw(`realised_${kind}`)}`,
          sql`${sum(`realised_${kind}`, sql`a.status = 'done' and a.realised_confirmed_at is null`)}
            as ${sql.raw(`unconfirmed_${kind}`)}`,
        ]),
        sql`, `,
      )}
    from actions a join companies c on c.id = a.company_id
    where c.organisation_id is not null
    group by c.organisation_id, a.area`;
  const columns = sql.raw([...rollupCounts, ...rollupSums].join(', '));
  const differing = await rows(sql`
    select * from ((select organisation_id, area, ${columns} from action_effect_rollups where action_rows > 0
                    except select organisation_id, area, ${columns} from (${scratch}) as s)
                   union all
                   (select organisation_id, area, ${columns} from (${scratch}) as s
                    except select organisation_id, area, ${columns} from action_effect_rollups)) as d limit 3`);
  if (differing.rows.length > 0)
    throw new Error(`The rebuilt effect rollup differs from the actions' sum: ${JSON.stringify(differing.rows)}`);
  const stepColumns = sql`company_id, area, baseline_step, baseline_at, first_follow_up_at, latest_step, latest_at`;
  const steps = await rows(sql`
    select * from ((select ${stepColumns} from company_area_steps except ${companyAreaStepsFromScratch})
                   union all
                   (${companyAreaStepsFromScratch} except select ${stepColumns} from company_area_steps)) as d limit 3`);
  if (steps.rows.length > 0)
    throw new Error(
      `The rebuilt steps per company and area differ from the measurements: ${JSON.stringify(steps.rows)}`,
    );
  const stepCounts = await rows(sql`select * from (${stepCountsDifferingFromScratch}) as d limit 3`);
  if (stepCounts.rows.length > 0)
    throw new Error(`The rebuilt step counts differ from the steps: ${JSON.stringify(stepCounts.rows)}`);
  const doneActions = await rows(sql`select * from (${doneActionSumsDifferingFromScratch}) as d limit 3`);
  if (doneActions.rows.length > 0)
    throw new Error(
      `The rebuilt done action sums or plan starts differ from the actions: ${JSON.stringify(doneActions.rows)}`,
    );
  const hours = await rows(sql`
    select * from ((select organisation_id, occurred_on, area, kind, interventions, quarter_hours from coaching_hour_days
                    except select organisation_id, occurred_on, area, kind, count(*)::int, sum(quarter_hours)::int
                      from interventions group by organisation_id, occurred_on, area, kind)
                   union all
                   (select organisation_id, occurred_on, area, kind, count(*)::int, sum(quarter_hours)::int
                      from interventions group by organisation_id, occurred_on, area, kind
                    except select organisation_id, occurred_on, area, kind, interventions, quarter_hours
                      from coaching_hour_days)) as d limit 3`);
  if (hours.rows.length > 0)
    throw new Error(`The rebuilt coaching hours differ from the interventions' sum: ${JSON.stringify(hours.rows)}`);
  const months = await rows(supportMonthsDiffering);
  if (months.rows.length > 0)
    throw new Error(`The rebuilt support months differ from the interventions: ${JSON.stringify(months.rows)}`);
  const [companies] = (
    await rows(sql`
      select count(*) filter (where c.enrolled_on is distinct from
               (select min(h.changed_on) from company_status_changes h
                 where h.company_id = c.id and h.to_status = 'enrolled'))::int as wrong_taken_up,
             count(*) filter (where not exists (select 1 from company_size_records r where r.company_id = c.id))::int
               as without_size_record
        from companies c`)
  ).rows as { wrong_taken_up: number; without_size_record: number }[];
  if (companies!.wrong_taken_up > 0 || companies!.without_size_record > 0)
    throw new Error(`After the rebuild: ${JSON.stringify(companies)}`);
}

/** Each company's first coach-led baseline and latest follow-up per area, as migration 0029's trigger keeps them. */
const companyAreaStepsFromScratch = sql`
    select a.company_id, a.area,
           (array_agg(a.step order by a.submitted_at) filter (where a.kind = 'baseline'))[1],
           min(a.submitted_at) filter (where a.kind = 'baseline'),
           min(a.submitted_at) filter (where a.kind = 'follow_up'),
           (array_agg(a.step order by a.submitted_at desc) filter (where a.kind = 'follow_up'))[1],
           max(a.submitted_at) filter (where a.kind = 'follow_up')
      from assessments a where a.status = 'submitted' and a.mode = 'coach' group by a.company_id, a.area`;

const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null or a.realised_sek is not null
  or a.realised_material_tonnes is not null)`;
const confirmed = sql`a.status = 'done' and ${hasRealised} and a.realised_confirmed_at is not null`;
const sum = (column: string, when: SQL) => sql`coalesce(sum(a.${sql.raw(column)}::numeric) filter (where ${when}), 0)`;

export type Fill = {
  counts: FillCounts;
  /** Seconds each step took, in order: the 100× fill is most of a run's time, so where it goes shows. */
  stepSeconds: Record<string, number>;
};

/** Runs one step of the fill, printing and keeping how long it took. */
async function timed(stepSeconds: Record<string, number>, name: string, run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await run();
  const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
  stepSeconds[name] = seconds;
  console.log(`fill: ${name} ${seconds.toFixed(1)} s`);
}

/**
 * Fills to `scale` × P1 and leaves the database analysed, as autovacuum would; returns the counts
 * and each step's time. The inserts run in one transaction with `session_replication_role =
 * replica`, which fires no user trigger (nor the foreign keys' checks: every generated reference is
 * to a row just made), and what the triggers keep is then rebuilt set-based and checked against a sum
 * from scratch (rebuildTriggerKept, checkTriggerKept), so the database is the one the triggers
 * would have left. One transaction because the setting is per connection and `db` is a pool on
 * PostgreSQL; `set local` ends with it.
 */
export async function fillProgramme(database: Database, scale: number): Promise<Fill> {
  const coachesPerOrganisation = coachesPerOrganisationAt1x * scale;
  const stepSeconds: Record<string, number> = {};
  const step = (name: string, run: () => Promise<unknown>) => timed(stepSeconds, name, run);
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await step('coaches', () => fillCoaches(tx, coachesPerOrganisation));
    await step('companies', () => fillCompanies(tx, sizesAt1x.companies * scale, coachesPerOrganisation));
    await step('status history', () => fillStatusHistory(tx));
    await step('contacts', () => fillContacts(tx, sizesAt1x.contacts * scale));
    await step('measurements', () => fillAssessments(tx, sizesAt1x.assessments * scale));
    await step('interventions', () => fillInterventions(tx, sizesAt1x.interventions * scale));
    await step('actions', () => fillActions(tx));
    await step('state aid', () => fillStateAid(tx));
    await step('rebuild what the triggers keep', () => rebuildTriggerKept(tx));
    await step('check the rebuild', () => checkTriggerKept(tx));
  });
  const db = database.db;
  await step('vacuum analyze', () => db.execute(sql`vacuum analyze`));
  return {
    counts: {
      companies: await count(db, 'companies'),
      contacts: await count(db, 'contacts'),
      assessments: await count(db, 'assessments'),
      answers: await count(db, 'assessment_answers'),
      interventions: await count(db, 'interventions'),
      actions: await count(db, 'actions'),
      grants: await count(db, 'state_aid_grants'),
    },
    stepSeconds,
  };
}

/**
 * Follow-ups for the impact view (decision 035): P1's measurements are all baselines, so every third
 * generated company gets a coach-led follow-up in every area it has a baseline in, within the last
 * year and after its baseline, one or two steps up or level. run.ts adds them only after every other
 * endpoint was measured, so those figures stay P1's. Returns how many were added.
 */
export async function fillFollowUps(database: Database): Promise<number> {
  const db = database.db;
  await db.execute(sql`
    insert into assessments (id, programme_id, company_id, area, kind, mode, model_id, status, started_at,
      submitted_at, submitted_by, next_due_on, score, step, version, updated_at)
    select gen_random_uuid(), a.programme_id, a.company_id, a.area, 'follow_up', 'coach', a.model_id, 'submitted',
      f.at, f.at, a.submitted_by, null, least(100, a.score + 20 * ((c.n / 3) % 3)),
      least(5, a.step + (c.n / 3) % 3), 2, now()
    from assessments a
    join ${generatedCompanies} as c on c.id = a.company_id
    cross join lateral (select now() - (least(c.n + 250, (c.n * 7) % 8000) || ' hours')::interval as at) as f
    where a.kind = 'baseline' and a.status = 'submitted' and c.n % 3 = 0`);
  await db.execute(sql`analyze assessments`);
  const result = await db.execute(
    sql`select count(*)::int as count from assessments where kind = 'follow_up' and next_due_on is null`,
  );
  return Number((result as unknown as { rows: { count: number }[] }).rows[0]!.count);
}
