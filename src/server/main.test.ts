import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, runEntryPoint } from './test/entry-point';
import { demoAdminTotpSecret, demoPassword } from './db/seed';
import { totpCodeAt } from './modules/auth/totp';

// The real entry point as `npm start` runs it: config, migrations, seed, listen, and a graceful
// stop on SIGTERM (R8). Runs on PGlite in a temporary data directory whatever the shell has set, so
// the PostgreSQL pass leaves this file out (vitest.config.ts).

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-main-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function start(env: Record<string, string>) {
  const server = runEntryPoint(['src/server/main.ts'], {
    DATABASE_URL: '',
    TEST_DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    DATA_DIR: dataDir,
    ...env,
  });
  children.push(server.child);
  return server;
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('npm start', () => {
  it(
    'serves on PORT with demo accounts listed, refuses a second process on the same data, and stops on SIGTERM',
    { timeout: 300_000 },
    async () => {
      const port = await freePort();
      const server = start({ PORT: String(port) });
      await waitFor(() => server.output().includes('Industry In West is running'), 120_000);
      expect(server.output()).toContain(`http://localhost:${port}`);
      expect(server.output()).toContain('admin@demo.industryinwest.example');
      expect(server.output()).toContain(demoAdminTotpSecret);
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);

      const second = start({ PORT: String(port + 1) });
      expect(await second.exited).toBe(1);
      expect(second.output()).toContain('is in use by another process');

      const started = Date.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(fs.existsSync(path.join(dataDir, 'pglite', 'platform.lock'))).toBe(false);
    },
  );

  it(
    'finishes the requests in flight when SIGTERM arrives under load, then exits within 10 s',
    { timeout: 300_000 },
    async () => {
      const port = await freePort();
      const server = start({ PORT: String(port), SHUTDOWN_DRAIN_MS: '3000' });
      await waitFor(() => server.output().includes('Industry In West is running'), 120_000);
      const base = `http://127.0.0.1:${port}`;
      const login = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.industryinwest.example', password: 'Demo-Vast-2026' }),
      });
      // The demo admin has a second factor (decision 021): the code step gives the session.
      const verified = await fetch(`${base}/api/auth/second-factor/verify`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: login.headers.get('set-cookie')!.split(';')[0]! },
        body: JSON.stringify({ code: totpCodeAt(demoAdminTotpSecret, new Date()) }),
      });
      const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;

      let signalledAt = Infinity;
      const outcomes = Array.from({ length: 40 }, async () => {
        try {
          const response = await fetch(`${base}/api/companies?pageSize=100&sort=name`, { headers: { cookie } });
          const body = (await response.json()) as { items?: unknown[] };
          return { status: response.status, isComplete: Array.isArray(body.items), at: Date.now() };
        } catch (error) {
          // Refused at connect is fine (the server had stopped accepting); cut mid-request is not.
          const code = (error as { cause?: { code?: string } }).cause?.code;
          return { status: code === 'ECONNREFUSED' ? 'refused' : `broken: ${code ?? String(error)}`, at: Date.now() };
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 30));
      signalledAt = Date.now();
      server.child.kill('SIGTERM');
      // While it drains, the server reports itself not ready (as soon as the signal is handled:
      // on a busy loop a request may be served first, so ask until it says so).
      let readiness: unknown;
      for (let tries = 0; tries < 30; tries += 1) {
        readiness = await (await fetch(`${base}/readyz`)).json();
        if ((readiness as { status: string }).status === 'draining') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(readiness).toEqual({ status: 'draining', database: 'up' });
      const results = await Promise.all(outcomes);
      const code = await server.exited;

      expect(code).toBe(0);
      expect(Date.now() - signalledAt).toBeLessThan(10_000);
      expect(results.filter((r) => r.status !== 200 && r.status !== 'refused')).toEqual([]);
      const finishedAfterSignal = results.filter((r) => r.status === 200 && r.at > signalledAt);
      expect(finishedAfterSignal.length).toBeGreaterThan(0);
      expect(results.filter((r) => r.status === 200).every((r) => 'isComplete' in r && r.isComplete)).toBe(true);
    },
  );

  it('names a bad variable and exits when the configuration is invalid', async () => {
    const server = start({ PORT: 'not-a-port' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
  });
});

