// The scale benchmark (docs/quality.md P1–P8, issue 7 item 8). For each scale (default 1×, 10× and
// 100×) it builds a fresh database, fills it to P1's sizes (bench/fill.ts), serves the real app on
// loopback and loads the key endpoints one after the other, each as a coach would use it, next to
// a bare Fastify + `SELECT 1` on the same database measured in the same run. It prints p50/p95/p99
// and throughput as a ratio to the bare endpoint, and writes bench/results/bench-….json.
// On PostgreSQL it also measures a read mix served by two server processes against one (issue 14).
// Usage: npm run bench -- [--scales 1,10,100] [--seconds 5] [--connections 1] [--submits 100]
//   [--two-requests 3000] [--two-connections 8] [--keep | --keep-as NAME] [--reuse-kept] [--only a,b]
import os from 'node:os';
import { eq, sql } from 'drizzle-orm';
import { secondFactors } from '../src/server/db/schema';
import { demoAdminTotpSecret, demoIds, seedDemoData } from '../src/server/db/seed';
import { sealTotpSecret } from '../src/server/modules/auth/totp';
import { saveAnswer, startAssessment } from '../src/server/modules/maturity/maturity.service';
import type { Database } from '../src/server/db/client';
import { openBenchDatabase } from './bench-database';
import {
  figures,
  flagOption,
  listOption,
  load,
  login,
  numberOption,
  printTable,
  serve,
  writeResults,
  type Figures,
  type Request,
  benchSecondFactorKey,
} from './bench-kit';
import { fillFollowUps, fillProgramme } from './fill';
import { measureTwoProcesses, type TwoProcesses } from './two-processes';

const scales = listOption('scales', ['1', '10', '100']).map(Number);
const seconds = numberOption('seconds', 5);
const connections = numberOption('connections', 1);
const submits = numberOption('submits', 100);
/** Two processes against one (PostgreSQL): requests of the read mix, and the clients sending them. */
const twoRequests = numberOption('two-requests', 3000);
const twoConnections = numberOption('two-connections', 8);
/** Only the endpoints whose names contain one of these (and the bare yardstick); the submits only
 * when "submit" is among them. For a quick look at one endpoint: --only dashboard */
const only = listOption('only', []);
const isMeasured = (name: string) => only.length === 0 || only.some((part) => name.includes(part));
/** PostgreSQL: keep the last scale's database as iiw_bench_kept, for EXPLAIN afterwards. */
const keep = flagOption('keep') || listOption('keep-as', []).length > 0;
/** The kept database's name: another run on the same server keeping its own leaves this one alone. */
const keepAs = listOption('keep-as', ['iiw_bench_kept'])[0]!;
/** PostgreSQL: measure on the database an earlier run kept (`--keep`) without filling it again (the
 * fill takes ten minutes at 100×). Only for endpoints that read: writes measured before are in it. */
const reuse = flagOption('reuse-kept');
// Said before the fill, not after it: without a server each run fills a fresh PGlite and keeps nothing.
if ((keep || reuse) && !process.env.DATABASE_URL) {
  throw new Error('--keep, --keep-as and --reuse-kept need DATABASE_URL: PGlite keeps nothing');
}

const coachActor = {
  kind: 'user',
  role: 'coach',
  userId: demoIds.users.coachIdc,
  organisationId: demoIds.organisations.idc,
} as const;

/** A fresh database filled to the scale, with the demo data the benchmark signs in with. */
async function filledProgramme(database: Database, scale: number) {
  await database.migrate();
  await seedDemoData(database.db, new Date(), benchSecondFactorKey);
  return fillProgramme(database, scale);
}

/** What a kept database holds, counted, for the printout; migrations made since it was kept applied. */
async function keptProgramme(database: Database) {
  await database.migrate();
  // Each run has a key of its own: the demo admin's secret is sealed again with this run's.
  await database.db
    .update(secondFactors)
    .set({ sealedSecret: sealTotpSecret(benchSecondFactorKey, demoIds.users.admin, demoAdminTotpSecret) })
    .where(eq(secondFactors.userId, demoIds.users.admin));
  const counted = await database.db.execute(sql`
    select (select count(*) from companies)::int as "companies", (select count(*) from contacts)::int as "contacts",
           (select count(*) from assessments)::int as "assessments", (select count(*) from interventions)::int as "interventions",
           (select count(*) from actions)::int as "actions"`);
  const counts = (counted as unknown as { rows: Record<string, number>[] }).rows[0]!;
  return { counts, stepSeconds: {} };
}

