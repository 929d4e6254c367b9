import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type TestApp } from '../test/test-app';

// Behind a reverse proxy every request comes from the proxy's address. With TRUST_PROXY naming it,
// the sign-in throttle (decision 029) counts each client by X-Forwarded-For; without it, a header
// anyone can send changes nothing.

const attempt = (t: TestApp, client: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '127.0.0.1',
    headers: { 'x-forwarded-for': client },
    payload: { email: fixtures.emails.coachOther, password: 'inte det rätta lösenordet' },
  });

/** Four wrong passwords from one client (the limit a minute per account and address), then one more each. */
async function afterBurst(t: TestApp): Promise<{ same: number; other: number }> {
  for (let i = 0; i < 4; i += 1) expect((await attempt(t, '203.0.113.7')).statusCode).toBe(401);
  return { same: (await attempt(t, '203.0.113.7')).statusCode, other: (await attempt(t, '198.51.100.9')).statusCode };
}

describe('the client address behind a reverse proxy', () => {
  let trusting: TestApp;
  let plain: TestApp;
  beforeAll(async () => {
    trusting = await createTestApp({ env: { TRUST_PROXY: '127.0.0.1' } });
    plain = await createTestApp();
  });
  afterAll(async () => {
    await trusting?.close();
    await plain?.close();
  });

  it('throttles each client apart when the proxy is trusted', async () => {
    expect(await afterBurst(trusting)).toEqual({ same: 429, other: 401 });
  });

  it('ignores X-Forwarded-For from anyone not trusted: every request is the socket’s address', async () => {
    expect(await afterBurst(plain)).toEqual({ same: 429, other: 429 });
  });
});
