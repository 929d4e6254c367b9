import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { luhnCheckDigit } from '../src/core/organisation-number';

// The demo accounts the server seeds on an empty database (src/server/db/seed.ts).
export const demoPassword = 'Demo-Vast-2026';

export const demoUsers = {
  admin: 'admin@demo.industryinwest.example',
  coach: 'coach.idc@demo.industryinwest.example',
  company: 'foretag@demo.industryinwest.example',
  /** A coach of IUC Väst: another organisation than the coach above (IDC West Sweden). */
  coachIucVast: 'coach.iucvast@demo.industryinwest.example',
} as const;

export type DemoRole = keyof typeof demoUsers;

/** Signs in through the form, as a person would, and waits for the signed-in shell. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'E-postadress' }).fill(demoUsers[role]);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(mainNavigation(page)).toBeVisible();
}

/** The navigation landmark of the signed-in shell. */
export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Huvudmeny' });
}

/** The names of the links in the main navigation, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = mainNavigation(page).getByRole('link');
  await expect(links.first()).toBeVisible();
  return (await links.allInnerTexts()).map((text) => text.trim());
}

// ---------------------------------------------------------------------------------------------
// Company journeys: API shortcuts for set-up steps and organisation numbers of their own.

/**
 * Signs an API context in (the session cookie stays in it) for steps that are set-up rather than
 * the journey itself. Playwright sends `data` as JSON, which state-changing calls require.
 */
export async function apiSignIn(request: APIRequestContext, account: DemoRole): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { email: demoUsers[account], password: demoPassword },
  });
  expect(response.ok(), `sign-in as ${account}: ${response.status()}`).toBe(true);
}

// Journeys run again and again on the same server, so every company they make gets a number of
// its own: digits 3–4 from 20 to 98 (a legal person, and never the demo data's 5599 range) and a
// random place in that space, with a correct Luhn check digit.
const numberSpace = 79 * 100_000;

/** Writes nine digits as a valid organisation number NNNNNN-NNNN. */
export function organisationNumberFrom(nine: string): string {
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

function nineDigitsAt(place: number): string {
  return `55${20 + Math.floor(place / 100_000)}${String(place % 100_000).padStart(5, '0')}`;
}

/** `count` valid, distinct organisation numbers in one block at a random place. */
export function freshOrganisationNumbers(count: number): string[] {
  const start = Math.floor(Math.random() * (numberSpace - count));
  return Array.from({ length: count }, (_, i) => organisationNumberFrom(nineDigitsAt(start + i)));
}

export function freshOrganisationNumber(): string {
  return freshOrganisationNumbers(1)[0]!;
}

/** The same number with its last digit changed, so that the check digit no longer matches. */
export function withWrongCheckDigit(number: string): string {
  return `${number.slice(0, -1)}${(Number(number.slice(-1)) + 1) % 10}`;
}

/** A short tag that makes names unique per run, e.g. "k3f9q". */
export function runTag(): string {
  return Math.random().toString(36).slice(2, 7);
}

// ---------------------------------------------------------------------------------------------
// Analyses: steps on an energy mapping's page.

/** Adds a measure to the open energy mapping through its form, as the coach types it. */
export async function addEnergyMeasure(
  page: Page,
  measure: { title: string; carrier: string; kwhPerYear: string; investment: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('textbox', { name: 'Titel' }).fill(measure.title);
  await form.getByRole('combobox', { name: 'Energibärare' }).click();
  await page.getByRole('option', { name: measure.carrier, exact: true }).click();
  await form.getByRole('textbox', { name: 'Besparing, kWh per år' }).fill(measure.kwhPerYear);
  await form.getByRole('textbox', { name: 'Investering' }).fill(measure.investment);
  await form.getByRole('button', { name: 'Spara' }).click();
  await expect(form).toBeHidden();
}

// ---------------------------------------------------------------------------------------------
// Maturity: steps on a measurement's page.

/** Answers every question of the open measurement with the given level and waits for the autosave. */
export async function answerAll(page: Page, level: number): Promise<void> {
  const groups = page.getByRole('radiogroup');
  await expect(groups.first()).toBeVisible();
  const count = await groups.count();
  for (let i = 0; i < count; i += 1) {
    await groups
      .nth(i)
      .getByRole('radio', { name: new RegExp(`^Nivå ${level}:`) })
      .click();
  }
  await expect(page.getByText(`${count} av ${count} frågor besvarade`)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Sparat' })).toBeVisible();
}

/** Submits the open measurement through its confirmation and returns to the maturity page. */
export async function submitMeasurement(page: Page, nextDueOn?: string): Promise<void> {
  if (nextDueOn) await page.getByLabel('Nästa mätning senast').fill(nextDueOn);
  await page.getByRole('button', { name: 'Skicka in mätningen' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Skicka in mätningen' }).click();
  await expect(page).toHaveURL(/\/maturity$/);
}
