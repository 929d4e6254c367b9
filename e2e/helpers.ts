import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Cookie, type Page } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { luhnCheckDigit } from '../src/core/organisation-number';

// The demo accounts the server seeds on an empty database (src/server/db/seed.ts).
export const demoPassword = 'Demo-Vast-2026';
/** The demo admin's published TOTP secret: admins sign in with a code from an app (decision 021). */
export const demoAdminTotpSecret = 'DEMOVASTDEMOVASTDEMOVASTDEMOVAST';

export const demoUsers = {
  admin: 'admin@demo.industryinwest.example',
  coach: 'coach.idc@demo.industryinwest.example',
  company: 'foretag@demo.industryinwest.example',
  /** A coach of IUC Väst: another organisation than the coach above (IDC West Sweden). */
  coachIucVast: 'coach.iucvast@demo.industryinwest.example',
} as const;

export type DemoRole = keyof typeof demoUsers;

/** The code an authenticator app shows for a base32 secret at a moment. */
export function totpCode(secret: string, at = Date.now()): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: at });
}

// The server takes each 30-second step's code once (replay guard) and accepts the next step's
// code too, so the journeys' admin sign-ins use the current step, then the next, then wait.
const stepMs = 30_000;
const usedSteps = new Map<string, number>();

/** A code of the secret that the server has not seen yet, waiting for a new step when needed. */
export async function freshTotpCode(secret: string): Promise<string> {
  const now = Date.now();
  const current = Math.floor(now / stepMs);
  const step = Math.max(current, (usedSteps.get(secret) ?? 0) + 1);
  if (step > current + 1) {
    const waitMs = (step - 1) * stepMs - now + 200;
    test.info().setTimeout(test.info().timeout + waitMs);
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
  usedSteps.set(secret, step);
  return totpCode(secret, step * stepMs + 1000);
}

/** Fills in and sends the sign-in form on the page in view. */
export async function submitPassword(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.getByRole('textbox', { name: 'E-postadress' }).fill(email);
  await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

// The admin's code steps are 30 s apart, and a dozen journeys need the admin: waiting for a fresh
// code before each took minutes of CI. The first admin sign-in of a worker goes through the form
// with its code; later journeys of the worker start from that session (its cookies), as a browser
// that stayed signed in would. The code step itself is the second-factor journeys' subject, and no
// journey that starts from the kept session signs it out.
let adminSession: Cookie[] | undefined;

/**
 * Signs in through the form, as a person would, and waits for the signed-in shell. The admin's
 * journeys after the worker's first start from the session it left (see above).
 */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  if (role === 'admin' && adminSession) {
    await page.context().addCookies(adminSession);
    await page.goto('/');
  } else {
    await page.goto('/login');
    await submitPassword(page, demoUsers[role]);
    if (role === 'admin') await enterCode(page, demoAdminTotpSecret);
  }
  await expect(mainNavigation(page)).toBeVisible();
  if (role === 'admin') adminSession ??= await page.context().cookies();
}

/**
 * The code step of a sign-in: types a fresh code from the app. A code the server has seen already
 * (a journey before this one, in another worker) is refused; the next one is not.
 */
export async function enterCode(page: Page, secret: string): Promise<void> {
  await expect(page).toHaveURL(/\/login\/code/);
  const field = page.getByRole('textbox', { name: 'Kod från appen' });
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await field.fill(await freshTotpCode(secret));
    await page.getByRole('button', { name: 'Logga in' }).click();
    const refused = page.getByText('Koden stämmer inte');
    await expect(mainNavigation(page).or(refused)).toBeVisible();
    if (!(await refused.isVisible())) return;
  }
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
 * the journey itself. Playwright sends `data` as JSON, which state-changing calls require. Not the
 * admin: an admin's set-up goes through a page of its own that `signIn` starts from the worker's
 * admin session (see `inviteAccount`), with no code step to wait for.
 */
export async function apiSignIn(request: APIRequestContext, account: Exclude<DemoRole, 'admin'>): Promise<void> {
  const response = await request.post('/api/auth/login', {
    data: { email: demoUsers[account], password: demoPassword },
  });
  expect(response.status(), `sign-in as ${account}`).toBe(200);
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
// New accounts: an admin invites, the invitation link comes from the invited person's e-mail: a
// file in the mailbox folder the server writes without SMTP (playwright.config.ts sets it). The
// outbox that admins read withholds one-time links (decision 030).

/** The mailbox of the server the running journey talks to: each half of the journeys has its own
 * server (playwright.config.ts), which names the folder in the project's metadata. */
function mailboxDir(): string {
  const dir: unknown = test.info().project.metadata.mailboxDir;
  if (typeof dir !== 'string') throw new Error('playwright.config.ts gives each project a mailboxDir');
  return dir;
}

/** Every e-mail to the address as its recipient got it (headers, a blank line, the body), oldest first. */
export function mailsTo(recipient: string): string[] {
  const dir = mailboxDir();
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    .filter((text) => text.startsWith(`To: ${recipient}\n`));
}

/** The token of the one-time link in the latest e-mail to the address. */
export function latestLinkTokenTo(recipient: string): string | undefined {
  return /[?&]token=([A-Za-z0-9_-]+)/.exec(mailsTo(recipient).at(-1) ?? '')?.[1];
}

/** Invites a new account as the demo admin, in a browser of its own; returns the invitation link's token. */
export async function inviteAccount(
  browser: Browser,
  account: { email: string; name: string; role: 'admin' | 'coach'; organisationId?: string },
): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, 'admin');
    const invited = await page.request.post('/api/users', { data: account });
    expect(invited.status(), await invited.text()).toBe(201);
  } finally {
    await context.close();
  }
  const token = latestLinkTokenTo(account.email);
  expect(token, `an invitation e-mail to ${account.email}`).toBeDefined();
  return token!;
}

