import { resealUnderCurrentKey } from '../modules/auth/key-rotation.service';
import { fail, loadConfigOrFail, openDatabaseOrFail } from './command-line';

// npm run rotate-second-factor-key
// With SECOND_FACTOR_KEY set to the new key and SECOND_FACTOR_KEY_PREVIOUS to the old one (as every
// server process runs while the rotation lasts), reseals every TOTP secret and every one-time link
// waiting in the outbox under the new key. Safe to run beside the servers on PostgreSQL and to run
// again; on the embedded database, with the server stopped. docs/operations.md has the steps.

async function main(): Promise<void> {
  const config = loadConfigOrFail();
  if (!process.env.SECOND_FACTOR_KEY) fail('Set SECOND_FACTOR_KEY to the new key (64 hexadecimal characters).');
  const database = await openDatabaseOrFail(config);
  try {
    await database.migrate();
    const result = await resealUnderCurrentKey(database.db, config.secondFactorKeys);
    process.stdout.write(
      `Resealed under the new key: ${result.secondFactors} second factor(s), ${result.outboxLinks} waiting link(s); ` +
        `${result.alreadyCurrent} already under it.\n`,
    );
    if (result.unopened.length > 0) {
      process.stdout.write(
        `${result.unopened.length} opened with neither key and were left as they are:\n` +
          result.unopened.map((row) => `  ${row}\n`).join(''),
      );
      process.exitCode = 1;
    } else {
      process.stdout.write(
        'Everything is sealed under SECOND_FACTOR_KEY: remove SECOND_FACTOR_KEY_PREVIOUS and restart.\n',
      );
    }
  } finally {
    await database.close();
  }
}

void main();
