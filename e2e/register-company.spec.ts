import { expect, test } from '@playwright/test';
import { freshOrganisationNumber, mainNavigation, runTag, signIn, withWrongCheckDigit } from './helpers';

// Goal: a coach registers a new company in the programme, gets a mistyped organisation number
// caught before anything is saved, adds the people to talk to, and enrols the company.

// A long journey (three dialogs and a page change) on a shared, sometimes busy machine.
test.setTimeout(60_000);

test('a coach registers a company, adds two contacts and enrols it', async ({ page }) => {
  const number = freshOrganisationNumber();
  const mistyped = withWrongCheckDigit(number);
  const name = `Journeyverken ${runTag()} AB`;

  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await page.getByRole('link', { name: 'Registrera företag' }).click();
  await expect(page).toHaveURL('/companies/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Registrera företag' })).toBeVisible();

  // A number whose check digit is wrong is refused next to the field, on leaving it…
  const numberField = page.getByRole('textbox', { name: 'Organisationsnummer', exact: false });
  await numberField.fill(mistyped);
  await page.getByRole('textbox', { name: 'Företagsnamn', exact: false }).fill(name);
  const checkDigitError = 'Kontrollsiffran stämmer inte. Kontrollera att numret är rätt skrivet.';
  await expect(numberField).toHaveAttribute('aria-invalid', 'true');
  await expect(numberField).toHaveAccessibleDescription(new RegExp(checkDigitError.replace(/\./g, '\\.')));

  const municipality = page.getByRole('combobox', { name: 'Kommun' });
  await municipality.click();
  await municipality.fill('Skövde');
  await page.getByRole('option', { name: 'Skövde', exact: true }).click();
  await expect(page.getByText('Område: Skaraborg')).toBeVisible();

  // …and again on submitting: the page stays, and nothing reaches the register.
  await page.getByRole('button', { name: 'Registrera företaget' }).click();
  await expect(page).toHaveURL('/companies/new');
  await expect(page.getByText(checkDigitError)).toBeVisible();
  await expect(numberField).toBeFocused();
  for (const q of [number, mistyped]) {
    const found = await page.request.get(`/api/companies?q=${encodeURIComponent(q)}`);
    expect(found.ok()).toBe(true);
    expect((await found.json()) as { total: number }).toMatchObject({ total: 0 });
  }

  // The corrected number registers the company and opens its page.
  await numberField.fill(number.replace('-', ''));
  await numberField.blur();
  await expect(numberField).toHaveValue(number);
  await expect(page.getByText(checkDigitError)).toHaveCount(0);
  await page.getByRole('button', { name: 'Registrera företaget' }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(`${name} är registrerat.`)).toBeVisible();
  await expect(page.getByText(number)).toBeVisible();
  const facts = page.getByRole('region', { name: 'Uppgifter' });
  await expect(facts.getByRole('definition').filter({ hasText: 'Skövde' })).toContainText('Område: Skaraborg');

  // Two contacts: the first without consent, the second with.
  const contacts = page.getByRole('region', { name: 'Kontaktpersoner' });
  await expect(contacts.getByText('Inga kontaktpersoner ännu.')).toBeVisible();

  await contacts.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
  let dialog = page.getByRole('dialog', { name: 'Lägg till kontaktperson' });
  await dialog.getByRole('textbox', { name: 'Namn', exact: false }).fill('Anna Andersson');
  await dialog.getByRole('textbox', { name: 'Roll' }).fill('Vd');
  await dialog.getByRole('textbox', { name: 'E-postadress' }).fill('anna@journeyverken.example');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Anna Andersson är tillagd.')).toBeVisible();

  await contacts.getByRole('button', { name: 'Lägg till kontaktperson' }).click();
  dialog = page.getByRole('dialog', { name: 'Lägg till kontaktperson' });
  await dialog.getByRole('textbox', { name: 'Namn', exact: false }).fill('Bo Berg');
  await dialog.getByRole('textbox', { name: 'Roll' }).fill('Produktionschef');
  await dialog.getByRole('textbox', { name: 'Telefon' }).fill('0500-12 34 56');
  await dialog.getByRole('checkbox', { name: 'Personen har gett sitt samtycke' }).check();
  await dialog
    .getByRole('textbox', { name: 'Vad har personen samtyckt till?', exact: false })
    .fill('Nyhetsbrev om programmet');
  await dialog.getByRole('textbox', { name: 'Version av samtyckestexten', exact: false }).fill('2026-01');
  await dialog.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('Bo Berg är tillagd.')).toBeVisible();

  const anna = contacts.getByRole('row').filter({ hasText: 'Anna Andersson' });
  const bo = contacts.getByRole('row').filter({ hasText: 'Bo Berg' });
  await expect(anna).toContainText('Vd');
  await expect(anna).toContainText('Inget samtycke');
  await expect(bo).toContainText('Produktionschef');
  await expect(bo).toContainText('Nyhetsbrev om programmet');
  await expect(bo).toContainText(/1 samtycke, senast/);
  const timeline = page.getByRole('region', { name: 'Tidslinje' });
  // The server-side timeline (issue 6) lists contacts added; consents show on the contact's row.
  await expect(timeline.getByText('Kontaktperson Bo Berg tillagd')).toBeVisible();

  // Enrol the company: the new status shows, with the change in the history.
  const status = page.getByRole('region', { name: 'Status', exact: true });
  await expect(status.getByText('Intressent').first()).toBeVisible();
  await status.getByRole('button', { name: 'Ändra status' }).click();
  dialog = page.getByRole('dialog', { name: `Ändra status för ${name}` });
  await dialog.getByRole('radio', { name: 'Inskrivet' }).check();
  await dialog.getByRole('button', { name: 'Spara status' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(`${name} har nu status Inskrivet.`)).toBeVisible();

  const history = status.getByRole('table', { name: 'Statushistorik' });
  const enrolment = history.getByRole('row').filter({ hasText: 'Inskrivet' });
  await expect(enrolment).toHaveCount(1);
  await expect(enrolment).toContainText('Intressent');
  await expect(enrolment).toContainText('av Bertil Exempelsson');
  await expect(timeline.getByText('Status: Inskrivet')).toBeVisible();
});

test('a company name of one long unbroken word does not push the page sideways on a phone', async ({ page }) => {
  const name = `Verkstadsindustriaktiebolaget${'Västsverige'.repeat(4)}${runTag()}`;
  await signIn(page, 'coach');
  const created = await page.request.post('/api/companies', {
    data: { organisationNumber: freshOrganisationNumber(), name },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/companies/${id}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Verkstadsindustriaktiebolaget');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('a dialog opened from a row menu gives focus back to that menu’s button when it closes', async ({ page }) => {
  await signIn(page, 'coach');
  await page.goto('/companies/00000000-0000-4000-8000-000000000201');
  const menuButton = page.getByRole('button', { name: /^Val för / }).first();
  await menuButton.click();
  await page.getByRole('menuitem', { name: 'Redigera' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(menuButton).toBeFocused();
});