const productionKey = 'c0ffee'.repeat(10) + 'c0ff';

describe('a new installation without demo data', () => {
  it(
    'in production seeds only the programme and its partners (no demo data unless asked), and invites ADMIN_EMAIL as the first admin with a link on the terminal',
    { timeout: 300_000 },
    async () => {
      const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-empty-'));
      const port = await freePort();
      const server = start({
        NODE_ENV: 'production',
        SECOND_FACTOR_KEY: productionKey,
        PORT: String(port),
        DATA_DIR: emptyDir,
        ADMIN_EMAIL: 'forste.admin@industryinwest.example',
      });
      try {
        await waitFor(() => server.output().includes('First admin invited'), 120_000);
        expect(server.output()).not.toContain('Demo accounts');
        expect(server.output()).not.toContain(demoAdminTotpSecret);
        expect(server.output()).not.toContain(demoPassword);
        const link = /Open: (\S+)/.exec(server.output())?.[1];
        expect(link).toMatch(/\/invitation\?token=[A-Za-z0-9_-]{43}$/);
        const token = new URL(link!).searchParams.get('token')!;
        const invitation = await fetch(`http://127.0.0.1:${port}/api/auth/invitations/${token}`);
        expect(await invitation.json()).toMatchObject({ email: 'forste.admin@industryinwest.example', role: 'admin' });
        const accepted = await fetch(`http://127.0.0.1:${port}/api/auth/invitations/accept`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, password: 'ett långt första lösenord' }),
        });
        // The first admin enrols a second factor before anything else opens (decision 021).
        expect(accepted.status).toBe(202);
        expect(await accepted.json()).toEqual({ next: 'enrolment' });
        const waiting = accepted.headers.get('set-cookie')!.split(';')[0]!;
        const post = (url: string, body: unknown) =>
          fetch(`http://127.0.0.1:${port}${url}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: waiting },
            body: JSON.stringify(body),
          });
        const { secret } = (await (await post('/api/auth/second-factor/enrolment', {})).json()) as { secret: string };
        const confirmed = await post('/api/auth/second-factor/enrolment/confirm', {
          code: totpCodeAt(secret, new Date()),
        });
        expect(confirmed.status).toBe(200);
        const cookie = confirmed.headers.get('set-cookie')!.split(';')[0]!;
        const organisations = await fetch(`http://127.0.0.1:${port}/api/organisations`, { headers: { cookie } });
        expect(((await organisations.json()) as { items: unknown[] }).items).toHaveLength(5);
        const companies = await fetch(`http://127.0.0.1:${port}/api/companies`, { headers: { cookie } });
        expect(await companies.json()).toMatchObject({ total: 0 });
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
        fs.rmSync(emptyDir, { recursive: true, force: true });
      }
    },
  );
});

