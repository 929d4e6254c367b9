import path from 'node:path';
import { fail, loadConfigOrFail } from '../cli/command-line';
import { DataDirectoryLockedError } from '../db/client';
import { backup, BackupError, restore, type Target } from './backup';

// npm run backup [-- --out DIR]     npm run restore -- FILE
// The database is the one the server would use: DATABASE_URL, or the embedded one in DATA_DIR.

function optionValue(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

async function main(): Promise<void> {
  const [command, ...args] = process.argv.slice(2);
  const config = loadConfigOrFail();
  const target: Target = config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') };

  if (command === 'backup') {
    const outDir = optionValue(args, '--out') ?? path.join(config.dataDir, 'backups');
    const result = await backup(target, outDir, new Date());
    const tables = Object.values(result.manifest.tables);
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `Backup written: ${path.resolve(result.file)}\n` +
        `Manifest:       ${path.resolve(result.manifestFile)} (${tables.length} tables, ${rows} rows)\n`,
    );
    return;
  }
  if (command === 'restore') {
    const file = args.find((arg) => !arg.startsWith('--'));
    if (!file) fail('Name the backup file: npm run restore -- data/backups/iiw-….dump');
    const result = await restore(target, file);
    if (result.differences.length > 0) {
      const lines = result.differences.map(
        (d) => `  ${d.table}: expected ${d.expected?.rows ?? 'no table'} rows, found ${d.actual?.rows ?? 'no table'}`,
      );
      fail(`The restored database does not match the backup's manifest:\n${lines.join('\n')}`);
    }
    process.stdout.write(
      `Restored and checked: ${result.tables} tables, ${result.rows} rows, every checksum matches.\n`,
    );
    return;
  }
  fail('Usage: npm run backup [-- --out DIR]   |   npm run restore -- FILE');
}

main().catch((error: unknown) => {
  if (error instanceof BackupError || error instanceof DataDirectoryLockedError) fail(error.message);
  throw error;
});
