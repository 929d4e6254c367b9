import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { pdfPages } from '../src/server/test/pdf-text';
import { signIn } from './helpers';

// Issue 15: a coach takes the maturity report of the demo's measured company from its maturity
// page, in Swedish and, with the interface switched, in English. The pages are rendered to PNG in
// test-results/maturity-report/ for a person to look at, when poppler's pdftoppm is installed
// (.ci/run installs it); the figures themselves are checked in maturity-report.test.ts.

const companyId = '00000000-0000-4000-8000-000000000201'; // Exempelverken i Skövde AB (IDC)
const shots = path.join('test-results', 'maturity-report');
const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;

/** Clicks the report's button and reads the file the browser saves: its name, and the text of each page. */
async function downloadReport(page: Page, button: string): Promise<{ name: string; bytes: Buffer; pages: string[] }> {
  const download: Promise<Download> = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await download;
  const bytes = readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), bytes, pages: await pdfPages(bytes) };
}

/** Renders each page to PNG beside the PDF, when pdftoppm is there to do it. */
function renderPages(bytes: Buffer, name: string) {
  if (!hasPdftoppm) return;
  mkdirSync(shots, { recursive: true });
  const pdf = path.join(shots, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-r', '72', '-png', pdf, path.join(shots, name)]);
}

test('a coach downloads the maturity report in Swedish and in English', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'coach');
  await page.goto(`/companies/${companyId}/maturity`);
  await expect(page.getByRole('heading', { level: 1, name: /Mognad – Exempelverken/ })).toBeVisible({
    timeout: 30_000,
  });

  const swedish = await downloadReport(page, 'Mognadsrapport (PDF)');
  expect(swedish.name).toMatch(/^mognadsrapport-exempelverken-i-skovde-ab-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(swedish.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  // A cover, the summary, the five areas, the action plan and the energy mapping.
  const count = swedish.pages.length;
  expect(count).toBeGreaterThanOrEqual(9);
  expect(swedish.pages[0]).toContain('Mognadsrapport');
  expect(swedish.pages[0]).toContain('Exempelverken i Skövde AB');
  expect(swedish.pages[0]).toContain('Innehåll');
  expect(swedish.pages[1]).toContain('Sammanfattning');
  expect(swedish.pages.some((text) => text.startsWith('Handlingsplan'))).toBe(true);
  swedish.pages.forEach((text, i) => expect(text).toContain(`Sida ${i + 1} av ${count}`));
  renderPages(swedish.bytes, 'sv');

  // The interface in English gives the report in English; the account's choice is put back after.
  try {
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Maturity – Exempelverken/ })).toBeVisible();
    const english = await downloadReport(page, 'Maturity report (PDF)');
    expect(english.name).toMatch(/^maturity-report-exempelverken-i-skovde-ab-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(english.pages[0]).toContain('Maturity report');
    expect(english.pages[1]).toContain('Summary');
    english.pages.forEach((text, i) => expect(text).toContain(`Page ${i + 1} of ${english.pages.length}`));
    renderPages(english.bytes, 'en');
  } finally {
    await page.request.patch('/api/auth/me', { data: { locale: 'sv' } });
  }
  if (hasPdftoppm) {
    expect(readdirSync(shots).filter((file) => file.startsWith('sv-') && file.endsWith('.png'))).toHaveLength(count);
  }
});
