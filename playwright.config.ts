import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

// Browser journeys against the real server (npm start: Fastify serving the built web app from
// dist/web, so `npm run build` must have run; postinstall does it) on a fresh embedded database.
// Chromium is Debian's package: never `playwright install` here (decision 001).

// E2E_PORT lets two checkouts run their journeys side by side.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const isCi = Boolean(process.env.CI);

// A data directory of its own per run, beside (never inside) a developer's ./data/pglite. This
// file is evaluated again in every worker, so only the runner's process clears old run folders.
const e2eDataDir = `./data/e2e-${Date.now()}`;
if (!process.env.TEST_WORKER_INDEX) {
  try {
    for (const entry of readdirSync('./data')) {
      if (entry.startsWith('e2e-')) rmSync(join('./data', entry), { recursive: true, force: true });
    }
  } catch {
    // No ./data yet: nothing to clear.
  }
}

export default defineConfig({
  testDir: 'e2e',
  // The screenshots are for a person to look at after a change, not a check: CI leaves them out
  // (about 100 s); `npx playwright test e2e/screenshots.spec.ts` takes them.
  ...(isCi && { testIgnore: ['**/screenshots.spec.ts'] }),
  fullyParallel: false,
  forbidOnly: isCi,
  workers: 1,
  retries: isCi ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
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
    },
  ],
  webServer: {
    command: 'npm start',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: e2eDataDir,
      // Where the journeys read e-mails as their recipients get them (e2e/helpers.ts); cleared above.
      MAILBOX_DIR: './data/e2e-mailbox',
      LOG_LEVEL: 'warn',
      SEED_DEMO_DATA: 'true',
      // The journeys run on the embedded database whatever the shell has set.
      DATABASE_URL: '',
      SMTP_HOST: '',
    },
  },
});
