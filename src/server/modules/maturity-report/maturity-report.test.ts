import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action, CompanyActionTotals, EffectTotalsBody } from '../../../contracts/action-plans';
import type { Analysis, AnalysisList } from '../../../contracts/analyses';
import type { Assessment, AreaResult, MaturityResults } from '../../../contracts/maturity';
import { energyCarriers } from '../../content/emission-factors';
import { areaLabels } from '../../swedish-labels';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { pdfText } from '../../test/pdf-text';
import { ok, requestsAs, type InjectResponse } from '../../test/requests';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

// The maturity report (issue 15): the PDF's text read back and held to the API's JSON, figure by
// figure (step, change per dimension, the peers' median or its absence, action totals and payback,
// the energy mapping per carrier), for the demo's measured company and for one built here through
// the API; and who may take it.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);
const get = async <T>(actor: ActorName, url: string) => ok<T>(await call(actor, 'GET', url));

// The Swedish way of writing a figure, as the web and the report write it; pdf-text.ts gives
// non-breaking spaces back as spaces.
const sv = (value: number, digits = 1) =>
  new Intl.NumberFormat('sv-SE', { maximumFractionDigits: digits })
    .format(value)
    .replace(/\s/g, ' ')
    .replace('\u2212', '-');
const signed = (change: number) => (change > 0 ? `+${sv(change)}` : change < 0 ? `-${sv(-change)}` : '±0');
const score = (value: number | null | undefined) => (value === null || value === undefined ? '–' : sv(value));
const dayOf = (timestamp: string) => new Date(timestamp).toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });

async function report(actor: ActorName, companyId: string, locale?: 'sv' | 'en'): Promise<InjectResponse> {
  return call(actor, 'GET', `/api/companies/${companyId}/maturity-report${locale ? `?locale=${locale}` : ''}`);
}

/** The report's text on one line, and its number of pages from its own page numbers. */
async function readReport(response: InjectResponse, pageWord: 'Sida' | 'Page', of: 'av' | 'of') {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('application/pdf');
  expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  const flat = (await pdfText(response.rawPayload)).replace(/\s+/g, ' ');
  const pages = Number(new RegExp(`${pageWord} 1 ${of} (\\d+)`).exec(flat)?.[1]);
  for (let page = 1; page <= pages; page += 1) expect(flat).toContain(`${pageWord} ${page} ${of} ${pages}`);
  return { flat, pages };
}

/** The rows of the change table as the report writes them: dimension, baseline, latest follow-up,
 * change and (when shown) the peers' median, each from the API's answer. */
function changeRows(area: AreaResult, name: (key: string) => string): string[] {
  const last = area.followUps.at(-1)!;
  return area.dimensionNames.map(({ key }) => {
    const change = last.changes.find((c) => c.key === key)!;
    const median = area.peers.isShown ? ` ${score(area.peers.dimensions.find((d) => d.key === key)?.median)}` : '';
    return `${name(key)} ${score(area.baseline!.dimensions.find((d) => d.key === key)?.score)} ${score(
      last.dimensions.find((d) => d.key === key)?.score,
    )} ${signed(change.change)}${median}`;
  });
}

const payback = (years: number | null) => (years === null ? 'ingen beräknad' : `${sv(years)} år`);

/** An action's row as the report writes it: title, area, status, the expected effects, the realised
 * ones of a done action (marked while unconfirmed), the investment and payback. */
