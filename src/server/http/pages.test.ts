import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../contracts/companies';
import { webRoot } from '../app';
import { createCompany } from '../test/factories';
import { ok, requestsAs } from '../test/requests';
import { createTestApp, fixtures, type TestApp } from '../test/test-app';

// Pages drawn on the server when they are asked for, with their data (decision 052). Needs the build
// (`npm install` runs it): the renderer is dist/render/render-on-request.js.

let t: TestApp;
const call = requestsAs(() => t);
beforeAll(async () => {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('Build the web app first: npm run build');
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** The page as the signed-in actor's browser gets it. */
async function page(url: string, cookie: string, language?: string) {
  const cookies = language ? `${cookie}; iiw-language=${language}` : cookie;
  return t.app.inject({ method: 'GET', url, headers: { cookie: cookies } });
}

/** The answers the page was drawn with, as the browser's cache takes them over. */
function queriesOf(body: string): { queryKey: unknown[]; state: { data: unknown } }[] {
  const json = /<script type="application\/json" id="page-queries">(.*?)<\/script>/s.exec(body)?.[1];
  if (!json) throw new Error('The page carries no answers');
  return (JSON.parse(json) as { queries: { queryKey: unknown[]; state: { data: unknown } }[] }).queries;
}

const shell = '<div id="root"></div>';

describe('a page drawn on request', () => {
  it("is the coach's company list with their companies, the answers it was drawn with, and never stored", async () => {
    const own = await ok<Company>(await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`));
    const response = await page('/companies', await t.login('coachOwn'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.vary).toMatch(/Cookie/);
    expect(response.body).toContain('<html lang="sv"');
    expect(response.body).toContain('<div id="root" data-prerendered="sv">');
    expect(response.body).toMatch(/<h1[^>]*>Företag<\/h1>/);
    expect(response.body).toContain(own.name);
    const me = queriesOf(response.body).find((query) => JSON.stringify(query.queryKey) === '["auth","me"]');
    expect(me?.state.data).toMatchObject({ email: fixtures.emails.coachOwn });
  });

  it("draws nothing of another organisation's company: the API answers 404, and the page is the shell", async () => {
    const own = await ok<Company>(await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`));
    const response = await page(`/companies/${fixtures.ownCompanyId}`, await t.login('coachOther'));
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(shell);
    expect(response.body).not.toContain(own.name);
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('is the shell for a signed-in page without a session, or with one that has ended', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/companies' });
    expect(anonymous.body).toContain(shell);
    const ended = await page('/companies', 'iiw_session=no-such-session');
    expect(ended.body).toContain(shell);
    expect(ended.body).not.toContain('page-queries');
  });

  it('keeps what a person typed from ending the answers: every "<" in them is escaped', async () => {
    const name = '</script><script>alert(1)</script> AB';
    await createCompany(call, 'coachOwn', { name });
    const response = await page('/companies?q=alert', await t.login('coachOwn'));
    expect(response.body).not.toContain('<script>alert(1)');
    expect(response.body).toContain('\\u003c/script>\\u003cscript>alert(1)');
    // The page shows the name as text, and the answers give it back as it was typed.
    expect(response.body).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; AB');
    expect(JSON.stringify(queriesOf(response.body))).toContain(JSON.stringify(name).slice(1, -1));
  });

  it("is drawn in the cookie's language, and a public page is drawn for anyone", async () => {
    const english = await page('/companies', await t.login('coachOwn'), 'en');
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toMatch(/<h1[^>]*>Companies<\/h1>/);
    const activities = await t.app.inject({ method: 'GET', url: '/programmet/aktiviteter' });
    expect(activities.body).toContain('<div id="root" data-prerendered="sv">');
    expect(activities.body).toContain('id="page-queries"');
  });

  it('is compressed for a browser that takes brotli', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { cookie: await t.login('coachOwn'), 'accept-encoding': 'gzip, br' },
    });
    expect(response.headers['content-encoding']).toBe('br');
  });
});
