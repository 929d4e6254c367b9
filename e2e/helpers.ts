import { expect, type Page } from '@playwright/test';

// The demo accounts the server seeds on an empty database (src/server/db/seed.ts).
export const demoPassword = 'Demo-Vast-2026';

export const demoUsers = {
  admin: 'admin@demo.industryinwest.example',
  coach: 'coach.idc@demo.industryinwest.example',
  company: 'foretag@demo.industryinwest.example',
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
