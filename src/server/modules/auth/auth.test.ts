import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sign-in', () => {
  it('signs in with the right password and returns the user with abilities', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: fixtures.emails.admin, password: fixtures.password } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ role: 'admin', abilities: { manageUsers: true } });
    const cookie = response.cookies.find((c) => c.name === 'iiw_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie!.value.length).toBeGreaterThanOrEqual(43);
  });
});
