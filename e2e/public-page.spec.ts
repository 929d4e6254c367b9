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
  // The search reaches the URL after a pause: a click before it would be undone by that navigation.
  await expect(page).toHaveURL(new RegExp(`[?&]q=${number}(&|$)`));
  const rows = page.getByRole('row').filter({ hasText: company });
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('Intressent');
  await rows.getByRole('link', { name: company }).click();
  await expect(page.getByRole('heading', { level: 1, name: company })).toBeVisible();
  await expect(page.getByText('Vera Besökare', { exact: true })).toBeVisible();
});

/** What shows where focus is on a control: its outline, its shadow and its border's colour. */
function focusMarks(element: Element): string {
  const style = getComputedStyle(element);
  const outline =
    style.outlineStyle === 'none' ? 'none' : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
  return `${outline} | ${style.boxShadow} | ${style.borderColor}`;
}

test('a visitor fills in and sends the interest form with the keyboard only', async ({ page }) => {
  const number = freshOrganisationNumber();
  const company = `Tangentverken ${runTag()} AB`;
  const token = page.waitForResponse((response) => response.url().endsWith('/api/public/interest-form'));
  await page.goto('/programmet');
  await token;
  const opened = Date.now();
  const form = page.locator('form');
  const textbox = (name: string) => form.getByRole('textbox', { name });
  const checkbox = (name: string | RegExp) => form.getByRole('checkbox', { name });
  const field = {
    company: textbox('Företagets namn'),
    number: textbox('Organisationsnummer'),
    municipality: form.getByRole('combobox', { name: 'Kommun' }),
    person: textbox('Kontaktperson'),
    email: textbox('E-post'),
    phone: textbox('Telefon'),
    foundation: checkbox('Grundsteg'),
    resources: checkbox('Resurseffektiv produktion'),
    circular: checkbox('Cirkulära affärsmodeller'),
    energy: checkbox('Energiomställning'),
    digital: checkbox('Digitalisering'),
    message: textbox('Meddelande'),
    consent: checkbox(/Jag samtycker/),
    submit: form.getByRole('button', { name: 'Skicka intresseanmälan' }),
  };
  // The list of municipalities comes with the page's second request.
  await expect(field.municipality.getByRole('option', { name: 'Skövde' })).toHaveCount(1);

  // Each control's look without focus, so a step can tell that focus shows on it (WCAG 2.4.7).
  const resting = new Map<(typeof field)[keyof typeof field], string>();
  for (const control of Object.values(field)) resting.set(control, await control.evaluate(focusMarks));
  // The hidden field for bots must never be reached.
  const honeypot = form.locator('[data-path="website"]');
  await honeypot.evaluate((element) =>
    element.addEventListener('focus', () => element.setAttribute('data-was-focused', 'true')),
  );

  /** One key press that must bring visible focus to the control. */
  async function press(key: string, control: (typeof field)[keyof typeof field]) {
    await page.keyboard.press(key);
    await expect(control).toBeFocused();
    await expect.poll(() => control.evaluate(focusMarks)).not.toBe(resting.get(control));
  }

  // From the top of the page: the header's links, then the call to action that leads to the form.
  const cta = page.getByRole('link', { name: 'Anmäl intresse' });
  for (let presses = 0; presses < 5 && !(await cta.evaluate((link) => link === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(cta).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#intresse$/);

  // Every field in order; the municipality and the contact person are left out at first.
  await press('Tab', field.company);
  await page.keyboard.type(company);
  await press('Tab', field.number);
  await page.keyboard.type(number);
  await press('Tab', field.municipality);
  await press('Tab', field.person);
  await press('Tab', field.email);
  await page.keyboard.type('tangent@besokare.example');
  await press('Tab', field.phone);
  await page.keyboard.type('0500-12 34 56');
  for (const area of [field.foundation, field.resources, field.circular, field.energy]) await press('Tab', area);
  await page.keyboard.press('Space');
  await expect(field.energy).toBeChecked();
  await press('Tab', field.digital);
  await press('Tab', field.message);
  await page.keyboard.type('Vi vill minska vår energianvändning.');
  await press('Tab', field.consent);
  await page.keyboard.press('Space');
  await expect(field.consent).toBeChecked();
  // Back and forth past the hidden field: it is not in the way either way.
  await press('Shift+Tab', field.message);
  await press('Tab', field.consent);
  await press('Tab', field.submit);

  // Sent with fields missing: focus goes to the first of them, which says what is wrong.
  await page.keyboard.press('Enter');
  await expect(field.municipality).toBeFocused();
  // Its red border is the same with focus or without, so the focus shows as a ring.
  await expect
    .poll(() => field.municipality.evaluate((element) => getComputedStyle(element).outlineStyle))
    .toBe('solid');
  await expect(field.municipality).toHaveAttribute('aria-invalid', 'true');
  await expect(field.municipality).toHaveAccessibleDescription('Välj kommun.');
  await expect(field.person).toHaveAttribute('aria-invalid', 'true');
  await expect(field.person).toHaveAccessibleDescription('Fyll i fältet.');

  // The native list picks by typing a name (the browser's type-ahead takes no "ö", so Skara) and
  // steps to the next with the arrow key; then on to the contact person and through to the button.
  await page.keyboard.type('Skara');
  await expect(field.municipality.locator('option:checked')).toHaveText('Skara');
  await page.keyboard.press('ArrowDown');
  await expect(field.municipality.locator('option:checked')).toHaveText('Skövde');
  await press('Tab', field.person);
  await page.keyboard.type('Tove Tangent');
  for (const control of [
    field.email,
    field.phone,
    field.foundation,
    field.resources,
    field.circular,
    field.energy,
    field.digital,
    field.message,
    field.consent,
    field.submit,
  ]) {
    await press('Tab', control);
  }
  await expect(honeypot).not.toHaveAttribute('data-was-focused');
  await expect(honeypot).toHaveValue('');

  // Sent with Enter once a person could have filled it in: the thanks takes focus, so it is read out.
  await page.waitForTimeout(Math.max(0, minimumFillMs - (Date.now() - opened)));
  await page.keyboard.press('Enter');
  const thanks = page.getByRole('status').filter({ hasText: 'Tack för er intresseanmälan' });
  await expect(thanks).toBeFocused();
  await expect(thanks).toContainText('tangent@besokare.example');

  // Not dropped as a bot's: Skövde's organisation's industry developer hears of the company.
  await expect.poll(() => mailsTo(demoUsers.coach).filter((text) => text.includes(company))).toHaveLength(1);
});
