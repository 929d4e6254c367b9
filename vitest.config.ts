import { defineConfig } from 'vitest/config';

// Against PostgreSQL (DATABASE_URL or TEST_DATABASE_URL set) the run is for the engine: the pure core
// and the web app never open a database, and ran on the embedded pass already; the entry point's
// tests (main.test.ts) start their servers on PGlite data directories whatever the shell has set,
// so a second run would repeat the first (75 s). The entry point on a PostgreSQL server is tested by
// the process tests that take one (two-processes, crash, outbox-crash).
const isEngineRun = Boolean(process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const embeddedOnly = ['src/core/**', 'src/server/main.test.ts'];

const shared = {
  environment: 'node',
  // Safety nets against a hang, not measures of speed: a test is bounded by the work it does, and
  // must pass on a machine busy with other work (creating a test database takes ~5 s idle, ~60 s
  // and more when the cores are shared), so the nets are wide.
  testTimeout: 180_000,
  hookTimeout: 300_000,
} as const;

export default defineConfig({
  test: {
    // Two cores: each server file opens its own database, so keep files to two at a time.
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'server',
          include: ['src/**/*.test.{ts,tsx}'],
          exclude: ['src/web/**', 'node_modules/**', ...(isEngineRun ? embeddedOnly : [])],
          // A worker loads the modules once for all its files instead of once per file: the server's
          // module graph (the app with every module, drizzle, ExcelJS, pdfkit) took more CPU to load
          // than most files take to run. Each file still builds its own app on its own database, and
          // the server keeps no state between apps outside them.
          isolate: false,
        },
      },
      ...(isEngineRun
        ? []
        : [
            {
              test: {
                ...shared,
                name: 'web',
                include: ['src/web/**/*.test.{ts,tsx}'],
                // The web's tests keep state in modules by design (i18next's one instance, Testing
                // Library's cleanup registered when it is imported): each file gets its own.
                isolate: true,
              },
            },
          ]),
    ],
  },
});