async function runScale(scale: number): Promise<void> {
  const started = Date.now();
  const { database, drop, kind, url } = await openBenchDatabase(keep || reuse ? { keepAs, reuse } : {});
  try {
    const fill = reuse ? await keptProgramme(database) : await filledProgramme(database, scale);
    const counts: Record<string, number> = fill.counts;
    const dataSeconds = (Date.now() - started) / 1000;
    // A generated company of the coach's organisation, with P1's share of everything.
    const picked = await database.db.execute(sql`
      select id from companies where organisation_id = ${demoIds.organisations.idc}::uuid
        and organisation_number like '77%' order by organisation_number limit 1`);
    const companyId = (picked as unknown as { rows: { id: string }[] }).rows[0]!.id;

    const served = await serve(database);
    const { base, ctx } = served;
    const cookie = await login(base, 'coach.idc@demo.industryinwest.example');
    const get = (url: string) => (): Request => ({ url: `${base}${url}`, init: { headers: { cookie } } });
    const options = { seconds, connections };
    const rows: Figures[] = [];
    const measure = async (name: string, next: (i: number) => Request) => {
      if (name !== 'bare Fastify + SELECT 1' && !isMeasured(name)) return;
      rows.push(await load(name, next, options));
    };

    await measure('bare Fastify + SELECT 1', () => ({ url: served.bareUrl }));
    await measure('company list, page 1 (GET /api/companies)', get('/api/companies?page=1&pageSize=25'));
    await measure(
      'company list, name search',
      get(`/api/companies?q=${encodeURIComponent('Gjuteri 47')}&page=1&pageSize=25`),
    );
    // The programme-wide list as project management reads it (decision 010's cases).
    const admin = await login(base, 'admin@demo.industryinwest.example');
    const asAdmin = (url: string) => (): Request => ({ url: `${base}${url}`, init: { headers: { cookie: admin } } });
    await measure('company list, admin, status + size class', asAdmin('/api/companies?status=active&sizeClass=small'));
    await measure(
      'company list, admin, reporting area by last change',
      asAdmin('/api/companies?reportingArea=skaraborg&sort=updatedAt&order=desc'),
    );
    await measure('company list, admin, page 100', asAdmin('/api/companies?page=100&pageSize=25'));
    await measure('company page (GET /api/companies/:id)', get(`/api/companies/${companyId}`));
    await measure('company timeline (GET …/timeline)', get(`/api/companies/${companyId}/timeline`));
    await measure('company interventions (GET …/interventions)', get(`/api/companies/${companyId}/interventions`));
    await measure('measurement results (GET …/maturity)', get(`/api/companies/${companyId}/maturity`));
    // The company's maturity report as a PDF (issue 15, decision 042): P5's "a company PDF".
    await measure('maturity report PDF (GET …/maturity-report)', get(`/api/companies/${companyId}/maturity-report`));
    await measure('action plan (GET …/actions)', get(`/api/companies/${companyId}/actions`));
    await measure(
      'action suggestions (GET …/action-suggestions)',
      get(`/api/companies/${companyId}/action-suggestions`),
    );
    await measure('company effect totals (GET …/action-totals)', get(`/api/companies/${companyId}/action-totals`));
    await measure('dashboard: programme effect totals (GET /api/action-totals)', get('/api/action-totals'));
    await measure('dashboard: my week (GET /api/my-week)', get('/api/my-week'));
    // The programme dashboard (issue 12, decision 034): the whole programme from its start to today
    // as project management opens it, one organisation's, and the coach's (their organisation).
    await measure('programme dashboard, admin (GET /api/dashboard)', asAdmin('/api/dashboard'));
    await measure(
      'programme dashboard, admin, an organisation and a year',
      asAdmin(`/api/dashboard?organisationId=${demoIds.organisations.iucVast}&from=2025-01-01&to=2025-12-31`),
    );
    await measure('programme dashboard, coach (GET /api/dashboard)', get('/api/dashboard'));
    await measure('time report, a year (GET /api/time-report)', get('/api/time-report?from=2026-01-01&to=2026-12-31'));
    // The indicator report of this year for the whole programme (issue 12, decision 027), as project
    // management reads it and takes its .xlsx for the funder.
    const year = new Date().getFullYear();
    const thisYear = `from=${year}-01-01&to=${year}-12-31`;
    await measure(
      'indicator report, a year, admin (GET /api/indicator-report)',
      asAdmin(`/api/indicator-report?${thisYear}`),
    );
    // The same report over ragged days (decision 041: the ends read from the interventions, the months,
    // quarters between from their blocks), and the first page of its participant list.
    await measure(
      'indicator report, 15 Jan – 20 Nov, admin',
      asAdmin(`/api/indicator-report?from=${year}-01-15&to=${year}-11-20`),
    );
    // A half year of whole months that is not two quarters: a quarter and three months of blocks.
    await measure(
      'indicator report, March – August, admin',
      asAdmin(`/api/indicator-report?from=${year}-03-01&to=${year}-08-31`),
    );
    await measure(
      'indicator report participant list, page 1 (GET …/participants)',
      asAdmin(`/api/indicator-report/participants?${thisYear}&pageSize=50`),
    );
    await measure(
      'indicator report .xlsx, a year, admin (GET …/export)',
      asAdmin(`/api/indicator-report/export?${thisYear}`),
    );
    // State aid (issue 13): a company's ledger (its undertaking of three companies, realised support)
    // and the programme's export of a year's grants as project management takes it.
    await measure('state aid ledger (GET …/state-aid)', get(`/api/companies/${companyId}/state-aid`));
    await measure(
      'state aid export, a year (GET /api/state-aid-grants/export)',
      asAdmin(`/api/state-aid-grants/export?${thisYear}`),
    );

    // Several processes on one database (issue 14): the same reads from one server process, then
    // spread over two. Only PostgreSQL: PGlite is one process's database.
    let twoProcesses: TwoProcesses | undefined;
    if (isMeasured('two processes') && url) {
      twoProcesses = await measureTwoProcesses(url, companyId, { requests: twoRequests, connections: twoConnections });
      rows.push(twoProcesses.one, twoProcesses.two);
    }

    // Writes: autosave cycles through a draft's questions; each submit gets a fresh, fully
    // answered draft prepared untimed, so only the submit itself is measured.
    const draft = await startAssessment(ctx, coachActor, companyId, { area: 'digitalisation' });
    const keys = draft.model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));
    await measure('measurement autosave (PUT …/answers/:key)', (i) => ({
      url: `${base}/api/assessments/${draft.id}/answers/${keys[i % keys.length]}`,
      init: {
        method: 'PUT',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ level: 1 + (i % 5), comment: i % 3 === 0 ? 'Kommentar vid platsbesöket' : null }),
      },
    }));
    const latencies: number[] = [];
    let failures = 0;
    let timedMs = 0;
    for (let i = 0; i < (isMeasured('measurement submit') ? submits : 0); i += 1) {
      const assessment = await startAssessment(ctx, coachActor, companyId, { area: 'foundation' });
      for (const dimension of assessment.model.content.dimensions)
        for (const question of dimension.questions)
          await saveAnswer(ctx, coachActor, assessment.id, question.key, {
            level: 1 + ((i + question.key.length) % 5),
            isNotApplicable: false,
          });
      const start = performance.now();
      const response = await fetch(`${base}/api/assessments/${assessment.id}/submit`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ version: assessment.version, nextDueOn: '2027-06-01' }),
      });
      await response.arrayBuffer();
      const took = performance.now() - start;
      timedMs += took;
      latencies.push(took);
      if (response.status !== 200) failures += 1;
    }
    if (latencies.length > 0) {
      rows.push(figures('measurement submit (POST …/submit), one at a time', latencies, failures, timedMs));
    }

    // The impact view of the last year (decision 035), on follow-ups added only now (fillFollowUps).
    if (isMeasured('impact')) {
      const followUps = await fillFollowUps(database);
      counts.followUps = followUps;
      const to = new Date().toISOString().slice(0, 10);
      const from = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
      await measure('impact view, a year, coach (GET /api/impact)', get(`/api/impact?from=${from}&to=${to}`));
      await measure(
        'impact view, a year, one organisation, admin',
        asAdmin(`/api/impact?from=${from}&to=${to}&organisationId=${demoIds.organisations.idc}`),
      );
      await measure('impact view, a year, the programme, admin', asAdmin(`/api/impact?from=${from}&to=${to}`));
    }

    printTable(
      `Scale ${scale}× on ${kind}, ${connections} connection(s): ${Object.entries(counts)
        .map(([name, value]) => `${value.toLocaleString('sv-SE')} ${name}`)
        .join(', ')}; data ready in ${dataSeconds.toFixed(1)} s`,
      rows,
    );
    if (twoProcesses) {
      console.log(
        `\nTwo processes against one (${twoRequests} requests of the read mix, ${twoConnections} clients): ` +
          `${twoProcesses.one.requestsPerSecond.toFixed(0)} and ${twoProcesses.two.requestsPerSecond.toFixed(0)} req/s, ` +
          `ratio ${twoProcesses.ratio.toFixed(2)} (on ${os.cpus().length} CPUs, load ${twoProcesses.loadAverage.toFixed(1)})`,
      );
    } else if (isMeasured('two processes')) {
      console.log('\nTwo processes against one: not measured on PGlite, which one process holds (set DATABASE_URL).');
    }
    const file = writeResults(`bench-${kind}-${scale}x-c${connections}`, {
      benchmark: 'bench',
      scale,
      database: kind,
      connections,
      seconds,
      dataSeconds,
      reusedKept: reuse,
      fillStepSeconds: fill.stepSeconds,
      counts,
      ...(twoProcesses && {
        twoProcesses: {
          requests: twoRequests,
          connections: twoConnections,
          oneRequestsPerSecond: twoProcesses.one.requestsPerSecond,
          twoRequestsPerSecond: twoProcesses.two.requestsPerSecond,
          ratio: twoProcesses.ratio,
          loadAverage: twoProcesses.loadAverage,
        },
      }),
      results: rows.map((row) => ({
        ...row,
        ratio: Number((row.requestsPerSecond / rows[0]!.requestsPerSecond).toFixed(3)),
      })),
    });
    console.log(`\nWritten to ${file}`);
    await served.close();
  } finally {
    await database.close();
    if (!keep && !reuse) await drop();
  }
}

async function main(): Promise<void> {
  for (const scale of scales) await runScale(scale);
}

void main();
