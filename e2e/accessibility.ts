import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

// Issue 15, point 4: axe (axe-core, through @axe-core/playwright) on every page of every role, held
// to no serious or critical violation of WCAG 2.0 and 2.1, levels A and AA (docs/quality.md A1).

/** The WCAG criteria the checks cover: what the platform promises (WCAG 2.1 AA), nothing more. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The impacts that fail a page; minor and moderate ones are left to review. */
const failingImpacts = new Set(['serious', 'critical']);

/** One violation on one page, as a failure prints it. */
export type AxeFinding = { page: string; rule: string; impact: string; help: string; targets: string[] };

export type PageCheck = {
  /** The address to open; left out, the page in view is checked as it is. */
  path?: string;
  /** How the page is named in a failure; the path (or the page's URL) when left out. */
  name?: string;
  /** Content that shows the page has loaded, when its top-level heading comes before its data. */
  ready?: (page: Page) => Locator;
  /** The top-level heading is waited for unless a page has none by design (none has today). */
  hasHeading?: boolean;
};

/**
 * Opens a page (or takes the one in view), waits for its main content (its top-level heading, the
 * content named by `ready`, and the end of its loaders), and adds its serious and critical axe violations to `findings`.
 */
export async function checkAccessibility(page: Page, findings: AxeFinding[], check: PageCheck = {}): Promise<void> {
  if (check.path) await page.goto(check.path);
  const name = check.name ?? check.path ?? new URL(page.url()).pathname;
  if (check.hasHeading !== false) await expect(page.getByRole('heading', { level: 1 }).first(), name).toBeVisible();
  if (check.ready) await expect(check.ready(page).first(), name).toBeVisible();
  // Lists and cards load after the shell: Mantine's loaders and skeletons stand in until they have.
  await expect(page.locator('.mantine-Loader-root:visible, .mantine-Skeleton-root:visible'), name).toHaveCount(0);
  // Only the violations are wanted: axe then spends no time detailing what passed.
  const results = await new AxeBuilder({ page })
    .withTags(wcagTags)
    .options({ resultTypes: ['violations'] })
    .analyze();
  const found: AxeFinding[] = [];
  for (const violation of results.violations) {
    if (!failingImpacts.has(violation.impact ?? '')) continue;
    found.push({
      page: name,
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    });
  }
  // Printed at once too, so that a run stopped later (a time-out on a busy machine) still shows them.
  if (found.length > 0) console.log(describeFindings(found));
  findings.push(...found);
}

/** The findings one to a paragraph: the page, the rule and its impact, then each element. */
export function describeFindings(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.page}: ${f.rule} (${f.impact}) ${f.help}\n${f.targets.map((t) => `  - ${t}`).join('\n')}`)
    .join('\n');
}

/** Fails with every finding printed, or passes when there is none. */
export function expectNoFindings(findings: AxeFinding[]): void {
  // Compared as text, so that a failure prints the list as it reads rather than a diff of objects.
  expect(describeFindings(findings), 'serious or critical axe violations').toBe('');
}
