// Measurement writes at programme scale (issue 4: submitting at 100× data within QUALITY.md P5,
// writes p95 ≤ 50 ms). Builds a fresh database (PGlite in memory, or a throw-away database on
// DATABASE_URL's server) with 600 × scale companies and 3,000 × scale submitted measurements with
// their answers and dimension scores, serves the real app on loopback, and times one request at a
// time: the autosave of one answer, the submit of a fully answered measurement, and a company's
// results (ladder, radars, change, peer medians). A bare Fastify + `SELECT 1` is the yardstick.
// Usage: npm run bench:assessments -- [--scale 100] [--seconds 10] [--submits 200]
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Database } from '../src/server/db/client';
import { openBenchDatabase } from './bench-database';
import { demoIds, demoPassword, seedDemoData } from '../src/server/db/seed';
import { listCurrentModels } from '../src/server/modules/maturity/maturity.queries';
import { saveAnswer, startAssessment } from '../src/server/modules/maturity/maturity.service';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const scale = option('scale', 100);
const seconds = option('seconds', 10);
const submits = option('submits', 200);
const companiesAtScale = 600 * scale;
const assessmentsAtScale = 3000 * scale;

/** Generated companies, and submitted measurements spread over them and the five areas. */
async function fill(database: Database): Promise<void> {
  const db = database.db;
  const orgs = Object.values(demoIds.organisations);
  await db.execute(sql`
    insert into companies (id, programme_id, organisation_id, organisation_number, name, sni_code, sni_division,
      size_class, status)
    select gen_random_uuid(), ${demoIds.programme}::uuid, (${sql.raw(`array['${orgs.join("','")}']::uuid[]`)})[1 + g % 5],
      '77' || lpad((g / 10000)::text, 4, '0') || '-' || lpad((g % 10000)::text, 4, '0'), 'Bänkbolag ' || g || ' AB',
      lpad((10 + g % 24)::text, 2, '0') || '.100', lpad((10 + g % 24)::text, 2, '0'),
      (array['micro','small','medium','large'])[1 + (g / 24) % 4], 'active'
    from generate_series(1, ${companiesAtScale - 45}) as g`);
  const models = await listCurrentModels(db);
  const perArea = Math.ceil(assessmentsAtScale / models.length);
  for (const model of models) {
    const questions = model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));
    const dimensions = model.content.dimensions.map((d) => d.key);
    await db.execute(sql`
      insert into assessments (id, programme_id, company_id, area, kind, mode, model_id, status, started_at,
        submitted_at, score, step, version, updated_at)
      select gen_random_uuid(), ${demoIds.programme}::uuid, c.id, ${model.area}, 'baseline', 'coach', ${model.id}::uuid,
        'submitted', now() - (n || ' hours')::interval, now() - (n || ' hours')::interval, (n * 37) % 101,
        1 + (n * 37) % 101 / 21, 2, now()
      from (select id, row_number() over (order by id) as n from companies) as c
      cross join generate_series(1, ${Math.ceil(perArea / companiesAtScale)}) as r
      where (c.n - 1) * ${Math.ceil(perArea / companiesAtScale)} + r <= ${perArea}`);
    await db.execute(sql`
      insert into assessment_answers (assessment_id, question_key, level, is_not_applicable)
      select a.id, q, 1 + abs(hashtext(a.id::text || q)) % 5, false
      from assessments a cross join unnest(${sql.raw(`array['${questions.join("','")}']`)}) as q
      where a.model_id = ${model.id}::uuid and a.started_by is null`);
    await db.execute(sql`
      insert into assessment_dimension_scores (assessment_id, dimension_key, score)
      select a.id, d, abs(hashtext(a.id::text || d)) % 101
      from assessments a cross join unnest(${sql.raw(`array['${dimensions.join("','")}']`)}) as d
      where a.model_id = ${model.id}::uuid and a.started_by is null`);
  }
  await db.execute(sql`vacuum analyze`);
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

type Figures = { name: string; requests: number; p50: number; p95: number; p99: number; failures: number };

function figures(name: string, latencies: number[], failures: number): Figures {
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1));
  return { name, requests: latencies.length, p50: at(50), p95: at(95), p99: at(99), failures };
}

