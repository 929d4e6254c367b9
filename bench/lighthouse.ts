// Lighthouse on the main pages (docs/quality.md P2: performance ≥ 90, median of 5). Serves the built
// web app (`npm run build` first) with the demo data on a fresh in-memory PGlite, signs in as the
// demo coach, and runs Lighthouse's performance category `--runs` times per page in Debian's
// Chromium, with the desktop preset unless `--mobile`. Prints the median score with LCP, TBT (the
// lab stand-in for INP) and CLS of that run, and writes bench/results/lighthouse-….json.
// The public programme page is held to 95 (issue 15); the rest to 90. Where a page's layout shifts,
// the elements that moved most are printed under it.
// `--guard` holds each page to its floor in bench/lighthouse-floors.json instead of its bar: CI's
// quick run (one run per page), which catches a page that got much slower without failing on noise.
// Usage: npm run bench:lighthouse -- [--runs 5] [--mobile] [--only words] [--guard]
// LIGHTHOUSE_REPORT_DIR=dir keeps each run's whole report there.
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { startTimespan, type Flags } from 'lighthouse';
import puppeteer from 'puppeteer-core';
import { screenEmulationMetrics, throttling } from 'lighthouse/core/config/constants.js';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { openDatabase } from '../src/server/db/client';
import { demoIds, seedDemoData } from '../src/server/db/seed';
import { saveAnswer, startAssessment } from '../src/server/modules/maturity/maturity.service';
import { benchSecondFactorKey, flagOption, listOption, login, numberOption, serve, writeResults } from './bench-kit';

const runs = numberOption('runs', 5);
const isMobile = flagOption('mobile');
/** Only the pages whose names hold one of these words, e.g. --only company,public */
const only = listOption('only', []);
const bar = 90;
const isGuard = flagOption('guard');
/** Where to keep each run's whole Lighthouse report, to read what a page waited for (none by default). */
const reportDir = process.env.LIGHTHOUSE_REPORT_DIR;
const preset = isMobile ? 'mobile' : 'desktop';
/** CI's floors per preset and page: a score below one is a regression, not noise (bench/README.md). */
const floors = (
  JSON.parse(fs.readFileSync(new URL('./lighthouse-floors.json', import.meta.url), 'utf8')) as Record<
    string,
    Record<string, number>
  >
)[preset];

/** Who opens a page: nobody signed in, the demo coach, or the demo company's user. */
type Viewer = 'anonymous' | 'coach' | 'company';
type Page = { name: string; path: string; viewer: Viewer; bar?: number };
/** An element whose move added to the layout shift, with its share of it. */
type Shift = { element: string; score: number };
/** Where the time of a run went (issue 17): the LCP's phases, the main thread's work by kind, and
 * the JavaScript the page loaded, so that a run says what to remove, not only how slow it was. */
type TimeSpent = {
  lcpPhases: Record<string, number>;
  mainThreadMs: Record<string, number>;
  scripts: { files: number; kib: number };
  /** The scripts that took the main thread longest (evaluation, parse and compile), in ms. */
  busiestScripts: { file: string; ms: number }[];
};
type Run = { score: number; lcpMs: number; tbtMs: number; cls: number; shifts: Shift[]; spent: TimeSpent };

type AuditDetails = { details?: unknown } | undefined;

/** The LCP's phases (TTFB, load delay, load time, render delay) of Lighthouse 12's LCP element audit. */
function lcpPhasesOf(audit: AuditDetails): Record<string, number> {
  const tables = (audit?.details as { items?: { type?: string; items?: { phase?: string; timing?: number }[] }[] })
    ?.items;
  // The audit's first table names the element; the one whose rows have a phase gives the timings.
  const phases = tables?.find((item) => item.items?.some((row) => row.phase !== undefined))?.items ?? [];
  return Object.fromEntries(phases.map((phase) => [phase.phase ?? '?', Math.round(phase.timing ?? 0)]));
}

function mainThreadOf(audit: AuditDetails): Record<string, number> {
  const items = (audit?.details as { items?: { groupLabel?: string; duration?: number }[] })?.items ?? [];
  return Object.fromEntries(items.map((item) => [item.groupLabel ?? '?', Math.round(item.duration ?? 0)]));
}

