import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../core/calendar';
import { luhnCheckDigit } from '../../core/organisation-number';
import { demoAccounts, demoAdminTotpSecret, demoIds, demoPassword } from '../db/seed';
import { emailQueue, scanQueue } from '../jobs/job-runner';
import { loginLimits, secondFactorLimits } from '../modules/auth/login-limiter';
import { totpCodeAt } from '../modules/auth/totp';
import { createServerDatabase, freePort, runEntryPoint, untilRunning, type EntryPointRun } from './entry-point';

// Issue 14, "several processes behave as one": two real server processes (`src/server/main.ts`)
// on one PostgreSQL database, as behind a load balancer. Through HTTP it shows that a session made
// on one works on the other and ends on both, that the sign-in and second-factor throttles count
// across both (decision 029: throttle_counters), that a reminder falling due is written and
// e-mailed once while both processes scan and send (pg-boss, decision 015), and that stopping one
// with SIGTERM disturbs no request on the other. PostgreSQL only: PGlite is one process's database.

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-two-'));
let databaseUrl = '';
const children: ChildProcess[] = [];

type Server = EntryPointRun & { base: string };

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const server = runEntryPoint(['src/server/main.ts'], {
    DATABASE_URL: databaseUrl,
    TEST_DATABASE_URL: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    ...env,
  });
  children.push(server.child);
  await untilRunning(server);
  return { ...server, base: `http://127.0.0.1:${port}` };
}

async function query<T extends Record<string, unknown>>(statement: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(statement, values)).rows;
  } finally {
    await client.end();
  }
}

const emailOf = (userId: string) => demoAccounts.find((a) => a.id === userId)!.email;
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;

