import { expect, test, type Page } from '@playwright/test';
import { mainNavigation, signIn } from './helpers';

// Issue 6, interventions: a coach logs two interventions and sees them in the time report and on the
// timeline; a follow-up due this week appears in "my week" and, once the reminders run, as an
// e-mail in the admin outbox. Screenshots of each page go to screenshots/ (gitignored).

const companyId = '00000000-0000-4000-8000-000000000201';
const shots = 'screenshots';

// Four page loads and two saves per journey: more than the default on a busy 2-core machine.
test.describe.configure({ timeout: 120_000 });

function today(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

async function logIntervention(page: Page, kind: string, hours: string, nextFollowUpOn?: string) {
  await page.getByRole('button', { name: 'Logga insats' }).click();
  const dialog = page.getByRole('dialog', { name: 'Logga insats' });
  await dialog.getByRole('combobox', { name: 'Typ av insats' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await dialog.getByRole('textbox', { name: 'Timmar' }).fill(hours);
  await dialog.getByRole('textbox', { name: 'Anteckningar' }).fill(`Anteckning om ${kind.toLowerCase()}`);
  if (nextFollowUpOn) await dialog.getByLabel('Nästa uppföljning').fill(nextFollowUpOn);
  await dialog.getByRole('button', { name: 'Logga insats' }).click();
  await expect(dialog).toBeHidden();
}

test('a coach logs two interventions and finds them in the time report, the timeline and my week', async ({ page }) => {
  await signIn(page, 'coach');
  await page.goto(`/companies/${companyId}`);
  const companyName = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const section = page.getByRole('region', { name: 'Insatser' });
  await expect(section).toBeVisible();

  await logIntervention(page, 'Coachning', '1,5');
  await logIntervention(page, 'Uppföljningsbesök', '2,25', today());
  await expect(section.getByRole('row').filter({ hasText: 'Uppföljningsbesök' }).first()).toContainText('2,25');
  await expect(section.getByRole('row').filter({ hasText: 'Coachning' }).first()).toContainText('1,5');

  const timeline = page.getByRole('region', { name: 'Tidslinje' });
  await timeline.getByText('Insatser', { exact: true }).click();
  await expect(timeline.getByText('Uppföljningsbesök, 2,25 tim').first()).toBeVisible();
  await expect(timeline.getByText('Coachning, 1,5 tim').first()).toBeVisible();
  await expect(timeline.getByText('Registrerat i plattformen')).toBeHidden();
  await page.screenshot({ path: `${shots}/interventions-company.png`, fullPage: true });

  await mainNavigation(page).getByRole('link', { name: 'Tidrapport' }).click();
  await expect(page.getByRole('heading', { name: 'Tidrapport', level: 1 })).toBeVisible();
  const perCompany = page.getByRole('region', { name: 'Per företag' });
  await expect(perCompany.getByRole('row').filter({ hasText: companyName })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^tidrapport-.*\.xlsx$/);
  await page.screenshot({ path: `${shots}/interventions-time-report.png`, fullPage: true });

  await mainNavigation(page).getByRole('link', { name: 'Min vecka' }).click();
  const dueThisWeek = page.getByRole('region', { name: 'Den här veckan', exact: true });
  await expect(dueThisWeek.getByRole('link', { name: companyName }).first()).toBeVisible();
  // The demo company's action due today is there too, linked to its action plan.
  await expect(dueThisWeek.locator(`a[href="/companies/${companyId}/action-plan"]`).first()).toBeVisible();
  const logged = page.getByRole('region', { name: 'Loggat den här veckan' });
  await expect(logged.getByRole('link', { name: companyName }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/interventions-my-week.png`, fullPage: true });
});

test('the due follow-up reaches the coach as an e-mail when the reminders run', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/my-week');
  await page.getByRole('button', { name: 'Skicka påminnelser nu' }).click();
  await expect(page.getByText(/nya påminnelser/)).toBeVisible();
  await page.goto('/admin/outbox');
  await expect(page.getByText(/Påminnelse: Uppföljning – /).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/interventions-outbox.png`, fullPage: true });
});

test("the admin chooses an organisation and a coach in the time report and sees that coach's hours", async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/time-report');
  await expect(page.getByText(/^Astrid Påhittad: /)).toBeVisible();
  await page.getByRole('combobox', { name: 'Organisation' }).click();
  await page.getByRole('option', { name: 'IDC West Sweden' }).click();
  await page.getByRole('combobox', { name: 'Industriutvecklare' }).click();
  await page.getByRole('option', { name: 'Bertil Exempelsson' }).click();
  await expect(page.getByText(/^Bertil Exempelsson: .* timm/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Per företag' }).getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: `${shots}/time-report-admin.png`, fullPage: true });
});

test('the coach sees the reminder in my week and marks it done', async ({ page }) => {
  await signIn(page, 'coach');
  await page.goto('/my-week');
  // The reminder sits on its item's row: each item is listed once, with its reminder's buttons.
  const main = page.getByRole('main');
  await expect(main.getByText(/Skickad med e-post/).first()).toBeVisible();
  await expect(page.getByRole('region', { name: /Kommande veckor/ })).toBeVisible();
  // An item is its link, its kind and its due date: one company may well have two actions due in the
  // weeks ahead, on different days.
  const rows = await main
    .locator('section a[href^="/companies/"]')
    .evaluateAll((links) =>
      links.map((link) => `${link.getAttribute('href')} ${link.parentElement?.parentElement?.textContent ?? ''}`),
    );
  expect(new Set(rows).size).toBe(rows.length);
  const before = await main.getByRole('button', { name: /^Klar/ }).count();
  await main.getByRole('button', { name: /^Klar/ }).first().click();
  await expect(main.getByRole('button', { name: /^Klar/ })).toHaveCount(before - 1);
});

test('a company user sees their timeline without internal notes and no coaching log', async ({ page }) => {
  await signIn(page, 'company');
  await page.goto(`/companies/${companyId}`);
  await expect(page.getByRole('region', { name: 'Tidslinje' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Insatser' })).toHaveCount(0);
  await expect(page.getByText('Anteckning om coachning')).toHaveCount(0);
  await page.screenshot({ path: `${shots}/interventions-company-user.png`, fullPage: true });
});
