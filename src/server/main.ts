import fs from 'node:fs';
import path from 'node:path';
import { buildApp, webRoot } from './app';
import { bundledMaturityModels, syncMaturityModels } from './content/maturity-models';
import { ConfigError, loadConfig, type Config } from './config';
import { DataDirectoryLockedError, openDatabase } from './db/client';
import { demoAccounts, demoAdminTotpSecret, demoPassword, seedDemoData, seedProgramme } from './db/seed';
import { createReminderRunner, type ReminderRunner } from './modules/reminders/reminders.runner';
import { inviteFirstAdmin } from './modules/users/users.service';

// Serves the platform: config, database, migrations, demo seed, then listen. Shuts down
// gracefully on SIGTERM: in-flight requests finish, then the database closes (R8).

const shutdownDeadlineMs = 8000;

function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

function banner(config: Config, databaseKind: string): string {
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    '  Industry In West is running.',
    '',
    `  Open ${url} in your browser.`,
    `  Database: ${databaseKind === 'pglite' ? `embedded PGlite in ${path.resolve(config.dataDir, 'pglite')}` : 'PostgreSQL (DATABASE_URL)'}`,
    `  E-mail:   ${config.smtp ? `SMTP via ${config.smtp.host}` : 'development outbox (Admin → E-postutkorg); nothing is sent'}`,
    `  API:      ${url}/api/docs`,
  ];
  if (config.seedDemoData) {
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

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let database;
  try {
    database = await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
    );
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) fail(error.message);
    throw error;
  }

  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    fail(`Could not apply the database migrations: ${error instanceof Error ? error.message : String(error)}`);
  }
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

  const { app, ctx } = await buildApp({ config, database });
  const firstAdminLink = config.adminEmail ? await inviteFirstAdmin(ctx, config.adminEmail) : undefined;

  // The job runner (reminders) works inside the same database; JOBS_ENABLED=false turns it off.
  let runner: ReminderRunner | undefined;
  if (config.jobsEnabled) {
    runner = createReminderRunner(ctx, {
      hasWorkers: true,
      onError: (error) => app.log.error({ err: error }, 'job runner error'),
    });
    await runner.start();
  }

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
  process.stdout.write(banner(config, database.kind));
  if (firstAdminLink) {
    // The operator's terminal, not the log: the one way in on a new installation without SMTP.
    process.stdout.write(
      `\n  First admin invited: ${config.adminEmail}\n  ${config.smtp ? 'The invitation was e-mailed.' : `Open: ${firstAdminLink}`}\n\n`,
    );
  }
}

void main();
