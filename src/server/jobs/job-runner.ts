import PgBoss from 'pg-boss';
import { programmeTimeZone } from '../../core/calendar';
import type { AppContext } from '../context';
import { emailReminder, scanReminders } from '../modules/reminders/reminders.service';
import { cleanUpExpired } from './cleanup';

// The job runner: pg-boss keeps its queues in the application's own database (schema `pgboss`),
// on PostgreSQL through its own small pool, on the embedded PGlite through the in-process
// `executeSql` of db/client.ts, so PGlite runs its jobs in the server's own process. Nothing
// else is needed to run jobs, and with several processes each job runs in one of them.
//
// Queues:
// - `reminders-scan` (every morning at 06:00 Stockholm time and once at every start) writes the
//   reminders and queues one `reminder-email` job per reminder still to e-mail. A job is at least
//   once; the e-mail is at most once (emailReminder), so together: exactly once, across crashes
//   and restarts (docs/decisions/015).
// - `cleanup` (every hour) deletes expired sessions and idempotency keys (cleanup.ts).
// - `mail-delivery` (every minute and once at every start) delivers the outbox's due e-mail:
//   retries after failures, and what a crash left between commit and delivery (decision 036).

export const scanQueue = 'reminders-scan';
export const emailQueue = 'reminder-email';
export const cleanupQueue = 'cleanup';
export const mailQueue = 'mail-delivery';
/** Every minute: the first retry of a failed e-mail waits one (mailer.ts retryDelaysMinutes). */
export const mailSchedule = '* * * * *';
/** Every morning at six, Swedish time. */
export const scanSchedule = '0 6 * * *';
/** Every hour, off the full hour when other installations' jobs crowd a shared server. */
export const cleanupSchedule = '23 * * * *';

export type JobRunner = {
  start: () => Promise<void>;
  /** Graceful: running handlers finish; jobs not finished are retried by the next process. */
  stop: (options?: { graceful?: boolean }) => Promise<void>;
  /** Runs the queued jobs here and now until every queue is empty (tests, and a runner without
   * workers). Answers how many jobs ran; `limit` stops early, as a crash would. */
  runQueued: (options?: { limit?: number }) => Promise<number>;
};

export type RunnerOptions = {
  /** Poll the queues and run the schedules (the server); off, jobs run only via runQueued. */
  hasWorkers: boolean;
  onError?: (error: unknown) => void;
};

type EmailJob = { reminderId: string };

function connectionOptions(ctx: AppContext): PgBoss.ConstructorOptions {
  const connection = ctx.database.jobConnection;
  return connection.kind === 'postgres'
    ? { connectionString: connection.connectionString, max: 2 }
    : { db: { executeSql: (text, values) => connection.executeSql(text, values) } };
}

export function createJobRunner(ctx: AppContext, options: RunnerOptions): JobRunner {
  const boss = new PgBoss({
    ...connectionOptions(ctx),
    schedule: options.hasWorkers,
    supervise: options.hasWorkers,
  });
  boss.on('error', (error) => options.onError?.(error));

  const handleScan = async () => {
    const { toEmail } = await scanReminders(ctx);
    if (toEmail.length > 0) {
      await boss.insert(toEmail.map((reminderId) => ({ name: emailQueue, data: { reminderId } satisfies EmailJob })));
    }
  };
  const handleEmails = async (jobs: PgBoss.Job<EmailJob>[]) => {
    for (const job of jobs) await emailReminder(ctx, job.data.reminderId);
    await ctx.mailer.deliverDue(ctx.now());
  };
  const handleMail = async () => {
    await ctx.mailer.deliverDue(ctx.now());
  };
  const handleCleanup = async () => {
    await cleanUpExpired(ctx);
  };
  /** The queues in the order runQueued empties them. */
  const handlers: Record<string, (jobs: PgBoss.Job<EmailJob>[]) => Promise<void>> = {
    [scanQueue]: handleScan,
    [emailQueue]: handleEmails,
    [cleanupQueue]: handleCleanup,
    [mailQueue]: handleMail,
  };

  const runOne = async (name: string): Promise<boolean> => {
    const [job] = await boss.fetch<EmailJob>(name, { batchSize: 1 });
    if (!job) return false;
    try {
      await handlers[name]!([job]);
      await boss.complete(name, job.id);
    } catch (error) {
      await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    return true;
  };
  const runAny = async (): Promise<boolean> => {
    for (const name of Object.keys(handlers)) if (await runOne(name)) return true;
    return false;
  };

  return {
    start: async () => {
      await boss.start();
      await boss.createQueue(scanQueue, { name: scanQueue, retryLimit: 3, retryDelay: 60 });
      await boss.createQueue(emailQueue, { name: emailQueue, retryLimit: 5, retryDelay: 60, retryBackoff: true });
      await boss.createQueue(cleanupQueue, { name: cleanupQueue, retryLimit: 2, retryDelay: 300 });
      // The messages keep their own attempts and back-off; a job that fails waits for the next minute.
      await boss.createQueue(mailQueue, { name: mailQueue, retryLimit: 0 });
      if (options.hasWorkers) {
        await boss.work(scanQueue, { pollingIntervalSeconds: 10 }, handleScan);
        await boss.work<EmailJob>(emailQueue, { pollingIntervalSeconds: 5, batchSize: 10 }, handleEmails);
        await boss.work(cleanupQueue, { pollingIntervalSeconds: 60 }, handleCleanup);
        await boss.work(mailQueue, { pollingIntervalSeconds: 10 }, handleMail);
        await boss.schedule(scanQueue, scanSchedule, {}, { tz: programmeTimeZone });
        await boss.schedule(cleanupQueue, cleanupSchedule, {}, { tz: programmeTimeZone });
        await boss.schedule(mailQueue, mailSchedule, {}, { tz: programmeTimeZone });
      }
      // A scan and a delivery at every start: what fell due or was left undelivered while the
      // process was down goes now.
      await boss.send(scanQueue, {});
      await boss.send(mailQueue, {});
    },
    stop: async (stopOptions) => {
      await boss.stop({ graceful: stopOptions?.graceful ?? true, wait: true, timeout: 5000 });
    },
    runQueued: async (runOptions) => {
      let ran = 0;
      const limit = runOptions?.limit ?? Number.POSITIVE_INFINITY;
      while (ran < limit && (await runAny())) ran += 1;
      return ran;
    },
  };
}
