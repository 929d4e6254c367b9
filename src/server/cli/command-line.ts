import path from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config';
import { DataDirectoryLockedError, openDatabase, type Database } from '../db/client';

// What every command of the platform (the server, backup, the credential revocation) does first:
// read the configuration and open its database, ending the process with a plain message when
// either fails, since an operator reads it in a terminal, not a log.

/** Writes the message to stderr and ends the process with status 1. */
export function fail(message: string): never {
  process.stderr.write(`\n${message}\n\n`);
  process.exit(1);
}

/** The configuration, or the end of the process naming every bad variable. */
export function loadConfigOrFail(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** The database the configuration names: DATABASE_URL, or the embedded one in DATA_DIR. */
export async function openDatabaseOrFail(config: Config): Promise<Database> {
  try {
    return await openDatabase(
      config.databaseUrl
        ? { kind: 'postgres', url: config.databaseUrl }
        : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
    );
  } catch (error) {
    if (error instanceof DataDirectoryLockedError) fail(error.message);
    throw error;
  }
}
