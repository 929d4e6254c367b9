import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    // Against PostgreSQL (DATABASE_URL or TEST_DATABASE_URL set) the run is for the engine: the
    // pure core and the web app never open a database, and ran on the embedded pass already.
    ...((process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL) && {
      exclude: ['src/core/**', 'src/web/**', 'node_modules/**'],
    }),
    environment: 'node',
    // Safety nets against a hang, not measures of speed: a test is bounded by the work it does, and
    // must pass on a machine busy with other work (creating a test database takes ~5 s idle, ~60 s
    // and more when the cores are shared), so the nets are wide.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    // Two cores: each file opens its own database, so keep files to two at a time.
    maxWorkers: 2,
    // A worker loads the modules once for all its files instead of once per file: the server's
    // module graph (the app with every module, drizzle, ExcelJS, pdfkit) took more CPU to load than
    // most files take to run. Each file still builds its own app on its own database, and the
    // server keeps no state between apps outside them.
    isolate: false,
  },
});
