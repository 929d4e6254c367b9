import PgBoss from 'pg-boss';
import { programmeTimeZone } from '../../../core/calendar';
import type { AppContext } from '../../context';
import { emailReminder, scanReminders } from './reminders.service';

// The job runner: pg-boss keeps its queues in the application's own database (schema `pgboss`),
// on PostgreSQL through its own small pool, on the embedded PGlite through the in-process
// `executeSql` of db/client.ts. Nothing else is needed to run jobs (DESIGN.md "Data").
//
// Two queues: `reminders-scan` (every morning at 06:00 Stockholm time and once at every start)
// writes the reminders and queues one `reminder-email` job per reminder still to e-mail. A job is
// at least once; the e-mail is at most once (emailReminder), so together: exactly once, across
// crashes and restarts (docs/decisions/015).

export const scanQueue = 'reminders-scan';
export const emailQueue = 'reminder-email';
/** Every morning at six, Swedish time. */
export const scanSchedule = '0 6 * * *';

export type ReminderRunner = {
  start: () => Promise<void>;
  /** Graceful: running handlers finish; jobs not finished are retried by the next process. */
  stop: (options?: { graceful?: boolean }) => Promise<void>;
  /** Runs the queued jobs here and now until both queues are empty (tests, and a runner without
   * workers). Answers how many jobs ran; `limit` stops early, as a crash would. */
  runQueued: (options?: { limit?: number }) => Promise<number>;
};

export type RunnerOptions = {
  /** Poll the queues and run the daily schedule (the server); off, jobs run only via runQueued. */
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

export function createReminderRunner(ctx: AppContext, options: RunnerOptions): ReminderRunner {
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
  };

  const runOne = async (name: string): Promise<boolean> => {
    const [job] = await boss.fetch<EmailJob>(name, { batchSize: 1 });
    if (!job) return false;
    try {
      if (name === scanQueue) await handleScan();
      else await handleEmails([job]);
      await boss.complete(name, job.id);
    } catch (error) {
      await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    return true;
  };

  return {
    start: async () => {
      await boss.start();
      await boss.createQueue(scanQueue, { name: scanQueue, retryLimit: 3, retryDelay: 60 });
      await boss.createQueue(emailQueue, { name: emailQueue, retryLimit: 5, retryDelay: 60, retryBackoff: true });
      if (options.hasWorkers) {
        await boss.work(scanQueue, { pollingIntervalSeconds: 10 }, handleScan);
        await boss.work<EmailJob>(emailQueue, { pollingIntervalSeconds: 5, batchSize: 10 }, handleEmails);
        await boss.schedule(scanQueue, scanSchedule, {}, { tz: programmeTimeZone });
      }
      // A scan at every start: what fell due while the process was down is found now.
      await boss.send(scanQueue, {});
    },
    stop: async (stopOptions) => {
      await boss.stop({ graceful: stopOptions?.graceful ?? true, wait: true, timeout: 5000 });
    },
    runQueued: async (runOptions) => {
      let ran = 0;
      const limit = runOptions?.limit ?? Number.POSITIVE_INFINITY;
      while (ran < limit && ((await runOne(scanQueue)) || (await runOne(emailQueue)))) ran += 1;
      return ran;
    },
  };
}
