import { expect, test } from '@playwright/test';
import { mainNavigation, signIn } from './helpers';

// Goal: a person signs out and the app is closed to that browser until they sign in again. A coach,
// not the admin: the admin's journeys share one session per worker (e2e/helpers.ts), which this
// one would end.

test('signing out returns to the sign-in page and the app is no longer reachable', async ({ page, request }) => {
  await signIn(page, 'coach');
  const cookiesWhileSignedIn = await page.context().cookies();
  const cookieHeader = cookiesWhileSignedIn.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');

  await page.getByRole('button', { name: /, konto$/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();

  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();

  // A fresh load finds no session.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await expect(mainNavigation(page)).toHaveCount(0);

  // The old cookie is dead on the server, not only forgotten by the browser (docs/quality.md S9).
  const replay = await request.get('/api/auth/me', { headers: { cookie: cookieHeader } });
  expect(replay.status()).toBe(401);
});
