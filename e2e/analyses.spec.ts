import { expect, test } from '@playwright/test';
import { addEnergyMeasure, signIn } from './helpers';

// A coach records an energy mapping with the company and turns a measure into an action (issue 5).

test('a coach maps a company’s energy, adds a measure and turns it into an action', async ({ page }) => {
  await signIn(page, 'coach');
  await page.goto('/companies/00000000-0000-4000-8000-000000000206');
  await page.getByRole('link', { name: /Alla analyser/ }).click();
  const rows = page.getByRole('row');
  await expect(page.getByRole('heading', { level: 1, name: 'Analyser' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  const rowsBefore = await rows.count();
  // Opening a new analysis and walking away leaves nothing behind (issue 16): it is made on saving.
  await page.getByRole('button', { name: 'Ny analys' }).click();
  await page.getByRole('menuitem', { name: 'Digital analys' }).click();
  await expect(page.getByText('Analysen skapas när du sparar den')).toBeVisible();
  await page.getByRole('link', { name: /Analyser för/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analyser' })).toBeVisible();
  await expect(rows).toHaveCount(rowsBefore);

  await page.getByRole('button', { name: 'Ny analys' }).click();
  await page.getByRole('menuitem', { name: 'Energikartläggning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Energikartläggning/ })).toBeVisible();

  await page.getByRole('button', { name: 'Lägg till energibärare' }).click();
  await page.getByRole('textbox', { name: 'Mängd, rad 1' }).fill('120000');
  await page.getByRole('textbox', { name: 'Kostnad per år, rad 1' }).fill('180000');
  // 120 000 kWh × 0,5241 kg/kWh = 62,9 t CO2e, shown as the user types.
  await expect(page.getByText('62,9 t CO₂e').first()).toBeVisible();
  await page.getByRole('button', { name: 'Spara kartläggningen' }).click();
  await expect(page.getByText('Sparat')).toBeVisible();
  await expect(page).toHaveURL(/\/analyses\/[0-9a-f-]{36}$/);

  await addEnergyMeasure(page, { title: 'LED-belysning', carrier: 'El', kwhPerYear: '24000', investment: '60000' });
  const row = page.getByRole('row', { name: /LED-belysning/ });
  // 24 000 kWh × 0,5241 = 12,6 t; × 1,50 kr/kWh = 36 000 kr; 60 000 / 36 000 = 1,7 years.
  await expect(row).toContainText('12,6 t CO₂e');
  await expect(row).toContainText('1,7 år');
  await row.getByRole('button', { name: /Gör ”LED-belysning” till åtgärd/ }).click();
  await expect(row).toContainText('I handlingsplanen');
});
