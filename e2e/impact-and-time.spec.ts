import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mainNavigation, signIn } from './helpers';

// Issue 12, items 5 and 6, as project management does it: from the reports page to the impact view
// of the programme and on to a company behind it; time and cost per organisation and its .xlsx; the
// RCO04 rule changed on its card, a bad value refused before anything is sent. Each page is saved as
// a picture at desktop and phone width into screenshots/ (gitignored) for a person to look at.

const outDir = 'screenshots';

async function picture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${outDir}/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${outDir}/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
});

test('the admin reads the impact of the support, time and cost, and changes the RCO04 rule', async ({ page }) => {
  test.setTimeout(180_000);
  const today = new Date().toISOString().slice(0, 10);
  const year = today.slice(0, 4);

  await signIn(page, 'admin');
  await mainNavigation(page).getByRole('link', { name: 'Rapporter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter till finansiärer' })).toBeVisible();

  await test.step('the impact view of the programme, and a company behind it', async () => {
    await page.getByRole('link', { name: 'Stödets genomslag' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Stödets genomslag' })).toBeVisible();
    // The demo's measurements start in 2024.
    await page.getByLabel('Från och med').fill('2023-09-01');
    await page.getByLabel('Till och med').fill(today);
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect(page).toHaveURL(new RegExp(`/reports/impact\\?from=2023-09-01&to=${today}`));
    const summary = page.getByRole('region', { name: 'Sammanfattning' });
    await expect(summary.getByRole('columnheader', { name: 'Median timmar per steg' }).first()).toBeVisible();
    await picture(page, 'impact');
    const company = page.locator('section[aria-labelledby^="impact-"] table a').first();
    const name = await company.textContent();
    await company.click();
    await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
    await expect(page.getByRole('heading', { level: 1, name: name! })).toBeVisible();
  });

  await test.step('time and cost per organisation, and its .xlsx', async () => {
    await page.goto('/reports');
    await page.getByRole('link', { name: 'Tid och kostnad' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tid och kostnad' })).toBeVisible();
    await page.getByLabel('Från och med').fill(`${year}-01-01`);
    await page.getByLabel('Till och med').fill(today);
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect(page.getByRole('region', { name: 'IDC West Sweden' })).toBeVisible();
    await picture(page, 'time-and-cost');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Ladda ner .xlsx' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`tid-och-kostnad-${year}-01-01-${today}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Om rapporten', 'Timmar', 'IDC West Sweden']),
    );
    expect(workbook.getWorksheet('Om rapporten')!.getRow(2).getCell(2).value).toBe(`${year}-01-01 – ${today}`);
  });

  await test.step('the RCO04 rule: a value that is no whole quarter hour is refused, a good one saved', async () => {
    await page.goto('/reports');
    const card = page.getByRole('region', { name: 'Regel för stöd (RCO04)' });
    const hours = card.getByLabel('Minsta antal timmar insatser under perioden');
    await expect(hours).toHaveValue('4');
    await hours.fill('3,3');
    await card.getByRole('button', { name: 'Spara regeln' }).click();
    await expect(card.getByText('Ange timmar i hela kvartstimmar, från 0,25 till 200.')).toBeVisible();
    await expect(hours).toHaveValue('3,3');
    await hours.fill('4,5');
    await card.getByRole('button', { name: 'Spara regeln' }).click();
    await expect(page.getByText('Regeln är sparad.')).toBeVisible();
    await card.scrollIntoViewIfNeeded();
    await picture(page, 'reports-with-rule');
    // Back to the default, so other journeys on this server see the rule they expect.
    await hours.fill('4');
    await card.getByRole('button', { name: 'Spara regeln' }).click();
    await expect(page.getByText('Regeln är sparad.').first()).toBeVisible();
  });
});