function post(base: string, url: string, body: unknown, cookie?: string): Promise<Response> {
  return fetch(`${base}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie && { cookie }) },
    body: JSON.stringify(body),
  });
}

const signIn = (base: string, userId: string, password = demoPassword) =>
  post(base, '/api/auth/login', { email: emailOf(userId), password });

/** The demo admin's session: the password, then the code (decision 021). */
async function signInAdmin(base: string): Promise<string> {
  const pending = await signIn(base, demoIds.users.admin);
  expect(pending.status).toBe(202);
  const verified = await post(
    base,
    '/api/auth/second-factor/verify',
    { code: totpCodeAt(demoAdminTotpSecret, new Date()) },
    cookieOf(pending),
  );
  expect(verified.status).toBe(200);
  return cookieOf(verified);
}

/** A six-digit code the authenticator shows at none of the steps the check accepts now. */
function wrongCode(): string {
  const now = Date.now();
  const accepted = new Set([-30_000, 0, 30_000].map((shift) => totpCodeAt(demoAdminTotpSecret, new Date(now + shift))));
  for (let n = 0; ; n += 1) {
    const code = String(n).padStart(6, '0');
    if (!accepted.has(code)) return code;
  }
}

/** The reminder jobs not yet finished: queued, waiting for a retry or running. */
const unfinishedJobs = () =>
  query<{ name: string; state: string }>(
    `select name, state::text from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')`,
    [[scanQueue, emailQueue]],
  );

let database: Awaited<ReturnType<typeof createServerDatabase>>;

beforeAll(async () => {
  database = await createServerDatabase('iiw_two');
  databaseUrl = database?.url ?? '';
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

describe.skipIf(!serverUrl)('two server processes on one PostgreSQL database (issue 14)', () => {
  it(
    'share sessions and throttles, e-mail a reminder once, and one stops without disturbing the other',
    { timeout: 600_000 },
    async () => {
      const started = Date.now();
      // A seeds the demo data and runs the jobs; its drain is short so the test need not wait.
      const a = await startServer({ SHUTDOWN_DRAIN_MS: '500' });

      // Something falls due today, written before B starts: a company of the demo coach whose
      // intervention sets the next follow-up to today.
      const coach = cookieOf(await signIn(a.base, demoIds.users.coachIdc));
      const companyName = `Två processer ${randomBytes(3).toString('hex')} AB`;
      const nine = `5588${String(randomBytes(3).readUIntBE(0, 3) % 100_000).padStart(5, '0')}`;
      const company = await post(
        a.base,
        '/api/companies',
        {
          organisationNumber: `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`,
          name: companyName,
          municipalityCode: '1496',
        },
        coach,
      );
      expect(company.status).toBe(201);
      const companyId = ((await company.json()) as { id: string }).id;
      const today = calendarDate(new Date());
      const intervention = await post(
        a.base,
        `/api/companies/${companyId}/interventions`,
        { occurredOn: today, kind: 'follow_up_visit', hours: 1, nextFollowUpOn: today },
        coach,
      );
      expect(intervention.status).toBe(201);

      // B on the same database, with the jobs on too: its start queues a scan as A's did.
      const b = await startServer();
      const startSeconds = (Date.now() - started) / 1000;

      // A session made on A works on B; signing out on B ends it on A.
      const session = cookieOf(await signIn(a.base, demoIds.users.coachIucVast));
      expect((await fetch(`${b.base}/api/auth/me`, { headers: { cookie: session } })).status).toBe(200);
      expect((await post(b.base, '/api/auth/logout', {}, session)).status).toBe(204);
      expect((await fetch(`${a.base}/api/auth/me`, { headers: { cookie: session } })).status).toBe(401);

      // Both processes scan at once, as an admin asking each to run the reminders now, while the
      // scan B's start queued runs in whichever process takes it, and both send the e-mail jobs.
      const admin = await signInAdmin(a.base);
      const runs = await Promise.all([a, b].map((server) => post(server.base, '/api/reminders/run', {}, admin)));
      expect(runs.map((response) => response.status)).toEqual([200, 200]);
      const waitedFrom = Date.now();
      let pending = await unfinishedJobs();
      while (pending.length > 0) {
        if (Date.now() - waitedFrom > 300_000) throw new Error(`jobs still unfinished: ${JSON.stringify(pending)}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
        pending = await unfinishedJobs();
      }
      // A scan was queued at each start (and the 06:00 schedule may add one), each run to its end
      // by one process; no job failed.
      const jobs = await query<{ name: string; state: string; count: string }>(
        `select name, state::text, count(*) from pgboss.job where name = any($1) group by name, state`,
        [[scanQueue, emailQueue]],
      );
      expect(jobs.filter((job) => job.state !== 'completed')).toEqual([]);
      expect(Number(jobs.find((job) => job.name === scanQueue)?.count)).toBeGreaterThanOrEqual(2);
      const reminders = await query<{ emailed: boolean }>(
        `select emailed_at is not null as emailed from reminders where company_id = $1`,
        [companyId],
      );
      expect(reminders).toEqual([{ emailed: true }]);
      const mails = await query(`select id from outbox_messages where recipient = $1 and body like $2`, [
        emailOf(demoIds.users.coachIdc),
        `%${companyName}%`,
      ]);
      expect(mails).toHaveLength(1);
      // The sign-in throttle counts across both: wrong passwords for one account from one address,
      // alternately to A and B, use up the minute's attempts; then either answers 429.
      const limit = loginLimits.perAccountAndAddress.points;
      const wrongPasswords: number[] = [];
      for (let i = 0; i < limit + 2; i += 1) {
        wrongPasswords.push((await signIn([a, b][i % 2]!.base, demoIds.users.coachIucVast, 'Fel-lösenord-1')).status);
      }
      expect(wrongPasswords).toEqual([...Array<number>(limit).fill(401), 429, 429]);

      // So does the second factor's: wrong codes after the admin's password, alternately to A and B.
      const halfway = cookieOf(await signIn(b.base, demoIds.users.admin));
      const codeLimit = secondFactorLimits.perAccountAndAddress.points;
      const wrongCodes: number[] = [];
      for (let i = 0; i < codeLimit + 2; i += 1) {
        const server = [a, b][i % 2]!;
        wrongCodes.push(
          (await post(server.base, '/api/auth/second-factor/verify', { code: wrongCode() }, halfway)).status,
        );
      }
      expect(wrongCodes.slice(0, codeLimit).every((status) => status !== 429 && status !== 200)).toBe(true);
      expect(wrongCodes.slice(codeLimit)).toEqual([429, 429]);

      // Stopping A disturbs no request on B: four clients read the company list from B without a
      // pause while A gets SIGTERM, drains and exits, and until 100 more requests have been answered.
      const answers: { status: number | string; afterSignal: boolean }[] = [];
      let signalled = false;
      let isStopped = false;
      const client = async () => {
        while (!isStopped) {
          const afterSignal = signalled;
          try {
            const response = await fetch(`${b.base}/api/companies?pageSize=5`, { headers: { cookie: coach } });
            await response.arrayBuffer();
            answers.push({ status: response.status, afterSignal });
          } catch (error) {
            answers.push({ status: String((error as { cause?: unknown }).cause ?? error), afterSignal });
          }
        }
      };
      const clients = Array.from({ length: 4 }, () => client());
      while (answers.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));
      signalled = true;
      a.child.kill('SIGTERM');
      const exitCode = await a.exited;
      const atExit = answers.filter((answer) => answer.afterSignal).length;
      while (answers.filter((answer) => answer.afterSignal).length < atExit + 100) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      isStopped = true;
      await Promise.all(clients);
      expect(exitCode).toBe(0);
      const afterSignal = answers.filter((answer) => answer.afterSignal);
      expect(afterSignal.length).toBeGreaterThanOrEqual(100);
      expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
      expect((await fetch(`${b.base}/readyz`)).status).toBe(200);

      b.child.kill('SIGTERM');
      expect(await b.exited).toBe(0);
      console.log(
        `two processes: both started in ${startSeconds.toFixed(1)} s; ${afterSignal.length} requests to B answered 200 ` +
          `from A's SIGTERM (${atExit} while A stopped); ${((Date.now() - started) / 1000).toFixed(1)} s in all`,
      );
    },
  );
});
