import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { freshOrganisationNumbers, mainNavigation, runTag, signIn, withWrongCheckDigit } from './helpers';

// Goal: a coach brings a spreadsheet of companies into the register, sees before anything is
// saved which rows are wrong and why, imports the good rows, and can run the same file again
// without creating anything twice.

test.setTimeout(120_000);

const header = [
  'Org.nr',
  'Företagsnamn',
  'Besöksadress',
  'Postnummer',
  'Postort',
  'Kommun',
  'SNI-kod',
  'Antal anställda',
];
const municipalities = ['Skövde', 'Falköping', 'Lidköping', 'Mariestad', 'Skara'];

/** 300 rows: 295 good companies and five bad rows, one problem each, spread through the file. */
function spreadsheetRows(tag: string): (string | number | null)[][] {
  const numbers = freshOrganisationNumbers(300);
  const bad = { checkDigit: 17, missingName: 88, textHeadcount: 150, unknownMunicipality: 221, duplicate: 290 };
  return numbers.map((number, i) => [
    i === bad.checkDigit ? withWrongCheckDigit(number) : i === bad.duplicate ? numbers[3]!.replace('-', '') : number,
    i === bad.missingName ? null : `Importverken ${tag} ${String(i + 1).padStart(3, '0')} AB`,
    `Fabriksgatan ${i + 1}`,
    '541 30',
    'Skövde',
    i === bad.unknownMunicipality ? 'Atlantis' : municipalities[i % municipalities.length]!,
    '25.620',
    i === bad.textHeadcount ? 'många' : 5 + (i % 40),
  ]);
}

async function writeSpreadsheet(path: string, rows: (string | number | null)[][]) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Företag');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

/** Chooses the file and asks for the preview; waits for every row to be shown. */
async function previewFile(page: Page, path: string) {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByRole('button', { name: 'Läs in och förhandsgranska' }).click();
  await expect(page.getByRole('heading', { name: '3. Förhandsgranskning av 300 rader' })).toBeVisible({
    timeout: 30_000,
  });
}

function counts(page: Page) {
  return page.getByRole('group', { name: 'Sammanfattning' });
}

test('a coach imports a 300-row spreadsheet: the preview shows the five bad rows, a second run changes nothing', async ({
  page,
}, testInfo) => {
  const tag = runTag();
  const file = testInfo.outputPath(`foretag-${tag}.xlsx`);
  await writeSpreadsheet(file, spreadsheetRows(tag));

  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await page.getByRole('link', { name: 'Importera' }).click();
  await expect(page).toHaveURL('/companies/import');
  await expect(page.getByRole('heading', { level: 1, name: 'Importera företag' })).toBeVisible();

  // The preview: every row's fate before anything is saved.
  await previewFile(page, file);
  await expect(page.getByRole('combobox', { name: 'Organisationsnummer', exact: false })).toHaveValue('Org.nr');
  await expect(page.getByRole('combobox', { name: 'Kommun' })).toHaveValue('Kommun');
  await expect(counts(page)).toContainText('295 nya');
  await expect(counts(page)).toContainText('0 uppdateras');
  await expect(counts(page)).toContainText('0 oförändrade');
  await expect(counts(page)).toContainText('5 med fel');

  const rows = page.getByRole('table', { name: 'Raderna i filen' }).locator('tbody').getByRole('row');
  await page.getByRole('switch', { name: 'Visa bara rader med fel' }).check();
  await expect(rows).toHaveCount(5);
  for (const row of await rows.all()) await expect(row).toContainText('Fel');
  await expect(rows.filter({ hasText: 'Organisationsnummer: Kontrollsiffran stämmer inte.' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Företagsnamn: Uppgiften saknas.' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Antal anställda: Värdet är inte ett tal.' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Kommun: Kommunen finns inte i Västra Götaland eller Halland.' })).toHaveCount(1);
  await expect(
    rows.filter({ hasText: 'Organisationsnummer: Samma organisationsnummer finns på en tidigare rad i filen.' }),
  ).toHaveCount(1);

  // All or nothing is not offered while rows have errors; the valid rows are.
  await expect(page.getByRole('button', { name: 'Importera allt eller inget' })).toBeDisabled();
  await expect(page.getByText('Allt eller inget går inte eftersom 5 rader har fel.')).toBeVisible();
  await page.getByRole('button', { name: 'Importera de 295 giltiga raderna' }).click();

  const result = page.getByRole('status').filter({ hasText: 'Importen är klar' });
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText('Nya: 295. Uppdaterade: 0. Oförändrade: 0. Hoppades över på grund av fel: 5.');

  // The same file again: nothing new, nothing to update, the same five errors.
  await result.getByRole('button', { name: 'Importera en fil till' }).click();
  await previewFile(page, file);
  await expect(counts(page)).toContainText('0 nya');
  await expect(counts(page)).toContainText('0 uppdateras');
  await expect(counts(page)).toContainText('295 oförändrade');
  await expect(counts(page)).toContainText('5 med fel');
  await page.getByRole('switch', { name: 'Visa bara rader med fel' }).check();
  await expect(rows).toHaveCount(5);
  // With nothing to create or update there is nothing to import.
  await expect(page.getByRole('button', { name: 'Importera de 0 giltiga raderna' })).toBeDisabled();

  // The imported companies are in the coach's list.
  await page.getByRole('link', { name: 'Till företagslistan' }).click();
  await page.getByRole('searchbox', { name: 'Sök' }).fill(`Importverken ${tag}`);
  await expect(page.getByText('Visar 1–25 av 295')).toBeVisible();
});
