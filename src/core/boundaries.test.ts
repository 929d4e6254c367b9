import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The architecture's import boundaries (docs/architecture.md, docs/style.md) are enforced by eslint.config.js.
// This proves each rule fires on a violation and stays quiet on an allowed import, so that a
// change to the config cannot silently switch a boundary off. It lives in src/core because the
// core is where purity matters most.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const eslint = new ESLint({ cwd: repoRoot });

const boundaryRules = new Set(['no-restricted-imports', 'import-x/no-restricted-paths']);

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(repoRoot, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.severity === 2 && message.ruleId !== null && boundaryRules.has(message.ruleId))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

const use = (name: string) => `import * as imported from '${name}';\nexport const used = imported;\n`;

type Case = { sentence: string; filePath: string; importPath: string };

const violations: Case[] = [
  { sentence: 'the core may not import the server', filePath: 'src/core/x.ts', importPath: '../server/app' },
  {
    sentence: 'the core may not import the web app',
    filePath: 'src/core/x.ts',
    importPath: '../web/components/format',
  },
  { sentence: 'the core may not import the contracts', filePath: 'src/core/x.ts', importPath: '../contracts/common' },
  {
    sentence: 'the core may not import from a nested folder upwards',
    filePath: 'src/core/deep/x.ts',
    importPath: '../../server/config',
  },
  { sentence: 'the core may not use drizzle', filePath: 'src/core/x.ts', importPath: 'drizzle-orm' },
  { sentence: 'the core may not use pg', filePath: 'src/core/x.ts', importPath: 'pg' },
  { sentence: 'the core may not use PGlite', filePath: 'src/core/x.ts', importPath: '@electric-sql/pglite' },
  { sentence: 'the core may not use fastify', filePath: 'src/core/x.ts', importPath: 'fastify' },
  { sentence: 'the core may not use fastify plugins', filePath: 'src/core/x.ts', importPath: '@fastify/cookie' },
  { sentence: 'the core may not use react', filePath: 'src/core/x.ts', importPath: 'react' },
  { sentence: 'the core may not use Mantine', filePath: 'src/core/x.ts', importPath: '@mantine/core' },
  { sentence: 'the core may not read files', filePath: 'src/core/x.ts', importPath: 'node:fs' },
  { sentence: 'the core may not open sockets', filePath: 'src/core/x.ts', importPath: 'node:net' },
  { sentence: 'the core may not serve HTTP', filePath: 'src/core/x.ts', importPath: 'node:http' },
  { sentence: 'the core may not spawn processes', filePath: 'src/core/x.ts', importPath: 'node:child_process' },
  { sentence: 'contracts may not use fastify', filePath: 'src/contracts/x.ts', importPath: 'fastify' },
  { sentence: 'contracts may not use drizzle', filePath: 'src/contracts/x.ts', importPath: 'drizzle-orm' },
  {
    sentence: 'contracts may not import the server',
    filePath: 'src/contracts/x.ts',
    importPath: '../server/db/client',
  },
  {
    sentence: 'contracts may not import the web app',
    filePath: 'src/contracts/x.ts',
    importPath: '../web/components/format',
  },
  {
    sentence: 'the server may not import the web app',
    filePath: 'src/server/x.ts',
    importPath: '../web/components/format',
  },
  {
    sentence: 'a server module may not import the web app',
    filePath: 'src/server/modules/m/x.ts',
    importPath: '../../../web/app/router',
  },
  { sentence: 'the web app may not import the server', filePath: 'src/web/x.ts', importPath: '../server/app' },
  {
    sentence: 'a web feature may not import the server',
    filePath: 'src/web/features/companies/api.ts',
    importPath: '../../../server/config',
  },
  { sentence: 'the web app may not use drizzle', filePath: 'src/web/x.ts', importPath: 'drizzle-orm' },
  { sentence: 'the web app may not use pg', filePath: 'src/web/x.ts', importPath: 'pg' },
  { sentence: 'the web app may not use fastify', filePath: 'src/web/x.ts', importPath: 'fastify' },
  // Feature isolation is checked on resolved paths, so these use real features and files.
  {
    sentence: 'a feature may not import another feature',
    filePath: 'src/web/features/companies/x.ts',
    importPath: '../users/api',
  },
  {
    sentence: 'a feature page may not import another feature',
    filePath: 'src/web/features/users/pages/x.tsx',
    importPath: '../../organisations/api',
  },
  {
    sentence: "a server module may not import another module's queries",
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../maturity/maturity.queries',
  },
  {
    sentence: "a server module may not import another module's queries split by use case",
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../indicator-reports/frozen-reports.queries',
  },
  {
    sentence: "a server module may not import another module's routes",
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../companies/companies.routes',
  },
  {
    sentence: 'a service may not import from http/ (the domain errors are in src/server/errors.ts)',
    filePath: 'src/server/modules/timeline/timeline.service.ts',
    importPath: '../../http/errors',
  },
  {
    sentence: 'a queries file may not import from http/',
    filePath: 'src/server/modules/timeline/timeline.queries.ts',
    importPath: '../../http/idempotency',
  },
  {
    sentence: 'the server module still may not import the web app',
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../../../web/components/format',
  },
];

