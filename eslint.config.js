// ESLint flat config. The boundary rules below are the architecture in docs/architecture.md made executable:
// the core stays pure, contracts depend on zod and the core only, the server and the web never
// reach into each other, and web features never import each other. src/core/boundaries.test.ts
// proves each of them fails on a violation.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

// Read at lint time, so that a new feature folder is isolated without touching this file.
const featuresDir = join(root, 'src/web/features');
const webFeatures = existsSync(featuresDir)
  ? readdirSync(featuresDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

const featureZones = webFeatures.map((feature) => ({
  target: `./src/web/features/${feature}`,
  from: './src/web/features',
  except: [`./${feature}`],
  message: 'Web features never import each other: move the shared piece to src/web/components/ (docs/style.md).',
}));

// Path zones need the import to resolve to a real file; the import-name patterns further down
// also catch imports that do not resolve (yet), and package imports.
const layerZones = [
  { target: './src/core', from: './src/server', message: 'The core is pure: no server code.' },
  { target: './src/core', from: './src/web', message: 'The core is pure: no web code.' },
  { target: './src/core', from: './src/contracts', message: 'The core does not know the HTTP contracts.' },
  { target: './src/contracts', from: './src/server', message: 'Contracts may import only zod and the core.' },
  { target: './src/contracts', from: './src/web', message: 'Contracts may import only zod and the core.' },
  { target: './src/server', from: './src/web', message: 'The server never imports the web app.' },
  { target: './src/web', from: './src/server', message: 'The web app talks to the server over HTTP only.' },
];

/** Relative imports that climb into another top-level folder of src (e.g. '../../server/app'). */
const layerPattern = (layer, message) => ({ regex: `^(\\.\\./)+${layer}(/|$)`, message });

const coreMessage = 'The core is pure TypeScript: no I/O, no framework, no database (docs/architecture.md).';
const webServerMessage = 'The web app must not import server-side code or packages.';

const restrictedInCore = {
  paths: [
    'fs',
    'fs/promises',
    'net',
    'http',
    'https',
    'http2',
    'child_process',
    'dgram',
    'worker_threads',
    'node:fs',
    'node:fs/promises',
    'node:net',
    'node:http',
    'node:https',
    'node:http2',
    'node:child_process',
    'node:dgram',
    'node:worker_threads',
  ].map((name) => ({ name, message: coreMessage })),
  patterns: [
    layerPattern('server', coreMessage),
    layerPattern('web', coreMessage),
    layerPattern('contracts', coreMessage),
    {
      group: [
        'drizzle-orm',
        'drizzle-orm/*',
        'drizzle-kit',
        'pg',
        'pg/*',
        'pg-boss',
        '@electric-sql/*',
        'fastify*',
        '@fastify/*',
        'react*',
        '@mantine/*',
        '@tanstack/*',
        'i18next',
        'nodemailer',
      ],
      message: coreMessage,
    },
  ],
};

const restrictedInContracts = {
  patterns: [
    {
      // An allowlist: zod, files beside it in src/contracts, and src/core.
      regex: '^(?!(zod|zod/.*|\\./[^.].*|\\.\\./core(/.*)?)$)',
      message: 'Contracts may import only zod, other contracts and src/core.',
    },
  ],
};

const restrictedInServer = {
  patterns: [
    layerPattern('web', 'The server never imports the web app.'),
    { group: ['react*', '@mantine/*', '@tanstack/*'], message: 'The server never imports the web app.' },
  ],
};

// A module reaches another only through its service (docs/style.md): its queries and routes
// are its own. The patterns match by ending, not by the module's name, so a large module's service
// split by use case (analyses/findings.service.ts) is a service too, and a split queries file
// (indicator-reports/frozen-reports.queries.ts) stays private. Tests may read another module's
// queries to set up or check the database.
const restrictedInServerModules = {
  patterns: [
    ...restrictedInServer.patterns,
    {
      group: ['../*/*.queries', '../*/*.routes'],
      message: 'A module reaches another only through its service (docs/style.md).',
    },
  ],
};

// Below the route nothing knows HTTP (docs/architecture.md "A request's path"): services,
// queries, policies and access files throw the domain's errors (src/server/errors.ts), and only
// routes reach src/server/http/ (the error answers of their schemas, the idempotency plugin).
const restrictedBelowRoutes = {
  patterns: [
    ...restrictedInServerModules.patterns,
    {
      group: ['../../http', '../../http/*'],
      message: 'Only routes know HTTP: a service throws the errors of src/server/errors.ts (docs/style.md).',
    },
  ],
};

const restrictedInWeb = {
  paths: ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'child_process', 'node:child_process'].map((name) => ({
    name,
    message: webServerMessage,
  })),
  patterns: [
    layerPattern('server', webServerMessage),
    {
      group: [
        'drizzle-orm',
        'drizzle-orm/*',
        'pg',
        'pg/*',
        'pg-boss',
        '@electric-sql/*',
        'fastify*',
        '@fastify/*',
        '@node-rs/*',
        'nodemailer',
      ],
      message: webServerMessage,
    },
  ],
};

const nodeGlobals = {
  process: 'readonly',
  console: 'readonly',
  URL: 'readonly',
  Buffer: 'readonly',
  setTimeout: 'readonly',
  clearTimeout: 'readonly',
  module: 'writable',
  require: 'readonly',
  __dirname: 'readonly',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'data/',
      'src/server/db/migrations/',
      'coverage/',
      'playwright-report/',
      'test-results/',
      'screenshots/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: nodeGlobals },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },

  // --- Boundaries -------------------------------------------------------------------------------
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...layerZones, ...featureZones] }],
    },
  },
  { files: ['src/core/**/*.ts'], rules: { 'no-restricted-imports': ['error', restrictedInCore] } },
  { files: ['src/contracts/**/*.ts'], rules: { 'no-restricted-imports': ['error', restrictedInContracts] } },
  { files: ['src/server/**/*.ts'], rules: { 'no-restricted-imports': ['error', restrictedInServer] } },
  {
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedInServerModules] },
  },
  {
    files: ['src/server/modules/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.routes.ts'],
    rules: { 'no-restricted-imports': ['error', restrictedBelowRoutes] },
  },
  { files: ['src/web/**/*.{ts,tsx}'], rules: { 'no-restricted-imports': ['error', restrictedInWeb] } },

  // --- React ------------------------------------------------------------------------------------
  {
    files: ['src/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },

  // --- Tests: assertions on data the test itself created are not worth a guard -----------------
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', 'src/server/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
