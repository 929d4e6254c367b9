// Lighthouse on the main pages (docs/quality.md P2: performance ≥ 90, median of 5). Serves the built
// web app (`npm run build` first) with the demo data on a fresh in-memory PGlite, signs in as the
// demo coach, and runs Lighthouse's performance category `--runs` times per page in Debian's
// Chromium, with the desktop preset unless `--mobile`. Prints the median score with LCP, TBT (the
// lab stand-in for INP) and CLS of that run, and writes bench/results/lighthouse-….json.
// Usage: npm run bench:lighthouse -- [--runs 5] [--mobile]
import fs from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { openDatabase } from '../src/server/db/client';
import { demoIds, seedDemoData } from '../src/server/db/seed';
import { saveAnswer, startAssessment } from '../src/server/modules/maturity/maturity.service';
import { benchSecondFactorKey, flagOption, login, numberOption, serve, writeResults } from './bench-kit';

const runs = numberOption('runs', 5);
const isMobile = flagOption('mobile');
const bar = 90;

type Run = { score: number; lcpMs: number; tbtMs: number; cls: number };

const median = (values: readonly Run[]) =>
  [...values].sort((a, b) => a.score - b.score)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build');
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  await seedDemoData(database.db, new Date(), benchSecondFactorKey);
  const served = await serve(database);
  const cookie = await login(served.base, 'coach.idc@demo.industryinwest.example');
  // An open measurement, half answered, as the assessment form is met in practice.
  const coach = {
    kind: 'user',
    role: 'coach',
    userId: demoIds.users.coachIdc,
    organisationId: demoIds.organisations.idc,
  } as const;
  const draft = await startAssessment(served.ctx, coach, demoIds.companies.first, { area: 'energy_transition' });
  const questions = draft.model.content.dimensions.flatMap((dimension) => dimension.questions);
  for (const question of questions.slice(0, Math.ceil(questions.length / 2)))
    await saveAnswer(served.ctx, coach, draft.id, question.key, { level: 3, isNotApplicable: false });

  const pages = [
    { name: 'sign-in', path: '/login', signedIn: false },
    { name: 'dashboard (overview)', path: '/', signedIn: true },
    { name: 'my week', path: '/my-week', signedIn: true },
    { name: 'company page', path: `/companies/${demoIds.companies.first}`, signedIn: true },
    { name: 'assessment form', path: `/assessments/${draft.id}`, signedIn: true },
  ];
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: { name: string; path: string; median: Run; runs: Run[]; meetsBar: boolean }[] = [];
  try {
    for (const page of pages) {
      const results: Run[] = [];
      for (let i = 0; i < runs; i += 1) {
        const flags: Flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: page.signedIn ? { Cookie: cookie } : undefined,
        };
        const result = await lighthouse(`${served.base}${page.path}`, flags, isMobile ? undefined : desktopConfig);
        if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
        const { categories, audits } = result.lhr;
        results.push({
          score: Math.round((categories.performance?.score ?? 0) * 100),
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? Number.NaN),
          cls: Number((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
        });
      }
      const middle = median(results);
      rows.push({ name: page.name, path: page.path, median: middle, runs: results, meetsBar: middle.score >= bar });
    }
  } finally {
    await chrome.kill();
    await served.close();
    await database.close();
  }

  console.log(`\nLighthouse performance, ${isMobile ? 'mobile' : 'desktop'} preset, median of ${runs}\n`);
  console.log('page'.padEnd(24), 'score', ' LCP ms', ' TBT ms', '  CLS', 'all scores');
  for (const row of rows) {
    console.log(
      row.name.padEnd(24),
      String(row.median.score).padStart(5),
      String(row.median.lcpMs).padStart(7),
      String(row.median.tbtMs).padStart(7),
      row.median.cls.toFixed(3).padStart(5),
      row.runs.map((run) => run.score).join(' '),
    );
  }
  const file = writeResults(`lighthouse-${isMobile ? 'mobile' : 'desktop'}`, {
    benchmark: 'lighthouse',
    preset: isMobile ? 'mobile' : 'desktop',
    runs,
    bar,
    pages: rows,
  });
  console.log(`\nWritten to ${file}`);
  const short = rows.filter((row) => !row.meetsBar);
  if (short.length > 0) {
    console.log(`Below ${bar}: ${short.map((row) => row.name).join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
