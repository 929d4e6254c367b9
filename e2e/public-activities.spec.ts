import { mkdirSync } from 'node:fs';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { checkAccessibility, expectNoFindings, type AxeFinding } from './accessibility';
import { apiSignIn, freshOrganisationNumber, latestLinkTokenTo, mailsTo, runTag, signIn } from './helpers';

// Issue 15, part 3 (decision 046): a coach marks an activity public (set up through the API); a
// visitor without an account signs up on the public page, confirms with the e-mailed link, and
// appears in the activity's registrations for the coach. The same path with the keyboard only, and
// axe on each public page.

const shots = 'screenshots';
// A coach's sign-in and the form's minimum fill time, on a shared and sometimes busy machine.
test.setTimeout(60_000);
/** The form quietly drops what is sent sooner than a person fills it in (4 s after its token). */
const minimumFillMs = 4_500;

test.beforeAll(() => {
  mkdirSync(shots, { recursive: true });
});

/** A public workshop of the coach's organisation a week ahead, with two places. */
async function createPublicActivity(request: APIRequestContext, title: string): Promise<string> {
  await apiSignIn(request, 'coach');
  const me = (await (await request.get('/api/auth/me')).json()) as { organisationId: string };
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const created = await request.post('/api/activities', {
    data: {
      type: 'workshop',
      title,
      description: 'Hur ni räknar på återtillverkning.',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
      place: 'Skövde',
      capacity: 2,
      areas: ['circular_business'],
      organisationIds: [me.organisationId],
      isPublic: true,
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

/** Opens the public list at the activity's card. */
async function openCard(page: Page, title: string): Promise<Locator> {
  await page.goto('/programmet/aktiviteter');
  const card = page.getByRole('article', { name: title });
  await expect(card).toBeVisible();
  return card;
}

/** When the form's token came: the fill time counts from then. */
async function tokenRequested(page: Page): Promise<number> {
  await page.waitForResponse((response) => response.url().endsWith('/api/public/interest-form'));
  return Date.now();
}

async function waitTokenFromMail(email: string): Promise<string> {
  await expect.poll(() => latestLinkTokenTo(email)).toBeTruthy();
  return latestLinkTokenTo(email)!;
}

test('a visitor signs up for a public activity, confirms by the e-mailed link, and appears in the registrations', async ({
  page,
  request,
}) => {
  const tag = runTag();
  const title = `Öppen workshop ${tag}`;
  const activityId = await createPublicActivity(request, title);
  const email = `besok-${tag}@publik.example`;

  const card = await openCard(page, title);
  await expect(card).toContainText('2 platser kvar');
  const token = tokenRequested(page);
  await card.getByRole('button', { name: 'Anmäl dig' }).click();
  const opened = await token;
  const form = card.getByRole('form', { name: `Anmälan till ${title}` });
  await form.getByRole('textbox', { name: 'Namn', exact: true }).fill('Vera Besökare');
  await form.getByRole('textbox', { name: 'E-post' }).fill(email);
  await form.getByRole('textbox', { name: 'Företagets namn' }).fill(`Besöksverken ${tag} AB`);
  await form.getByRole('textbox', { name: 'Organisationsnummer' }).fill(freshOrganisationNumber());
  await form.getByRole('combobox', { name: 'Kön' }).selectOption({ label: 'Kvinna' });
  await form.getByRole('checkbox', { name: /Jag samtycker/ }).check();
  await page.screenshot({ path: `${shots}/public-activity-sign-up.png`, fullPage: true });
  await page.waitForTimeout(Math.max(0, minimumFillMs - (Date.now() - opened)));
  await form.getByRole('button', { name: 'Skicka anmälan' }).click();
  await expect(card.getByRole('status')).toContainText('Titta i din e-post');

  // The link in the e-mail; the page acts only when the button is pressed.
  const link = await waitTokenFromMail(email);
  await page.goto(`/programmet/anmalan/bekrafta?token=${link}`);
  await page.getByRole('button', { name: 'Bekräfta anmälan' }).click();
  await expect(page.getByRole('status')).toContainText('Du är anmäld');
  await page.screenshot({ path: `${shots}/public-activity-confirmed.png`, fullPage: true });
  // The confirmation with the calendar file carries the same link, to cancel.
  await expect.poll(() => mailsTo(email).at(-1)).toContain('Subject: Anmälan bekräftad');
  expect(mailsTo(email).at(-1)).toContain(`/programmet/anmalan/avanmal?token=${link}`);

  // The coach sees the person among the registrations, as any other.
  await signIn(page, 'coach');
  await page.goto(`/activities/${activityId}`);
  const row = page.getByRole('row').filter({ hasText: 'Vera Besökare' });
  await expect(row).toContainText(`Besöksverken ${tag} AB`);
  await expect(row).toContainText('Anmäld');
  await expect(page.getByText('Visas på den publika sidan')).toBeVisible();
  const findings: AxeFinding[] = [];
  await checkAccessibility(page, findings, { name: 'a public activity, as its coach' });
  expectNoFindings(findings);
});

test('a visitor signs up and confirms with the keyboard only', async ({ page, request }) => {
  const tag = runTag();
  const title = `Tangentworkshop ${tag}`;
  await createPublicActivity(request, title);
  const email = `tangent-${tag}@publik.example`;
  const card = await openCard(page, title);
  const open = card.getByRole('button', { name: 'Anmäl dig' });
  for (let presses = 0; presses < 60 && !(await open.evaluate((b) => b === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(open).toBeFocused();
  const token = tokenRequested(page);
  await page.keyboard.press('Enter');
  const opened = await token;
  const form = card.getByRole('form', { name: `Anmälan till ${title}` });
  const name = form.getByRole('textbox', { name: 'Namn', exact: true });
  await expect(name).toBeFocused();
  await page.keyboard.type('Tove Tangent');
  const steps: [Locator, string | null][] = [
    [form.getByRole('textbox', { name: 'E-post' }), email],
    [form.getByRole('textbox', { name: 'Företagets namn' }), `Tangentverken ${tag} AB`],
    [form.getByRole('textbox', { name: 'Organisationsnummer' }), freshOrganisationNumber()],
    [form.getByRole('combobox', { name: 'Kön' }), null],
  ];
  for (const [control, text] of steps) {
    await page.keyboard.press('Tab');
    await expect(control).toBeFocused();
    if (text) await page.keyboard.type(text);
  }
  await page.keyboard.press('Tab');
  const consent = form.getByRole('checkbox', { name: /Jag samtycker/ });
  await expect(consent).toBeFocused();
  await page.keyboard.press('Space');
  await expect(consent).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Skicka anmälan' })).toBeFocused();
  await page.waitForTimeout(Math.max(0, minimumFillMs - (Date.now() - opened)));
  await page.keyboard.press('Enter');
  const thanks = card.getByRole('status');
  await expect(thanks).toBeFocused();
  await expect(thanks).toContainText(email);

  const link = await waitTokenFromMail(email);
  await page.goto(`/programmet/anmalan/bekrafta?token=${link}`);
  const confirm = page.getByRole('button', { name: 'Bekräfta anmälan' });
  for (let presses = 0; presses < 10 && !(await confirm.evaluate((b) => b === document.activeElement)); presses++) {
    await page.keyboard.press('Tab');
  }
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  const outcome = page.getByRole('status');
  await expect(outcome).toBeFocused();
  await expect(outcome).toContainText('Du är anmäld');
});

test('the public activities and their open sign-up form have no serious or critical accessibility violation', async ({
  page,
  request,
}) => {
  const title = `Tillgänglig workshop ${runTag()}`;
  await createPublicActivity(request, title);
  const findings: AxeFinding[] = [];
  const card = await openCard(page, title);
  await checkAccessibility(page, findings, { name: 'the public activities' });
  await card.getByRole('button', { name: 'Anmäl dig' }).click();
  await expect(card.getByRole('button', { name: 'Skicka anmälan' })).toBeEnabled();
  await checkAccessibility(page, findings, { name: 'the sign-up form' });
  // The link pages are in accessibility.spec.ts's signed-out test.
  expectNoFindings(findings);
});
