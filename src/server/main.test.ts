import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runEntryPoint } from './test/entry-point';
import { demoAdminTotpSecret } from './db/seed';
import { totpCodeAt } from './modules/auth/totp';

// The real entry point as `npm start` runs it: config, migrations, seed, listen, and a graceful
// stop on SIGTERM (R8). Runs on PGlite in a temporary data directory, or on DATABASE_URL's server.

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
    { timeout: 90_000 },
    async () => {
      const port = 3400 + Math.floor(Math.random() * 500);
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
    { timeout: 90_000 },
    async () => {
      const port = 3400 + Math.floor(Math.random() * 500);
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

  it('names a bad variable and exits when the configuration is invalid', { timeout: 30_000 }, async () => {
    const server = start({ PORT: 'not-a-port' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('PORT');
  });
});

describe('a new installation without demo data', () => {
  it(
    'seeds the programme and its partners, and invites ADMIN_EMAIL as the first admin with a link on the terminal',
    { timeout: 150_000 },
    async () => {
      const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'iiw-empty-'));
      const port = 3900 + Math.floor(Math.random() * 90);
      const server = start({
        PORT: String(port),
        DATA_DIR: emptyDir,
        SEED_DEMO_DATA: 'false',
        ADMIN_EMAIL: 'forste.admin@industryinwest.example',
      });
      try {
        await waitFor(() => server.output().includes('First admin invited'), 120_000);
        expect(server.output()).not.toContain('Demo accounts');
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
