import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webRoot } from '../app';
import { createTestApp, type TestApp } from '../test/test-app';

// The built web app as the server sends it (docs/quality.md P2, P3): compressed copies from the build,
// hashed assets cached for a year, the shell never cached. Needs the build (`npm install` runs it).

let t: TestApp;
let asset: string;
beforeAll(async () => {
  if (!fs.existsSync(path.join(webRoot, 'index.html'))) throw new Error('Build the web app first: npm run build');
  asset = fs.readdirSync(path.join(webRoot, 'assets')).find((file) => file.endsWith('.js'))!;
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the web app', () => {
  it('names its icon in the page and serves it, so a browser asks for no missing favicon.ico', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' });
    expect(page.body).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"');
    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it('sends the brotli copy of an asset to a browser that accepts it, cached for a year', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/assets/${asset}`,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.rawPayload.length).toBe(fs.statSync(path.join(webRoot, 'assets', `${asset}.br`)).size);
  });

  it('sends gzip to a client without brotli, and the plain file to one without either', async () => {
    const gzip = await t.app.inject({ method: 'GET', url: `/assets/${asset}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await t.app.inject({ method: 'GET', url: `/assets/${asset}`, headers: { 'accept-encoding': '' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBe(fs.statSync(path.join(webRoot, 'assets', asset)).size);
  });

  it('answers a page address with the shell, compressed and never cached', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/companies/some-company',
      headers: { 'accept-encoding': 'br' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['content-encoding']).toBe('br');
  });

  it('answers the sign-in page drawn beforehand in the language the browser chose, Swedish by default', async () => {
    // Decision 051: the build draws the sign-in page in each language; the cookie picks one.
    const form = (body: string) => [
      /<title>([^<]*)<\/title>/.exec(body)?.[1],
      /data-prerendered="(\w+)"/.exec(body)?.[1],
    ];
    const swedish = await t.app.inject({ method: 'GET', url: '/login?next=%2Fcompanies' });
    expect(swedish.statusCode).toBe(200);
    expect(form(swedish.body)).toEqual(['Logga in – Industry In West', 'sv']);
    expect(swedish.body).toContain('<html lang="sv"');
    expect(swedish.body).toMatch(/<label[^>]*>E-post/);
    expect(swedish.headers['cache-control']).toBe('no-cache');
    expect(swedish.headers.vary).toMatch(/Cookie/);
    const english = await t.app.inject({ method: 'GET', url: '/login', cookies: { 'iiw-language': 'en' } });
    expect(form(english.body)).toEqual(['Sign in – Industry In West', 'en']);
    expect(english.body).toContain('<html lang="en"');
    expect(english.body).toMatch(/<label[^>]*>E-mail address/);
    // A language the app does not have is the default.
    for (const language of ['fi', '__proto__', 'toString']) {
      const unknown = await t.app.inject({ method: 'GET', url: '/login', cookies: { 'iiw-language': language } });
      expect(form(unknown.body), language).toEqual(['Logga in – Industry In West', 'sv']);
    }
    // The programme's public page is drawn beforehand too.
    const programme = await t.app.inject({ method: 'GET', url: '/programmet', cookies: { 'iiw-language': 'en' } });
    expect(form(programme.body)).toEqual(['The programme – Industry In West', 'en']);
    // The compressed copy the build wrote is sent to a browser that takes it.
    const compressed = await t.app.inject({ method: 'GET', url: '/login', headers: { 'accept-encoding': 'br' } });
    expect(compressed.headers['content-encoding']).toBe('br');
  });
});
