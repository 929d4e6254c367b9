import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Impact } from '../../../contracts/impact';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { clockedRequests, ok, type InjectResponse } from '../../test/clocked-requests';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

// The impact view against a hand count (issue 12, item 5; decision 035): records built through the
// API, in the order they happen, for two organisations of their own, so no demo record is in the
// figures. The edges: support on the baseline's and the follow-up's own day counts, the day before
// and the day after do not; another area's coaching does not, general coaching does; a person's
// activity of another area does not, one about no area does, two people at one activity is one
// activity; the latest follow-up up to the period's end is the one compared; a follow-up before or
// after the period leaves the company out.

let t: TestApp;
const { call } = clockedRequests(() => t);

const at = (iso: string) => {
  t.clock.now = new Date(iso);
};

const organisations: Record<string, string> = {};
const ids: Record<string, string> = {};

async function organisation(key: string, name: string, shortName: string) {
  const created = await ok<{ id: string }>(
    await call('admin', 'POST', '/api/organisations', { name, shortName, reportingAreas: [] }),
    201,
  );
  organisations[key] = created.id;
}

async function register(key: string, name: string, organisationKey: string) {
  const company = await ok<{ id: string }>(
    await call('admin', 'POST', '/api/companies', {
      organisationNumber: freshOrganisationNumber(),
      name,
      municipalityCode: '1496',
      organisationId: organisations[organisationKey],
    }),
    201,
  );
  ids[key] = company.id;
}

async function intervention(key: string, occurredOn: string, hours: number, kind: string, area: string | null) {
  await ok(
    await call('admin', 'POST', `/api/companies/${ids[key]}/interventions`, { occurredOn, kind, hours, area }),
    201,
  );
}

type Assessment = {
  id: string;
  version: number;
  kind: string;
  step: number | null;
  model: { content: { dimensions: { questions: { key: string }[] }[] } };
};

/** A coach-led measurement answered at one level throughout: level L scores step L. */
async function measure(key: string, area: string, level: number, kind: 'baseline' | 'follow_up') {
  const started = await ok<Assessment>(
    await call('admin', 'POST', `/api/companies/${ids[key]}/assessments`, { area }),
    201,
  );
  expect(started.kind).toBe(kind);
  for (const question of started.model.content.dimensions.flatMap((d) => d.questions)) {
    await ok(await call('admin', 'PUT', `/api/assessments/${started.id}/answers/${question.key}`, { level }));
  }
  const submitted = await ok<Assessment>(
    await call('admin', 'POST', `/api/assessments/${started.id}/submit`, { version: started.version }),
  );
  expect(submitted.step).toBe(level);
}

async function contact(key: string, name: string) {
  return (
    await ok<{ id: string }>(
      await call('admin', 'POST', `/api/companies/${ids[key]}/contacts`, { name, gender: 'woman' }),
      201,
    )
  ).id;
}

type Activity = { id: string; registrations: { id: string; contactId: string; version: number }[] };

async function activity(type: string, startsAt: string, areas: string[], people: { id: string; attended: boolean }[]) {
  const created = await ok<Activity>(
    await call('admin', 'POST', '/api/activities', {
      type,
      title: `${type} ${startsAt}`,
      startsAt,
      endsAt: new Date(Date.parse(startsAt) + 3 * 3_600_000).toISOString(),
      place: 'Skövde',
      capacity: null,
      costPerParticipantSek: 0,
      areas,
      organisationIds: [organisations.effekt],
    }),
    201,
  );
  const registered = await ok<Activity>(
    await call('admin', 'POST', `/api/activities/${created.id}/registrations`, { contactIds: people.map((p) => p.id) }),
    201,
  );
  await ok(
    await call('admin', 'POST', `/api/activities/${created.id}/attendance`, {
      items: registered.registrations.map((r) => ({
        registrationId: r.id,
        attended: people.find((p) => p.id === r.contactId)!.attended,
        version: r.version,
      })),
    }),
  );
}

/** An action made today (the clock) in a status: done today sets its done date. */
async function action(key: string, area: string, status: string) {
  await ok(
    await call('admin', 'POST', `/api/companies/${ids[key]}/actions`, { title: `Åtgärd ${area}`, area, status }),
    201,
  );
}

const view = async (query: string, actor: ActorName = 'admin') =>
  ok<Impact>(await call(actor, 'GET', `/api/impact?${query}`));
const period = 'from=2026-01-01&to=2026-06-30';

