import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { addEnergyMeasure, answerAll, mainNavigation, runTag, signIn, submitMeasurement } from './helpers';

// Issue 5 "done when", as people do it: a coach measures a company and sees suggestions with their
// reasons, adopts two and edits one; records an energy mapping whose CO2e matches a hand
// calculation and turns a measure into an action; then the company's own user reports one action
// done with its realised saving, which waits apart as "not confirmed" (issue 14, finding 9), and
// once the coach confirms it the company's and the programme's totals grow by exactly that.

// Exempelverken i Skövde AB (IDC): the demo company user's own company. Its seeded actions are free
// text (no catalogue key), so every catalogue suggestion is adoptable; journeys share the database,
// so this one reads totals before and after and names its own actions with a run tag.
const companyId = '00000000-0000-4000-8000-000000000201';
const coachName = 'Bertil Exempelsson'; // coach.idc@demo… (src/server/db/seed.ts)

// Reported by the company user for the action they mark done.
const reportedSek = 45_000;
const reportedCo2eTonnes = 2.5;

const swedishSek = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });
const swedishTonnes = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** A Swedish number as shown ("1 234 567", "12,3", "−4") as a number. */
function parseSwedish(text: string): number {
  return Number(
    text
      .replace(/[\s\u00a0]/g, '')
      .replace('\u2212', '-')
      .replace(',', '.'),
  );
}

type Figures = { sek: number; co2eTonnes: number };
/** "Uppnått" (confirmed by a coach) or "Ej bekräftat" (reported, waiting for the coach). */
type Line = 'Uppnått' | 'Ej bekräftat';

/** The SEK and tonnes CO2e of a line of an effect summary (the plan's, the card's or the
 * programme's); a summary without unconfirmed results shows no "Ej bekräftat" line: zero. */
async function figuresIn(summary: Locator, line: Line): Promise<Figures> {
  // The UI writes no-break spaces ("72\u00a0400\u00a0kr"), which a regular expression must allow.
  const sek = summary.getByText(new RegExp(`^${line}:\\s([−\\d\\s]+)\\skr$`));
  const co2e = summary.getByText(new RegExp(`^${line}:\\s([−\\d\\s,]+)\\st\\sCO₂e$`));
  if (line === 'Ej bekräftat' && (await sek.count()) === 0) return { sek: 0, co2eTonnes: 0 };
  await expect(sek).toBeVisible();
  const sekText = /([−\d\s]+)\skr$/.exec(await sek.innerText())![1]!;
  const co2eText = /([−\d\s,]+)\st\sCO₂e$/.exec(await co2e.innerText())![1]!;
  return { sek: parseSwedish(sekText), co2eTonnes: parseSwedish(co2eText) };
}

/** A line's figures grown by the reported amounts (or unchanged), as the UI writes them in Swedish. */
async function expectFigures(summary: Locator, line: Line, before: Figures, growth: 0 | 1) {
  const sek = swedishSek.format(before.sek + growth * reportedSek);
  const co2e = `${swedishTonnes.format(Math.round((before.co2eTonnes + growth * reportedCo2eTonnes) * 10) / 10)} t CO₂e`;
  if (line === 'Ej bekräftat' && before.sek + growth * reportedSek === 0) {
    await expect(summary.getByText(/^Ej bekräftat:/)).toHaveCount(0);
    return;
  }
  await expect(summary.getByText(`${line}: ${sek}`, { exact: true })).toBeVisible();
  await expect(summary.getByText(`${line}: ${co2e}`, { exact: true })).toBeVisible();
}

/** The "N åtgärder, varav M klara" line of an effect summary ("1 åtgärd, varav 1 klar" in the
 * singular; numbers grouped the Swedish way), as numbers. */
const countsLine = /^([\d\u00a0 ]+)\såtgärd(?:er)?, varav ([\d\u00a0 ]+) klara?\./;
async function counts(summary: Locator): Promise<{ actions: number; done: number }> {
  const line = summary.getByText(countsLine);
  const [, actions, done] = countsLine.exec(await line.innerText())!;
  const toNumber = (digits: string) => Number(digits.replace(/[\u00a0 ]/g, ''));
  return { actions: toNumber(actions!), done: toNumber(done!) };
}