function actionRow(action: Action, locale: 'sv' | 'en'): string {
  const words = {
    sv: {
      statuses: { planned: 'Planerad', in_progress: 'Pågår', done: 'Klar', cancelled: 'Avbruten' },
      unconfirmed: '(ej bekräftad)',
      years: 'år',
      increase: (v: string) => `ökning ${v}`,
    },
    en: {
      statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
      unconfirmed: '(not confirmed)',
      years: 'yr',
      increase: (v: string) => `${v} increase`,
    },
  }[locale];
  const units = {
    kwh: (v: number) => `${sv(v, 0)} kWh`,
    co2eKg: (v: number) => `${sv(v / 1000)} t CO2e`,
    sek: (v: number) => `${sv(v, 0)} kr`,
    materialTonnes: (v: number) => `${sv(v)} t material`,
  };
  const lines = (values: Action['expected']) =>
    (['kwh', 'co2eKg', 'sek', 'materialTonnes'] as const).flatMap((kind) => {
      const value = values[kind];
      if (value === null) return [];
      return [value < 0 ? words.increase(units[kind](-value)) : units[kind](value)];
    });
  const realised = action.status === 'done' ? lines(action.realised) : [];
  return [
    action.title,
    locale === 'sv' ? areaLabels[action.area] : englishAreas[action.area],
    words.statuses[action.status],
    lines(action.expected).join(' ') || '–',
    realised.length > 0 ? [...realised, ...(action.realisedConfirmation ? [] : [words.unconfirmed])].join(' ') : '–',
    action.investmentSek === null ? '–' : `${sv(action.investmentSek, 0)} kr`,
    ...(action.expectedPaybackYears === null ? [] : [`${sv(action.expectedPaybackYears)} ${words.years}`]),
  ].join(' ');
}

const carrierName = (key: string, locale: 'sv' | 'en') => energyCarriers.find((c) => c.key === key)!.name[locale];

const englishAreas: Record<Action['area'], string> = {
  foundation: 'Foundation',
  resource_efficiency: 'Resource efficiency',
  circular_business: 'Circular business',
  energy_transition: 'Energy transition',
  digitalisation: 'Digitalisation',
};

/** The totals table's row of a kind of effect: kWh, t CO2e, kr, t material. */
const totalsRow = (label: string, sums: EffectTotalsBody['expected']) =>
  `${label} ${sv(sums.kwh, 0)} ${sv(sums.co2eKg / 1000)} ${sv(sums.sek, 0)} ${sv(sums.materialTonnes)}`;