const allowed: Case[] = [
  { sentence: 'the core may import the core', filePath: 'src/core/x.ts', importPath: './roles' },
  {
    sentence: 'the core may use pure node helpers such as crypto',
    filePath: 'src/core/x.ts',
    importPath: 'node:crypto',
  },
  { sentence: 'contracts may use zod', filePath: 'src/contracts/x.ts', importPath: 'zod' },
  { sentence: 'contracts may import other contracts', filePath: 'src/contracts/x.ts', importPath: './common' },
  { sentence: 'contracts may import the core', filePath: 'src/contracts/x.ts', importPath: '../core/roles' },
  { sentence: 'the server may import the core', filePath: 'src/server/x.ts', importPath: '../core/access' },
  { sentence: 'the server may import the contracts', filePath: 'src/server/x.ts', importPath: '../contracts/common' },
  { sentence: 'the server may use drizzle', filePath: 'src/server/x.ts', importPath: 'drizzle-orm' },
  { sentence: 'the web app may import the contracts', filePath: 'src/web/x.ts', importPath: '../contracts/common' },
  { sentence: 'the web app may import the core', filePath: 'src/web/x.ts', importPath: '../core/roles' },
  { sentence: 'a feature may import its own files', filePath: 'src/web/features/companies/x.ts', importPath: './api' },
  {
    sentence: 'a feature may import shared components',
    filePath: 'src/web/features/companies/x.ts',
    importPath: '../../components/format',
  },
  { sentence: 'a feature may use react', filePath: 'src/web/features/companies/x.ts', importPath: 'react' },
  {
    sentence: "a server module may import another module's service",
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../maturity/maturity.service',
  },
  {
    sentence: "a server module may import another module's service split by use case",
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: '../analyses/energy-mappings.service',
  },
  {
    sentence: "a route may import http/'s error answers",
    filePath: 'src/server/modules/timeline/timeline.routes.ts',
    importPath: '../../http/errors',
  },
  {
    sentence: 'a service may import the domain errors',
    filePath: 'src/server/modules/timeline/timeline.service.ts',
    importPath: '../../errors',
  },
  {
    sentence: 'a server module may import its own queries',
    filePath: 'src/server/modules/timeline/x.ts',
    importPath: './timeline.queries',
  },
];

describe('import boundaries', () => {
  it.each(violations)('refuses: $sentence ($importPath from $filePath)', async ({ filePath, importPath }) => {
    expect(await boundaryErrors(filePath, use(importPath))).not.toEqual([]);
  });

  it.each(allowed)('allows: $sentence ($importPath from $filePath)', async ({ filePath, importPath }) => {
    expect(await boundaryErrors(filePath, use(importPath))).toEqual([]);
  });
});
