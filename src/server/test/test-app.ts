import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp, type RegisteredRoute } from '../app';
import { loadConfig } from '../config';
import type { AppContext } from '../context';
import { migrationsFolder, openDatabase, type Database } from '../db/client';
import { eq } from 'drizzle-orm';
import { secondFactors } from '../db/schema';
import { demoAccounts, demoAdminTotpSecret, demoIds, demoPassword, seedDemoData } from '../db/seed';
import { totpCodeAt } from '../modules/auth/totp';
import { latestLinkTokenTo } from './mailbox';

// Every test file gets its own real database: PGlite in memory by default, or a fresh database
// on the PostgreSQL server named by TEST_DATABASE_URL / DATABASE_URL (dropped afterwards).

/** The actors of the access matrix (docs/quality.md S1). "Own" means the tenant of the target record. */
export const actors = ['anonymous', 'admin', 'coachOwn', 'coachOther', 'companyOwn', 'companyOther'] as const;
export type ActorName = (typeof actors)[number];

const actorEmails: Record<Exclude<ActorName, 'anonymous'>, string> = {
  admin: demoAccounts.find((a) => a.id === demoIds.users.admin)!.email,
  coachOwn: demoAccounts.find((a) => a.id === demoIds.users.coachIdc)!.email,
  coachOther: demoAccounts.find((a) => a.id === demoIds.users.coachIucVast)!.email,
  companyOwn: demoAccounts.find((a) => a.id === demoIds.users.companyFirst)!.email,
  companyOther: demoAccounts.find((a) => a.id === demoIds.users.companySecond)!.email,
};

/** The records the matrix's "own" actors own: company `first` of organisation IDC. */
export const fixtures = {
  ownOrganisationId: demoIds.organisations.idc,
  otherOrganisationId: demoIds.organisations.iucVast,
  ownCompanyId: demoIds.companies.first,
  otherCompanyId: demoIds.companies.second,
  ownCompanyUserId: demoIds.users.companyFirst,
  ownCoachId: demoIds.users.coachIdc,
  adminId: demoIds.users.admin,
  password: demoPassword,
  emails: actorEmails,
};

export type TestApp = {
  app: FastifyInstance;
  ctx: AppContext;
  database: Database;
  clock: { now: Date };
  routes: RegisteredRoute[];
  /** Where e-mail is delivered (no SMTP in tests): read it with `readMailbox`/`latestLinkTokenTo`. */
  mailboxDir: string;
  /** The token of the one-time link in the latest e-mail the recipient got. */
  latestLinkTokenTo: (recipient: string) => string;
  /** Signs in and returns the Cookie header value. */
  login: (actor: ActorName, options?: { isFresh?: boolean }) => Promise<string>;
  close: () => Promise<void>;
};

const serverUrl = () => process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
const persistentDataDir = (name: string) => path.join(os.tmpdir(), `iiw-test-${name}`);

/** Drops a database opened with `persistent` (a restart test's last step). */
export async function dropPersistentDatabase(name: string): Promise<void> {
  const url = serverUrl();
  if (!url) {
    fs.rmSync(persistentDataDir(name), { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`drop database if exists iiw_test_${name} with (force)`);
  await client.end();
}

/**
 * Every file's fresh database starts as a copy of one migrated and seeded database, named after
 * everything the migrations and the seed read (the migrations, the database code with the seed, the
 * core, the contracts, the content) and the day. PGlite: a dump in the temp folder; migrating and
 * seeding each in WebAssembly took 5 s idle and over 10 s on a busy machine, a copy about one.
 * PostgreSQL: a template database that CREATE DATABASE copies. A change to any of those inputs makes
 * a new copy. A file that changes the seed's key (SECOND_FACTOR_KEY) or keeps its database
 * (`persistent`) starts empty as before.
 */
const seedInputsHash = (() => {
  let digest: string | undefined;
  const sourceRoot = path.join(import.meta.dirname, '..', '..');
  const seedInputs = [
    migrationsFolder,
    path.join(sourceRoot, 'server', 'db'),
    path.join(sourceRoot, 'server', 'content'),
    path.join(sourceRoot, 'core'),
    path.join(sourceRoot, 'contracts'),
    path.join(sourceRoot, '..', 'content'),
  ];
  return () => {
    if (digest) return digest;
    const hash = createHash('sha256');
    for (const folder of seedInputs) {
      for (const name of fs.readdirSync(folder, { recursive: true }).map(String).sort()) {
        const full = path.join(folder, name);
        if (!name.endsWith('.test.ts') && fs.statSync(full).isFile()) hash.update(full).update(fs.readFileSync(full));
      }
    }
    hash.update(new Date().toISOString().slice(0, 10));
    digest = hash.digest('hex').slice(0, 16);
    return digest;
  };
})();

const pgliteTemplate = () => path.join(os.tmpdir(), `iiw-test-template-${seedInputsHash()}.tar`);

/** The config every test app starts from; a file's `env` adds to it. */
const testConfig = (mailboxDir: string, env?: Record<string, string>) =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO_DATA: 'false', MAILBOX_DIR: mailboxDir, ...env });

/**
 * The server's migrated and seeded template database, made by the first file that needs it while
 * the others wait on an advisory lock. It is built under another name and renamed when complete, so
 * a file never copies half of one; templates of other days or sources are left for their own runs.
 */