describe('the maturity report of a measured company', () => {
  it("writes the demo company's steps, changes, medians, action totals and energy as the API gives them", async () => {
    const companyId = fixtures.ownCompanyId;
    const results = await get<MaturityResults>('coachOwn', `/api/companies/${companyId}/maturity`);
    const totals = await get<CompanyActionTotals>('coachOwn', `/api/companies/${companyId}/action-totals`);
    const actions = await get<{ items: Action[] }>('coachOwn', `/api/companies/${companyId}/actions`);
    const analyses = await get<AnalysisList>('coachOwn', `/api/companies/${companyId}/analyses`);
    const mappings = analyses.items.filter((item) => item.kind === 'energy_mapping');
    expect(mappings).toHaveLength(1);
    const mapping = await get<Analysis>('coachOwn', `/api/analyses/${mappings[0]!.id}`);

    const response = await report('coachOwn', companyId);
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="mognadsrapport-exempelverken-i-skovde-ab-2026-11-26.pdf"',
    );
    const { flat, pages } = await readReport(response, 'Sida', 'av');
    // A cover, the summary, five areas, the action plan and the energy: at least nine pages.
    expect(pages).toBeGreaterThanOrEqual(9);
    expect(flat).toContain('Mognadsrapport');
    expect(flat).toContain('Exempelverken i Skövde AB');
    expect(flat).toContain('Industriutvecklare Bertil Exempelsson');
    expect(flat).toContain('Ansvarig organisation IDC West Sweden');
    expect(flat).toContain('Datum 2026-11-26');

    for (const area of results.areas) {
      // The demo company is measured three times in every area, with 5 or more peers.
      expect(area.followUps.length).toBeGreaterThan(0);
      expect(area.peers.isShown).toBe(true);
      const latest = area.latest!;
      const stepName = area.stepNames.find((s) => s.step === latest.step)!.name.sv;
      const dimensionName = (key: string) => area.dimensionNames.find((d) => d.key === key)!.name.sv;
      expect(flat).toContain(`Steg ${latest.step} av 5: ${stepName}`);
      expect(flat).toContain(
        `Senaste mätning ${dayOf(latest.submittedAt)}: steg ${latest.step}, ${score(latest.score)} poäng`,
      );
      expect(flat).toContain(
        `Steg ${area.baseline!.step} Steg ${latest.step} ${dayOf(latest.submittedAt)} Steg ${sv(area.peers.medianStep!)}`,
      );
      for (const row of changeRows(area, dimensionName)) expect(flat).toContain(row);
      expect(flat).toContain(`Jämförelse med ${area.peers.peerCount} liknande företag`);
    }

    // The coach's comments of the baseline, with their questions.
    const foundation = results.areas.find((area) => area.area === 'foundation')!;
    const baseline = await get<Assessment>('coachOwn', `/api/assessments/${foundation.baseline!.assessmentId}`);
    const commented = baseline.answers.filter((answer) => answer.comment);
    expect(commented.length).toBeGreaterThan(0);
    for (const answer of commented) {
      const question = baseline.model.content.dimensions
        .flatMap((d) => d.questions)
        .find((q) => q.key === answer.questionKey)!;
      expect(flat).toContain(`${question.text.sv} ${answer.comment}`);
    }

    const overall = totals.overall;
    expect(flat).toContain(totalsRow('Förväntad effekt', overall.expected));
    expect(flat).toContain(totalsRow('Uppnådd effekt', overall.realised));
    expect(flat).toContain(`Investering ${sv(overall.investmentSek, 0)} kr.`);
    expect(flat).toContain(
      `Återbetalningstid: förväntad ${payback(overall.expectedPaybackYears)}, uppnådd ${payback(overall.realisedPaybackYears)}.`,
    );
    for (const { area, totals: byArea } of totals.byArea) {
      expect(flat).toContain(
        `${areaLabels[area]} ${byArea.actions} ${byArea.done} ${sv(byArea.expected.sek, 0)} ${sv(byArea.investmentSek, 0)} ${payback(byArea.expectedPaybackYears)}`,
      );
    }
    expect(actions.items.length).toBeGreaterThan(0);
    for (const action of actions.items) expect(flat).toContain(actionRow(action, 'sv'));

    const energy = mapping.energy!;
    expect(flat).toContain(`Energi (kWh) ${sv(energy.total.kwh, 0)} Kostnad (kr) ${sv(energy.total.costSek, 0)}`);
    for (const carrier of energy.carriers) {
      expect(flat).toContain(
        `${carrierName(carrier.carrier, 'sv')} ${sv(carrier.kwh, 0)} ${sv(carrier.costSek, 0)} ${sv(carrier.co2eKg / 1000)} ${new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(carrier.sekPerKwh!)}`,
      );
    }
    expect(flat).toContain(
      `Totalt ${sv(energy.total.kwh, 0)} ${sv(energy.total.costSek, 0)} ${sv(energy.total.co2eKg / 1000)}`,
    );
  });
});

/** Starts a coach measurement, answers every question with `level` and the given comments (by the
 * question's place), and submits it a minute after the last. */
async function measure(companyId: string, area: string, level: number, comments: Record<number, string> = {}) {
  const started = await ok<Assessment>(
    await call('coachOwn', 'POST', `/api/companies/${companyId}/assessments`, { area }),
    201,
  );
  const keys = started.model.content.dimensions.flatMap((d) => d.questions.map((q) => q.key));
  for (const [i, key] of keys.entries()) {
    await ok(
      await call('coachOwn', 'PUT', `/api/assessments/${started.id}/answers/${key}`, {
        level,
        ...(comments[i] && { comment: comments[i] }),
      }),
    );
  }
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
  return ok<Assessment>(
    await call('coachOwn', 'POST', `/api/assessments/${started.id}/submit`, { version: started.version }),
  );
}

