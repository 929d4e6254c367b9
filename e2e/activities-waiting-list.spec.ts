import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { mainNavigation, signIn } from './helpers';

// Issue 6, done-when: a coach creates a workshop with 3 places and registers 4 people (one goes to
// the waiting list); one cancels and the waiting one moves up with an e-mail in the outbox;
// attendance is marked; the counts by gender are right. Then a company user signs up their own.

const shots = 'screenshots';

/** An instant on the Stockholm wall clock, as <input type="datetime-local"> takes it. */
function stockholmInput(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(' ', 'T');
}

async function registerPeople(page: Page, company: string, people: string[]) {
  const panel = page.getByRole('region', { name: 'Anmäl deltagare' });
  await panel.getByRole('searchbox', { name: 'Företag' }).fill(company.split(' ')[0]!);
  await panel.getByRole('radio', { name: company }).check();
  for (const person of people) await panel.getByRole('checkbox', { name: person }).check();
  await panel.getByRole('button', { name: /^Anmäl \d/ }).click();
  await expect(panel.getByRole('checkbox', { name: `${people[0]} (redan anmäld)` })).toBeVisible();
}

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

test('a coach runs a full workshop: waiting list, cancellation, promotion e-mail, attendance and counts', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const title = `Workshop om spill ${Date.now()}`;
  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Aktiviteter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aktiviteter' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${shots}/activities-list.png`, fullPage: true });

  // It is under way (started an hour ago), so attendance can be marked in the same journey.
  await page.getByRole('button', { name: 'Ny aktivitet' }).click();
  const form = page.getByRole('dialog', { name: 'Ny aktivitet' });
  await form.getByRole('textbox', { name: 'Titel' }).fill(title);
  await form.getByLabel('Börjar').fill(stockholmInput(new Date(Date.now() - 3_600_000)));
  await form.getByLabel('Slutar').fill(stockholmInput(new Date(Date.now() + 2 * 3_600_000)));
  await form.getByRole('textbox', { name: 'Plats', exact: true }).fill('Skara, Industrihuset');
  await form.getByRole('textbox', { name: 'Antal platser' }).fill('3');
  await page.screenshot({ path: `${shots}/activities-form.png` });
  await form.getByRole('button', { name: 'Skapa aktivitet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await registerPeople(page, 'Exempelverken i Skövde AB', ['Anna Påhittsson', 'Erik Demoqvist']);
  await registerPeople(page, 'Provmekano i Lidköping AB', ['Anna Fiktivgren', 'Erik Exempeldal']);
  const registrations = page.getByRole('region', { name: 'Anmälningar' });
  const row = (name: string) => registrations.getByRole('row').filter({ hasText: name });
  await expect(row('Erik Exempeldal')).toContainText('Reserv nr 1');
  await expect(page.getByText('3 av 3 platser tagna')).toBeVisible();
  await page.screenshot({ path: `${shots}/activity-full.png`, fullPage: true });

  await row('Erik Demoqvist').getByRole('button', { name: 'Avanmäl' }).click();
  await page.getByRole('dialog', { name: 'Avanmäla?' }).getByRole('button', { name: 'Avanmäl' }).click();
  await expect(row('Erik Demoqvist')).toContainText('Avanmäld');
  await expect(row('Erik Exempeldal')).toContainText('Anmäld');

  await registrations.getByRole('checkbox', { name: 'Anna Påhittsson deltog' }).check();
  await registrations.getByRole('checkbox', { name: 'Erik Exempeldal deltog' }).check();
  await registrations.getByRole('button', { name: 'Spara närvaro' }).click();
  await expect(page.getByText('Närvaron är sparad.')).toBeVisible();

  const byGender = page.getByRole('table', { name: 'Per kön' });
  await expect(byGender.getByRole('row', { name: /Kvinnor/ })).toHaveText(/Kvinnor\s*2\s*1/);
  await expect(byGender.getByRole('row', { name: /Män/ })).toHaveText(/Män\s*1\s*1/);
  await expect(byGender.getByRole('row', { name: /Totalt/ })).toHaveText(/Totalt\s*3\s*2/);
  await page.screenshot({ path: `${shots}/activity-attendance.png`, fullPage: true });

  // The promotion e-mail, with its calendar file, waits in the outbox (an admin's page).
  await page.context().clearCookies();
  await signIn(page, 'admin');
  await page.goto('/admin/outbox');
  const promotion = page.getByRole('button', { name: new RegExp(`Du har fått en plats: ${title}`) });
  await expect(promotion).toBeVisible();
  await expect(promotion).toContainText('Bilaga: aktivitet.ics');
  await promotion.click();
  await expect(page.getByText('Du är nu anmäld till aktiviteten nedan.', { exact: false }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/activities-outbox.png`, fullPage: true });
});

test('a company user signs up a colleague for an upcoming activity and sees only their own company', async ({
  page,
}) => {
  await signIn(page, 'company');
  await mainNavigation(page).getByRole('link', { name: 'Aktiviteter' }).click();
  await page.getByRole('link', { name: 'Insiktsträff: från mätning till handlingsplan' }).click();
  const panel = page.getByRole('region', { name: 'Anmäl deltagare' });
  await panel.getByRole('checkbox', { name: 'Erik Demoqvist' }).check();
  await panel.getByRole('button', { name: 'Anmäl 1 person' }).click();
  const registrations = page.getByRole('region', { name: 'Anmälningar' });
  await expect(registrations.getByRole('row').filter({ hasText: 'Erik Demoqvist' })).toContainText('Anmäld');
  await expect(page.getByText('Du ser anmälningarna från ditt företag.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deltagare', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/activity-company-user.png`, fullPage: true });
});