/** Sets the carrier and unit of a line of the energy mapping (a new line is electricity in kWh). */
async function chooseCarrier(page: Page, line: number, carrier: string, unit: string) {
  await page.getByRole('combobox', { name: `Energibärare, rad ${line}` }).click();
  await page.getByRole('option', { name: carrier, exact: true }).click();
  await page.getByRole('combobox', { name: `Enhet, rad ${line}` }).click();
  await page.getByRole('option', { name: unit, exact: true }).click();
}

/** An action's row in the plan, by its title. */
function actionRow(page: Page, title: string) {
  return page.getByRole('region', { name: 'Åtgärder' }).getByRole('row').filter({ hasText: title });
}

test('a coach plans actions from suggestions and an energy mapping; the company reports one done', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const tag = runTag();
  const measure = `LED-belysning i hall 2 ${tag}`;
  const adopted: string[] = [];

  await signIn(page, 'coach');

  await test.step('the coach measures the energy transition with the company', async () => {
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('link', { name: 'Visa mognad och mätningar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Mognad – Exempelverken/ })).toBeVisible();
    await page.getByRole('combobox', { name: 'Område' }).click();
    await page.getByRole('option', { name: /^Energiomställning/ }).click();
    await page.getByRole('button', { name: 'Starta mätning' }).click();
    await expect(page).toHaveURL(/\/assessments\//);
    await answerAll(page, 2);
    await submitMeasurement(page);
    await expect(page.getByRole('group', { name: 'Energiomställning' }).getByText(/^Steg 2:/)).toBeVisible();
  });

  await test.step('the action plan suggests measures with reasons; the coach adopts two and edits one', async () => {
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('link', { name: 'Visa handlingsplanen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Handlingsplan för Exempelverken/ })).toBeVisible();
    const suggestions = page
      .getByRole('region', { name: 'Förslag på åtgärder' })
      .getByRole('article')
      .filter({ hasText: 'Energiomställning' });
    // Every answer on level 2 puts every dimension on step 2, so each reason names the step.
    await expect(suggestions.first()).toContainText(/Dimensionen .+ är på steg 2 – åtgärden lyfter den mot steg 3\./);
    for (let i = 0; i < 2; i += 1) {
      const suggestion = suggestions.first();
      const title = await suggestion.getByRole('heading', { level: 3 }).innerText();
      await suggestion.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await expect(actionRow(page, title)).toContainText('Planerad');
      await expect(suggestions.filter({ hasText: title })).toHaveCount(0);
      adopted.push(title);
    }

    const [first] = adopted;
    await actionRow(page, first!)
      .getByRole('button', { name: `Redigera ${first}` })
      .click();
    const form = page.getByRole('dialog', { name: 'Redigera åtgärd' });
    await form.getByRole('combobox', { name: 'Ansvarig' }).click();
    await page.getByRole('option', { name: coachName }).click();
    await form.getByLabel('Klart senast').fill('2027-03-31');
    await form.getByRole('textbox', { name: 'Investering (kr)' }).fill('80000');
    await form
      .getByRole('group', { name: /^Förväntad besparing per år/ })
      .getByRole('textbox', { name: 'Kostnadsbesparing (kr per år)' })
      .fill('40000');
    await form.getByRole('button', { name: 'Spara' }).click();
    await expect(form).toBeHidden();
    const row = actionRow(page, first!);
    await expect(row).toContainText(coachName);
    await expect(row).toContainText('31 mars 2027');
    await expect(row).toContainText('80 000 kr');
    await expect(row).toContainText('40 000 kr');
    // 80 000 kr / 40 000 kr per year = 2 years.
    await expect(row).toContainText('2 år');
  });

  await test.step('an energy mapping with three carriers gives the hand-calculated CO2e', async () => {
    await page.goto(`/companies/${companyId}`);
    await page.getByRole('link', { name: /Alla analyser/ }).click();
    await page.getByRole('button', { name: 'Ny analys' }).click();
    await page.getByRole('menuitem', { name: 'Energikartläggning' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Energikartläggning/ })).toBeVisible();

    const addLine = page.getByRole('button', { name: 'Lägg till energibärare' });
    await addLine.click();
    await page.getByRole('textbox', { name: 'Mängd, rad 1' }).fill('120000');
    await page.getByRole('textbox', { name: 'Kostnad per år, rad 1' }).fill('180000');

    await addLine.click();
    await chooseCarrier(page, 2, 'Fjärrvärme', 'MWh');
    await page.getByRole('textbox', { name: 'Mängd, rad 2' }).fill('180');
    await page.getByRole('textbox', { name: 'Egen faktor (kg CO₂e/kWh), rad 2' }).fill('0,035');

    await addLine.click();
    await chooseCarrier(page, 3, 'Diesel (MK1)', 'liter');
    await page.getByRole('textbox', { name: 'Mängd, rad 3' }).fill('4000');

    // By hand, with se-2023-residual-mix (content/emission-factors/) and carriers.json:
    //   electricity       120 000 kWh                      × 0,5241 kg/kWh              = 62 892 kg
    //   district heating  180 MWh = 180 000 kWh            × 0,035 (the network's own)  =  6 300 kg
    //   diesel            4 000 l × 9,8 kWh/l = 39 200 kWh × 0,265 kg/kWh               = 10 388 kg
    //   total                                                                          = 79 580 kg
    // = 79,6 t CO2e with one decimal (as src/server/modules/analyses/analyses.test.ts asserts).
    await page.getByRole('button', { name: 'Spara kartläggningen' }).click();
    await expect(page.getByText('Sparat')).toBeVisible();
    const emissions = page.getByText('Utsläpp per år', { exact: true }).locator('..');
    await expect(emissions).toContainText('79,6 t CO₂e');
    await page.reload();
    await expect(emissions).toContainText('79,6 t CO₂e');
  });

  await test.step('a measure of the mapping becomes an action in the plan', async () => {
    await addEnergyMeasure(page, { title: measure, carrier: 'El', kwhPerYear: '24000', investment: '60000' });
    const finding = page.getByRole('row', { name: new RegExp(measure) });
    // 24 000 kWh × 0,5241 kg/kWh = 12 578 kg = 12,6 t CO2e.
    await expect(finding).toContainText('12,6 t CO₂e');
    await finding.getByRole('button', { name: `Gör ”${measure}” till åtgärd i handlingsplanen` }).click();
    await expect(finding).toContainText('I handlingsplanen');

    await page.goto(`/companies/${companyId}/action-plan`);
    const action = actionRow(page, measure);
    await expect(action).toContainText('Planerad');
    await expect(action).toContainText('12,6 t CO₂e');
  });

  // Before: the company's totals (its page's card) and the programme's, as the coach reads them.
  await page.goto(`/companies/${companyId}`);
  const card = page.getByRole('region', { name: 'Handlingsplan' });
  const companyBefore = await figuresIn(card, 'Uppnått');
  const companyUnconfirmedBefore = await figuresIn(card, 'Ej bekräftat');
  await mainNavigation(page).getByRole('link', { name: 'Effekter av åtgärder' }).click();
  const programme = page.getByRole('region', { name: 'Hela programmet' });
  const programmeBefore = await figuresIn(programme, 'Uppnått');
  const programmeUnconfirmedBefore = await figuresIn(programme, 'Ej bekräftat');
  const programmeCountsBefore = await counts(programme);

  const companyContext = await browser.newContext();
  const company = await companyContext.newPage();
  const reported = adopted[0]!;

  await test.step('the company user marks an action done with its realised saving', async () => {
    await signIn(company, 'company');
    await mainNavigation(company).getByRole('link', { name: 'Företag', exact: true }).click();
    await company.getByRole('link', { name: 'Visa handlingsplanen' }).click();
    await expect(company.getByRole('heading', { level: 1, name: /Handlingsplan för Exempelverken/ })).toBeVisible();
    // The company's own user follows the plan up; suggestions and editing are the coach's.
    await expect(company.getByRole('region', { name: 'Förslag på åtgärder' })).toHaveCount(0);
    await expect(company.getByRole('button', { name: `Redigera ${reported}` })).toHaveCount(0);
    const planTotals = company.getByRole('region', { name: 'Effekt av handlingsplanen' });
    const planBefore = await figuresIn(planTotals, 'Uppnått');
    const planUnconfirmedBefore = await figuresIn(planTotals, 'Ej bekräftat');

    await actionRow(company, reported)
      .getByRole('button', { name: `Rapportera utfall för ${reported}` })
      .click();
    const dialog = company.getByRole('dialog', { name: 'Rapportera utfall' });
    await expect(dialog.getByRole('combobox', { name: 'Status' })).toHaveValue('Klar');
    const realised = dialog.getByRole('group', { name: 'Vad åtgärden har gett per år' });
    await realised.getByRole('textbox', { name: 'Kostnadsbesparing (kr per år)' }).fill(String(reportedSek));
    await realised.getByRole('textbox', { name: 'Klimatpåverkan (ton CO₂e per år)' }).fill('2,5');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await expect(dialog).toBeHidden();

    const row = actionRow(company, reported);
    await expect(row).toContainText('Klar');
    await expect(row).toContainText('Uppnått: 2,5 t CO₂e, 45 000 kr');
    await expect(row).toContainText('Ej bekräftat');
    // Reported, not confirmed: it waits apart, and the realised totals stay as they were.
    await expectFigures(planTotals, 'Uppnått', planBefore, 0);
    await expectFigures(planTotals, 'Ej bekräftat', planUnconfirmedBefore, 1);
  });

  await test.step('the programme totals show the report as unconfirmed, realised unchanged', async () => {
    await page.reload();
    await expectFigures(programme, 'Uppnått', programmeBefore, 0);
    await expectFigures(programme, 'Ej bekräftat', programmeUnconfirmedBefore, 1);
  });

  await test.step('the coach confirms it: the totals grow by exactly the reported saving', async () => {
    await page.goto(`/companies/${companyId}/action-plan`);
    await actionRow(page, reported)
      .getByRole('button', { name: `Bekräfta utfallet för ${reported}` })
      .click();
    await expect(actionRow(page, reported)).not.toContainText('Ej bekräftat');
    await page.goto(`/companies/${companyId}`);
    await expectFigures(card, 'Uppnått', companyBefore, 1);
    await expectFigures(card, 'Ej bekräftat', companyUnconfirmedBefore, 0);
    await mainNavigation(page).getByRole('link', { name: 'Effekter av åtgärder' }).click();
    await expectFigures(programme, 'Uppnått', programmeBefore, 1);
    await expectFigures(programme, 'Ej bekräftat', programmeUnconfirmedBefore, 0);
    expect(await counts(programme)).toEqual({
      actions: programmeCountsBefore.actions,
      done: programmeCountsBefore.done + 1,
    });
  });

  await companyContext.close();
});

test('the programme totals of a period: the actions done in it, on the page and in its .xlsx', async ({ page }) => {
  // The seed marks actions done 10 days ago and earlier (src/server/db/seed-action-plans.ts); the
  // period is the last 90 days as the server dates them, in Stockholm, whatever the machine's zone.
  const stockholmDate = (at: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(at);
  const to = stockholmDate(new Date());
  const from = stockholmDate(new Date(Date.now() - 90 * 86_400_000));
  await signIn(page, 'coach');
  await mainNavigation(page).getByRole('link', { name: 'Effekter av åtgärder' }).click();
  const programme = page.getByRole('region', { name: 'Hela programmet' });
  await expect(programme).toContainText('Alla åtgärder som de står i dag');

  await page.getByLabel('Klar från och med').fill(from);
  await page.getByLabel('Klar till och med').fill(to);
  await expect(page).toHaveURL(new RegExp(`/action-totals\\?from=${from}&to=${to}$`));
  await expect(programme).toContainText('Åtgärder som blev klara');
  // Only done actions are in a period.
  const inPeriod = await counts(programme);
  expect(inPeriod.done).toBeGreaterThanOrEqual(1);
  expect(inPeriod.actions).toBe(inPeriod.done);
  const realised = await figuresIn(programme, 'Uppnått');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ladda ner .xlsx' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`effekter-av-atgarder-${from}-${to}.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await file.path())!)) as unknown as ArrayBuffer);
  expect(workbook.getWorksheet('Om rapporten')!.getRow(2).getCell(2).value).toBe(`${from} – ${to}`);
  const sheet = workbook.getWorksheet('Per organisation')!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1);
  const total = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
  expect(total[0]).toBe('Hela programmet');
  expect(total[headers.indexOf('Klara')]).toBe(inPeriod.done);
  expect(Math.round(total[headers.indexOf('Uppnådd: Kostnadsbesparing (kr per år)')] as number)).toBe(realised.sek);
});
