import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseOptions } from '../db/client';
import { seedDemoData } from '../db/seed';
import { backup, restore, type Target } from './backup';
import type { Manifest } from './manifest';

// The restore drill (docs/quality.md R6): back up a seeded database, restore it elsewhere, and compare
// every table's count and checksum; on the embedded database always, on PostgreSQL when a server
// is configured.

const run = promisify(execFile);
const now = new Date('2026-11-27T10:00:00Z');

async function seeded(options: DatabaseOptions) {
  const database = await openDatabase(options);
  await database.migrate();
  await seedDemoData(database.db, now, randomBytes(32));
  await database.close();
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-backup-'));
}

describe('backup and restore on the embedded database', () => {
  const root = tempDir();
  const source = path.join(root, 'source', 'pglite');
  let manifest: Manifest;
  let file: string;

  beforeAll(async () => {
    await seeded({ kind: 'pglite', dataDir: source });
    const result = await backup({ kind: 'pglite', dataDir: source }, path.join(root, 'backups'), now);
    manifest = result.manifest;
    file = result.file;
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes a manifest that counts the seeded rows', () => {
    expect(manifest.tables['public.companies']!.rows).toBeGreaterThanOrEqual(40);
    expect(manifest.tables['public.contacts']!.rows).toBeGreaterThan(0);
    expect(manifest.lastMigration).not.toBeNull();
  });

  it('restores into an empty directory with every count and checksum equal', async () => {
    const result = await restore({ kind: 'pglite', dataDir: path.join(root, 'restored', 'pglite') }, file);
    expect(result.differences).toEqual([]);
    expect(result.tables).toBe(Object.keys(manifest.tables).length);
    const restored = await openDatabase({ kind: 'pglite', dataDir: path.join(root, 'restored', 'pglite') });
    const companies = await restored.db.query.companies.findMany({ columns: { id: true } });
    await restored.close();
    expect(companies.length).toBe(manifest.tables['public.companies']!.rows);
  });

  it('reports a table whose rows differ from the manifest', async () => {
    const tampered = path.join(root, 'tampered.tar.gz');
    fs.copyFileSync(file, tampered);
    const altered = structuredClone(manifest);
    altered.tables['public.companies']!.rows += 1;
    fs.writeFileSync(`${tampered}.manifest.json`, JSON.stringify(altered));
    const result = await restore({ kind: 'pglite', dataDir: path.join(root, 'tampered', 'pglite') }, tampered);
    expect(result.differences.map((d) => d.table)).toEqual(['public.companies']);
  });

  it('refuses to restore over a directory that holds data', async () => {
    await expect(restore({ kind: 'pglite', dataDir: source }, file)).rejects.toThrow(/not empty/);
  });

  it('refuses a backup of the other kind', async () => {
    await expect(restore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/x' }, file)).rejects.toThrow(
      /pglite backup/,
    );
  });

  it('works through npm run backup and npm run restore', async () => {
    const env = { ...process.env, DATABASE_URL: '', DATA_DIR: path.join(root, 'source') };
    const cli = ['--import', 'tsx', 'src/server/backup/cli.ts'];
    const made = await run(process.execPath, [...cli, 'backup', '--out', path.join(root, 'cli')], { env });
    const written = /Backup written: (\S+)/.exec(made.stdout)![1]!;
    const restored = await run(process.execPath, [...cli, 'restore', written], {
      env: { ...env, DATA_DIR: path.join(root, 'cli-restored') },
    });
    expect(restored.stdout).toMatch(/every checksum matches/);
  });
});

const serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;

describe.skipIf(!serverUrl)('backup and restore on PostgreSQL', () => {
  const root = tempDir();
  const names = [`iiw_test_${randomBytes(6).toString('hex')}`, `iiw_test_${randomBytes(6).toString('hex')}`];
  const urlOf = (name: string) => {
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };

  beforeAll(async () => {
    for (const name of names) await admin(`create database ${name}`);
    await seeded({ kind: 'postgres', url: urlOf(names[0]!) });
  });

  afterAll(async () => {
    for (const name of names) await admin(`drop database if exists ${name} with (force)`);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('restores into a new database with every count and checksum equal', async () => {
    const source: Target = { kind: 'postgres', url: urlOf(names[0]!) };
    const result = await backup(source, root, now);
    expect(result.manifest.tables['public.companies']!.rows).toBeGreaterThanOrEqual(40);
    const restored = await restore({ kind: 'postgres', url: urlOf(names[1]!) }, result.file);
    expect(restored.differences).toEqual([]);
    expect(restored.tables).toBe(Object.keys(result.manifest.tables).length);
    await expect(restore(source, result.file)).rejects.toThrow(/not empty/);
  });
});