/** A large company in SNI division 30 (none in the demo data), of the own organisation. */
async function largeVehicleMaker(name: string): Promise<string> {
  const company = await ok<{ id: string }>(
    await call('admin', 'POST', '/api/companies', {
      organisationNumber: freshOrganisationNumber(),
      name,
      organisationId: fixtures.ownOrganisationId,
      coachId: fixtures.ownCoachId,
      sniCode: '30.110',
      headcount: 300,
    }),
    201,
  );
  return company.id;
}

const mappingOf = (year: number, electricityKwh: number) => ({
  kind: 'energy_mapping',
  title: `Energikartläggning ${year}`,
  performedOn: `${year + 1}-02-15`,
  content: {
    year,
    factorSetKey: 'se-2023-residual-mix',
    lines: [
      { carrier: 'electricity', quantity: electricityKwh, unit: 'kWh', costSek: 180_000 },
      { carrier: 'district_heating', quantity: 180, unit: 'MWh', costSek: 126_000, emissionFactorKgPerKwh: 0.035 },
      { carrier: 'diesel', quantity: 4_000, unit: 'litre', costSek: 76_000 },
    ],
  },
});

describe('the maturity report of a company built through the API', () => {
  it('writes it in English with the change from baseline to follow-up, no median below five peers, the plan and the latest mapping', async () => {
    const companyId = await largeVehicleMaker('Rapportverket i Åmål AB');
    const peerId = await largeVehicleMaker('Jämförelseverket AB');
    await measure(peerId, 'energy_transition', 3);
    await measure(companyId, 'energy_transition', 2, { 0: 'Mätarna sitter bara på huvudcentralen.' });
    // A character the report's font lacks (₂) is written as the nearest it has.
    await measure(companyId, 'energy_transition', 4, { 1: 'Undermätare installerade – CO₂-mål satt för 2027.' });

    const planUrl = `/api/companies/${companyId}/actions`;
    const led = await ok<Action>(
      await call('coachOwn', 'POST', planUrl, {
        area: 'energy_transition',
        title: 'Byt till LED i monteringshallen',
        expected: { kwh: 12_000, sek: 18_000, co2eKg: 3_500 },
        investmentSek: 45_000,
      }),
      201,
    );
    await ok(
      await call('coachOwn', 'PATCH', `/api/actions/${led.id}`, {
        version: led.version,
        status: 'done',
        realised: { kwh: 10_000, sek: 15_000 },
      }),
    );
    await ok(
      await call('coachOwn', 'POST', planUrl, {
        area: 'circular_business',
        title: 'Återbruka emballage från underleverantörer',
        expected: { materialTonnes: 1.5, sek: -2_000 },
      }),
      201,
    );
    await ok(await call('coachOwn', 'POST', `/api/companies/${companyId}/analyses`, mappingOf(2024, 150_000)), 201);
    const latest = await ok<Analysis>(
      await call('coachOwn', 'POST', `/api/companies/${companyId}/analyses`, mappingOf(2025, 120_000)),
      201,
    );

    const results = await get<MaturityResults>('coachOwn', `/api/companies/${companyId}/maturity`);
    const area = results.areas.find((a) => a.area === 'energy_transition')!;
    // One similar company is measured: fewer than five, so the API gives no median.
    expect(area.peers).toMatchObject({ isShown: false, peerCount: null, medianStep: null });
    expect(area.followUps).toHaveLength(1);
    const totals = await get<CompanyActionTotals>('coachOwn', `/api/companies/${companyId}/action-totals`);
    const actions = await get<{ items: Action[] }>('coachOwn', planUrl);

    const response = await report('coachOwn', companyId, 'en');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="maturity-report-rapportverket-i-amal-ab-2026-11-26.pdf"',
    );
    const { flat, pages } = await readReport(response, 'Page', 'of');
    // A cover, the summary, one measured area, the action plan and the energy.
    expect(pages).toBe(5);
    expect(flat).toContain('Maturity report');
    expect(flat).toContain('Organisation number');
    expect(flat).toContain('Size class Large enterprise');
    expect(flat).toContain('Foundation – Not measured yet');
    const latestPoint = area.latest!;
    const stepName = area.stepNames.find((s) => s.step === latestPoint.step)!.name.en;
    expect(latestPoint.step).toBe(4);
    expect(flat).toContain(`Step 4 of 5: ${stepName}`);
    expect(flat).toContain(`Energy transition Step 2 Step 4 ${dayOf(latestPoint.submittedAt)} –`);
    const rows = changeRows(area, (key) => area.dimensionNames.find((d) => d.key === key)!.name.en);
    // Every answer went from level 2 to 4: 25 to 75 points, +50 in every dimension, by hand.
    expect(rows.every((row) => row.endsWith(' 25 75 +50'))).toBe(true);
    for (const row of rows) expect(flat).toContain(row);
    expect(flat).toContain('The comparison with similar companies appears once at least 5 of them have been measured');
    expect(flat).not.toContain('Compared with');
    expect(flat).not.toContain('Similar companies (median): Step');

    expect(flat).toContain('Comments of the industry developer');
    expect(flat).toContain('Mätarna sitter bara på huvudcentralen.');
    expect(flat).toContain('Undermätare installerade – CO2-mål satt för 2027.');

    // By hand: expected 12 000 kWh, 3,5 t CO2e, 18 000 − 2 000 = 16 000 kr, 1,5 t material; realised
    // 10 000 kWh and 15 000 kr (entered by the coach, so confirmed); payback 45 000 / 16 000 = 2,8 yr
    // expected and 45 000 / 15 000 = 3 yr realised.
    const overall = totals.overall;
    expect(overall.expected).toEqual({ kwh: 12_000, co2eKg: 3_500, sek: 16_000, materialTonnes: 1.5 });
    expect(flat).toContain(totalsRow('Expected effect', overall.expected));
    expect(flat).toContain(totalsRow('Realised effect', overall.realised));
    expect(flat).toContain(
      `Payback: expected ${sv(overall.expectedPaybackYears!)} yr, realised ${sv(overall.realisedPaybackYears!)} yr.`,
    );
    expect(flat).toContain('Payback: expected 2,8 yr, realised 3 yr.');
    for (const action of actions.items) expect(flat).toContain(actionRow(action, 'en'));
    expect(flat).toContain('2 000 kr increase');

    // The 2025 mapping, not the 2024 one.
    expect(flat).toContain('Energy mapping 2025');
    expect(flat).not.toContain('Energikartläggning 2024');
    const energy = latest.energy!;
    for (const carrier of energy.carriers) {
      expect(flat).toContain(
        `${carrierName(carrier.carrier, 'en')} ${sv(carrier.kwh, 0)} ${sv(carrier.costSek, 0)} ${sv(carrier.co2eKg / 1000)}`,
      );
    }
    expect(flat).toContain(
      `Total ${sv(energy.total.kwh, 0)} ${sv(energy.total.costSek, 0)} ${sv(energy.total.co2eKg / 1000)}`,
    );
    // The hand calculation of analyses.test.ts: 339 200 kWh, 382 000 kr, 79,6 t CO2e.
    expect(flat).toContain('Total 339 200 382 000 79,6');
  });
});

describe('who may take the report', () => {
  it('answers the company’s organisation, admins and its own users; another organisation or company gets 404', async () => {
    const answers: Record<ActorName, number> = {
      anonymous: 401,
      admin: 200,
      coachOwn: 200,
      companyOwn: 200,
      coachOther: 404,
      companyOther: 404,
    };
    for (const [actor, status] of Object.entries(answers) as [ActorName, number][]) {
      expect((await report(actor, fixtures.ownCompanyId)).statusCode, actor).toBe(status);
    }
    // The other organisation's company, from the own side.
    expect((await report('coachOwn', fixtures.otherCompanyId)).statusCode).toBe(404);
    expect((await report('companyOwn', fixtures.otherCompanyId)).statusCode).toBe(404);
  });

  it('refuses a language it does not have, naming the field', async () => {
    const response = await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/maturity-report?locale=fi`);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('locale');
  });
});
