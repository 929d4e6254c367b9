import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { answerAll, signIn, submitMeasurement } from './helpers';

// The maturity journey of issue 4: a coach runs a foundation and a digitalisation baseline for a
// demo company, sees the ladder and the radar, runs a follow-up with better answers and sees the
// change; a company user completes a self-assessment that the coach then confirms.

const unmeasuredCompany = '00000000-0000-4000-8000-000000000206'; // Provmekano i Lidköping AB (IDC)
const ownCompany = '00000000-0000-4000-8000-000000000201'; // Exempelverken i Skövde AB (the company user's)
const outDir = 'screenshots';

test.beforeAll(() => mkdirSync(outDir, { recursive: true }));

/** Starts a measurement of an area from the company's maturity page. */
async function startMeasurement(page: Page, area: string, button: string) {
  await page.getByRole('combobox', { name: 'Område' }).click();
  await page.getByRole('option', { name: new RegExp(`^${area.replace(/[()]/g, '\\$&')}`) }).click();
  await page.getByRole('button', { name: button }).click();
  await expect(page).toHaveURL(/\/assessments\//);
}

test('a coach measures a company, sees ladder, radar and change; a self-assessment is confirmed', async ({ page }) => {
  test.setTimeout(400_000);
  await signIn(page, 'coach');
  await page.goto(`/companies/${unmeasuredCompany}`);
  await page.getByRole('link', { name: 'Visa mognad och mätningar' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Mognad – Provmekano/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Grundsteg' }).getByText('Inte mätt än')).toBeVisible();

  // Foundation baseline: the live score follows the answers.
  await startMeasurement(page, 'Grundsteg', 'Starta mätning');
  await expect(page.getByText('Svara på en fråga för att se resultatet')).toBeVisible();
  await answerAll(page, 2);
  await expect(page.getByRole('complementary').getByText('Steg 2')).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${outDir}/maturity-assessment-form.png` });
  await submitMeasurement(page, '2027-05-31');
  await expect(page.getByRole('group', { name: 'Grundsteg' }).getByText(/^Steg 2:/)).toBeVisible();
  await expect(page.getByText('Nästa mätning senast 31 maj 2027')).toBeVisible();

  // Digitalisation baseline.
  await startMeasurement(page, 'Digitalisering', 'Starta mätning');
  await answerAll(page, 3);
  await submitMeasurement(page);
  await expect(page.getByRole('group', { name: 'Digitalisering' }).getByText(/^Steg 3:/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Digitalisering', level: 3 })).toBeVisible();
  await expect(
    page.getByRole('img', { name: 'Diagram över dimensionerna i Digitalisering' }).locator('svg polygon').first(),
  ).toBeVisible();

  // A follow-up of the foundation with better answers shows the change per dimension.
  await startMeasurement(page, 'Grundsteg (Uppföljning)', 'Starta mätning');
  await answerAll(page, 4);
  await submitMeasurement(page);
  await expect(page.getByRole('group', { name: 'Grundsteg' }).getByText(/^Steg 4:/)).toBeVisible();
  await expect(page.getByRole('group', { name: 'Grundsteg' }).getByText('Nollmätning: steg 2')).toBeVisible();
  const foundation = page.getByRole('region', { name: 'Grundsteg' });
  await expect(foundation.getByText('+50').first()).toBeVisible();
  await page.screenshot({ path: `${outDir}/maturity-results.png`, fullPage: true });

  // The company user fills in a self-assessment of their own company.
  await page.context().clearCookies();
  await signIn(page, 'company');
  await page.goto(`/companies/${ownCompany}/maturity`);
  await expect(page.getByRole('heading', { level: 1, name: /Mognad – Exempelverken/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByText(/Jämförelse med \d+ liknande företag/).first()).toBeVisible();
  await page.screenshot({ path: `${outDir}/maturity-results-company.png`, fullPage: true });
  await startMeasurement(page, 'Energiomställning', 'Starta självskattning');
  await expect(page.getByText('Självskattning', { exact: true })).toBeVisible();
  await answerAll(page, 5);
  await submitMeasurement(page);
  await expect(
    page.getByRole('group', { name: 'Energiomställning' }).getByText('Självskattning: steg 5'),
  ).toBeVisible();

  // The coach reviews it and confirms it with a measurement pre-filled from the company's answers.
  await page.context().clearCookies();
  await signIn(page, 'coach');
  await page.goto(`/companies/${ownCompany}/maturity`);
  const selfRow = page.getByRole('row').filter({ hasText: 'Självskattning' }).first();
  await selfRow.getByRole('link').click();
  await page.getByRole('button', { name: 'Bekräfta självskattningen' }).click();
  await expect(page.getByText('Bekräftar företagets självskattning')).toBeVisible();
  const total = await page.getByRole('radiogroup').count();
  await expect(page.getByText(`${total} av ${total} frågor besvarade`)).toBeVisible();
  await page
    .getByRole('radiogroup')
    .first()
    .getByRole('radio', { name: /^Nivå 3:/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
  await submitMeasurement(page);
  await expect(
    page.getByRole('row').filter({ hasText: 'Självskattning' }).first().getByText('Bekräftad'),
  ).toBeVisible();
});