beforeAll(async () => {
  t = await createTestApp();
  at('2025-09-01T09:00:00+02:00');
  await organisation('effekt', 'Effektverkstan', 'EV');
  await organisation('steg', 'Stegverkstan', 'SV');
  await register('alfa', 'Alfa Effekt AB', 'effekt');
  await register('beta', 'Beta Effekt AB', 'effekt');
  await register('gamma', 'Gamma Effekt AB', 'effekt');
  await register('delta', 'Delta Effekt AB', 'effekt');
  await register('epsilon', 'Epsilon Effekt AB', 'effekt');
  await register('zeta', 'Zeta Steg AB', 'steg');
  const anna = await contact('alfa', 'Anna Effekt');
  const arne = await contact('alfa', 'Arne Effekt');

  // By hand, period 2026-01-01 – 2026-06-30:
  //   delta   energy: baseline Oct 2025, follow-up Dec 2025: before the period, left out
  at('2025-10-01T10:00:00+02:00');
  await measure('delta', 'energy_transition', 2, 'baseline');
  at('2025-12-01T10:00:00+01:00');
  await measure('delta', 'energy_transition', 3, 'follow_up');
  //   epsilon energy: step 3 (15 Jan), 4 (1 Mar), 2 (15 Jun): the latest counts, -1; no support
  at('2026-01-15T10:00:00+01:00');
  await measure('epsilon', 'energy_transition', 3, 'baseline');
  //   alfa    energy: step 1 (1 Feb) to 3 (10 May) = +2; coaching 3 h the day before (out), a
  //           measurement visit 1 h on 1 Feb, coaching 4 h and 2 h general, a follow-up visit 2 h on
  //           10 May, 1 h the day after (out), 5 h of digitalisation (out) = 9 h, 4.5 h a step;
  //           the energy workshop (Anna and Arne: one activity) and the network meeting about no
  //           area: 2 activities; two energy actions done (1 a step), a planned one and a
  //           digitalisation one not
  //           digitalisation: step 2 to 2 = 0; 5 h + 2 h general = 7 h; the training and the
  //           network meeting: 2 activities; 1 action
  //   beta    energy: step 2 (1 Feb) to 3 (1 Jun) = +1; coaching 4 h; an action done after the
  //           follow-up (out): 4 h a step, 0 actions
  //   gamma   energy: baseline 1 Feb, follow-up 5 Jul, after the period: left out
  //   zeta    (Stegverkstan) foundation: step 1 (1 Feb) to 2 (1 Apr); 6 h coaching, 3 h of
  //           digitalisation (out): 6 h a step
  at('2026-01-20T10:00:00+01:00');
  await intervention('alfa', '2026-01-20', 3, 'coaching', 'energy_transition');
  at('2026-02-01T10:00:00+01:00');
  await measure('alfa', 'energy_transition', 1, 'baseline');
  await measure('alfa', 'digitalisation', 2, 'baseline');
  await measure('beta', 'energy_transition', 2, 'baseline');
  await measure('gamma', 'energy_transition', 2, 'baseline');
  await measure('zeta', 'foundation', 1, 'baseline');
  await intervention('alfa', '2026-02-01', 1, 'measurement', 'energy_transition');
  at('2026-03-01T10:00:00+01:00');
  await measure('epsilon', 'energy_transition', 4, 'follow_up');
  await intervention('beta', '2026-03-01', 4, 'coaching', 'energy_transition');
  await intervention('zeta', '2026-03-01', 3, 'coaching', 'digitalisation');
  at('2026-03-20T10:00:00+01:00');
  await intervention('alfa', '2026-03-10', 4, 'coaching', 'energy_transition');
  await intervention('alfa', '2026-03-20', 2, 'coaching', null);
  await intervention('zeta', '2026-03-15', 6, 'coaching', 'foundation');
  at('2026-04-01T10:00:00+02:00');
  await intervention('alfa', '2026-04-01', 5, 'coaching', 'digitalisation');
  await measure('zeta', 'foundation', 2, 'follow_up');
  at('2026-04-10T10:00:00+02:00');
  await action('alfa', 'energy_transition', 'done');
  await action('alfa', 'digitalisation', 'done');
  await action('alfa', 'energy_transition', 'planned');
  at('2026-04-12T10:00:00+02:00');
  await action('alfa', 'energy_transition', 'done');
  at('2026-05-10T10:00:00+02:00');
  await measure('alfa', 'energy_transition', 3, 'follow_up');
  await measure('alfa', 'digitalisation', 2, 'follow_up');
  await intervention('alfa', '2026-05-10', 2, 'follow_up_visit', 'energy_transition');
  at('2026-05-11T10:00:00+02:00');
  await intervention('alfa', '2026-05-11', 1, 'coaching', 'energy_transition');
  at('2026-06-01T10:00:00+02:00');
  await measure('beta', 'energy_transition', 3, 'follow_up');
  at('2026-06-10T10:00:00+02:00');
  await action('beta', 'energy_transition', 'done');
  at('2026-06-15T10:00:00+02:00');
  await measure('epsilon', 'energy_transition', 2, 'follow_up');
  at('2026-06-20T10:00:00+02:00');
  await activity(
    'workshop',
    '2026-03-15T09:00:00+01:00',
    ['energy_transition'],
    [
      { id: anna, attended: true },
      { id: arne, attended: true },
    ],
  );
  await activity('training', '2026-04-20T09:00:00+02:00', ['digitalisation'], [{ id: anna, attended: true }]);
  await activity('network_meeting', '2026-04-25T09:00:00+02:00', [], [{ id: anna, attended: true }]);
  await activity('inspiration', '2026-04-28T09:00:00+02:00', ['energy_transition'], [{ id: arne, attended: false }]);
  at('2026-07-05T10:00:00+02:00');
  await measure('gamma', 'energy_transition', 4, 'follow_up');
  at('2026-07-06T10:00:00+02:00');
}, 240_000);

