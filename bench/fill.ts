// The programme at N times its size (QUALITY.md P1: 1× = 600 companies, 3,000 contacts, 3,000
// measurements, 50,000 interventions), generated in SQL on a migrated, seeded database. Companies
// are spread over the organisations, municipalities, statuses, size classes and SNI divisions so
// every filter of the list has something to find; each generated company also gets actions.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';
import { demoIds } from '../src/server/db/seed';
import { municipalities } from '../src/server/content/municipalities';
import { listCurrentModels } from '../src/server/modules/maturity/maturity.queries';
import { interventionAreas, interventionKinds } from '../src/core/interventions';

/** P1's sizes at 1×; the demo data's own rows count towards them. */
export const sizesAt1x = { companies: 600, contacts: 3_000, assessments: 3_000, interventions: 50_000 } as const;

export type FillCounts = Record<keyof typeof sizesAt1x | 'answers' | 'actions', number>;

const list = (values: readonly string[], cast = '') => sql.raw(`array['${values.join("','")}']${cast}`);

async function countGenerated(database: Database): Promise<number> {
  const result = await database.db.execute(
    sql`select count(*)::int as count from companies where organisation_number like '77%'`,
  );
  return Math.max(1, Number((result as unknown as { rows: { count: number }[] }).rows[0]!.count));
}

async function count(database: Database, table: string): Promise<number> {
  const result = await database.db.execute(sql`select count(*)::int as count from ${sql.identifier(table)}`);
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

async function fillCoaches(database: Database, perOrganisation: number): Promise<void> {
  const orgs = Object.values(demoIds.organisations);
  await database.db.execute(sql`
    insert into users (id, email, name, role, organisation_id, status)
    select ${coachId('o', 'k')}, 'coach' || o || '-' || k || '@bench.example', 'Coach ' || o || '-' || k, 'coach',
      (${list(orgs, '::uuid[]')})[1 + o], 'active'
    from generate_series(0, ${orgs.length - 1}) as o cross join generate_series(0, ${perOrganisation - 1}) as k
    where not (o = 0 and k = 0)
    on conflict do nothing`);
}

async function fillCompanies(database: Database, companies: number, coachesPerOrganisation: number): Promise<void> {
  const extra = companies - (await count(database, 'companies'));
  if (extra <= 0) return;
  const orgs = Object.values(demoIds.organisations);
  const codes = municipalities.map((m) => m.code);
  await database.db.execute(sql`
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

/** Generated rows go to generated companies only (numbered by organisation number). */
const generatedCompanies = sql.raw(
  `(select id, organisation_id, coach_id, row_number() over (order by organisation_number) as n
    from companies where organisation_number like '77%')`,
);

async function fillContacts(database: Database, contacts: number): Promise<void> {
  const extra = contacts - (await count(database, 'contacts'));
  if (extra <= 0) return;
  await database.db.execute(sql`
    insert into contacts (id, company_id, name, email, role, gender)
    select gen_random_uuid(), c.id, 'Kontakt ' || c.n || '-' || r, 'kontakt' || c.n || '-' || r || '@bench.example',
      (array['VD','Produktionschef','Hållbarhetsansvarig','Ekonomichef','Underhållsansvarig'])[1 + r % 5],
      (array['woman','man','not_stated','woman','man'])[1 + r % 5]
    from ${generatedCompanies} as c
    cross join generate_series(1, ${Math.ceil(extra / (await countGenerated(database)))}) as r
    limit ${extra}`);
}

/** Submitted coach measurements spread over the areas, with their answers and dimension scores. */
async function fillAssessments(database: Database, assessments: number): Promise<void> {
  const db = database.db;
  const models = await listCurrentModels(db);
  const extra = assessments - (await count(database, 'assessments'));
  if (extra <= 0) return;
  const companies = await countGenerated(database);
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
async function fillInterventions(database: Database, interventions: number): Promise<void> {
  const extra = interventions - (await count(database, 'interventions'));
  if (extra <= 0) return;
  const companies = await countGenerated(database);
  await database.db.execute(sql`
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
async function fillActions(database: Database): Promise<void> {
  await database.db.execute(sql`
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

/** Fills to `scale` × P1 and leaves the database analysed, as autovacuum would; returns the counts. */
export async function fillProgramme(database: Database, scale: number): Promise<FillCounts> {
  const coachesPerOrganisation = coachesPerOrganisationAt1x * scale;
  await fillCoaches(database, coachesPerOrganisation);
  await fillCompanies(database, sizesAt1x.companies * scale, coachesPerOrganisation);
  await fillContacts(database, sizesAt1x.contacts * scale);
  await fillAssessments(database, sizesAt1x.assessments * scale);
  await fillInterventions(database, sizesAt1x.interventions * scale);
  await fillActions(database);
  await database.db.execute(sql`vacuum analyze`);
  return {
    companies: await count(database, 'companies'),
    contacts: await count(database, 'contacts'),
    assessments: await count(database, 'assessments'),
    answers: await count(database, 'assessment_answers'),
    interventions: await count(database, 'interventions'),
    actions: await count(database, 'actions'),
  };
}
