import { expect, test, type Page } from '@playwright/test';
import { demoUsers, freshOrganisationNumber, mailsTo, mainNavigation, runTag, signIn } from './helpers';

// Goal: a visitor without an account reads what the programme offers and sends the interest form;
// the coach of the organisation that covers the company's municipality finds the new prospect and
// the e-mail about it. The same number sent again gives the same thanks and no second company
// (issue 15, decision 045).

// Two visits, each waiting out the form's minimum fill time, and a coach's sign-in, on a shared and
// sometimes busy machine.
test.setTimeout(90_000);

/** The form quietly drops what is sent sooner than a person fills it in (4 s after its token). */
const minimumFillMs = 4_500;

async function sendInterest(page: Page, fields: { company: string; number: string; person: string }) {
  // The fill time counts from the form's token, which the page asks for once its form is shown.
  const token = page.waitForResponse((response) => response.url().endsWith('/api/public/interest-form'));
  await page.goto('/programmet');
  await token;
  const opened = Date.now();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Stöd för en hållbar och cirkulär industri' }),
  ).toBeVisible();
  const form = page.locator('form');
  await form.getByRole('textbox', { name: 'Företagets namn' }).fill(fields.company);
  await form.getByRole('textbox', { name: 'Organisationsnummer' }).fill(fields.number);
  await form.getByRole('combobox', { name: 'Kommun' }).selectOption({ label: 'Skövde' });
  await form.getByRole('textbox', { name: 'Kontaktperson' }).fill(fields.person);
  await form.getByRole('textbox', { name: 'E-post' }).fill('kontakt@besokare.example');
  await form.getByRole('checkbox', { name: 'Energiomställning' }).check();
  await form.getByRole('checkbox', { name: /Jag samtycker/ }).check();
  await page.waitForTimeout(Math.max(0, minimumFillMs - (Date.now() - opened)));
  await form.getByRole('button', { name: 'Skicka intresseanmälan' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Tack för er intresseanmälan' })).toBeVisible();
  return page.getByRole('status').filter({ hasText: 'Tack för er intresseanmälan' }).innerText();
}

test('a visitor sends the interest form and the covering organisation’s coach finds the prospect', async ({
  page,
  browser,
}) => {
  const number = freshOrganisationNumber();
  const company = `Besökarverken ${runTag()} AB`;

  // Without an account: the page says what the programme offers, costs and who covers Skövde.
  await page.goto('/programmet');
  await expect(page.getByRole('heading', { level: 2, name: 'Vad programmet erbjuder' })).toBeVisible();
  for (const area of [
    'Grundsteg',
    'Resurseffektiv produktion',
    'Cirkulära affärsmodeller',
    'Energiomställning',
    'Digitalisering',
  ]) {
    await expect(page.getByRole('heading', { level: 3, name: area })).toBeVisible();
  }
  await expect(page.getByText('Ingenting för företaget.')).toBeVisible();
  await expect(page.getByText(/stöd av mindre betydelse \(de minimis\)/)).toBeVisible();
  const idc = page.getByRole('heading', { level: 3, name: 'IDC West Sweden' }).locator('..');
  await expect(idc).toContainText('15 kommuner');
  await expect(idc).toContainText('Skövde');

  const firstAnswer = await sendInterest(page, { company, number, person: 'Vera Besökare' });

  // The same number again, from someone else at the company: the same thanks, nothing new.
  const other = await browser.newPage();
  const secondAnswer = await sendInterest(other, { company, number, person: 'Viktor Besökare' });
  expect(secondAnswer).toBe(firstAnswer);
  await other.close();

  // Skövde is in Skaraborg, IDC West Sweden's: its coach got both e-mails.
  const mails = mailsTo(demoUsers.coach).filter((text) => text.includes(company));
  expect(mails).toHaveLength(2);
  expect(mails[0]).toContain(`Subject: Intresseanmälan: ${company} – Industry In West`);
  expect(mails[0]).toContain('Kontaktperson: Vera Besökare');
  expect(mails[1]).toContain(`Subject: Ny intresseanmälan: ${company} – Industry In West`);
  expect(mails[1]).toContain('Kontaktperson: Viktor Besökare');
  expect(mailsTo(demoUsers.coachIucVast).filter((text) => text.includes(company))).toEqual([]);

  // The coach finds one prospect under the number, with the person who sent the form first.
  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await page.getByRole('searchbox').fill(number);
  const rows = page.getByRole('row').filter({ hasText: company });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Intressent');
  await rows.getByRole('link', { name: company }).click();
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
  await expect(page.getByText('Vera Besökare', { exact: true })).toBeVisible();
});