afterAll(async () => {
  await t?.close();
});

const areaOf = (impact: Impact, area: string) => impact.areas.find((a) => a.area === area)!;

describe('the impact view, against a hand count', () => {
  it('lists per area the companies measured twice with their step change and the support between', async () => {
    const impact = await view(`${period}&organisationId=${organisations.effekt}`);
    expect(impact.filters).toEqual({ organisationId: organisations.effekt, organisationName: 'Effektverkstan' });
    const energy = areaOf(impact, 'energy_transition');
    expect(
      energy.companies.map((c) => [c.name, c.baselineOn, c.baselineStep, c.followUpOn, c.followUpStep, c.stepChange]),
    ).toEqual([
      ['Alfa Effekt AB', '2026-02-01', 1, '2026-05-10', 3, 2],
      ['Beta Effekt AB', '2026-02-01', 2, '2026-06-01', 3, 1],
      ['Epsilon Effekt AB', '2026-01-15', 3, '2026-06-15', 2, -1],
    ]);
    const alfa = energy.companies[0]!;
    expect([alfa.hours, alfa.activitiesAttended, alfa.actionsDone]).toEqual([9, 2, 2]);
    expect(alfa.hoursByKind).toEqual({
      foundation_analysis: 0,
      measurement: 1,
      analysis: 0,
      action_planning: 0,
      follow_up_visit: 2,
      coaching: 6,
      other: 0,
    });
    expect(energy.companies.map((c) => [c.hours, c.activitiesAttended, c.actionsDone])).toEqual([
      [9, 2, 2],
      [4, 0, 0],
      [0, 0, 0],
    ]);
    const digitalisation = areaOf(impact, 'digitalisation');
    expect(
      digitalisation.companies.map((c) => [c.name, c.stepChange, c.hours, c.activitiesAttended, c.actionsDone]),
    ).toEqual([['Alfa Effekt AB', 0, 7, 2, 1]]);
    expect(areaOf(impact, 'foundation').companies).toEqual([]);
  });

  it('gives the medians behind one step gained by area, by organisation and in total', async () => {
    const impact = await view(`${period}&organisationId=${organisations.effekt}`);
    expect(areaOf(impact, 'energy_transition').summary).toEqual({
      measured: 3,
      climbed: 2,
      medianStepChange: 1, // +2, +1, -1
      medianHoursPerStep: 4.25, // 4.5 and 4
      medianActionsPerStep: 0.5, // 1 and 0
    });
    expect(areaOf(impact, 'digitalisation').summary).toEqual({
      measured: 1,
      climbed: 0,
      medianStepChange: 0,
      medianHoursPerStep: null,
      medianActionsPerStep: null,
    });
    expect(impact.total).toEqual({
      measured: 4,
      climbed: 2,
      medianStepChange: 0.5, // -1, 0, 1, 2
      medianHoursPerStep: 4.25,
      medianActionsPerStep: 0.5,
    });
    expect(impact.organisations).toEqual([
      { organisationId: organisations.effekt, organisationName: 'Effektverkstan', summary: impact.total },
    ]);
  });

  it('shows each organisation apart in the programme view', async () => {
    const impact = await view(period);
    expect(impact.filters.organisationId).toBeNull();
    const byName = Object.fromEntries(impact.organisations.map((o) => [o.organisationName, o.summary]));
    expect(byName.Stegverkstan).toEqual({
      measured: 1,
      climbed: 1,
      medianStepChange: 1,
      medianHoursPerStep: 6,
      medianActionsPerStep: 0,
    });
    expect(byName.Effektverkstan?.measured).toBe(4);
    const foundation = areaOf(impact, 'foundation');
    expect(
      foundation.companies.filter((c) => c.organisationName === 'Stegverkstan').map((c) => [c.name, c.hours]),
    ).toEqual([['Zeta Steg AB', 6]]);
  });

  it('compares the latest follow-up up to the end of the period, made in the period', async () => {
    const impact = await view(`from=2026-01-01&to=2026-03-31&organisationId=${organisations.effekt}`);
    expect(areaOf(impact, 'energy_transition').companies.map((c) => [c.name, c.followUpOn, c.stepChange])).toEqual([
      ['Epsilon Effekt AB', '2026-03-01', 1],
    ]);
    const later = await view(`from=2026-07-01&to=2026-07-31&organisationId=${organisations.effekt}`);
    expect(areaOf(later, 'energy_transition').companies.map((c) => c.name)).toEqual(['Gamma Effekt AB']);
  });

  it('gives a coach their own organisation only and company users nothing', async () => {
    const own = await view(period, 'coachOwn');
    expect(own.filters.organisationId).toBe(fixtures.ownOrganisationId);
    expect(own.organisations.every((o) => o.organisationId === fixtures.ownOrganisationId)).toBe(true);
    expect(
      (await call('coachOwn', 'GET', `/api/impact?${period}&organisationId=${organisations.effekt}`)).statusCode,
    ).toBe(403);
    expect((await call('companyOwn', 'GET', `/api/impact?${period}`)).statusCode).toBe(403);
    expect((await call('anonymous', 'GET', `/api/impact?${period}`)).statusCode).toBe(401);
  });

  it('sends as many statements for four companies as for one (P8: no N+1)', async () => {
    const statements = async (query: string) => {
      await view(query);
      const before = t.database.queryCount();
      await view(query);
      return t.database.queryCount() - before;
    };
    const one = await statements(`from=2026-01-01&to=2026-03-31&organisationId=${organisations.effekt}`);
    const four = await statements(`${period}&organisationId=${organisations.effekt}`);
    expect(one).toBeGreaterThan(0);
    expect(four).toBe(one);
  });

  it('names the field of a bad query', async () => {
    const backwards = await call('admin', 'GET', '/api/impact?from=2026-06-30&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('"field":"query.to"');
    const nobody = await call(
      'admin',
      'GET',
      `/api/impact?${period}&organisationId=6f1d3a9e-1b2c-4d5e-8f90-123456789abc`,
    );
    expect(nobody.statusCode).toBe(400);
    expect(nobody.body).toContain('"field":"organisationId"');
  });
});

/** The sheets of an .xlsx answer, each as rows of cell values. */
async function sheetsOf(response: InjectResponse) {
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return Object.fromEntries(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [sheet.name, rows];
    }),
  );
}

