import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { freshOrganisationNumber, mainNavigation, runTag, signIn } from './helpers';

// Issue 12, as project management does it: make the indicator report of a period for one
// organisation, download its .xlsx and read its sheets, freeze it, then a record changes: the
// frozen report stays as it was sent, and the difference is listed.

const idc = 'IDC West Sweden';
const idcId = '00000000-0000-4000-8000-000000000101';

/** RCO01's total as the page shows it ("Totalt: 12 företag"). */
async function rco01Total(page: Page): Promise<number> {
  const card = page.getByRole('region', { name: /^RCO01 / });
  const total = card.getByLabel(/^Totalt: /);
  return Number(
    (await total.getAttribute('aria-label'))!.replace(/^Totalt: ([\d\s\u00a0]+) .*$/, '$1').replace(/\D/g, ''),
  );
}

test('the admin makes, downloads and freezes an indicator report; a later change leaves it as sent', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const tag = runTag();
  const year = new Date().getFullYear();
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;

  await signIn(page, 'admin');
  await mainNavigation(page).getByRole('link', { name: 'Rapporter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter till finansiärer' })).toBeVisible();

  await test.step('filter a period and an organisation; the filters are kept in the URL', async () => {
    await page.getByLabel('Från och med').fill(from);
    await page.getByLabel('Till och med').fill(to);
    await page.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: idc, exact: true }).click();
    await page.getByRole('button', { name: 'Gör rapporten' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}&organisationId=${idcId}`));
    await expect(page.getByRole('region', { name: /^RCO01 Företag som får stöd/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Datakvalitet' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: /^RCO01 / })).toBeVisible();
  });
  const before = await rco01Total(page);

  await test.step('the participant list shows its first page and how many companies it holds', async () => {
    const list = page.getByRole('region', { name: 'Deltagarlista' });
    await expect(list.getByText(/^Visar 1–\d+ av \d+$/)).toBeVisible();
    await expect(list.getByRole('table').getByRole('link').first()).toBeVisible();
  });

  await test.step('download the .xlsx and read its sheets', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner .xlsx' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`indikatorrapport-${from}-${to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(expect.arrayContaining(['Om rapporten', 'RCO01', 'RCO04', 'Deltagarlista', 'Datakvalitet']));
    expect(workbook.getWorksheet('RCO01')!.getRow(2).getCell(3).value).toBe(before);
    expect(workbook.getWorksheet('Om rapporten')!.getRow(3).getCell(2).value).toBe(idc);
  });

  const title = `Lägesrapport ${tag}`;
  await test.step('freeze it as it is sent', async () => {
    await page.getByRole('button', { name: 'Frys rapporten' }).click();
    const dialog = page.getByRole('dialog', { name: 'Frys rapporten som den skickas' });
    await dialog.getByLabel('Rapportens namn').fill(title);
    await dialog.getByRole('button', { name: 'Frys', exact: true }).click();
    await expect(dialog).toBeHidden();
    await page
      .getByRole('region', { name: 'Frysta rapporter' })
      .getByRole('link', { name: `${title}, version 1` })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: `${title}, version 1` })).toBeVisible();
    await expect(page.getByText('Inget har ändrats i uppgifterna som påverkar rapporten.')).toBeVisible();
    expect(await rco01Total(page)).toBe(before);
  });

  const companyName = `Efterhandsbolaget ${tag} AB`;
  await test.step('a record changes: a new company of the organisation gets 5 hours of coaching', async () => {
    const created = await page.request.post('/api/companies', {
      data: {
        organisationNumber: freshOrganisationNumber(),
        name: companyName,
        municipalityCode: '1496',
        organisationId: idcId,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const logged = await page.request.post(`/api/companies/${id}/interventions`, {
      data: { occurredOn: `${year}-01-15`, kind: 'coaching', hours: 5 },
    });
    expect(logged.status(), await logged.text()).toBe(201);
  });

  await test.step('the frozen report is unchanged, and the difference is listed', async () => {
    await page.reload();
    expect(await rco01Total(page)).toBe(before);
    const changes = page.getByRole('region', { name: 'Ändrat sedan rapporten frystes' });
    await expect(changes.getByRole('link', { name: companyName })).toBeVisible();
    const total = changes
      .getByRole('row')
      .filter({ hasText: 'RCO01 Företag som får stöd' })
      .filter({ hasText: 'Totalt' });
    await expect(total).toContainText(String(before));
    await expect(total).toContainText(String(before + 1));
  });
});
