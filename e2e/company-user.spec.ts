import { expect, test } from '@playwright/test';
import { mainNavigation, signIn } from './helpers';

// Goal: a person at a company sees their own company, may not change its facts, and cannot reach
// any other company, not even by typing its address.

const ownCompany = 'Exempelverken i Skövde AB';

test('a company user reaches only their own company and cannot edit it', async ({ page, browser }) => {
  // Set-up: the address of another company, as project management sees it.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, 'admin');
  const admin = adminPage.request;
  const found = await admin.get(`/api/companies?q=${encodeURIComponent('Påhittade')}`);
  expect(found.ok()).toBe(true);
  const { items } = (await found.json()) as { items: { id: string; name: string }[] };
  const other = items.find((item) => item.name !== ownCompany);
  expect(other, 'a demo company named Påhittade …').toBeDefined();
  await adminContext.close();

  await signIn(page, 'company');
  await mainNavigation(page).getByRole('link', { name: 'Företag', exact: true }).click();
  await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: ownCompany })).toBeVisible();
  await expect(page.getByText('Ansvarig organisation: IDC West Sweden')).toBeVisible();
  const facts = page.getByRole('region', { name: 'Uppgifter' });
  await expect(facts.getByRole('term').first()).toBeVisible();
  // A company user reads the facts but has no way to change them, nor a list to go back to.
  await expect(page.getByRole('button', { name: 'Redigera uppgifter' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Redigera/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Till företagslistan' })).toHaveCount(0);
  expect(page.url()).not.toContain(other!.id);

  // Another company's address shows the not-found page, without a word about that company.
  await page.goto(`/companies/${other!.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Företaget finns inte' })).toBeVisible();
  await expect(
    page.getByText('Vi hittar inte företaget. Det kan ha tagits bort, eller så har du inte tillgång till det.'),
  ).toBeVisible();
  await expect(page.getByText(other!.name)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Redigera uppgifter' })).toHaveCount(0);
  // The server refuses it too, in the same words as for a company that does not exist.
  const direct = await page.request.get(`/api/companies/${other!.id}`);
  expect(direct.status()).toBe(404);
});