describe('the impact view as an .xlsx', () => {
  it('states what it is, gives the summary and a sheet per area with its companies', async () => {
    const response = await call('admin', 'GET', `/api/impact/export?${period}&organisationId=${organisations.effekt}`);
    expect(response.headers['content-disposition']).toContain('genomslag-2026-01-01-2026-06-30.xlsx');
    const sheets = await sheetsOf(response);
    expect(Object.keys(sheets)).toEqual([
      'Om rapporten',
      'Sammanfattning',
      'Grundsteg',
      'Resurseffektiv produktion',
      'Cirkulära affärsmodeller',
      'Energiomställning',
      'Digitalisering',
    ]);
    expect(sheets['Om rapporten']!.slice(1, 3)).toEqual([
      ['Period', '2026-01-01 – 2026-06-30'],
      ['Organisation', 'Effektverkstan'],
    ]);
    const summary = sheets.Sammanfattning!;
    expect(summary[1]).toEqual(['Totalt', 'Totalt', 4, 2, 0.5, 4.25, 0.5]);
    expect(summary.find((row) => row[1] === 'Energiomställning')).toEqual([
      'Område',
      'Energiomställning',
      3,
      2,
      1,
      4.25,
      0.5,
    ]);
    expect(summary.find((row) => row[1] === 'Effektverkstan')).toEqual([
      'Organisation',
      'Effektverkstan',
      4,
      2,
      0.5,
      4.25,
      0.5,
    ]);
    const energy = sheets['Energiomställning']!;
    expect(energy[0]!.slice(0, 8)).toEqual([
      'Företag',
      'Organisation',
      'Nollmätning',
      'Steg',
      'Uppföljning',
      'Steg',
      'Förändring',
      'Timmar',
    ]);
    // Name, organisation, dates and steps, change, hours, the hours of each kind in the order of
    // the core's kinds (foundation analysis, measurement, analysis, action planning, follow-up
    // visit, coaching, other), activities, actions.
    expect(energy[1]).toEqual([
      'Alfa Effekt AB',
      'Effektverkstan',
      '2026-02-01',
      1,
      '2026-05-10',
      3,
      2,
      9,
      0,
      1,
      0,
      0,
      2,
      6,
      0,
      2,
      2,
    ]);
    expect(energy.length).toBe(4);
  });

  it('refuses company users', async () => {
    expect((await call('companyOwn', 'GET', `/api/impact/export?${period}`)).statusCode).toBe(403);
  });
});
