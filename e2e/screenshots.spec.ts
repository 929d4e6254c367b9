import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  acceptInvitation,
  demoUsers,
  enrolApp,
  inviteAccount,
  mainNavigation,
  runTag,
  signIn,
  submitPassword,
} from './helpers';

// Not a journey: saves full-page pictures of the main pages into screenshots/ (gitignored) so
// that a person can look at them after a change. Run alone with
//   npx playwright test e2e/screenshots.spec.ts

const outDir = 'screenshots';

// Reached through the menu, as a person would (the deep links are covered by the journeys).
const signedInPages = [
  { name: 'my-week', link: 'Min vecka', path: '/my-week' },
  { name: 'activities', link: 'Aktiviteter', path: '/activities' },
  { name: 'time-report', link: 'Tidrapport', path: '/time-report' },
  { name: 'action-totals', link: 'Effekter av åtgärder', path: '/action-totals' },
  { name: 'companies', link: 'Företag', path: '/companies' },
  { name: 'users', link: 'Användare', path: '/users' },
  { name: 'organisations', link: 'Organisationer', path: '/admin/organisations' },
  { name: 'emission-factor-sets', link: 'Emissionsfaktorer', path: '/admin/emission-factor-sets' },
  { name: 'outbox', link: 'E-postutkorg', path: '/admin/outbox' },
  { name: 'indicator-report', link: 'Rapporter', path: '/reports' },
  { name: 'overview', link: 'Översikt', path: '/' },
] as const;

test.beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
});

test('saves screenshots of the public programme page on a desktop and on a phone', async ({ page }) => {
  for (const [name, viewport] of [
    ['programme', { width: 1280, height: 800 }],
    ['programme-phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.goto('/programmet');
    await expect(page.getByRole('heading', { level: 3, name: 'IDC West Sweden' })).toBeVisible();
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  }
});

test('saves screenshots of the sign-in page and the admin pages', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await page.screenshot({ path: `${outDir}/login.png`, fullPage: true });

  await signIn(page, 'admin');
  for (const { name, link, path } of signedInPages) {
    await mainNavigation(page).getByRole('link', { name: link, exact: true }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Lists load after the shell: wait for the network to settle so the picture shows data.
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  }
});

test('saves a screenshot of the indicator report of this year', async ({ page }) => {
  await signIn(page, 'admin');
  const year = new Date().getFullYear();
  await page.goto(`/reports?from=${year}-01-01&to=${year}-12-31`);
  await expect(page.getByRole('heading', { name: /RCO01/ }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/indicator-report-year.png`, fullPage: true });
});

test('saves screenshots of a company, its maturity results and an activity', async ({ page }) => {
  await signIn(page, 'coach');
  for (const [name, path] of [
    ['company', '/companies/00000000-0000-4000-8000-000000000201'],
    ['maturity', '/companies/00000000-0000-4000-8000-000000000201/maturity'],
    ['action-plan', '/companies/00000000-0000-4000-8000-000000000201/action-plan'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  }
  await mainNavigation(page).getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.waitForLoadState('networkidle');
  await page.getByRole('link').filter({ hasText: /./ }).locator('xpath=ancestor::table').first().waitFor();
  const firstActivity = page.locator('table a').first();
  await firstActivity.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/activity.png`, fullPage: true });
});

test('saves screenshots of the analyses: the list, a demo energy mapping and a new digital analysis', async ({
  page,
}) => {
  await signIn(page, 'coach');
  for (const [name, path] of [
    ['analyses', '/companies/00000000-0000-4000-8000-000000000201/analyses'],
    ['energy-mapping', '/analyses/00000000-0000-4000-8000-000000005000'],
  ] as const) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${outDir}/${name}.png`, fullPage: true });
  }
  await page.getByRole('button', { name: 'Fördelning, rad 1' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${outDir}/energy-mapping-split.png` });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Lägg till fynd' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${outDir}/energy-measure-form.png` });
  await page.keyboard.press('Escape');

  await page.goto('/companies/00000000-0000-4000-8000-000000000201/analyses');
  await page.getByRole('button', { name: 'Ny analys' }).click();
  await page.getByRole('menuitem', { name: 'Resurs- och avfallsflöden' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Resurs- och avfallsflöden/ })).toBeVisible();
  await page.getByRole('button', { name: 'Lägg till: Material in' }).click();
  await page.getByRole('textbox', { name: 'Namn, rad 1' }).fill('Stålplåt');
  await page.getByRole('button', { name: 'Lägg till: Avfallsflöden' }).click();
  await page.getByRole('textbox', { name: 'Namn, rad 1' }).nth(1).fill('Stålspill');
  await page.getByRole('button', { name: 'Spara' }).first().click();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/resource-flows.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/analyses/00000000-0000-4000-8000-000000005000');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/energy-mapping-mobile.png`, fullPage: true });
});

