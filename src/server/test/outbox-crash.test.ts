import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts, demoIds } from '../db/seed';
import { mailText, startSmtpServer, type ReceivedMail, type TestSmtpServer } from './smtp-server';
import { createServerDatabase, freePort, runEntryPoint, untilRunning, type EntryPointRun } from './entry-point';

// The transactional outbox across a crash (issue 14, decision 036). The real server writes three
// password-reset e-mails and starts delivering them to an SMTP server that takes the first
// message's text and never answers it; the server is killed with SIGKILL in that moment, between
// the commit and the delivery. A new process on the same data, with the SMTP server now
// answering, delivers every message exactly once, with its one-time link, and the link works.
// On PGlite in a temporary data directory, and on PostgreSQL in a throw-away database when
// TEST_DATABASE_URL or DATABASE_URL is set.

const engine = (process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL) ? 'postgres' : 'pglite';
const metricsToken = randomBytes(24).toString('hex');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-outbox-crash-'));
let database: Awaited<ReturnType<typeof createServerDatabase>>;
const children: ChildProcess[] = [];

/** What the SMTP server took and answered 250 to, and whether it answers at all. */
const accepted: ReceivedMail[] = [];
let stalled = 0;
let isAnswering = false;
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer((mail) => {
    // Not answering: the client has sent the text and waits for the 250 that never comes.
    if (!isAnswering) {
      stalled += 1;
      return 'hang';
    }
    accepted.push(mail);
    return 'accept';
  });
  database = await createServerDatabase('iiw_outbox');
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  await smtp.close();
  await database?.drop();
});

type Server = EntryPointRun & { base: string };

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const server = runEntryPoint(['src/server/main.ts'], {
    DATABASE_URL: database?.url ?? '',
    TEST_DATABASE_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    SHUTDOWN_DRAIN_MS: '0',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    METRICS_TOKEN: metricsToken,
    ...env,
  });
  children.push(server.child);
  await untilRunning(server);
  return { ...server, base: `http://127.0.0.1:${port}` };
}

/** The outbox's undelivered messages waiting for an attempt, from the metrics (a read writes no e-mail). */
async function waitingMessages(base: string): Promise<number> {
  const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = await response.text();
  return Number(/iiw_outbox_undelivered_messages\{state="waiting"\} (\d+)/.exec(text)?.[1] ?? 0);
}

async function until(condition: () => Promise<boolean> | boolean): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 100));
}

const recipients = [demoIds.users.coachIdc, demoIds.users.coachIucVast, demoIds.users.companyFirst].map(
  (id) => demoAccounts.find((a) => a.id === id)!.email,
);

describe(`the outbox across a crash on ${engine} (issue 14, decision 036)`, () => {
  it(
    'loses no e-mail written before a SIGKILL mid-delivery, and sends each once after the restart',
    { timeout: 480_000 },
    async () => {
      // First life: no jobs, so only the requests deliver; the SMTP server takes the text and hangs.
      const first = await startServer({ JOBS_ENABLED: 'false' });
      const cut = recipients.map((email) =>
        fetch(`${first.base}/api/auth/password-reset/request`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email }),
        }).catch(() => 'cut' as const),
      );
      // Every message is committed, and the first is in the middle of its SMTP conversation.
      await until(async () => stalled === 1 && (await waitingMessages(first.base)) === recipients.length);
      first.child.kill('SIGKILL');
      await first.exited;
      expect(await Promise.all(cut)).toEqual(recipients.map(() => 'cut'));
      expect(accepted).toEqual([]);

      // Second life: the SMTP server answers, and the start's delivery job sends what was left.
      isAnswering = true;
      const second = await startServer({ JOBS_ENABLED: 'true' });
      await until(async () => (await waitingMessages(second.base)) === 0);
      const resets = accepted.filter((m) => /reset-password\?token=/.test(mailText(m.data)));
      expect(resets.map((m) => m.to.join(',')).sort()).toEqual([...recipients].sort());
      // Each message once, however many passes and jobs ran.
      const ids = resets.map((m) => /^Message-ID: (.+)$/im.exec(m.data)?.[1]);
      expect(new Set(ids).size).toBe(recipients.length);

      // The one-time link survived the crash sealed, and works once delivered.
      const token = /reset-password\?token=([\w-]+)/.exec(mailText(resets[0]!.data))![1]!;
      const reset = await fetch(`${second.base}/api/auth/password-reset/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: 'ett nytt långt lösenord efter kraschen' }),
      });
      expect(reset.status, await reset.text()).toBe(204);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
      console.log(
        `outbox crash (${engine}): ${recipients.length} written, 1 cut mid-SMTP by SIGKILL, ` +
          `${resets.length} delivered after the restart, ${new Set(ids).size} distinct`,
      );
    },
  );
});
