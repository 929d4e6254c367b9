import { expect, test, type Page } from '@playwright/test';
import { checkAccessibility, expectNoFindings, type AxeFinding } from './accessibility';
import { demoAdminTotpSecret, demoUsers, enterCode, mainNavigation, runTag, signIn, submitPassword } from './helpers';

// Issue 15, point 4 (docs/quality.md A1): every page each role can reach, and the signed-out ones,
// with no serious or critical axe violation of WCAG 2.1 AA. One sign-in per role (the admin's code
// steps are 30 s apart) and one load per page; each role's findings are listed together at its end.

const company = '/companies/00000000-0000-4000-8000-000000000201';
const energyMapping = '/analyses/00000000-0000-4000-8000-000000005000';
const year = new Date().getFullYear();
const period = `from=${year}-01-01&to=${year}-12-31`;

/** The address of the first link on the page in view whose address starts with the prefix. */
async function firstLinkTo(page: Page, prefix: string): Promise<string> {
  const link = page.locator(`main a[href^="${prefix}"]`).first();
  await expect(link, `a link to ${prefix}…`).toBeVisible();
  return (await link.getAttribute('href'))!;
}

/** A company's own pages, a measurement and an analysis, as the role signed in sees them. */
async function checkCompanyPages(page: Page, findings: AxeFinding[]): Promise<void> {
  await checkAccessibility(page, findings, { path: company });
  await checkAccessibility(page, findings, { path: `${company}/maturity` });
  await checkAccessibility(page, findings, { path: await firstLinkTo(page, '/assessments/'), name: 'a measurement' });
  await checkAccessibility(page, findings, { path: `${company}/action-plan` });
  await checkAccessibility(page, findings, { path: `${company}/analyses` });
  await checkAccessibility(page, findings, { path: energyMapping });
  await checkAccessibility(page, findings, { path: `${company}/state-aid` });
}

/** The activities list and one activity. */
async function checkActivityPages(page: Page, findings: AxeFinding[]): Promise<void> {
  await checkAccessibility(page, findings, {
    path: '/activities',
    ready: (p) => p.locator('main a[href^="/activities/"]'),
  });
  await checkAccessibility(page, findings, { path: await firstLinkTo(page, '/activities/'), name: 'an activity' });
}

test('the signed-out pages have no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(120_000);
  const findings: AxeFinding[] = [];
  await checkAccessibility(page, findings, { path: '/login' });
  await checkAccessibility(page, findings, { path: '/forgot-password' });
  // A link whose token is unknown, as an old e-mail's: the page says so and offers a way on.
  await checkAccessibility(page, findings, { path: '/reset-password?token=unknown' });
  await checkAccessibility(page, findings, { path: '/invitation?token=unknown' });
  await checkAccessibility(page, findings, { path: '/programmet' });
  // The public activities (decision 046; their sign-up form, opened, in public-activities.spec.ts)
  // and the pages of the e-mailed link, before their button is pressed.
  await checkAccessibility(page, findings, { path: '/programmet/aktiviteter' });
  await checkAccessibility(page, findings, { path: '/programmet/anmalan/bekrafta?token=unknown' });
  await checkAccessibility(page, findings, { path: '/programmet/anmalan/avanmal?token=unknown' });
  expectNoFindings(findings);
});

test('the admin’s pages have no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(480_000);
  const findings: AxeFinding[] = [];
  // The code step of the sign-in, then every page the admin reaches.
  await page.goto('/login');
  await submitPassword(page, demoUsers.admin);
  await checkAccessibility(page, findings, { name: 'the code step of the sign-in' });
  await enterCode(page, demoAdminTotpSecret);
  await expect(mainNavigation(page)).toBeVisible();

  await checkAccessibility(page, findings, { path: '/', name: 'the overview' });
  await checkAccessibility(page, findings, { path: '/companies' });
  await checkCompanyPages(page, findings);
  await checkAccessibility(page, findings, { path: `${company}/analyses/new/digital` });
  await checkActivityPages(page, findings);
  await checkAccessibility(page, findings, { path: '/companies/new' });
  await checkAccessibility(page, findings, { path: '/companies/import' });
  await checkAccessibility(page, findings, { path: '/my-week' });
  await checkAccessibility(page, findings, { path: '/time-report' });
  await checkAccessibility(page, findings, { path: '/action-totals' });
  await checkAccessibility(page, findings, {
    path: `/reports?${period}`,
    ready: (p) => p.getByRole('region', { name: /^RCO01 / }),
  });
  await checkAccessibility(page, findings, { path: `/reports/impact?${period}` });
  await checkAccessibility(page, findings, { path: `/reports/time-and-cost?${period}` });
  // A frozen report of its own, made through the API: freezing is the funder report journey's part.
  const frozen = await page.request.post('/api/frozen-reports', {
    data: { from: `${year}-01-01`, to: `${year}-12-31`, title: `Tillgänglighet ${runTag()}` },
  });
  expect(frozen.status(), await frozen.text()).toBe(201);
  const { meta } = (await frozen.json()) as { meta: { id: string } };
  await checkAccessibility(page, findings, { path: `/reports/frozen/${meta.id}` });
  await checkAccessibility(page, findings, { path: '/handovers' });
  await checkAccessibility(page, findings, { path: '/users' });
  await checkAccessibility(page, findings, { path: '/admin/organisations' });
  await checkAccessibility(page, findings, { path: '/admin/emission-factor-sets' });
  await checkAccessibility(page, findings, { path: '/admin/state-aid' });
  await checkAccessibility(page, findings, { path: '/admin/outbox' });
  await checkAccessibility(page, findings, { path: '/account/security' });
  expectNoFindings(findings);
});

test('an industry developer’s pages have no serious or critical accessibility violation', async ({ page }) => {
  test.setTimeout(480_000);
  const findings: AxeFinding[] = [];
  // The pages a coach sees otherwise than the admin; the company pages, the reports and the lists the
  // admin's test checks are the same components with the organisation's records, and checking them
  // twice cost a minute and a half of CI's journeys.
  await signIn(page, 'coach');
  await checkAccessibility(page, findings, { path: '/', name: 'the overview' });
  await checkAccessibility(page, findings, { path: '/companies' });
  await checkActivityPages(page, findings);
  await checkAccessibility(page, findings, { path: '/my-week' });
  await checkAccessibility(page, findings, { path: '/time-report' });
  expectNoFindings(findings);
});

test('the company portal and the pages a company user reaches have no serious or critical violation', async ({
  page,
}) => {
  test.setTimeout(480_000);
  const findings: AxeFinding[] = [];
  await signIn(page, 'company');
  await checkAccessibility(page, findings, { path: '/', name: 'the company portal' });
  await checkCompanyPages(page, findings);
  await checkActivityPages(page, findings);
  await checkAccessibility(page, findings, { path: '/account/security' });
  await checkAccessibility(page, findings, { path: `/no-such-page-${runTag()}`, name: 'the 404 page' });
  expectNoFindings(findings);
});