describe('a production start on a database that holds the demo accounts', () => {
  it(
    'refuses to run, naming the accounts; runs once `npm run revoke-published-credentials` has deactivated them',
    { timeout: 300_000 },
    async () => {
      const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-demo-'));
      const port = await freePort();
      const env = { PORT: String(port), DATA_DIR: demoDir };
      const production = { ...env, NODE_ENV: 'production', SECOND_FACTOR_KEY: productionKey };
      try {
        // The development start seeds the demo data, as an installation made before decision 023 did.
        const development = start(env);
        await waitFor(() => development.output().includes('Industry In West is running'), 120_000);
        development.child.kill('SIGTERM');
        expect(await development.exited).toBe(0);

        const refused = start(production);
        expect(await refused.exited).toBe(1);
        expect(refused.output()).toContain('Refusing to start in production');
        expect(refused.output()).toContain('admin@demo.industryinwest.example (admin): the demo password');
        expect(refused.output()).toContain('foretag@demo.industryinwest.example (company)');
        expect(refused.output()).not.toContain('Industry In West is running');
        expect(refused.output()).not.toContain(demoPassword);
        expect(refused.output()).not.toContain(demoAdminTotpSecret);

        const revoke = runEntryPoint(['src/server/cli/revoke-published-credentials.ts'], {
          DATABASE_URL: '',
          LOG_LEVEL: 'warn',
          ...production,
        });
        children.push(revoke.child);
        expect(await revoke.exited).toBe(0);
        expect(revoke.output()).toContain('Deactivated 8 account(s)');

        const server = start({ ...production, ADMIN_EMAIL: 'ny.admin@industryinwest.example' });
        await waitFor(() => server.output().includes('First admin invited'), 120_000);
        const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'admin@demo.industryinwest.example', password: demoPassword }),
        });
        expect(login.status).toBe(401);
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      } finally {
        fs.rmSync(demoDir, { recursive: true, force: true });
      }
    },
  );
});

describe('the compiled start (npm run build, npm start)', () => {
  it(
    'runs the bundle without a transpiler from another working directory: migrations, content and the web app are found, and a second start on the same data serves it',
    { timeout: 300_000 },
    async () => {
      // The bundle as `npm run build:server` makes it, in a folder of its own beside dist/server
      // (the same depth, which is how the server finds the project's folders).
      const outdir = path.join('dist', `server-test-${process.pid}`);
      execFileSync('npm', ['run', 'build:server', '--', `--outdir=${outdir}`], { stdio: 'ignore' });
      const compiledDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-compiled-'));
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const startCompiled = () => {
        const server = runEntryPoint(
          [path.resolve(outdir, 'main.js')],
          { DATABASE_URL: '', TEST_DATABASE_URL: '', LOG_LEVEL: 'info', DATA_DIR: compiledDir, PORT: String(port) },
          { compiled: true, cwd: os.tmpdir() },
        );
        children.push(server.child);
        return server;
      };
      let server: ReturnType<typeof startCompiled> | undefined;
      try {
        for (const round of ['first', 'second']) {
          server = startCompiled();
          const { output } = server;
          await waitFor(
            () => output().includes('Industry In West is running') || server!.child.exitCode !== null,
            150_000,
          );
          expect(output()).toContain('Industry In West is running');
          // Where the start spent its time, for the operator (docs/operations.md); the log line
          // may reach the pipe just after the banner.
          await waitFor(() => output().includes('"msg":"started"'), 10_000);
          expect(output()).toMatch(/"msSinceProcessStart":\{"modulesLoaded":\d+,"databaseOpen":\d+,"migrated"/);
          expect((await fetch(`${base}/readyz`)).status).toBe(200);
          const login = await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ email: 'coach.idc@demo.industryinwest.example', password: demoPassword }),
          });
          expect(login.status).toBe(200);
          const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
          // content/ (municipalities) and the seed, which the second start does not repeat.
          const municipalities = await fetch(`${base}/api/reference/municipalities`, { headers: { cookie } });
          expect(((await municipalities.json()) as { items: unknown[] }).items).toHaveLength(55);
          const companies = await fetch(`${base}/api/companies?pageSize=1`, { headers: { cookie } });
          expect(companies.status, round).toBe(200);
          if (fs.existsSync(path.join('dist', 'web', 'index.html'))) {
            const page = await fetch(`${base}/companies`);
            expect(await page.text()).toContain('<div id="root">');
          }
          server.child.kill('SIGTERM');
          expect(await server.exited).toBe(0);
        }
      } finally {
        server?.child.kill('SIGKILL');
        await server?.exited;
        fs.rmSync(outdir, { recursive: true, force: true });
        fs.rmSync(compiledDir, { recursive: true, force: true });
      }
    },
  );
});
