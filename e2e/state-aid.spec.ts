import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { mainNavigation, signIn } from './helpers';

// Issue 13, the Bars' journey: the company user declares earlier aid in the portal, the coach
// confirms it and records a grant (warned near the ceiling), downloads the notice and reads it,
// logs hours past the granted value and is told a new grant is needed; a second grant that would
// pass the ceiling is refused with the figures. Each page is also kept as a screenshot.

const companyId = '00000000-0000-4000-8000-000000000201';
const companyName = 'Exempelverken i Skövde AB';
const idcId = '00000000-0000-4000-8000-000000000101';
const shots = path.join('test-results', 'state-aid');

const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
const year = Number(today.slice(0, 4));
const month = today.slice(0, 7);

async function pdfText(bytes: Buffer): Promise<string> {
  const fonts = `${path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;
  const document = await getDocument({ data: new Uint8Array(bytes), standardFontDataUrl: fonts, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return parts
    .join(' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The rates the journey needs (IDC's hours at 1 000 kr this year, 10 SEK per EUR this month), set
 * through the API of a signed-in admin's page. */
async function setUpRates(request: APIRequestContext) {
  const hourly = await request.post('/api/hourly-rates', {
    data: { organisationId: idcId, year, rateSek: 1_000, decidedOn: `${year}-01-01` },
  });
  expect([201, 400]).toContain(hourly.status());
  const eur = await request.post('/api/eur-rates', { data: { month, sekPerEur: '10', source: 'Journeyns kurs' } });
  expect([201, 400]).toContain(eur.status());
  // The support the company already had (seeded hours this year), so the grant is planned above it.
  const aid = await request.get(`/api/companies/${companyId}/state-aid`);
  return ((await aid.json()) as { realised: { valueOre: number } }).realised.valueOre;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

test('declare, confirm, grant, read the notice, pass the granted value, and be refused over the ceiling', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin');
  const realisedBefore = await setUpRates(admin.request);
  // Whole quarter hours covering what was realised already, plus two hours.
  const plannedHours = Math.ceil(realisedBefore / 25_000) / 4 + 2;
  const grantedKronor = plannedHours * 1_000;

  const companyPage = await (await browser.newContext()).newPage();
  await test.step('the company user declares earlier aid in the portal', async () => {
    await signIn(companyPage, 'company');
    await companyPage.goto(`/companies/${companyId}`);
    await companyPage.getByRole('link', { name: 'Öppna statligt stöd' }).click();
    await expect(companyPage.getByRole('heading', { level: 1, name: `Statligt stöd – ${companyName}` })).toBeVisible();
    await companyPage.getByRole('button', { name: 'Fyll i intyg' }).click();
    const dialog = companyPage.getByRole('dialog', { name: 'De minimis-intyg' });
    await dialog.getByLabel('Företaget har fått stöd').check();
    await dialog.getByRole('textbox', { name: 'Stödgivare' }).fill('Tillväxtverket');
    // 2 700 000 kr at 10 = EUR 270 000: 90 % of the ceiling before the programme's grant.
    await dialog.getByRole('textbox', { name: 'Belopp (kr)', exact: true }).fill('2 700 000');
    await dialog.getByLabel('Beslutsdatum').fill(`${month}-01`);
    await dialog.getByRole('textbox', { name: 'Undertecknat av (firmatecknare)' }).fill('Frida Företagsdotter');
    await dialog.getByRole('button', { name: 'Spara intyget' }).click();
    await expect(dialog).toBeHidden();
    await expect(companyPage.getByText('Väntar på bekräftelse').first()).toBeVisible();
    await expect(companyPage.getByRole('button', { name: 'Bekräfta intyget' })).toHaveCount(0);
    await shot(companyPage, 'company-user-declared');
  });

  const page = await (await browser.newContext()).newPage();
  await test.step('the coach confirms the declaration', async () => {
    await signIn(page, 'coach');
    await page.goto(`/companies/${companyId}/state-aid`);
    await page.getByRole('button', { name: 'Bekräfta intyget' }).first().click();
    await expect(page.getByText('Intyget är bekräftat.')).toBeVisible();
  });

  await test.step('the coach records a grant, warned near the ceiling', async () => {
    await page.getByRole('button', { name: 'Nytt stödbeslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt stödbeslut' });
    await dialog.getByRole('textbox', { name: 'Planerade timmar' }).fill(String(plannedHours).replace('.', ','));
    await dialog.getByRole('button', { name: 'Beräkna' }).click();
    await expect(dialog.getByText(/Varning: koncernen når \d+ % av taket/)).toBeVisible();
    await shot(page, 'grant-preview-warning');
    await dialog.getByRole('button', { name: 'Fatta beslut' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('cell', { name: 'Gäller' })).toBeVisible();
  });

  await test.step('the coach downloads the notice and its text has the grant’s figures', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Beslut (PDF)' }).first().click();
    const text = await pdfText(await readFile((await (await download).path())!));
    expect(text).toContain('Beslut om stöd av mindre betydelse');
    expect(text).toContain(companyName);
    expect(text).toContain(`Beslutsdatum: ${today}`);
    const kronor = new Intl.NumberFormat('sv-SE').format(grantedKronor).replace(/\u00a0/g, ' ');
    expect(text).toContain(`Stödets värde: ${kronor} kr`);
    expect(text).toContain('Kommissionens förordning (EU) 2023/2831 av den 13 december 2023');
    expect(text).toContain('spara detta beslut i tio år');
  });

  await test.step('the coach logs hours past the granted value and is told a new grant is needed', async () => {
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('button', { name: 'Logga insats' }).click();
    const dialog = page.getByRole('dialog', { name: 'Logga insats' });
    await dialog.getByRole('combobox', { name: 'Typ av insats' }).click();
    await page.getByRole('option', { name: 'Coachning', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Timmar' }).fill('3');
    await dialog.getByRole('button', { name: 'Logga insats' }).click();
    await expect(dialog).toBeHidden();
    const card = page.getByRole('region', { name: 'Statligt stöd' });
    await expect(card.getByText('Utfört stöd har passerat beviljat värde: ett nytt stödbeslut behövs.')).toBeVisible();
    await shot(page, 'company-page-card');
    await mainNavigation(page).getByRole('link', { name: 'Min vecka' }).click();
    const week = page.getByRole('region', { name: 'Nytt stödbeslut behövs' });
    await expect(week.getByRole('link', { name: companyName })).toBeVisible();
    await shot(page, 'my-week');
  });

  await test.step('a second grant that would pass the ceiling is refused with the figures', async () => {
    await page.goto(`/companies/${companyId}/state-aid`);
    await expect(page.getByText(/Utfört stöd .* har passerat beviljat värde/)).toBeVisible();
    await page.getByRole('button', { name: 'Nytt stödbeslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nytt stödbeslut' });
    // 400 h × 1 000 kr = 400 000 kr = EUR 40 000 on top of more than EUR 270 000.
    await dialog.getByRole('textbox', { name: 'Planerade timmar' }).fill('400');
    await dialog.getByRole('button', { name: 'Beräkna' }).click();
    await expect(dialog.getByText('Beslutet skulle passera taket och kan inte fattas.')).toBeVisible();
    await expect(dialog.getByText(/Detta beslut: 40\s000,00\s€/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Fatta beslut' })).toBeDisabled();
    await shot(page, 'grant-refused');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await shot(page, 'company-state-aid');
  });

  await test.step('project management keeps the rates', async () => {
    await mainNavigation(admin).getByRole('link', { name: 'Statligt stöd' }).click();
    await expect(admin.getByRole('heading', { level: 1, name: 'Statligt stöd' })).toBeVisible();
    await expect(admin.getByRole('cell', { name: month, exact: true })).toBeVisible();
    await shot(admin, 'admin-rates');
  });
});