function scriptsOf(audit: AuditDetails): TimeSpent['scripts'] {
  const items = (audit?.details as { items?: { resourceType?: string; transferSize?: number }[] })?.items ?? [];
  const scripts = items.filter((item) => item.resourceType === 'Script');
  const bytes = scripts.reduce((sum, item) => sum + (item.transferSize ?? 0), 0);
  return { files: scripts.length, kib: Math.round(bytes / 1024) };
}

/** Lighthouse's bootup-time audit: per script, the main thread's time evaluating, parsing and compiling it. */
function busiestScriptsOf(audit: AuditDetails): TimeSpent['busiestScripts'] {
  const items = (audit?.details as { items?: { url?: string; total?: number }[] })?.items ?? [];
  return items
    .map((item) => ({ file: (item.url ?? '?').split('/').at(-1) ?? '?', ms: Math.round(item.total ?? 0) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
}

/** One line: the LCP's phases, then the main thread's three largest kinds of work, then the scripts. */
function describeSpent(spent: TimeSpent): string {
  const phases = Object.entries(spent.lcpPhases)
    .map(([phase, ms]) => `${phase.toLowerCase()} ${ms}`)
    .join(', ');
  const work = Object.entries(spent.mainThreadMs)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([kind, ms]) => `${kind.toLowerCase()} ${ms}`)
    .join(', ');
  const busiest = spent.busiestScripts.map((script) => `${script.file} ${script.ms}`).join(', ');
  return `LCP ms: ${phases} · main thread ms: ${work} · ${spent.scripts.kib} KiB of JavaScript in ${spent.scripts.files} files, the busiest ms: ${busiest}`;
}

/** The elements of the layout-shifts audit (Lighthouse 12), the largest first. */
function shiftsOf(audit: { details?: unknown } | undefined): Shift[] {
  const items = (audit?.details as { items?: { node?: { snippet?: string; selector?: string }; score?: number }[] })
    ?.items;
  return (items ?? [])
    .map((item) => ({
      element: [item.node?.selector, item.node?.snippet].filter(Boolean).join(' ') || '?',
      score: Number((item.score ?? 0).toFixed(3)),
    }))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3);
}

/** Issue 17: answering a question of the assessment form responds within 200 ms (INP). */
const answerInpBarMs = 200;
// The mobile preset's slow 4G and CPU four times slower (Lighthouse's own figures), applied to the
// browser itself: a timespan cannot simulate throttling as a page load's run does, and INP is the
// real main thread's time.
const mobileThrottling = throttling.mobileSlow4G;
const mobileScreen = screenEmulationMetrics.mobile;

/**
 * The INP of answering one question of a half-answered assessment form, once per run: the page is
 * loaded first (on a phone-sized screen), then a Lighthouse timespan with the mobile preset's
 * throttling records a click on a level of the last question and the save that follows it.
 */
async function answerInps(port: number, url: string, cookie: string | undefined): Promise<number[]> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const inps: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage();
      await page.setViewport({
        width: mobileScreen.width,
        height: mobileScreen.height,
        deviceScaleFactor: mobileScreen.deviceScaleFactor,
        isMobile: true,
        hasTouch: true,
      });
      if (cookie) await page.setExtraHTTPHeaders({ Cookie: cookie });
      await page.goto(url, { waitUntil: 'networkidle0' });
      // A question's levels are cards with the role of a radio button (Mantine's Radio.Card).
      await page.waitForSelector('[role="radiogroup"] [role="radio"]');
      const groups = await page.$$('[role="radiogroup"]');
      const radios = (await groups.at(-1)?.$$('[role="radio"]')) ?? [];
      if (radios.length === 0) throw new Error(`No question to answer on ${url}`);
      const timespan = await startTimespan(page, {
        flags: {
          onlyCategories: ['performance'],
          formFactor: 'mobile',
          throttlingMethod: 'devtools',
          throttling: mobileThrottling,
        },
      });
      await radios[i % radios.length]!.click();
      // The answer is saved as it is given: let the save and its paint land inside the timespan.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const result = await timespan.endTimespan();
      const inp = result?.lhr.audits['interaction-to-next-paint']?.numericValue;
      if (inp === undefined) throw new Error('The timespan recorded no interaction');
      inps.push(Math.round(inp));
      await page.close();
    }
  } finally {
    await browser.disconnect();
  }
  return inps;
}

