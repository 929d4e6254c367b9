import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import pg from 'pg';
import { lockDataDirectory } from '../db/client';
import { buildManifest, compareTables, summariseTables, type Manifest, type ManifestDifference } from './manifest';

// Backup and restore of either database (docs/quality.md R6, docs/decisions/017-backup-and-restore.md).
// PostgreSQL: pg_dump in the custom format, online, in one exported snapshot shared with the
// manifest. PGlite: its own data-directory tarball, offline, because the embedded database has
// exactly one process and the running server holds it.

export type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export class BackupError extends Error {}

export type BackupResult = { file: string; manifestFile: string; manifest: Manifest };

export type RestoreResult = { tables: number; rows: number; differences: ManifestDifference[] };

const manifestPathOf = (file: string) => `${file}.manifest.json`;

function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
}

export async function backup(target: Target, outDir: string, now: Date): Promise<BackupResult> {
  fs.mkdirSync(outDir, { recursive: true });
  const base = path.join(outDir, `iiw-${target.kind}-${stamp(now)}`);
  const result =
    target.kind === 'postgres'
      ? await backupPostgres(target.url, `${base}.dump`, now)
      : await backupPglite(target.dataDir, `${base}.tar.gz`, now);
  const manifestFile = manifestPathOf(result.file);
  fs.writeFileSync(manifestFile, `${JSON.stringify(result.manifest, null, 2)}\n`);
  return { ...result, manifestFile };
}

export async function restore(target: Target, file: string): Promise<RestoreResult> {
  if (!fs.existsSync(file)) throw new BackupError(`No backup file at ${path.resolve(file)}.`);
  const manifestFile = manifestPathOf(file);
  if (!fs.existsSync(manifestFile)) {
    throw new BackupError(
      `The manifest ${path.resolve(manifestFile)} is missing: a restore cannot be checked without it.`,
    );
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  if (manifest.kind !== target.kind) {
    throw new BackupError(
      `This is a ${manifest.kind} backup; the configured database is ${target.kind}. ` +
        (target.kind === 'postgres'
          ? 'Unset DATABASE_URL to restore into the embedded database.'
          : 'Set DATABASE_URL to restore into PostgreSQL.'),
    );
  }
  const actual =
    target.kind === 'postgres' ? await restorePostgres(target.url, file) : await restorePglite(target.dataDir, file);
  const summaries = Object.values(actual);
  return {
    tables: summaries.length,
    rows: summaries.reduce((sum, table) => sum + table.rows, 0),
    differences: compareTables(manifest.tables, actual),
  };
}

async function backupPostgres(url: string, file: string, now: Date): Promise<Omit<BackupResult, 'manifestFile'>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The manifest and pg_dump read the same snapshot, so writes during the backup can't make
    // them disagree.
    await client.query('begin isolation level repeatable read read only');
    const { rows } = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const run = async (text: string) => (await client.query(text)).rows as Record<string, unknown>[];
    const manifest = await buildManifest(run, 'postgres', now);
    await runTool('pg_dump', [
      '--format=custom',
      '--no-owner',
      `--snapshot=${rows[0]!.id}`,
      `--file=${file}`,
      `--dbname=${url}`,
    ]);
    await client.query('commit');
    return { file, manifest };
  } finally {
    await client.end();
  }
}

async function restorePostgres(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: string }>(
      `select count(*) as tables from information_schema.tables
        where table_schema not in ('pg_catalog', 'information_schema')`,
    );
    if (Number(rows[0]!.tables) > 0) {
      throw new BackupError(
        'The target database is not empty. Restore into a new database (createdb <name>) and point DATABASE_URL at it.',
      );
    }
    await runTool('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${url}`, file]);
    return await summariseTables(async (text) => (await client.query(text)).rows as Record<string, unknown>[]);
  } finally {
    await client.end();
  }
}

async function openPglite(dataDir: string, loadDataDir?: Blob) {
  // Taking our lock first: a running server on this directory makes this fail with a clear message.
  const release = lockDataDirectory(dataDir);
  try {
    const client = await PGlite.create({ dataDir, extensions: { pg_trgm }, ...(loadDataDir && { loadDataDir }) });
    const run = async (text: string) => (await client.query<Record<string, unknown>>(text)).rows;
    return {
      client,
      run,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function backupPglite(dataDir: string, file: string, now: Date): Promise<Omit<BackupResult, 'manifestFile'>> {
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`No embedded database at ${path.resolve(dataDir)}.`);
  }
  const database = await openPglite(dataDir);
  try {
    const manifest = await buildManifest(database.run, 'pglite', now);
    const tarball = await database.client.dumpDataDir('gzip');
    fs.writeFileSync(file, Buffer.from(await tarball.arrayBuffer()));
    return { file, manifest };
  } finally {
    await database.close();
  }
}

async function restorePglite(dataDir: string, file: string) {
  const isEmpty = !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  if (!isEmpty) {
    throw new BackupError(
      `The data directory ${path.resolve(dataDir)} is not empty. Stop the server and move it aside (or set DATA_DIR to a new directory) first.`,
    );
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const database = await openPglite(dataDir, new Blob([fs.readFileSync(file)]));
  try {
    return await summariseTables(database.run);
  } finally {
    await database.close();
  }
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found: install the PostgreSQL client tools (Debian: apt install postgresql-client).`,
            )
          : error,
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
