import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Browser journeys against the real server (npm start: Fastify serving the built web app from
// dist/web, so `npm run build` must have run; postinstall does it) on a fresh embedded database.
// Chromium is Debian's package: never `playwright install` here (decision 001).
//
// Two servers, each with its own database and mailbox, and a project of journeys for each, one
// worker per project: the two halves run side by side, and no journey ever sees another's records
// (several count the programme's companies and compare the figures with a list). The first half
// holds the longest journeys (the accessibility checks of every page), the second the rest.

// E2E_PORT lets two checkouts run their journeys side by side: their servers take it and the next port.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const isCi = Boolean(process.env.CI);

// A data directory of its own per run and server, beside (never inside) a developer's ./data/pglite.
// This file is evaluated again in every worker, so only the runner's process clears old run folders.
const runStamp = Date.now();
if (!process.env.TEST_WORKER_INDEX) {
  try {
    for (const entry of readdirSync('./data')) {
      if (entry.startsWith('e2e-')) rmSync(join('./data', entry), { recursive: true, force: true });
    }
  } catch {
    // No ./data yet: nothing to clear.
  }
}

/** The journeys of the first half; the second half is every other file. */
const firstHalf = [
  '**/accessibility.spec.ts',
  '**/action-plan.spec.ts',
  '**/maturity-measurements.spec.ts',
];
// The screenshots are for a person to look at after a change, not a check: CI leaves them out
// (about 100 s); `npx playwright test e2e/screenshots.spec.ts` takes them.
const leftOut = isCi ? ['**/screenshots.spec.ts'] : [];

type Half = { name: 'first' | 'second'; port: number; testMatch: string[]; testIgnore: string[] };
const halves: Half[] = [
  { name: 'first', port: basePort, testMatch: firstHalf, testIgnore: leftOut },
  { name: 'second', port: basePort + 1, testMatch: ['**/*.spec.ts'], testIgnore: [...firstHalf, ...leftOut] },
];

/** Where a half's server writes the e-mails it sends, for the journeys to read (e2e/helpers.ts). */
const mailboxOf = (name: string) => `./data/e2e-mailbox-${name}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  forbidOnly: isCi,
  workers: halves.length,
  retries: isCi ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: halves.map((half) => ({
    name: half.name,
    testMatch: half.testMatch,
    testIgnore: half.testIgnore,
    workers: 1,
    metadata: { mailboxDir: mailboxOf(half.name) },
    use: {
      ...devices['Desktop Chrome'],
      baseURL: `http://127.0.0.1:${half.port}`,
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    },
  })),
  webServer: halves.map((half) => ({
    command: 'npm start',
    url: `http://127.0.0.1:${half.port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: {
      PORT: String(half.port),
      HOST: '127.0.0.1',
      DATA_DIR: `./data/e2e-${runStamp}-${half.name}`,
      MAILBOX_DIR: mailboxOf(half.name),
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'true',
      // The journeys run on the embedded database whatever the shell has set.
      DATABASE_URL: '',
      SMTP_HOST: '',
    },
  })),
});
