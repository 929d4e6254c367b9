import { expect, test, type Page } from '@playwright/test';
import { mainNavigation, signIn } from './helpers';

// Issue 12, item 1, as project management uses it: the programme dashboard on "Översikt", narrowed
// to a period and an organisation (kept in the URL), and a figure followed to the companies behind it.

const idc = 'IDC West Sweden';
const idcId = '00000000-0000-4000-8000-000000000101';

/** The number a figure link stands for, from its text ("1 234" in Swedish). */
async function figure(link: ReturnType<Page['getByRole']>): Promise<number> {
  return Number((await link.innerText()).replace(/\D/g, ''));
}

/** How many companies the list says it holds ("Visar 1–7 av 7"), or the rows when there are none. */
async function listTotal(page: Page): Promise<number> {
  const showing = page.getByText(/^Visar \d+–\d+ av /);
  const empty = page.getByText('Inga företag matchar sökningen och filtren.');
  await expect(showing.or(empty).first()).toBeVisible();
  if (await empty.isVisible()) return 0;
  return Number((await showing.innerText()).replace(/^Visar \d+–\d+ av /, '').replace(/\D/g, ''));
}

test('the admin filters the dashboard by period and organisation and follows a figure to its companies', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Not today, nor the programme's start: the fields show those when nothing is chosen.
  const to = `${new Date().getFullYear()}-12-31`;
  const from = '2024-01-01';

  await signIn(page, 'admin');
  await mainNavigation(page).getByRole('link', { name: 'Översikt' }).click();
  await expect(page.getByRole('region', { name: 'Inskrivna företag mot målet' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mognad per område' })).toBeVisible();

  await test.step('filter a period and an organisation; the URL keeps them', async () => {
    await page.getByLabel('Från', { exact: true }).fill(from);
    await expect(page).toHaveURL(new RegExp(`from=${from}`));
    await page.getByLabel('Till', { exact: true }).fill(to);
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
    await page.getByRole('combobox', { name: 'Organisation' }).click();
    await page.getByRole('option', { name: idc, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}&organisationId=${idcId}`));
    await expect(page.getByText(`Siffrorna för ${idc}`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(`Siffrorna för ${idc}`)).toBeVisible();
  });

  await test.step('follow the companies taken up to the list: it holds as many', async () => {
    const progress = page.getByRole('region', { name: 'Inskrivna företag mot målet' });
    const takenUp = progress.getByRole('link', { name: /inskrivna? i programmet, visa/ });
    const expected = await figure(takenUp);
    expect(expected).toBeGreaterThan(0);
    await takenUp.click();
    await expect(page).toHaveURL(/\/companies\?/);
    await expect(page).toHaveURL(new RegExp(`organisationId=${idcId}`));
    await expect(page).toHaveURL(/takenUp=true/);
    await expect(page.getByRole('group', { name: 'Från översikten' })).toBeVisible();
    expect(await listTotal(page)).toBe(expected);
  });

  await test.step('back, then a size class: the list holds as many again', async () => {
    await page.goBack();
    const companies = page.getByRole('region', { name: 'Inskrivna företag' });
    const bySize = companies.getByRole('table', { name: 'Per storleksklass' });
    const row = bySize
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name: /^[1-9]/ }) })
      .first();
    const link = row.getByRole('link');
    const expected = await figure(link);
    await link.click();
    await expect(page).toHaveURL(/\/companies\?/);
    expect(await listTotal(page)).toBe(expected);
  });
});

test("a coach sees their organisation's figures with what is due and their companies", async ({ page }) => {
  await signIn(page, 'coach');
  await expect(page.getByRole('region', { name: 'Att göra' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Mina företag' })).toBeVisible();
  await expect(page.getByText(`Siffrorna för ${idc}`)).toBeVisible();
  // A coach's dashboard is their organisation's: there is no organisation to choose.
  await expect(page.getByRole('combobox', { name: 'Organisation' })).toHaveCount(0);
});

test('a company user lands on their company’s portal, not the dashboard', async ({ page }) => {
  await signIn(page, 'company');
  await expect(page.getByRole('region', { name: 'Var ni står' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Inskrivna företag mot målet' })).toHaveCount(0);
});
