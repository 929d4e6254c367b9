import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../core/organisation-number';
import { openDatabase } from '../db/client';
import { demoAccounts, demoIds, demoPassword } from '../db/seed';
import { createServerDatabase, freePort, runEntryPoint, untilRunning, type EntryPointRun } from './entry-point';

// docs/quality.md R2 and R4: the crash harness. The real server (`src/server/main.ts`, the entry point
// that `npm start` runs compiled and `npm run dev` runs from source) takes concurrent company and contact creates, each with an Idempotency-Key, and is
// killed with SIGKILL in the middle, several times, restarting each time on the same data. Then
// every request is sent again with its own key, and the database is checked: no acknowledged
// write missing, no operation half applied (a company without its status history or audit row, a
// contact without its audit row), no duplicate. On PGlite in a temporary data directory (whose
// lock, left behind by the killed process, the next start takes over), and on PostgreSQL in a
// throw-away database when TEST_DATABASE_URL or DATABASE_URL is set.

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const engine = serverUrl ? 'postgres' : 'pglite';
const kills = 3;
const workers = 6;
const marker = `Krasch ${randomBytes(3).toString('hex')}`;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-crash-'));
let database: Awaited<ReturnType<typeof createServerDatabase>>;
let databaseUrl: string | undefined;
const children: ChildProcess[] = [];

beforeAll(async () => {
  database = await createServerDatabase('iiw_crash');
  databaseUrl = database?.url;
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  await database?.drop();
});

type Server = EntryPointRun & { base: string };

function run(args: string[], env: Record<string, string>) {
  const started = runEntryPoint(args, {
    DATABASE_URL: databaseUrl ?? '',
    TEST_DATABASE_URL: '',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ...env,
  });
  children.push(started.child);
  return started;
}

const startTimes: number[] = [];

async function startServer(): Promise<Server> {
  const began = Date.now();
  const port = await freePort();
  const server = run(['src/server/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    JOBS_ENABLED: 'false',
    SHUTDOWN_DRAIN_MS: '0',
  });
  await untilRunning(server);
  startTimes.push(Date.now() - began);
  return { ...server, base: `http://127.0.0.1:${port}` };
}

/** One create as the client sent it, and what it heard back. */
type Attempt = {
  kind: 'company' | 'contact';
  key: string;
  path: string;
  body: Record<string, unknown>;
  name: string;
  /** The 2xx answer, if one arrived: the write was acknowledged. */
  acknowledged?: { status: number; body: string; id: string };
  /** No answer: the server died with the request in flight (not merely refused to connect). */
  wasCut?: boolean;
  /** Any other answer, which the harness does not expect. */
  refused?: { status: number; body: string };
};

let serial = 0;
function organisationNumber(n: number): string {
  const nine = `5577${String(n).padStart(5, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

async function send(base: string, cookie: string, attempt: Attempt) {
  return fetch(`${base}${attempt.path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', 'idempotency-key': attempt.key },
    body: JSON.stringify(attempt.body),
    signal: AbortSignal.timeout(120_000),
  });
}

/** Sends one create and records its answer; false when the server did not answer (it died). */
async function attemptCreate(base: string, cookie: string, attempt: Attempt, attempts: Attempt[]): Promise<boolean> {
  attempts.push(attempt);
  let response: Response;
  let body: string;
  try {
    response = await send(base, cookie, attempt);
    body = await response.text();
  } catch (error) {
    attempt.wasCut = (error as { cause?: { code?: string } }).cause?.code !== 'ECONNREFUSED';
    return false;
  }
  if (response.status === 201) {
    attempt.acknowledged = { status: response.status, body, id: (JSON.parse(body) as { id: string }).id };
  } else {
    attempt.refused = { status: response.status, body };
  }
  return true;
}

