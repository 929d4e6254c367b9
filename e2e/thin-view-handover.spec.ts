import { expect, test, type Page } from '@playwright/test';
import { apiSignIn, freshOrganisationNumber, mainNavigation, runTag, signIn } from './helpers';

// Goal: a coach finds that a company is already held by another organisation (seeing only the
// thin view), asks for it to be handed over, and gets it once project management approves.

test.setTimeout(60_000);

/** The company list searched for a number, as a person types it into the search box. */
async function searchCompanies(page: Page, q: string) {
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await expect(page).toHaveURL('/companies');
  await page.getByRole('searchbox', { name: 'Sök' }).fill(q);
  await expect(page).toHaveURL(new RegExp(`/companies\\?(.*&)?q=${q}(&|$)`));
}

test('a coach of another organisation sees the thin view, asks for a hand-over and gets the company', async ({
  page: iuc,
  browser,
  playwright,
  baseURL,
}) => {
  const number = freshOrganisationNumber();
  const name = `Överlämningsverken ${runTag()} AB`;
  const street = `Hemliga gatan ${Math.floor(Math.random() * 90) + 10}`;
  const reason = 'Företaget ligger i Uddevalla och har redan kontakt med IUC Väst.';

  // Set-up: the IDC coach registers the company, with an address the others must not see.
  const idc = await playwright.request.newContext({ baseURL });
  await apiSignIn(idc, 'coach');
  const created = await idc.post('/api/companies', {
    data: {
      organisationNumber: number,
      name,
      streetAddress: street,
      postalCode: '541 30',
      city: 'Skövde',
      municipalityCode: '1496',
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  await idc.dispose();

  // The IUC Väst coach searches for the number: not in their own list, only in the thin view.
  await signIn(iuc, 'coachIucVast');
  await searchCompanies(iuc, number);

  const ownList = iuc.getByRole('table', { name: 'Företag' });
  await expect(ownList.getByText('Inga företag matchar sökningen och filtren.')).toBeVisible();
  await expect(ownList.getByRole('link', { name })).toHaveCount(0);

  const elsewhere = iuc.getByRole('region', { name: 'Hos andra organisationer' });
  await expect(elsewhere).toBeVisible();
  const thinRow = elsewhere.getByRole('row').filter({ hasText: number });
  await expect(thinRow).toHaveCount(1);
  await expect(thinRow.getByRole('cell').nth(0)).toHaveText(name);
  await expect(thinRow.getByRole('cell').nth(1)).toHaveText(number);
  await expect(thinRow.getByRole('cell').nth(2)).toHaveText('IDC West Sweden');
  // The thin view names the company but neither opens it nor tells where it is.
  await expect(elsewhere.getByRole('link')).toHaveCount(0);
  await expect(elsewhere).not.toContainText(street);
  await expect(elsewhere).not.toContainText('Skövde');
  await expect(iuc.getByText(street)).toHaveCount(0);

  await thinRow.getByRole('button', { name: `Begär överlämning av ${name}` }).click();
  const request = iuc.getByRole('dialog', { name: `Begär överlämning av ${name}` });
  await expect(request).toContainText(
    `IDC West Sweden ansvarar i dag för företaget med organisationsnummer ${number}.`,
  );
  await request.getByRole('textbox', { name: 'Varför ska din organisation ta över?' }).fill(reason);
  await request.getByRole('button', { name: 'Skicka begäran' }).click();
  await expect(request).toHaveCount(0);
  await expect(iuc.getByText(`Begäran om överlämning av ${name} är skickad.`)).toBeVisible();
  await expect(thinRow.getByText('Överlämning begärd')).toBeVisible();

  // Project management finds the request under Överlämningar and approves it.
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'admin');
  await mainNavigation(admin).getByRole('link', { name: 'Överlämningar', exact: true }).click();
  await expect(admin).toHaveURL('/handovers');
  const pending = admin.getByRole('table', { name: 'Överlämningar' }).getByRole('row').filter({ hasText: number });
  await expect(pending).toHaveCount(1);
  await expect(pending).toContainText(name);
  await expect(pending).toContainText('IDC West Sweden');
  await expect(pending).toContainText('IUC Väst');
  await expect(pending).toContainText('Cecilia Demosdotter');
  await expect(pending).toContainText(reason);
  await expect(pending).toContainText('Väntar på beslut');

  await pending.getByRole('button', { name: `Godkänn överlämning av ${name}` }).click();
  const decision = admin.getByRole('dialog', { name: `Godkänn överlämning av ${name}` });
  await expect(decision).toContainText('Företaget flyttas från IDC West Sweden till IUC Väst.');
  await decision.getByRole('textbox', { name: 'Kommentar' }).fill('Godkänt: ligger i Fyrbodal.');
  await decision.getByRole('button', { name: 'Godkänn', exact: true }).click();
  await expect(decision).toHaveCount(0);
  await expect(admin.getByText(`Överlämningen av ${name} är godkänd.`)).toBeVisible();
  await adminContext.close();

  // The IUC Väst coach now has the company in their own list, and may open it.
  await iuc.reload();
  await expect(iuc.getByRole('searchbox', { name: 'Sök' })).toHaveValue(number);
  const own = ownList.getByRole('row').filter({ hasText: number });
  await expect(own).toHaveCount(1);
  await expect(own).toContainText('IUC Väst');
  await expect(iuc.getByRole('region', { name: 'Hos andra organisationer' })).toHaveCount(0);
  await own.getByRole('link', { name }).click();
  await expect(iuc.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(iuc.getByText('Ansvarig organisation: IUC Väst')).toBeVisible();
  await expect(iuc.getByRole('region', { name: 'Uppgifter' })).toContainText(street);
});
