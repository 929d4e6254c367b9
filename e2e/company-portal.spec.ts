import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { acceptInvitation, demoUsers, latestLinkTokenTo, mainNavigation, runTag, signIn } from './helpers';

// Issue 15, part 1, done-when: a coach invites a company user, who signs in, adds a colleague and
// signs them up for an activity, and exports the company's data. The portal's first page is
// photographed on a desktop and a 390 px phone, for a person to look at.

const shots = path.join('test-results', 'company-portal');
const company = 'Exempelverken i Skövde AB';
const activity = 'Insiktsträff: från mätning till handlingsplan';

test.beforeAll(() => {
  fs.mkdirSync(shots, { recursive: true });
});

test('a coach invites a company user, who adds a colleague, signs them up and exports the company’s data', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const tag = runTag();
  const user = { name: `Portal Användarsson ${tag}`, email: `portal-${tag}@demo.industryinwest.example` };
  const colleague = `Kollega Nyberg ${tag}`;

  // The coach of the company's organisation invites a person at the company.
  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await page.getByRole('link', { name: company }).click();
  const logins = page.getByRole('region', { name: 'Inloggningar i företagsportalen' });
  await logins.getByRole('button', { name: 'Bjud in till portalen' }).click();
  const invite = page.getByRole('dialog', { name: 'Bjud in till företagsportalen' });
  await invite.getByRole('textbox', { name: 'Namn' }).fill(user.name);
  await invite.getByRole('textbox', { name: 'E-postadress' }).fill(user.email);
  await invite.getByRole('button', { name: 'Skicka inbjudan' }).click();
  await expect(invite).toHaveCount(0);
  await expect(logins.getByRole('row').filter({ hasText: user.name })).toContainText('Inbjuden');

  // The invited person opens the link in their e-mail and lands on their company's own page.
  await page.context().clearCookies();
  await expect.poll(() => latestLinkTokenTo(user.email), { message: 'the invitation e-mail' }).toBeDefined();
  await acceptInvitation(page, latestLinkTokenTo(user.email)!, `Portalen-${tag}-Skövde`);
  await expect(mainNavigation(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: `Välkommen, ${user.name}` })).toBeVisible();
  await expect(page.getByText(`Här ser du hur det går för ${company}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Var ni står' })).toBeVisible();
  const coach = page.getByRole('region', { name: 'Er industriutvecklare' });
  await expect(coach.getByRole('link', { name: demoUsers.coach })).toHaveAttribute('href', `mailto:${demoUsers.coach}`);
  await expect(page.getByText('de företag du arbetar med')).toHaveCount(0);

  // They add a colleague, with gender and the colleague's consent.
  await page.getByRole('link', { name: 'Kontaktpersoner och inloggningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Kontaktpersoner' });
  await contacts.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
  const form = page.getByRole('dialog', { name: 'Lägg till kontaktperson' });
  await form.getByRole('textbox', { name: 'Namn' }).fill(colleague);
  await form.getByRole('textbox', { name: 'E-postadress' }).fill(`kollega-${tag}@demo.industryinwest.example`);
  await form.getByRole('combobox', { name: 'Kön' }).click();
  await page.getByRole('option', { name: 'Kvinna' }).click();
  await form
    .getByRole('textbox', { name: 'Vad har personen samtyckt till?' })
    .fill('Utskick om programmets aktiviteter');
  await form.getByRole('textbox', { name: 'Version av samtyckestexten' }).fill('2026-01');
  await form.getByRole('button', { name: 'Lägg till' }).click();
  await expect(form).toHaveCount(0);
  const row = contacts.getByRole('row').filter({ hasText: colleague });
  await expect(row).toContainText('Kvinna');
  await expect(row).toContainText('1 samtycke');

  // They sign the colleague up for a coming activity.
  await mainNavigation(page).getByRole('link', { name: 'Aktiviteter' }).click();
  await page.getByRole('link', { name: activity }).click();
  const panel = page.getByRole('region', { name: 'Anmäl deltagare' });
  await panel.getByRole('checkbox', { name: colleague }).check();
  await panel.getByRole('button', { name: 'Anmäl 1 person' }).click();
  const registrations = page.getByRole('region', { name: 'Anmälningar' });
  await expect(registrations.getByRole('row').filter({ hasText: colleague })).toContainText('Anmäld');

  // The first page shows what is coming up, the colleague's activity among it.
  await mainNavigation(page).getByRole('link', { name: 'Översikt' }).click();
  const due = page.getByRole('region', { name: 'På gång' });
  await expect(due.getByRole('listitem').filter({ hasText: colleague })).toContainText(activity);
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, 'portal-desktop.png'), fullPage: true });

  // They take the company's data away: an .xlsx with a sheet each, and the same as JSON.
  const data = page.getByRole('region', { name: 'Era uppgifter' });
  const [xlsx] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Ladda ner Excel (.xlsx)' }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/^foretagsdata-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await xlsx.path());
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Företag',
    'Kontaktpersoner',
    'Mätningar',
    'Handlingsplan',
    'Analyser',
  ]);
  const names = workbook.getWorksheet('Kontaktpersoner')!.getColumn(1).values;
  expect(names).toContain(colleague);

  const [json] = await Promise.all([
    page.waitForEvent('download'),
    data.getByRole('button', { name: 'Ladda ner JSON' }).click(),
  ]);
  expect(json.suggestedFilename()).toMatch(/^foretagsdata-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(fs.readFileSync(await json.path(), 'utf8')) as {
    company: { name: string };
    contacts: { name: string; gender: string }[];
  };
  expect(exported.company.name).toBe(company);
  expect(exported.contacts.find((c) => c.name === colleague)?.gender).toBe('woman');

  // The same first page on a phone.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Var ni står' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: path.join(shots, 'portal-phone.png'), fullPage: true });
});

test('a company user cannot give a colleague a login until the coach allows it', async ({ page }) => {
  await signIn(page, 'company');
  await expect(page.getByRole('region', { name: 'Kollegor och kontaktpersoner' })).toContainText(
    'Er industriutvecklare bjuder in fler användare till portalen.',
  );
  await page.getByRole('link', { name: 'Kontaktpersoner och inloggningar' }).click();
  const logins = page.getByRole('region', { name: 'Inloggningar i företagsportalen' });
  await expect(logins.getByRole('row').filter({ hasText: demoUsers.company })).toBeVisible();
  await expect(logins.getByRole('button', { name: 'Bjud in till portalen' })).toHaveCount(0);
  await expect(logins.getByRole('switch')).toHaveCount(0);
});