/** Creates companies, and a contact for each one created, until the server stops answering. */
async function writeUntilKilled(base: string, cookie: string, attempts: Attempt[]): Promise<void> {
  for (;;) {
    serial += 1;
    const n = serial;
    const name = `${marker} bolag ${n} AB`;
    const company: Attempt = {
      kind: 'company',
      key: randomUUID(),
      path: '/api/companies',
      name,
      body: { organisationNumber: organisationNumber(n), name, municipalityCode: '1496' },
    };
    if (!(await attemptCreate(base, cookie, company, attempts))) return;
    if (!company.acknowledged) continue;
    const contactName = `${marker} kontakt ${n}`;
    const contact: Attempt = {
      kind: 'contact',
      key: randomUUID(),
      path: `/api/companies/${company.acknowledged.id}/contacts`,
      name: contactName,
      body: { name: contactName, gender: n % 2 === 0 ? 'woman' : 'man', email: `kontakt${n}@krasch.example` },
    };
    if (!(await attemptCreate(base, cookie, contact, attempts))) return;
  }
}

async function login(base: string): Promise<string> {
  const email = demoAccounts.find((a) => a.id === demoIds.users.coachIdc)!.email;
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/** What the database holds of the harness's records, read once the server has stopped. */
async function inspect() {
  const database = await openDatabase(
    databaseUrl
      ? { kind: 'postgres', url: databaseUrl, poolSize: 1 }
      : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
  );
  const like = `${marker} %`;
  const query = async (statement: SQL): Promise<Record<string, unknown>[]> =>
    ((await database.db.execute(statement)) as unknown as { rows: Record<string, unknown>[] }).rows;
  try {
    return {
      companies: await query(sql`select id::text as id, name from companies where name like ${like}`),
      contacts: await query(sql`select id::text as id, name from contacts where name like ${like}`),
      companiesWithoutHistory: await query(sql`
        select c.id from companies c where c.name like ${like}
           and not exists (select 1 from company_status_changes s where s.company_id = c.id)`),
      companiesNotAuditedOnce: await query(sql`
        select c.id from companies c where c.name like ${like}
           and (select count(*) from audit_entries a
                 where a.entity_id = c.id::text and a.action = 'company.register') <> 1`),
      contactsNotAuditedOnce: await query(sql`
        select c.id from contacts c where c.name like ${like}
           and (select count(*) from audit_entries a
                 where a.entity_id = c.id::text and a.action = 'contact.add') <> 1`),
      keys: await query(sql`
        select key, status_code from idempotency_keys
         where user_id = ${demoIds.users.coachIdc} and response_body is not null`),
    };
  } finally {
    await database.close();
  }
}

const lockFile = path.join(dataDir, 'pglite', 'platform.lock');

describe(`the crash harness on ${engine} (R2, R4)`, () => {
  it(
    `loses no acknowledged write, half-applies nothing and duplicates nothing across ${kills} SIGKILLs under load`,
    { timeout: 900_000 },
    async () => {
      const started = Date.now();
      const attempts: Attempt[] = [];
      let unansweredAtKills = 0;
      let cookie = '';
      for (let round = 0; round < kills; round += 1) {
        const server = await startServer();
        if (round === 0) cookie = await login(server.base);
        // While the first server runs, a second server and a backup on its data directory must
        // stop, naming the directory and the holder's pid. They run beside the load (they only
        // read the lock) and end before the kill, which would make the lock stale.
        const refused =
          round === 0 && engine === 'pglite'
            ? [
                run(['src/server/main.ts'], { PORT: String(await freePort()) }),
                run(['src/server/backup/cli.ts', 'backup'], {}),
              ]
            : [];
        const before = attempts.filter((a) => a.acknowledged).length;
        const unansweredBefore = attempts.filter((a) => !a.acknowledged && !a.refused).length;
        // Kill once a random number of writes have been acknowledged in this round, while the
        // workers still have requests in flight.
        const killAfter = 15 + Math.floor(Math.random() * 40);
        const load = Promise.all(
          Array.from({ length: workers }, () => writeUntilKilled(server.base, cookie, attempts)),
        );
        const deadline = Date.now() + 30_000;
        while (attempts.filter((a) => a.acknowledged).length - before < killAfter && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
        for (const second of refused) {
          expect(await second.exited).toBe(1);
          expect(second.output()).toContain(path.join(dataDir, 'pglite'));
          expect(second.output()).toContain(`pid ${server.child.pid}`);
        }
        server.child.kill('SIGKILL');
        await server.exited;
        await load;
        unansweredAtKills += attempts.filter((a) => !a.acknowledged && !a.refused).length - unansweredBefore;
        if (engine === 'pglite') {
          // The killed server could not remove its lock; the next start must take it over.
          expect(fs.readFileSync(lockFile, 'utf8')).toBe(String(server.child.pid));
        }
      }

      // After the last restart, every request again with its own key, as a client would retry.
      const server = await startServer();
      let replayed = 0;
      let committedUnheard = 0;
      const changedAnswers: string[] = [];
      for (const attempt of attempts) {
        const response = await send(server.base, cookie, attempt);
        const body = await response.text();
        if (response.headers.get('idempotent-replayed') === 'true') {
          replayed += 1;
          // Committed before the kill, but the client never heard: the key is what saves it.
          if (!attempt.acknowledged) committedUnheard += 1;
        }
        if (
          attempt.acknowledged &&
          (response.status !== attempt.acknowledged.status || body !== attempt.acknowledged.body)
        ) {
          changedAnswers.push(`${attempt.path}: ${response.status} ${body.slice(0, 200)}`);
        }
        if (response.status !== 201) changedAnswers.push(`${attempt.path}: ${response.status} ${body.slice(0, 200)}`);
      }
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const found = await inspect();
      const acknowledged = attempts.filter((a) => a.acknowledged);
      const foundIds = new Set([...found.companies, ...found.contacts].map((row) => String(row.id)));
      const missing = acknowledged.filter((a) => !foundIds.has(a.acknowledged!.id));
      const count = (names: unknown[]) => names.length - new Set(names).size;
      const duplicates = count(found.companies.map((r) => r.name)) + count(found.contacts.map((r) => r.name));
      const halfApplied =
        found.companiesWithoutHistory.length +
        found.companiesNotAuditedOnce.length +
        found.contactsNotAuditedOnce.length;
      const seconds = Math.round((Date.now() - started) / 1000);
      console.log(
        `crash harness (${engine}): ${kills} SIGKILLs, ${attempts.length} creates sent, ${acknowledged.length} acknowledged, ` +
          `${unansweredAtKills} unanswered at the kills (${attempts.filter((a) => a.wasCut).length} cut mid-request, ${committedUnheard} of them committed); after restart ${attempts.length} retries (${replayed} replayed): ` +
          `${missing.length} acknowledged missing, ${halfApplied} half-applied, ${duplicates} duplicates; ${seconds} s ` +
          `(server starts ${startTimes.map((ms) => (ms / 1000).toFixed(1)).join(', ')} s)`,
      );

      expect(attempts.filter((a) => a.refused).map((a) => a.refused)).toEqual([]);
      // Requests were in flight when the server died (each worker had one going).
      expect(unansweredAtKills).toBeGreaterThan(0);
      expect(changedAnswers).toEqual([]);
      expect(missing.map((a) => a.acknowledged!.id)).toEqual([]);
      expect(halfApplied).toBe(0);
      expect(duplicates).toBe(0);
      // Every request sent has exactly one record and one stored answer, whether or not it was
      // acknowledged before its server died.
      expect(found.companies).toHaveLength(attempts.filter((a) => a.kind === 'company').length);
      expect(found.contacts).toHaveLength(attempts.filter((a) => a.kind === 'contact').length);
      const keys = new Set(found.keys.map((row) => String(row.key)));
      expect(attempts.filter((a) => !keys.has(a.key))).toEqual([]);
    },
  );
});
