// The company list at programme scale (issue 3: p95 ≤ 25 ms at 100× = 60,000 companies).
// Builds a fresh database (PGlite in memory, or a throw-away database on DATABASE_URL's server),
// fills it with generated companies, serves the real app on loopback and loads it with
// concurrent clients (--connections, default 1); a bare Fastify + `SELECT 1` endpoint on the same database is measured in the same
// run as the yardstick. Usage: npm run bench:companies -- [--scale 100] [--seconds 10]
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
import { demoAdminTotpSecret, demoIds, demoPassword, seedDemoData } from '../src/server/db/seed';
import { totpCodeAt } from '../src/server/modules/auth/totp';
import { municipalities } from '../src/server/content/municipalities';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const scale = option('scale', 100);
const seconds = option('seconds', 10);
/** Concurrent clients: 1 measures latency alone; more shows it under load (2 cores here). */
const connections = option('connections', 1);
/** Keep the generated database (PostgreSQL) for EXPLAIN afterwards. */
const keep = args.includes('--keep');
const companiesAtScale = 600 * scale;

/** Generated companies spread over the organisations, municipalities, statuses, sizes and SNI divisions. */
async function fill(database: Database): Promise<void> {
  const orgs = Object.values(demoIds.organisations);
  const codes = municipalities.map((m) => m.code);
  const extra = companiesAtScale - 40;
  await database.db.execute(sql`
    insert into companies (id, programme_id, organisation_id, coach_id, organisation_number, name, municipality_code,
      sni_code, sni_division, sni_version, headcount, turnover_sek, balance_sheet_sek, financial_year, size_class, status,
      status_changed_on, created_at, updated_at)
    select gen_random_uuid(), ${demoIds.programme}::uuid,
      (${sql.raw(`array['${orgs.join("','")}']::uuid[]`)})[1 + h1 % 5],
      null,
      lpad((7700000000 + i)::text, 10, '0'),
      (array['Exempel','Påhittade','Fiktiva','Demo','Låtsas','Prov','Testar','Modell'])[1 + h2 % 8] || ' ' ||
        (array['Verkstad','Plåt','Textil','Gjuteri','Trä','Mekano','Plast','Livs','Elektronik','Möbler','Kemi'])[1 + h3 % 11] || ' ' || i || ' AB',
      (${sql.raw(`array['${codes.join("','")}']`)})[1 + (h1 / 5) % ${sql.raw(String(codes.length))}],
      lpad((10 + h2 % 24)::text, 2, '0') || '.100', lpad((10 + h2 % 24)::text, 2, '0'), 'SNI 2007',
      5 + h3 % 200, (5 + h3 % 200) * 1500000, (5 + h3 % 200) * 800000, 2025,
      (array['micro','small','medium','large'])[1 + (h3 / 7) % 4],
      (array['prospect','enrolled','active','completed','withdrawn'])[1 + (h2 / 11) % 5],
      date '2024-01-01' + (i % 700), now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
    from (select g as i, abs(hashint4(g)) as h1, abs(hashint4(g + 1000003)) as h2, abs(hashint4(g + 2000003)) as h3
          from generate_series(1, ${extra}) as g) as numbered`);
  await database.db.execute(
    sql`update companies set organisation_number = substr(organisation_number, 1, 6) || '-' || substr(organisation_number, 7) where organisation_number not like '%-%'`,
  );
  // A steady state, as autovacuum leaves a live database: visibility map set, statistics fresh.
  await database.db.execute(sql`vacuum analyze`);
}

async function login(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  if (response.status !== 202) return cookie;
  // The demo admin signs in with the second factor (decision 018).
  const verified = await fetch(`${base}/api/auth/second-factor/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ code: totpCodeAt(demoAdminTotpSecret, new Date()) }),
  });
  if (!verified.ok) throw new Error(`second factor failed: ${verified.status}`);
  return verified.headers.get('set-cookie')!.split(';')[0]!;
}

type Figures = {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
};

/** `connections` concurrent clients for `seconds`; exact percentiles from every request's latency. */
async function load(name: string, url: string, cookie?: string): Promise<Figures> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const deadline = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < deadline) {
      const start = performance.now();
      try {
        const response = await fetch(url, { headers: cookie ? { cookie } : {} });
        await response.arrayBuffer();
        if (response.status >= 300) non2xx += 1;
      } catch {
        errors += 1;
      }
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: connections }, () => client()));
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1));
  return { name, p50: at(50), p95: at(95), p99: at(99), requestsPerSecond: latencies.length / seconds, errors, non2xx };
}

async function main(): Promise<void> {
  const started = Date.now();
  const { database, drop, kind } = await openBenchDatabase(keep ? { keepAs: 'iiw_bench_kept' } : {});
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
  const filledMs = Date.now() - started;
  const { app } = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  const bare = Fastify();
  bare.get('/select-1', async () => {
    await database.db.execute(sql`select 1`);
    return { ok: true };
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/select-1`;

  const admin = await login(base, 'admin@demo.industryinwest.example');
  const coach = await login(base, 'coach.idc@demo.industryinwest.example');
  const results: Figures[] = [];
  results.push(await load('bare Fastify + SELECT 1', bareUrl));
  results.push(await load('company list, coach, page 1', `${base}/api/companies?page=1&pageSize=25`, coach));
  results.push(await load('company list, admin, page 1', `${base}/api/companies?page=1&pageSize=25`, admin));
  results.push(
    await load(
      'company list, admin, status + size class',
      `${base}/api/companies?status=active&sizeClass=small&pageSize=25`,
      admin,
    ),
  );
  results.push(
    await load(
      'company list, admin, reporting area, sorted by update',
      `${base}/api/companies?reportingArea=skaraborg&sort=updatedAt&order=desc`,
      admin,
    ),
  );
  results.push(await load('company list, admin, page 100', `${base}/api/companies?page=100&pageSize=25`, admin));
  results.push(
    await load(
      'company list, admin, name search "Gjuteri 471"',
      `${base}/api/companies?q=${encodeURIComponent('Gjuteri 471')}`,
      admin,
    ),
  );

  const yardstick = results[0]!.requestsPerSecond;
  console.log(
    `\nCompany list at ${scale}× (${companiesAtScale.toLocaleString('sv-SE')} companies) on ${kind}, ${connections} connection(s); data ready in ${(filledMs / 1000).toFixed(1)} s\n`,
  );
  console.log('endpoint'.padEnd(58), 'p50 ms', 'p95 ms', 'p99 ms', '   req/s', 'ratio', 'errors');
  for (const r of results) {
    console.log(
      r.name.padEnd(58),
      String(r.p50).padStart(6),
      String(r.p95).padStart(6),
      String(r.p99).padStart(6),
      r.requestsPerSecond.toFixed(0).padStart(8),
      (r.requestsPerSecond / yardstick).toFixed(2).padStart(5),
      String(r.errors + r.non2xx).padStart(6),
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
    `company-list-${kind}-${scale}x-c${connections}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        benchmark: 'company-list',
        scale,
        connections,
        companies: companiesAtScale,
        database: kind,
        seconds,
        commit,
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          memoryGiB: Math.round(os.totalmem() / 2 ** 30),
          node: process.version,
        },
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
  if (keep && kind === 'postgres') console.log('Kept the database iiw_bench_kept for inspection.');
  else await drop();
}

void main();