const median = (values: readonly Run[]) =>
  [...values].sort((a, b) => a.score - b.score)[Math.floor(values.length / 2)]!;
const best = (values: readonly Run[]) => [...values].sort((a, b) => b.score - a.score)[0]!;

async function main(): Promise<void> {
  if (!fs.existsSync('dist/web/index.html')) throw new Error('Build the web app first: npm run build');
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await database.migrate();
  await seedDemoData(database.db, new Date(), benchSecondFactorKey);
  // The public activities page lists what coaches have marked public: the demo marks none.
  await database.db.execute(sql`update activities set is_public = true where starts_at > now()`);
  const served = await serve(database);
  const cookies: Record<Viewer, string | undefined> = {
    anonymous: undefined,
    coach: await login(served.base, 'coach.idc@demo.industryinwest.example'),
    company: await login(served.base, 'foretag@demo.industryinwest.example'),
  };
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

  const company = `/companies/${demoIds.companies.first}`;
  const year = new Date().getFullYear();
  const pages: Page[] = [
    { name: 'sign-in', path: '/login', viewer: 'anonymous' },
    { name: 'public programme page', path: '/programmet', viewer: 'anonymous', bar: 95 },
    { name: 'public activities', path: '/programmet/aktiviteter', viewer: 'anonymous', bar: 95 },
    { name: 'dashboard (overview)', path: '/', viewer: 'coach' },
    { name: 'my week', path: '/my-week', viewer: 'coach' },
    { name: 'company list', path: '/companies', viewer: 'coach' },
    { name: 'company page', path: company, viewer: 'coach' },
    { name: 'assessment form', path: `/assessments/${draft.id}`, viewer: 'coach' },
    { name: 'action plan', path: `${company}/action-plan`, viewer: 'coach' },
    // The demo's first energy mapping (src/server/db/seed-analyses.ts), of the first company.
    { name: 'energy mapping', path: '/analyses/00000000-0000-4000-8000-000000005000', viewer: 'coach' },
    { name: 'activities', path: '/activities', viewer: 'coach' },
    { name: 'indicator report', path: `/reports?from=${year}-01-01&to=${year}-12-31`, viewer: 'coach' },
    { name: 'company portal', path: '/', viewer: 'company' },
  ];
  const measured = pages.filter((page) => only.length === 0 || only.some((word) => page.name.includes(word)));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  });
  const rows: { name: string; path: string; bar: number; median: Run; runs: Run[]; meetsBar: boolean }[] = [];
  const answerPage = measured.find((page) => page.name === 'assessment form');
  let answer: { inpMs: number; runs: number[]; bar: number; meetsBar: boolean } | undefined;
  try {
    for (const page of measured) {
      const cookie = cookies[page.viewer];
      const results: Run[] = [];
      // A run Lighthouse itself could not finish (a runtime error, no metrics) is run again, up to
      // twice in all: it says nothing of the page, and scored 0 once in a median of five.
      let failedRuns = 0;
      const floor = floors?.[page.name];
      if (isGuard && floor === undefined)
        throw new Error(`bench/lighthouse-floors.json has no ${preset} floor for ${page.name}`);
      // The guard runs a page below its floor again, up to twice, and holds it to its best run: a
      // slower page stays below in every run, while one slow run of a busy machine does not fail CI
      // (7 December: the sign-in page scored 65 once against its floor of 70, and 80 before).
      const isBelowFloor = () => isGuard && Math.max(...results.map((run) => run.score)) < floor!;
      for (let i = 0; i < runs || (isBelowFloor() && i < runs + 2); i += 1) {
        const flags: Flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: cookie ? { Cookie: cookie } : undefined,
        };
        const result = await lighthouse(`${served.base}${page.path}`, flags, isMobile ? undefined : desktopConfig);
        if (!result) throw new Error(`Lighthouse gave no result for ${page.path}`);
        if (reportDir) {
          const name = `${preset}-${page.name.replace(/\W+/g, '-')}-${i + 1}.json`;
          fs.writeFileSync(`${reportDir}/${name}`, String(result.report));
        }
        const { categories, audits, runtimeError } = result.lhr;
        if (runtimeError || categories.performance?.score == null) {
          failedRuns += 1;
          console.log(`${page.name}: Lighthouse could not finish a run (${runtimeError?.code ?? 'no score'})`);
          if (failedRuns > 2) throw new Error(`Lighthouse failed three runs of ${page.path}`);
          i -= 1;
          continue;
        }
        results.push({
          score: Math.round((categories.performance?.score ?? 0) * 100),
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? Number.NaN),
          cls: Number((audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)),
          shifts: shiftsOf(audits['layout-shifts']),
          spent: {
            lcpPhases: lcpPhasesOf(audits['largest-contentful-paint-element']),
            mainThreadMs: mainThreadOf(audits['mainthread-work-breakdown']),
            scripts: scriptsOf(audits['network-requests']),
            busiestScripts: busiestScriptsOf(audits['bootup-time']),
          },
        });
      }
      const middle = isGuard ? best(results) : median(results);
      const pageBar = isGuard ? floor! : (page.bar ?? bar);
      rows.push({
        name: page.name,
        path: page.path,
        bar: pageBar,
        median: middle,
        runs: results,
        meetsBar: middle.score >= pageBar,
      });
    }
    // The guard is a quick run of the page loads; the INP is measured on the mobile preset only.
    if (answerPage && isMobile && !isGuard) {
      const inps = await answerInps(chrome.port, `${served.base}${answerPage.path}`, cookies[answerPage.viewer]);
      const inpMs = [...inps].sort((a, b) => a - b)[Math.floor(inps.length / 2)]!;
      answer = { inpMs, runs: inps, bar: answerInpBarMs, meetsBar: inpMs <= answerInpBarMs };
    }
  } finally {
    await chrome.kill();
    await served.close();
    await database.close();
  }

  console.log(
    isGuard
      ? `\nLighthouse performance, ${preset} preset, the best of ${runs} (of up to ${runs + 2} below a floor), against the floors\n`
      : `\nLighthouse performance, ${preset} preset, median of ${runs}\n`,
  );
  console.log('page'.padEnd(24), 'score', isGuard ? 'floor' : '  bar', ' LCP ms', ' TBT ms', '  CLS', 'all scores');
  for (const row of rows) {
    console.log(
      row.name.padEnd(24),
      String(row.median.score).padStart(5),
      String(row.bar).padStart(5),
      String(row.median.lcpMs).padStart(7),
      String(row.median.tbtMs).padStart(7),
      row.median.cls.toFixed(3).padStart(5),
      row.runs.map((run) => run.score).join(' '),
    );
    console.log(`  ${describeSpent(row.median.spent)}`);
    if (row.median.cls > 0)
      for (const shift of row.median.shifts) console.log(`  shifted ${shift.score}: ${shift.element}`);
  }
  if (answer) {
    console.log(
      `\nanswering a question of the assessment form: INP ${answer.inpMs} ms (bar ${answer.bar}), all runs ${answer.runs.join(' ')}`,
    );
  }
  const file = writeResults(`lighthouse-${preset}${isGuard ? '-guard' : ''}`, {
    benchmark: 'lighthouse',
    preset,
    runs,
    bar,
    guard: isGuard,
    pages: rows,
    answerInp: answer,
  });
  console.log(`\nWritten to ${file}`);
  const short = rows.filter((row) => !row.meetsBar);
  if (answer && !answer.meetsBar) {
    console.log(`Answering a question is over its INP bar (${answer.bar} ms)`);
    process.exitCode = 1;
  }
  if (short.length > 0) {
    console.log(
      `Below their ${isGuard ? 'floors' : 'bars'}: ${short.map((row) => `${row.name} (${row.bar})`).join(', ')}`,
    );
    process.exitCode = 1;
  }
}

void main();