async function postgresTemplate(admin: pg.Client, url: string): Promise<string> {
  const name = `iiw_test_template_${seedInputsHash()}`;
  await admin.query('select pg_advisory_lock(727002)');
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_building`;
      await admin.query(`drop database if exists ${building} with (force)`);
      await admin.query(`create database ${building}`);
      const buildingUrl = new URL(url);
      buildingUrl.pathname = `/${building}`;
      const database = await openDatabase({ kind: 'postgres', url: buildingUrl.toString(), poolSize: 2 });
      try {
        await database.migrate();
        await seedDemoData(database.db, new Date(), testConfig(os.tmpdir()).secondFactorKey);
      } finally {
        await database.close();
      }
      await admin.query(`alter database ${building} rename to ${name}`);
    }
  } finally {
    await admin.query('select pg_advisory_unlock(727002)');
  }
  return name;
}

/** A fresh database, or with `persistent` one that outlives the app: a PGlite data directory in
 * the temp folder, or a named database on the server, so a second app can open it again. */
async function openTestDatabase(
  persistent?: string,
  fromTemplate = false,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  const url = serverUrl();
  if (!url) {
    const template = fromTemplate && !persistent && fs.existsSync(pgliteTemplate()) ? pgliteTemplate() : undefined;
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: persistent ? persistentDataDir(persistent) : null,
      ...(template && { loadDataDir: new Blob([fs.readFileSync(template)]) }),
    });
    return { database, drop: async () => {} };
  }
  const name = `iiw_test_${persistent ?? randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) {
    const template = fromTemplate && !persistent ? await postgresTemplate(admin, url) : undefined;
    await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
  }
  await admin.end();
  const databaseUrl = new URL(url);
  databaseUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: databaseUrl.toString(), poolSize: 4 });
  return {
    database,
    drop: async () => {
      if (persistent) return;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export async function createTestApp(
  options: {
    env?: Record<string, string>;
    logStream?: { write: (line: string) => void };
    /** A name: the database survives close() and the next app with the name opens it again. */
    persistent?: string;
  } = {},
): Promise<TestApp> {
  const usesTemplate = !options.persistent && options.env?.SECOND_FACTOR_KEY === undefined;
  const { database, drop } = await openTestDatabase(options.persistent, usesTemplate);
  await database.migrate();
  const mailboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-mailbox-'));
  const config = testConfig(mailboxDir, options.env);
  const seeded = await seedDemoData(database.db, new Date(), config.secondFactorKey);
  if (usesTemplate && seeded === 'seeded' && database.dumpDataDir) {
    // The first file of the day to get here leaves the copy for the others; written aside and
    // renamed, so a file reading it never sees half of it.
    const partial = `${pgliteTemplate()}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(partial, Buffer.from(await (await database.dumpDataDir()).arrayBuffer()));
    fs.renameSync(partial, pgliteTemplate());
  }
  const clock = { now: new Date() };
  const routes: RegisteredRoute[] = [];
  const { app, ctx } = await buildApp({
    config,
    database,
    now: () => clock.now,
    onRoute: (route) => routes.push(route),
    ...(options.logStream && { logStream: options.logStream }),
  });
  await app.ready();
  const cookies = new Map<ActorName, string>();
  // Each helper sign-in comes from an address of its own: the sign-in throttle counts attempts per
  // address and account a minute (decision 029), and tests that move the clock sign in afresh many
  // times a minute. The throttle's own tests sign in through the routes, not through this helper.
  let signIns = 0;
  const nextAddress = () => {
    signIns += 1;
    return `10.254.${(signIns >> 8) & 255}.${signIns & 255}`;
  };
  return {
    app,
    ctx,
    database,
    clock,
    routes,
    mailboxDir,
    latestLinkTokenTo: (recipient) => latestLinkTokenTo(mailboxDir, recipient),
    login: async (actor, loginOptions) => {
      if (actor === 'anonymous') return '';
      const cached = loginOptions?.isFresh ? undefined : cookies.get(actor);
      if (cached) return cached;
      const remoteAddress = nextAddress();
      let response = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress,
        payload: { email: actorEmails[actor], password: demoPassword },
      });
      if (response.statusCode === 202 && actor === 'admin') {
        // The demo admin signs in with its second factor. The test clock stands still, so every
        // sign-in would show the same code, which the replay guard refuses the second time: the
        // helper forgets the last used code (the second-factor tests prove the guard itself).
        await database.db
          .update(secondFactors)
          .set({ lastUsedStep: null })
          .where(eq(secondFactors.userId, demoIds.users.admin));
        response = await app.inject({
          method: 'POST',
          url: '/api/auth/second-factor/verify',
          remoteAddress,
          headers: { cookie: response.cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
          payload: { code: totpCodeAt(demoAdminTotpSecret, clock.now) },
        });
      }
      if (response.statusCode !== 200)
        throw new Error(`login as ${actor} failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
      if (!loginOptions?.isFresh) cookies.set(actor, cookie);
      return cookie;
    },
    close: async () => {
      await app.close();
      await database.close();
      await drop();
      fs.rmSync(mailboxDir, { recursive: true, force: true });
    },
  };
}

/** The file's test app, made before its tests and closed after them: call it inside a test. */
export function useTestApp(): () => TestApp {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });
  return () => {
    if (!t) throw new Error('The test app is made in beforeAll: call this inside a test');
    return t;
  };
}
