import { expect, test } from '@playwright/test';
import {
  acceptInvitation,
  demoAdminTotpSecret,
  demoUsers,
  enrolApp,
  enterCode,
  inviteAccount,
  mainNavigation,
  runTag,
  submitPassword,
  signIn,
  signOut,
  totpCode,
} from './helpers';

// Goal: admins sign in with a password and a code from an authenticator app; an admin without
// one sets it up before anything else; anyone else may turn it on, and a recovery code helps
// when the phone is gone (docs/quality.md S7, decision 021).

const password = 'ett långt lösenord för journeyn';

test('an admin signs in with the code from the app, after a wrong code is refused', async ({ page }) => {
  await page.goto('/login');
  await submitPassword(page, demoUsers.admin);

  await expect(page).toHaveURL(/\/login\/code$/);
  await expect(page.getByRole('heading', { name: 'Tvåstegsverifiering' })).toBeVisible();
  const field = page.getByRole('textbox', { name: 'Kod från appen' });
  await expect(field).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(field).toHaveAttribute('inputmode', 'numeric');
  // Nothing opens before the code: the API answers as to a visitor.
  expect((await page.request.get('/api/auth/me')).status()).toBe(401);

  const now = Date.now();
  const valid = [-30_000, 0, 30_000].map((offset) => totpCode(demoAdminTotpSecret, now + offset));
  await field.fill(['000000', '111111', '222222', '333333'].find((code) => !valid.includes(code))!);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Koden stämmer inte eller har redan använts.')).toBeVisible();
  await expect(mainNavigation(page)).toHaveCount(0);

  await enterCode(page, demoAdminTotpSecret);
  await expect(page).toHaveURL('/');
  expect((await page.request.get('/api/auth/me')).status()).toBe(200);
});

test('a new admin sets up the app before the first page, and later signs in with a recovery code', async ({
  page,
  browser,
}) => {
  const email = `ny.admin.${runTag()}@demo.industryinwest.example`;
  const token = await inviteAccount(browser, { email, name: 'Nyfiken Administratör', role: 'admin' });

  await acceptInvitation(page, token, password);
  await expect(page).toHaveURL(/\/login\/enrol$/);
  await expect(page.getByRole('heading', { name: 'Aktivera tvåstegsverifiering' })).toBeVisible();
  // The shell stays closed until the app is set up.
  await page.goto('/users');
  await expect(page).toHaveURL(/\/login\?next=%2Fusers$/);
  await submitPassword(page, email, password);
  await expect(page).toHaveURL(/\/login\/enrol\?next=%2Fusers$/);

  const { recoveryCodes } = await enrolApp(page);
  expect(recoveryCodes).toHaveLength(10);
  await expect(page.getByRole('button', { name: 'Ladda ner' })).toBeVisible();
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page).toHaveURL('/users');
  await expect(mainNavigation(page)).toBeVisible();

  // The phone is lost: a recovery code signs in, once.
  await signOut(page);
  await submitPassword(page, email, password);
  await expect(page).toHaveURL(/\/login\/code$/);
  await page.getByRole('button', { name: 'Använd en reservkod i stället' }).click();
  await page.getByRole('textbox', { name: 'Reservkod' }).fill(recoveryCodes[0]!);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(mainNavigation(page)).toBeVisible();

  // The own security settings: on, required, and one recovery code fewer.
  await page.getByRole('button', { name: /, konto$/ }).click();
  await page.getByRole('menuitem', { name: 'Säkerhet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Säkerhet' })).toBeVisible();
  await expect(page.getByText('Administratörer måste ha tvåstegsverifiering.')).toBeVisible();
  await expect(page.getByText('9 oanvända reservkoder kvar.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stäng av' })).toHaveCount(0);
});

test('a coach turns two-step verification on in the security settings, and off again', async ({ page, browser }) => {
  // An invitation, an enrolment and two sign-ins: 31 s on a slow two-core machine, over the default 30.
  test.setTimeout(90_000);
  const email = `ny.coach.${runTag()}@demo.industryinwest.example`;
  const token = await inviteAccount(browser, {
    email,
    name: 'Valfri Tvåsteg',
    role: 'coach',
    organisationId: '00000000-0000-4000-8000-000000000101',
  });
  // Optional for a coach: the invitation signs straight in.
  await acceptInvitation(page, token, password);
  await expect(mainNavigation(page)).toBeVisible();

  await page.goto('/account/security');
  await expect(page.getByText('Tvåstegsverifiering är av.', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
  const { secret } = await enrolApp(page, password);
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(page.getByText('10 oanvända reservkoder kvar.')).toBeVisible();

  // From now on the coach signs in with a code.
  await signOut(page);
  await submitPassword(page, email, password);
  await enterCode(page, secret);

  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Stäng av' }).click();
  await page.getByRole('button', { name: 'Använd lösenordet i stället' }).click();
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Stäng av' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tvåstegsverifiering är avstängd.' })).toBeVisible();
  await expect(page.getByText('Tvåstegsverifiering är av.', { exact: false })).toBeVisible();
});

test('an admin resets the two-step verification of a coach who lost the phone', async ({ page, browser }) => {
  // Two sign-ins and an enrolment, and the admin's code may have to wait for the app's next step.
  test.setTimeout(120_000);
  const email = `tappad.telefon.${runTag()}@demo.industryinwest.example`;
  const name = `Tappad Telefon ${runTag()}`;
  const token = await inviteAccount(browser, {
    email,
    name,
    role: 'coach',
    organisationId: '00000000-0000-4000-8000-000000000101',
  });
  await acceptInvitation(page, token, password);
  await page.goto('/account/security');
  await page.getByRole('button', { name: 'Aktivera tvåstegsverifiering' }).click();
  await enrolApp(page, password);
  await page.getByRole('button', { name: 'Fortsätt' }).click();

  // The admin, in a browser of their own, finds the coach and resets the lost factor.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, 'admin');
  await mainNavigation(adminPage).getByRole('link', { name: 'Användare', exact: true }).click();
  await adminPage.getByRole('searchbox', { name: 'Sök' }).fill(name);
  await adminPage.getByRole('button', { name: `Val för ${name}` }).click();
  await adminPage.getByRole('menuitem', { name: 'Återställ tvåstegsverifiering' }).click();
  const dialog = adminPage.getByRole('dialog', { name: `Återställ tvåstegsverifiering för ${name}?` });
  await adminPage.screenshot({ path: 'screenshots/users-reset-second-factor.png' });
  await dialog.getByRole('button', { name: 'Återställ tvåstegsverifiering' }).click();
  await expect(adminPage.getByText(`Tvåstegsverifieringen för ${name} är avstängd`)).toBeVisible();
  await adminContext.close();

  // The coach was signed out; the password alone signs in again, and the app is off.
  await page.reload();
  await expect(page).toHaveURL(/\/login/);
  await submitPassword(page, email, password);
  await expect(mainNavigation(page)).toBeVisible();
  await page.goto('/account/security');
  await expect(page.getByText('Tvåstegsverifiering är av.', { exact: false })).toBeVisible();
});
