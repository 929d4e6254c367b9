import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app';
import { companies } from './schema';

// The README tells a newcomer what the demo data holds; the figure must be what the seed makes.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the demo data', () => {
  it('holds as many companies as the README says', async () => {
    const readme = fs.readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'),
      'utf8',
    );
    const stated = /The demo data holds (\d+) invented companies/.exec(readme)?.[1];
    const [row] = await t.database.db.select({ value: count() }).from(companies);
    expect(Number(row?.value)).toBe(Number(stated));
  });
});
