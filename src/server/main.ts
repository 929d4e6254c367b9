import fs from 'node:fs';
import path from 'node:path';
import { buildApp, webRoot } from './app';
import { prepareDrawing } from './http/pages';
import { bundledMaturityModels, syncMaturityModels } from './content/maturity-models';
import { fail, loadConfigOrFail, openDatabaseOrFail } from './cli/command-line';
import type { Config } from './config';
import { demoAccounts, demoAdminTotpSecret, demoPassword, seedDemoData, seedProgramme } from './db/seed';
import {
  findPublishedCredentialHolders,
  type PublishedCredentialHolder,
} from './modules/auth/published-credentials.service';
import { createJobRunner, type JobRunner } from './jobs/job-runner';
import { inviteFirstAdmin } from './modules/users/users.service';

// Serves the platform: config, database, migrations, demo seed, then listen. Shuts down
// gracefully on SIGTERM: in-flight requests finish, then the database closes (R8).

const shutdownDeadlineMs = 8000;

function banner(config: Config, databaseKind: string): string {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '  Industry In West is running.',
    '',
    `  Open ${url} in your browser.`,
    `  Database: ${databaseKind === 'pglite' ? `embedded PGlite in ${path.resolve(config.dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  E-mail:   ${
      config.smtp
        ? `SMTP via ${config.smtp.host}`
        : config.mailboxDir
          ? `not sent: each message is a file in ${path.resolve(config.mailboxDir)} (links included)`
          : 'not sent and not written anywhere (set SMTP_HOST): invitations and reset links reach nobody'
    }`,
    `  API:      ${url}/api/docs`,
  ];
  if (config.seedDemoData && config.env === 'production') {
    // A public demo site may ask for demo data in production; its banner names no credential.
    lines.push(
      '',
      '  Demo data is on (SEED_DEMO_DATA=true): the demo accounts sign in with the credentials the',
      '  README publishes. Never run a real installation like this.',
    );
  } else if (config.seedDemoData) {
    lines.push('', `  Demo accounts (password for all: ${demoPassword}):`);
    for (const account of demoAccounts) lines.push(`    ${account.role.padEnd(8)} ${account.email}`);
    lines.push(
      `  The demo admin signs in with a code from an authenticator app too: add the TOTP secret`,
      `    ${demoAdminTotpSecret}   (demo data only; every admin needs a second factor)`,
    );
  }
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) {
    lines.push('', '  The web app is not built: run `npm run build`.');
  }
  return `${lines.join('\n')}\n`;
}

function publishedCredentialsMessage(holders: PublishedCredentialHolder[]): string {
  const credential = { password: 'the demo password', second_factor: 'the demo second-factor secret' } as const;
  return [
    'Refusing to start in production: these accounts sign in with credentials published in the README:',
    ...holders.map((h) => `  ${h.email} (${h.role}): ${h.credentials.map((c) => credential[c]).join(' and ')}`),
    '',
    'A real installation starts from an empty database (SEED_DEMO_DATA is off in production). To keep',
    'this database, deactivate those accounts with `npm run revoke-published-credentials`, then set',
    'ADMIN_EMAIL to invite a new admin at the next start. A demo site may set SEED_DEMO_DATA=true.',
  ].join('\n');
}

/** Milliseconds since the process started, at the end of each step of the start; logged once the
 * server listens, so an operator sees where a slow start spends its time (docs/operations.md). */
const startPhases: Record<string, number> = {};
const phaseDone = (name: string) => void (startPhases[name] = Math.round(performance.now()));

async function main(): Promise<void> {
  phaseDone('modulesLoaded');
  const config = loadConfigOrFail();
  const database = await openDatabaseOrFail(config);
  phaseDone('databaseOpen');

  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    fail(`Could not apply the database migrations: ${error instanceof Error ? error.message : String(error)}`);
  }
  phaseDone('migrated');
  // The programme and its partners always; demo people and companies when demo data is on.
  await seedProgramme(database.db);
  try {
    // Content first: a bad or changed model file stops the start, naming the file (decision 013).
    await syncMaturityModels(database.db, bundledMaturityModels());
  } catch (error) {
    await database.close();
    fail(error instanceof Error ? error.message : String(error));
  }
  if (config.seedDemoData) await seedDemoData(database.db, new Date(), config.secondFactorKey);
  phaseDone('seeded');
  if (config.env === 'production' && !config.seedDemoData) {
    // The published demo credentials open any account that still holds them (decision 023).
    const holders = await findPublishedCredentialHolders(database.db, config.secondFactorKeys, new Date());
    if (holders.length > 0) {
      await database.close();
      fail(publishedCredentialsMessage(holders));
    }
  }

  phaseDone('credentialsChecked');
  const { app, ctx } = await buildApp({ config, database });
  phaseDone('appBuilt');
  const firstAdminLink = config.adminEmail ? await inviteFirstAdmin(ctx, config.adminEmail) : undefined;

  // The job runner (reminders, cleanup) works inside the same database; JOBS_ENABLED=false turns it off.
  // It starts before the server listens: on PGlite its first start (the pgboss schema) would
  // otherwise hold the one connection while the first requests wait.
  let runner: JobRunner | undefined;
  if (config.jobsEnabled) {
    runner = createJobRunner(ctx, {
      hasWorkers: true,
      onError: (error) => app.log.error({ err: error }, 'job runner error'),
    });
    await runner.start();
  }
  phaseDone('jobsStarted');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, shutdownDeadlineMs);
    force.unref();
    try {
      // Keep serving while reported not ready, so a load balancer moves traffic away and no
      // connection already waiting in the accept queue is reset when the listener closes.
      ctx.lifecycle.isDraining = true;
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
      await app.close();
      // Running jobs finish; unfinished ones stay queued for the next start.
      await runner?.stop();
      await database.close();
      process.exit(0);
    } catch (error) {
      app.log.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await database.close();
    fail(
      `Could not listen on port ${config.port}: ${error instanceof Error ? error.message : String(error)}. Set PORT to another port.`,
    );
  }
  phaseDone('listening');
  app.log.info({ msSinceProcessStart: startPhases }, 'started');
  process.stdout.write(banner(config, database.kind));
  // After listening, so /readyz answers meanwhile: the first signed-in page then does not wait for it.
  prepareDrawing().catch((error: unknown) => app.log.warn({ err: error }, 'the page renderer could not be loaded'));

  if (firstAdminLink) {
    // The operator's terminal, not the log: the one way in on a new installation without SMTP.
    process.stdout.write(
      `\n  First admin invited: ${config.adminEmail}\n  ${config.smtp ? 'The invitation was e-mailed.' : `Open: ${firstAdminLink}`}\n\n`,
    );
  }
}

void main();