test("saves a screenshot of the company user's read-only energy mapping", async ({ page }) => {
  await signIn(page, 'company');
  await page.goto('/analyses/00000000-0000-4000-8000-000000005000');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/energy-mapping-company.png`, fullPage: true });
});

test('saves a screenshot of the sign-in page on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/login');
  await expect(page.getByRole('button', { name: 'Logga in' })).toBeVisible();
  await page.screenshot({ path: `${outDir}/login-mobile.png`, fullPage: true });
});

test('saves screenshots of the action plan as the company sees it, with the progress report open', async ({ page }) => {
  await signIn(page, 'company');
  await page.goto('/companies/00000000-0000-4000-8000-000000000201/action-plan');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${outDir}/action-plan-company.png`, fullPage: true });
  await page
    .getByRole('button', { name: /^Rapportera utfall för/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${outDir}/action-plan-report.png`, fullPage: true });
});

test('saves a screenshot of the action form', async ({ page }) => {
  await signIn(page, 'coach');
  await page.goto('/companies/00000000-0000-4000-8000-000000000201/action-plan');
  await page.waitForLoadState('networkidle');
  await page.getByRole('heading', { name: 'Åtgärder', level: 2, exact: true }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outDir}/action-plan-list.png` });
  await page.getByRole('heading', { name: 'Förslag på åtgärder', level: 2 }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outDir}/action-plan-suggestions.png` });
  await page.getByRole('button', { name: 'Ny åtgärd' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: `${outDir}/action-form.png`, fullPage: true });
});

test('saves screenshots of two-step verification: code step, enrolment, recovery codes, security', async ({
  page,
  browser,
}) => {
  await page.goto('/login');
  await submitPassword(page, demoUsers.admin);
  await expect(page.getByRole('textbox', { name: 'Kod från appen' })).toBeVisible();
  await page.screenshot({ path: `${outDir}/login-code.png`, fullPage: true });

  const email = `bild.admin.${runTag()}@demo.industryinwest.example`;
  const token = await inviteAccount(browser, { email, name: 'Bild Administratör', role: 'admin' });
  await page.context().clearCookies();
  await acceptInvitation(page, token, 'ett långt lösenord för bilderna');
  await expect(page.getByRole('img', { name: 'QR-kod att skanna med autentiseringsappen' })).toBeVisible();
  await page.screenshot({ path: `${outDir}/enrolment.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${outDir}/enrolment-mobile.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await enrolApp(page);
  await page.screenshot({ path: `${outDir}/recovery-codes.png`, fullPage: true });
  await page.getByRole('button', { name: 'Fortsätt' }).click();
  await expect(mainNavigation(page)).toBeVisible();
  await page.getByRole('button', { name: /, konto$/ }).click();
  await page.screenshot({ path: `${outDir}/account-menu.png` });
  await page.getByRole('menuitem', { name: 'Säkerhet' }).click();
  await expect(page.getByText(/oanvända reservkoder kvar/)).toBeVisible();
  await page.screenshot({ path: `${outDir}/security.png`, fullPage: true });
});