/** One client for `seconds`: `next` gives each request. */
async function load(name: string, next: (i: number) => { url: string; init?: RequestInit }): Promise<Figures> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < deadline; i += 1) {
    const { url, init } = next(i);
    const start = performance.now();
    const response = await fetch(url, init);
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
    if (response.status >= 300) failures += 1;
  }
  return figures(name, latencies, failures);
}

async function main(): Promise<void> {
  const started = Date.now();
  const { database, drop, kind } = await openBenchDatabase();
  await database.migrate();
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    SEED_DEMO_DATA: 'false',
    SECURE_COOKIES: 'false',
    SECOND_FACTOR_KEY: randomBytes(32).toString('hex'),
  });
  await seedDemoData(database.db, new Date(), config.secondFactorKey);
  await fill(database);
  const counted = await database.db.execute(sql`select count(*) as count from assessment_answers`);
  const count = Number((counted as unknown as { rows: { count: string | number }[] }).rows[0]!.count);
  const filledMs = Date.now() - started;
  const { app, ctx } = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const bare = Fastify();
  bare.get('/select-1', async () => {
    await database.db.execute(sql`select 1`);
    return { ok: true };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/select-1`;

  const cookie = await login(base, 'coach.idc@demo.industryinwest.example');
  const coach = {
    kind: 'user',
    role: 'coach',
    userId: demoIds.users.coachIdc,
    organisationId: demoIds.organisations.idc,
  } as const;
  const json = (method: string, body: unknown): RequestInit => ({
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const results: Figures[] = [];
  results.push(await load('bare Fastify + SELECT 1', () => ({ url: bareUrl })));

  // Autosave: one answer at a time on a draft, cycling through its questions and levels.
  const draft = await startAssessment(ctx, coach, demoIds.companies.first, { area: 'digitalisation' });
  const keys = draft.model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));
  results.push(
    await load('autosave one answer (PUT)', (i) => ({
      url: `${base}/api/assessments/${draft.id}/answers/${keys[i % keys.length]}`,
      init: json('PUT', { level: 1 + (i % 5), comment: i % 3 === 0 ? 'Kommentar vid platsbesöket' : null }),
    })),
  );

  // Submit: a fresh, fully answered draft each time (prepared untimed), then the timed submit.
  const latencies: number[] = [];
  let failures = 0;
  for (let i = 0; i < submits; i += 1) {
    const a = await startAssessment(ctx, coach, demoIds.companies.first, { area: 'foundation' });
    for (const d of a.model.content.dimensions) {
      for (const q of d.questions)
        await saveAnswer(ctx, coach, a.id, q.key, { level: 1 + ((i + q.key.length) % 5), isNotApplicable: false });
    }
    const start = performance.now();
    const response = await fetch(
      `${base}/api/assessments/${a.id}/submit`,
      json('POST', { version: a.version, nextDueOn: '2027-06-01' }),
    );
    await response.arrayBuffer();
    latencies.push(performance.now() - start);
    if (response.status !== 200) failures += 1;
  }
  results.push(figures('submit a measurement (POST)', latencies, failures));
  results.push(
    await load('company results: ladder, radars, change, peers (GET)', () => ({
      url: `${base}/api/companies/${demoIds.companies.first}/maturity`,
      init: { headers: { cookie } },
    })),
  );

  console.log(
    `\nMeasurements at ${scale}× on ${kind}: ${companiesAtScale.toLocaleString('sv-SE')} companies, ${assessmentsAtScale.toLocaleString('sv-SE')} measurements, ${Number(count).toLocaleString('sv-SE')} answers; data ready in ${(filledMs / 1000).toFixed(1)} s\n`,
  );
  console.log('endpoint'.padEnd(56), 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'failures');
  for (const r of results) {
    console.log(
      r.name.padEnd(56),
      String(r.requests).padStart(8),
      String(r.p50).padStart(6),
      String(r.p95).padStart(6),
      String(r.p99).padStart(6),
      String(r.failures).padStart(8),
    );
  }
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  const file = path.join(
    'bench',
    'results',
    `assessment-submit-${kind}-${scale}x-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        benchmark: 'assessment-submit',
        scale,
        database: kind,
        companies: companiesAtScale,
        assessments: assessmentsAtScale,
        answers: Number(count),
        commit,
        machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
        results,
      },
      null,
      2,
    ),
  );
  console.log(`\nWritten to ${file}`);
  await bare.close();
  await app.close();
  await database.close();
  await drop();
}

void main();