/** Accepts an invitation in the browser with a password. */
export async function acceptInvitation(page: Page, token: string, password: string): Promise<void> {
  await page.goto(`/invitation?token=${token}`);
  await page.getByRole('textbox', { name: 'Nytt lösenord' }).fill(password);
  await page.getByRole('textbox', { name: 'Upprepa det nya lösenordet' }).fill(password);
  await page.getByRole('button', { name: 'Aktivera kontot' }).click();
  // Signed in once the app has left the invitation: a page opened before that finds no session and
  // goes to the sign-in page (an admin's reset journey timed out there in CI).
  await expect(page).not.toHaveURL(/\/invitation/);
}

/**
 * Enrols an authenticator app on the enrolment steps in view: reads the key off the page, types
 * the app's code (and the password, when asked), and returns the key and the recovery codes.
 */
export async function enrolApp(page: Page, password?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await expect(page.getByRole('img', { name: 'QR-kod att skanna med autentiseringsappen' })).toBeVisible();
  const secret = (await page.locator('pre').innerText()).replace(/\s/g, '');
  await page.getByRole('textbox', { name: 'Kod från appen' }).fill(await freshTotpCode(secret));
  // A signed-in user turning it on in the security settings confirms with the password too.
  if (password) await page.getByRole('textbox', { name: 'Lösenord', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Aktivera', exact: true }).click();
  const list = page.getByRole('list', { name: 'Spara dina reservkoder' });
  await expect(list).toBeVisible();
  return { secret, recoveryCodes: (await list.getByRole('listitem').allInnerTexts()).map((code) => code.trim()) };
}

/** Opens the account menu and signs out. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /, konto$/ }).click();
  await page.getByRole('menuitem', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/login$/);
}

// ---------------------------------------------------------------------------------------------
// Analyses: steps on an energy mapping's page.

/** Adds a measure to the open energy mapping through its form, as the coach types it. */
export async function addEnergyMeasure(
  page: Page,
  measure: { title: string; carrier: string; kwhPerYear: string; investment: string },
): Promise<void> {
  await page.getByRole('button', { name: 'Lägg till fynd' }).click();
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
