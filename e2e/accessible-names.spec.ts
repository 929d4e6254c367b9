import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// Issue 16, WCAG 2.5.3 (label in name): a button whose accessible name is given apart from its
// content (aria-label) must contain the words it shows, so that a person using speech input can say
// what they see. Every button on the main pages of a coach, as the page first shows them.

const pages = [
  '/',
  '/companies',
  '/companies/00000000-0000-4000-8000-000000000201',
  '/activities',
  '/my-week',
  '/time-report',
  '/action-totals',
];

test('every button named apart from its content says the words it shows', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'coach');
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0);
    const mismatches = await page.locator('button[aria-label], [role="button"][aria-label]').evaluateAll((buttons) => {
      // The words a sighted person reads on the button: its text, leaving out what is hidden from
      // assistive technology (an avatar's initials, an icon).
      const shownText = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
        if (!(node instanceof HTMLElement) || node.getAttribute('aria-hidden') === 'true') return '';
        return [...node.childNodes].map(shownText).join(' ');
      };
      return buttons
        .filter((button) => (button as HTMLElement).offsetParent !== null)
        .map((button) => ({
          name: button.getAttribute('aria-label') ?? '',
          shown: [...button.childNodes].map(shownText).join(' ').replace(/\s+/g, ' ').trim(),
        }))
        .filter(({ name, shown }) => shown !== '' && !name.toLowerCase().includes(shown.toLowerCase()));
    });
    expect(mismatches, path).toEqual([]);
  }
});
