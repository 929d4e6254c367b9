import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import type {
  FrozenReport,
  FrozenReportChanges,
  IndicatorReport,
  ParticipantPage,
  ParticipantRow,
} from '../../../contracts/indicator-reports';
import { rowsOf } from '../../db/rows';
import { supportMonthsDiffering as supportMonthsDifferingSql } from '../../test/support-months-from-scratch';
import {
  countCompaniesWithPlan,
  countStepPairs,
  findProgramme,
  listDoneActionItems,
  readDoneActions,
  readStepSummary,
} from './indicator-reports.queries';
import { doneActionSumsDifferingFromScratch } from '../../test/done-action-sums-from-scratch';
import { stepCountsDifferingFromScratch } from '../../test/step-counts-from-scratch';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { clockedRequests, ok, type InjectResponse } from '../../test/clocked-requests';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

// The indicator report against a hand count (issue 12, bars): records built through the API for an
// organisation of their own, so nothing of the demo data is in the figures. The edge cases: one
// company with many kinds of support counts once; exclusive size classes, the class at the first
// support; the short call; Kungsbacka in two slices and once in the total; one person at two
// activities is one participant and two attendances.

let t: TestApp;
const { call } = clockedRequests(() => t);

const at = (iso: string) => {
  t.clock.now = new Date(iso);
};

let organisationId = '';
const ids: Record<string, string> = {};

async function register(key: string, name: string, municipalityCode: string, headcount: number | null) {
  const company = await ok<{ id: string; version: number }>(
    await call('admin', 'POST', '/api/companies', {
      organisationNumber: freshOrganisationNumber(),
      name,
      municipalityCode,
      organisationId,
      ...(headcount !== null && { headcount, financialYear: 2025 }),
    }),
    201,
  );
  ids[key] = company.id;
  return company;
}

async function intervention(key: string, occurredOn: string, hours: number, kind = 'coaching') {
  await ok(await call('admin', 'POST', `/api/companies/${ids[key]}/interventions`, { occurredOn, kind, hours }), 201);
}

type Assessment = {
  id: string;
  version: number;
  step: number | null;
  model: { content: { dimensions: { questions: { key: string }[] }[] } };
};

async function measure(key: string, level: number): Promise<Assessment> {
  const started = await ok<Assessment>(
    await call('admin', 'POST', `/api/companies/${ids[key]}/assessments`, { area: 'energy_transition' }),
    201,
  );
  for (const question of started.model.content.dimensions.flatMap((d) => d.questions)) {
    await ok(await call('admin', 'PUT', `/api/assessments/${started.id}/answers/${question.key}`, { level }));
  }
  return ok<Assessment>(
    await call('admin', 'POST', `/api/assessments/${started.id}/submit`, { version: started.version }),
  );
}

async function contact(key: string, name: string, gender: string) {
  return (
    await ok<{ id: string }>(await call('admin', 'POST', `/api/companies/${ids[key]}/contacts`, { name, gender }), 201)
  ).id;
}

type Activity = { id: string; registrations: { id: string; contactId: string; version: number }[] };

/** An activity that took place, its registrations and who attended. */
async function activity(
  type: string,
  startsAt: string,
  areas: string[],
  contacts: { id: string; attended: boolean }[],
) {
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
      organisationIds: [organisationId],
    }),
    201,
  );
  const registered = await ok<Activity>(
    await call('admin', 'POST', `/api/activities/${created.id}/registrations`, {
      contactIds: contacts.map((c) => c.id),
    }),
    201,
  );
  await ok(
    await call('admin', 'POST', `/api/activities/${created.id}/attendance`, {
      items: registered.registrations.map((r) => ({
        registrationId: r.id,
        attended: contacts.find((c) => c.id === r.contactId)!.attended,
        version: r.version,
      })),
    }),
  );
}

async function action(key: string, body: Record<string, unknown>, then?: Record<string, unknown>) {
  const created = await ok<{ id: string; version: number }>(
    await call('admin', 'POST', `/api/companies/${ids[key]}/actions`, { title: 'Åtgärd', ...body }),
    201,
  );
  if (then) await ok(await call('admin', 'PATCH', `/api/actions/${created.id}`, { version: created.version, ...then }));
}

/** A new organisation of the test's own, so that nothing of the demo data is in its figures. */
async function newOrganisation(name: string, shortName: string): Promise<string> {
  const created = await ok<{ id: string }>(
    await call('admin', 'POST', '/api/organisations', { name, shortName, reportingAreas: [] }),
    201,
  );
  return created.id;
}

/** Moves the company to another municipality. */
async function moveTo(key: string, municipalityCode: string) {
  const company = await ok<{ version: number }>(await call('admin', 'GET', `/api/companies/${ids[key]}`));
  await ok(await call('admin', 'PATCH', `/api/companies/${ids[key]}`, { version: company.version, municipalityCode }));
}

/** Hands the company over to the other organisation: its coach asks, the admin approves. */
async function handOverToOther(key: string) {
  const requested = await ok<{ id: string; version: number }>(
    await call('coachOther', 'POST', `/api/companies/${ids[key]}/handover-requests`, { reason: 'Flyttar' }),
    201,
  );
  await ok(
    await call('admin', 'POST', `/api/handover-requests/${requested.id}/decision`, {
      version: requested.version,
      decision: 'approve',
    }),
  );
}

/** The supported companies of the organisation in a period counted from the records themselves, as
 * the participant list shows them: name, first and last day, hours, size class at the first day. */
async function supportFromRecords(from: string, to: string) {
  const stockholm = (column: SQL) => sql`(${column} at time zone 'Europe/Stockholm')::date`;
  const analysedOn = sql`coalesce(an.performed_on, ${stockholm(sql`an.created_at`)})`;
  const result = await t.database.db.execute(sql`
    with e (company_id, on_day, quarter_hours) as (
      select company_id, occurred_on, quarter_hours from interventions
      union all
      select company_id, ${stockholm(sql`submitted_at`)}, 0 from assessments where status = 'submitted' and mode = 'coach'
      union all
      select company_id, ${analysedOn}, 0 from analyses an
      union all
      select r.company_id, ${stockholm(sql`ac.starts_at`)}, 0
        from registrations r join activities ac on ac.id = r.activity_id where r.attended is true
    )
    select c.name, min(e.on_day)::text as "first", max(e.on_day)::text as "last", sum(e.quarter_hours)::int as "quarterHours",
           company_size_class_on(c.id, min(e.on_day)) as "sizeClass"
      from e join companies c on c.id = e.company_id
     where e.on_day between ${from} and ${to} and c.organisation_id = ${organisationId}
     group by c.id, c.name
     order by lower(c.name), c.id`);
  return rowsOf<{ name: string; first: string; last: string; quarterHours: number; sizeClass: string | null }>(
    result,
  ).map((r) => [r.name, r.first, r.last, r.quarterHours / 4, r.sizeClass]);
}

/** The rows of `company_support_months` that a sum from scratch does not give, and the other way. */
async function supportMonthsDiffering() {
  return rowsOf(await t.database.db.execute(supportMonthsDifferingSql));
}

const report = async (query: string, actor: ActorName = 'admin') =>
  ok<IndicatorReport>(await call(actor, 'GET', `/api/indicator-report?${query}`));

/** The whole participant list, read two rows a page so that the pages are tried too. */
async function participants(query: string, actor: ActorName = 'admin'): Promise<ParticipantRow[]> {
  const rows: ParticipantRow[] = [];
  for (let page = 1; ; page += 1) {
    const got = await ok<ParticipantPage>(
      await call(actor, 'GET', `/api/indicator-report/participants?${query}&page=${page}&pageSize=2`),
    );
    rows.push(...got.items);
    if (got.items.length < 2) {
      expect(got.total).toBe(rows.length);
      return rows;
    }
  }
}

const period = 'from=2026-01-01&to=2026-06-30';
const table = (r: IndicatorReport, code: string, by: string) =>
  Object.fromEntries(r.indicators[code]!.tables.find((tab) => tab.by === by)!.rows.map((row) => [row.key, row.values]));

beforeAll(async () => {
  t = await createTestApp();
  at('2026-01-05T09:00:00+01:00');
  organisationId = await newOrganisation('Rapportverkstan', 'RV');
  // By hand, the period 2026-01-01 – 2026-06-30:
  //   alfa    Skövde      micro at first support (8 people; grew to 30 = small in May)
  //           coaching 2 h (10 Feb), a measurement visit 1 h (5 Mar), an analysis (1 Apr), a workshop
  //           and a training (Anna), a baseline (step 1) and a follow-up (step 3) in May:
  //           many kinds of support, counted once, by its measurement
  //   beta    Kungsbacka  medium (120 people); coaching 2 h (1 Feb) and 2 h (15 Apr) = 4 h: by hours
  //   gamma   Göteborg    no size data; an analysis (10 Mar): by analysis
  //   delta   Uddevalla   small (40 people); one short call of 0.25 h (20 Mar): not counted
  //   epsilon Skövde      large (300 people); 5 h on 20 Dec 2025 (before the period), 1 h in it: not counted
  await register('alfa', 'Alfa Rapport AB', '1496', 8);
  await register('beta', 'Beta Rapport AB', '1384', 120);
  await register('gamma', 'Gamma Rapport AB', '1480', null);
  await register('delta', 'Delta Rapport AB', '1485', 40);
  await register('epsilon', 'Epsilon Rapport AB', '1496', 300);

  at('2026-01-10T09:00:00+01:00');
  await intervention('epsilon', '2025-12-20', 5);
  await intervention('alfa', '2026-01-10', 0.25, 'other'); // counted below as hours too
  at('2026-06-20T09:00:00+02:00');
  await intervention('alfa', '2026-02-10', 2);
  await intervention('alfa', '2026-03-05', 1, 'measurement');
  await intervention('beta', '2026-02-01', 2);
  await intervention('beta', '2026-04-15', 2);
  await intervention('delta', '2026-03-20', 0.25, 'other');
  await intervention('epsilon', '2026-02-02', 1);
  const analysis = (performedOn: string) => ({
    kind: 'digital',
    title: 'Digital analys',
    performedOn,
    content: { systems: [], dataCollection: [], gaps: [] },
  });
  await ok(await call('admin', 'POST', `/api/companies/${ids.alfa}/analyses`, analysis('2026-04-01')), 201);
  await ok(await call('admin', 'POST', `/api/companies/${ids.gamma}/analyses`, analysis('2026-03-10')), 201);

  const anna = await contact('alfa', 'Anna Rapport', 'woman');
  const bo = await contact('beta', 'Bo Rapport', 'man');
  const cia = await contact('delta', 'Cia Rapport', 'not_stated');
  await activity(
    'workshop',
    '2026-03-15T09:00:00+01:00',
    ['energy_transition'],
    [
      { id: anna, attended: true },
      { id: bo, attended: true },
    ],
  );
  await activity(
    'training',
    '2026-04-20T09:00:00+02:00',
    ['digitalisation'],
    [
      { id: anna, attended: true },
      { id: cia, attended: false },
    ],
  );

  // Results: alfa 12 000 kWh and 3 000 kg CO2e (energy), beta 8 000 kWh (resource efficiency),
  // both confirmed (entered by staff) and done in the period; gamma's only action is cancelled.
  at('2026-05-20T10:00:00+02:00');
  await action('alfa', { area: 'energy_transition', status: 'done', realised: { kwh: 12_000, co2eKg: 3_000 } });
  await action('beta', { area: 'resource_efficiency', status: 'done', realised: { kwh: 8_000 } });
  await action('gamma', { area: 'digitalisation' }, { status: 'cancelled' });
  // Done without a realised figure: the data quality list names it.
  await action('beta', { area: 'digitalisation', title: 'Digital orderhantering', status: 'done' });
  for (const key of ['alfa', 'beta']) {
    const company = await ok<{ version: number }>(await call('admin', 'GET', `/api/companies/${ids[key]}`));
    await ok(
      await call('admin', 'POST', `/api/companies/${ids[key]}/status`, {
        version: company.version,
        status: 'enrolled',
        changedOn: '2026-05-20',
      }),
    );
  }
  const baseline = await measure('alfa', 1);
  t.clock.now = new Date(t.clock.now.getTime() + 60_000);
  const followUp = await measure('alfa', 3);
  expect([baseline.step, followUp.step]).toEqual([1, 3]);

  // alfa grows after its first support: the report keeps the class it had then (micro).
  const current = await ok<{ version: number }>(await call('admin', 'GET', `/api/companies/${ids.alfa}`));
  await ok(await call('admin', 'PATCH', `/api/companies/${ids.alfa}`, { version: current.version, headcount: 30 }));
  at('2026-07-01T10:00:00+02:00');
});

afterAll(async () => {
  await t?.close();
});

describe('the indicator report of a period, against a hand count', () => {
  it('counts RCO01 once per company in exclusive size classes at the first support; the short call not at all', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    expect(r.indicators.RCO01!.total).toBe(3);
    expect(table(r, 'RCO01', 'size_class')).toEqual({
      micro: [1],
      small: [0],
      medium: [1],
      large: [0],
      unknown: [1],
    });
  });

  it('counts RCO04 by the rule that made each company count', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    expect(r.indicators.RCO04!.total).toBe(3);
    expect(table(r, 'RCO04', 'support_rule')).toEqual({ measurement: [1], analysis: [1], hours: [1] });
    expect(r.rules.support).toEqual({ minHours: 4, countsMeasurement: true, countsAnalysis: true });
  });

  it('counts Kungsbacka in two reporting areas and once in the total', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    expect(r.indicators.GEO!.total).toBe(3);
    expect(table(r, 'GEO', 'reporting_area')).toEqual({ goteborgsregionen: [2], halland: [1], skaraborg: [1] });
    expect(table(r, 'GEO', 'co_financer')).toEqual({
      region_halland: [1],
      skaraborgs_kommunalforbund: [1],
      vastra_gotalandsregionen: [2],
    });
    const halland = await report(`${period}&organisationId=${organisationId}&coFinancer=region_halland`);
    expect(halland.indicators.RCO01!.total).toBe(1);
    expect(
      (await participants(`${period}&organisationId=${organisationId}&coFinancer=region_halland`)).map((p) => p.name),
    ).toEqual(['Beta Rapport AB']);
    expect(halland.participantCount).toBe(1);
    expect(halland.filters).toMatchObject({ coFinancer: 'region_halland', coFinancerName: { sv: 'Region Halland' } });
  });

  it('counts one person at two activities as one participant and two attendances', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    // Anna (woman): workshop and training; Bo (man): workshop; Cia registered, not present.
    const total = r.indicators.PART!.tables.find((tab) => tab.by === 'total')!;
    const value = (column: string) => total.rows[0]!.values[total.columns.indexOf(column)];
    expect(r.indicators.PART!.total).toBe(2);
    expect([value('people.woman'), value('attendances.woman'), value('people.man'), value('attendances.man')]).toEqual([
      1, 2, 1, 1,
    ]);
    expect([value('people.not_stated'), value('people.total'), value('attendances.total')]).toEqual([0, 2, 3]);
    const byType = r.indicators.PART!.tables.find((tab) => tab.by === 'activity_type')!;
    const totalsOf = (key: string) => {
      const row = byType.rows.find((row) => row.key === key)!;
      return [
        row.values[byType.columns.indexOf('people.total')],
        row.values[byType.columns.indexOf('attendances.total')],
      ];
    };
    expect(totalsOf('workshop')).toEqual([2, 2]);
    expect(totalsOf('training')).toEqual([1, 1]);
  });

  it('sums the confirmed realised effects of done actions, the climbers and the plans', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    // (12 000 + 8 000) kWh = 20 MWh; 3 000 kg = 3 t; alfa climbed from step 1 to 3 in energy.
    expect(r.indicators.RES_ENERGY!.total).toBeCloseTo(20, 9);
    expect(table(r, 'RES_ENERGY', 'area')).toMatchObject({ energy_transition: [12], resource_efficiency: [8] });
    expect(r.indicators.RES_GHG!.total).toBeCloseTo(3, 9);
    expect(r.indicators.RES_STEP!.total).toBe(1);
    expect(table(r, 'RES_STEP', 'area')).toMatchObject({ energy_transition: [1], digitalisation: [0] });
    expect(r.indicators.RES_PLAN!.total).toBe(2);
  });

  it('lists every company with support, with its figures and whether it counts', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    const list = await participants(`${period}&organisationId=${organisationId}`);
    expect(r.participantCount).toBe(5);
    expect(
      list.map((p) => [
        p.name,
        p.sizeClass,
        p.firstSupportOn,
        p.lastSupportOn,
        p.hours,
        p.countsInRco01,
        p.supportRule,
      ]),
    ).toEqual([
      ['Alfa Rapport AB', 'micro', '2026-01-10', '2026-05-20', 3.25, true, 'measurement'],
      ['Beta Rapport AB', 'medium', '2026-02-01', '2026-04-15', 4, true, 'hours'],
      ['Delta Rapport AB', 'small', '2026-03-20', '2026-03-20', 0.25, false, null],
      ['Epsilon Rapport AB', 'large', '2026-02-02', '2026-02-02', 1, false, null],
      ['Gamma Rapport AB', null, '2026-03-10', '2026-03-10', 0, true, 'analysis'],
    ]);
    const beta = list.find((p) => p.name === 'Beta Rapport AB')!;
    expect(beta).toMatchObject({
      municipalityName: 'Kungsbacka',
      coFinancers: ['region_halland'],
      reportingAreas: ['goteborgsregionen', 'halland'],
      organisationName: 'Rapportverkstan',
    });
  });

  it('counts a period with ragged ends to the day', async () => {
    // By hand, 11 Jan – 15 Apr: alfa's call of 10 Jan and its May measurements fall outside, its
    // analysis (1 Apr) is inside; beta's 15 Apr is the last day, so its 2 + 2 h count by hours.
    const ragged = `from=2026-01-11&to=2026-04-15&organisationId=${organisationId}`;
    const r = await report(ragged);
    expect(r.indicators.RCO01!.total).toBe(3);
    expect(table(r, 'RCO04', 'support_rule')).toEqual({ measurement: [0], analysis: [2], hours: [1] });
    expect(
      (await participants(ragged)).map((p) => [p.name, p.firstSupportOn, p.lastSupportOn, p.hours, p.supportRule]),
    ).toEqual([
      ['Alfa Rapport AB', '2026-02-10', '2026-04-01', 3, 'analysis'],
      ['Beta Rapport AB', '2026-02-01', '2026-04-15', 4, 'hours'],
      ['Delta Rapport AB', '2026-03-20', '2026-03-20', 0.25, null],
      ['Epsilon Rapport AB', '2026-02-02', '2026-02-02', 1, null],
      ['Gamma Rapport AB', '2026-03-10', '2026-03-10', 0, 'analysis'],
    ]);
    // A day short: beta's 15 Apr falls out, and 2 h do not count.
    const shorter = await report(`from=2026-01-11&to=2026-04-14&organisationId=${organisationId}`);
    expect(table(shorter, 'RCO04', 'support_rule')).toEqual({ measurement: [0], analysis: [2], hours: [0] });
  });

  it('answers every period, whole months or ragged, as the records themselves do', async () => {
    // The running sums (decision 049) against a plain count of the records of each period: the first
    // and last day, the hours and the size class of every supported company, for every pair of these
    // days: before the programme (2023-09-01 – 2026-12-31) and any support, on and around the records'
    // days, across months and quarters, after the programme. Then again with the programme's months
    // narrowed, so that the support before and after them is read from the companies' edge rows.
    const days = [
      '2023-08-15',
      '2025-12-31',
      '2026-01-01',
      '2026-01-10',
      '2026-01-11',
      '2026-02-01',
      '2026-02-13',
      '2026-02-15',
      '2026-03-20',
      '2026-03-31',
      '2026-04-01',
      '2026-04-15',
      '2026-05-31',
      '2026-12-31',
      '2027-01-10',
    ];
    const programme = rowsOf<{ id: string; startsOn: string; endsOn: string }>(
      await t.database.db.execute(
        sql`select id, starts_on::text as "startsOn", ends_on::text as "endsOn" from programmes`,
      ),
    )[0]!;
    const setProgramme = async (startsOn: string, endsOn: string) => {
      await t.database.db.execute(
        sql`update programmes set starts_on = ${startsOn}, ends_on = ${endsOn} where id = ${programme.id}`,
      );
      expect(await supportMonthsDiffering()).toEqual([]);
    };
    // A second day of beta's in February, so that a period inside one month sees a first and a last
    // day that differ (removed at the end: the other tests count without it).
    const second = await ok<{ id: string; version: number }>(
      await call('admin', 'POST', `/api/companies/${ids.beta}/interventions`, {
        occurredOn: '2026-02-12',
        kind: 'coaching',
        hours: 0.5,
      }),
      201,
    );
    for (const [startsOn, endsOn] of [
      [programme.startsOn, programme.endsOn],
      ['2026-02-10', '2026-03-05'],
    ]) {
      await setProgramme(startsOn!, endsOn!);
      await expectEveryPeriodAsRecords(days);
    }
    await setProgramme(programme.startsOn, programme.endsOn);
    const removed = await call('admin', 'DELETE', `/api/interventions/${second.id}`, { version: second.version });
    expect(removed.statusCode).toBe(204);
  });

  async function expectEveryPeriodAsRecords(days: string[]) {
    for (const [i, from] of days.entries()) {
      for (const to of days.slice(i)) {
        const query = `from=${from}&to=${to}&organisationId=${organisationId}`;
        const listed = (await participants(query)).map((p) => [
          p.name,
          p.firstSupportOn,
          p.lastSupportOn,
          p.hours,
          p.sizeClass,
        ]);
        expect(listed, query).toEqual(await supportFromRecords(from, to));
      }
    }
  }

  it('takes the size class on the first day of support, also when an analysis comes before the coaching', async () => {
    // zeta: micro from 5 Jan, an analysis on 20 Jan, medium from 1 Feb, 5 h of coaching on 1 Mar, large
    // from 1 Apr, 5 h of coaching on 4 May.
    at('2026-01-05T09:00:00+01:00');
    const workshop = await ok<{ id: string }>(
      await call('admin', 'POST', '/api/organisations', {
        name: 'Storleksverkstan',
        shortName: 'SV',
        reportingAreas: [],
      }),
      201,
    );
    const zeta = await ok<{ id: string; version: number }>(
      await call('admin', 'POST', '/api/companies', {
        organisationNumber: freshOrganisationNumber(),
        name: 'Zeta Rapport AB',
        municipalityCode: '1496',
        organisationId: workshop.id,
        headcount: 5,
        financialYear: 2025,
      }),
      201,
    );
    await ok(
      await call('admin', 'POST', `/api/companies/${zeta.id}/analyses`, {
        kind: 'digital',
        title: 'Digital analys',
        performedOn: '2026-01-20',
        content: { systems: [], dataCollection: [], gaps: [] },
      }),
      201,
    );
    at('2026-02-01T09:00:00+01:00');
    const grown = await ok<{ version: number }>(
      await call('admin', 'PATCH', `/api/companies/${zeta.id}`, { version: zeta.version, headcount: 60 }),
    );
    at('2026-04-01T09:00:00+02:00');
    await ok(await call('admin', 'PATCH', `/api/companies/${zeta.id}`, { version: grown.version, headcount: 300 }));
    at('2026-07-01T10:00:00+02:00');
    for (const occurredOn of ['2026-03-01', '2026-05-04']) {
      await ok(
        await call('admin', 'POST', `/api/companies/${zeta.id}/interventions`, {
          occurredOn,
          kind: 'coaching',
          hours: 5,
        }),
        201,
      );
    }
    const sizeIn = async (query: string) => {
      const scoped = `${query}&organisationId=${workshop.id}`;
      const sizes = table(await report(scoped), 'RCO01', 'size_class');
      const listed = (await participants(scoped)).map((p) => p.sizeClass);
      expect(listed).toHaveLength(1);
      expect(sizes[listed[0]!]).toEqual([1]);
      return listed[0];
    };
    // The analysis is the first support: the class on 20 January, whether the period is a year, a
    // quarter, two quarters or ragged.
    expect(await sizeIn('from=2026-01-01&to=2026-12-31')).toBe('micro');
    expect(await sizeIn('from=2026-01-01&to=2026-03-31')).toBe('micro');
    expect(await sizeIn('from=2026-01-01&to=2026-06-30')).toBe('micro');
    expect(await sizeIn('from=2026-01-15&to=2026-05-10')).toBe('micro');
    // From February the coaching is the first support: the class its month keeps for 1 March, also
    // when the period begins in a month before the company's first month of coaching.
    expect(await sizeIn('from=2026-03-01&to=2026-03-31')).toBe('medium');
    expect(await sizeIn('from=2026-02-01&to=2026-03-31')).toBe('medium');
    expect(await sizeIn('from=2026-02-01&to=2026-12-31')).toBe('medium');
    expect(await sizeIn('from=2026-03-01&to=2026-06-30')).toBe('medium');
    // From April: April has no coaching, so its row's next day of support, 4 May, and its class.
    expect(await sizeIn('from=2026-04-01&to=2026-12-31')).toBe('large');
  });

  it('keeps the support months equal to the interventions summed from scratch as they change', async () => {
    const logged = await ok<{ id: string; version: number }>(
      await call('admin', 'POST', `/api/companies/${ids.delta}/interventions`, {
        occurredOn: '2026-03-31',
        kind: 'coaching',
        hours: 4,
      }),
      201,
    );
    const deltaIn = async (query: string) =>
      (await participants(`${query}&organisationId=${organisationId}`)).find((p) => p.name === 'Delta Rapport AB');
    expect(await deltaIn('from=2026-03-01&to=2026-03-31')).toMatchObject({ hours: 4.25, supportRule: 'hours' });
    // Moved into the next quarter: it leaves March, the first quarter, and joins April.
    const moved = await ok<{ version: number }>(
      await call('admin', 'PATCH', `/api/interventions/${logged.id}`, {
        version: logged.version,
        occurredOn: '2026-04-01',
      }),
    );
    expect(await deltaIn('from=2026-01-01&to=2026-03-31')).toMatchObject({ hours: 0.25, supportRule: null });
    expect(await deltaIn('from=2026-04-01&to=2026-06-30')).toMatchObject({
      hours: 4,
      firstSupportOn: '2026-04-01',
      lastSupportOn: '2026-04-01',
    });
    const shortened = await ok<{ version: number }>(
      await call('admin', 'PATCH', `/api/interventions/${logged.id}`, { version: moved.version, hours: 1 }),
    );
    expect(await deltaIn('from=2026-01-01&to=2026-12-31')).toMatchObject({ hours: 1.25 });
    expect(
      (await call('admin', 'DELETE', `/api/interventions/${logged.id}`, { version: shortened.version })).statusCode,
    ).toBe(204);
    expect(await deltaIn('from=2026-04-01&to=2026-06-30')).toBeUndefined();

    expect(await supportMonthsDiffering()).toEqual([]);
  });

  it('follows the programme setting: with 1 hour as the rule, epsilon counts by hours', async () => {
    const settings = await ok<{ version: number }>(await call('admin', 'GET', '/api/programme-settings'));
    const changed = await call('admin', 'PATCH', '/api/programme-settings', {
      version: settings.version,
      supportMinHours: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    try {
      const r = await report(`${period}&organisationId=${organisationId}`);
      expect(r.indicators.RCO01!.total).toBe(4);
      expect(table(r, 'RCO01', 'size_class')).toMatchObject({ large: [1] });
      expect(r.rules.support.minHours).toBe(1);
      const stale = await call('admin', 'PATCH', '/api/programme-settings', {
        version: settings.version,
        supportMinHours: 2,
      });
      expect(stale.statusCode).toBe(409);
      const notQuarter = await call('admin', 'PATCH', '/api/programme-settings', {
        version: settings.version + 1,
        supportMinHours: 1.1,
      });
      expect(notQuarter.statusCode).toBe(400);
    } finally {
      await call('admin', 'PATCH', '/api/programme-settings', { version: settings.version + 1, supportMinHours: 4 });
    }
  });

  it('gives coaches their own organisation only and company users nothing', async () => {
    expect(
      (await call('coachOwn', 'GET', `/api/indicator-report?${period}&organisationId=${organisationId}`)).statusCode,
    ).toBe(403);
    const own = await report(period, 'coachOwn');
    expect(own.filters.organisationId).toBe(fixtures.ownOrganisationId);
    const ownList = await participants(period, 'coachOwn');
    expect(ownList.length).toBe(own.participantCount);
    expect(ownList.every((p) => p.organisationId === fixtures.ownOrganisationId)).toBe(true);
    expect(ownList.some((p) => p.name.includes('Rapport AB'))).toBe(false);
    expect(
      (await call('coachOwn', 'GET', `/api/indicator-report/participants?${period}&organisationId=${organisationId}`))
        .statusCode,
    ).toBe(403);
    expect((await call('companyOwn', 'GET', `/api/indicator-report/participants?${period}`)).statusCode).toBe(403);
    expect((await call('companyOwn', 'GET', `/api/indicator-report?${period}`)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts and an unknown co-financer, naming the field', async () => {
    const backwards = await call('admin', 'GET', '/api/indicator-report?from=2026-06-30&to=2026-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('"field":"query.to"');
    const unknown = await call('admin', 'GET', `/api/indicator-report?${period}&coFinancer=narnia`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('coFinancer');
    const nobody = await call(
      'admin',
      'GET',
      `/api/indicator-report?${period}&organisationId=00000000-0000-1000-8000-000000000000`,
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

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

describe('the report as an .xlsx, its data quality, and frozen as sent', () => {
  it('lists what would make the figures wrong, with counts next to the figures', async () => {
    const r = await report(`${period}&organisationId=${organisationId}`);
    const counts = Object.fromEntries(r.dataQuality.map((check) => [check.check, check.count]));
    // By hand: gamma has no size data; gamma, delta and epsilon had support and are still prospects
    // (alfa and beta were enrolled); beta's digital order handling is done without a realised figure;
    // beta's 8 000 kWh name no carrier and no CO2e, so their CO2e counts nowhere (decision 038).
    expect(counts).toEqual({
      missing_size: 1,
      missing_municipality: 0,
      prospect_supported: 3,
      gender_not_stated: 0,
      activity_without_attendance: 0,
      done_without_realised: 1,
      unconfirmed_realised: 0,
      energy_without_carrier: 1,
    });
    expect(r.dataQuality.find((c) => c.check === 'energy_without_carrier')!.items).toEqual([
      expect.objectContaining({ kind: 'action', name: 'Åtgärd', companyId: ids.beta, companyName: 'Beta Rapport AB' }),
    ]);
    expect(r.dataQuality.find((c) => c.check === 'prospect_supported')!.items.map((i) => i.name)).toEqual([
      'Delta Rapport AB',
      'Epsilon Rapport AB',
      'Gamma Rapport AB',
    ]);
    expect(r.dataQuality.find((c) => c.check === 'done_without_realised')!.items).toEqual([
      expect.objectContaining({ kind: 'action', name: 'Digital orderhantering', companyId: ids.beta }),
    ]);
  });

  it('lists the first done actions to follow up by company name, whether few are read whole or many company by company', async () => {
    // Two more done actions without a realised figure, done on 1 July (the clock's day).
    await action('gamma', { area: 'digitalisation', title: 'Affärssystem', status: 'done' });
    await action('alfa', { area: 'digitalisation', title: 'Mätpunkter', status: 'done' });
    const year = `from=2026-01-01&to=2026-12-31&organisationId=${organisationId}`;
    const check = (await report(year)).dataQuality.find((c) => c.check === 'done_without_realised')!;
    expect(check.count).toBe(3);
    const byHand = [
      ['Alfa Rapport AB', 'Mätpunkter'],
      ['Beta Rapport AB', 'Digital orderhantering'],
      ['Gamma Rapport AB', 'Affärssystem'],
    ];
    expect(check.items.map((item) => [item.companyName, item.name])).toEqual(byHand);
    const [programme] = rowsOf<{ id: string }>(await t.database.db.execute(sql`select id from programmes`));
    const scope = {
      programmeId: programme!.id,
      organisationId,
      municipalityCodes: null,
      from: '2026-01-01',
      to: '2026-12-31',
    };
    for (const strategy of ['sort', 'walk'] as const) {
      const items = await listDoneActionItems(t.database.db, scope, 'no_realised', 3, strategy);
      expect(
        items.map((item) => [item.companyName, item.name]),
        strategy,
      ).toEqual(byHand);
    }
  });

  it('makes an .xlsx with a sheet per indicator, the participant list and what it was made with', async () => {
    const sheets = await sheetsOf(
      await call('admin', 'GET', `/api/indicator-report/export?${period}&organisationId=${organisationId}`),
    );
    expect(Object.keys(sheets)).toEqual([
      'Om rapporten',
      'RCO01',
      'RCO04',
      'PART',
      'GEO',
      'RES_ENERGY',
      'RES_GHG',
      'RES_STEP',
      'RES_PLAN',
      'Deltagarlista',
      'Datakvalitet',
    ]);
    expect(sheets['Om rapporten']).toContainEqual(['Period', '2026-01-01 – 2026-06-30']);
    expect(sheets['Om rapporten']).toContainEqual(['Organisation', 'Rapportverkstan']);
    expect(sheets.RCO01!.slice(1)).toEqual([
      ['Företag som får stöd', 'Totalt', 3],
      ['Storleksklass', 'Mikroföretag', 1],
      ['Storleksklass', 'Småföretag', 0],
      ['Storleksklass', 'Medelstora företag', 1],
      ['Storleksklass', 'Stora företag', 0],
      ['Storleksklass', 'Okänd', 1],
    ]);
    const list = sheets.Deltagarlista!;
    expect(list[0]!.slice(0, 3)).toEqual(['Organisationsnummer', 'Företag', 'Storleksklass']);
    expect(list.slice(1).map((row) => [row[1], row[2], row[9], row[10]])).toEqual([
      ['Alfa Rapport AB', 'Mikro', 3.25, 'Ja'],
      ['Beta Rapport AB', 'Medelstort', 4, 'Ja'],
      ['Delta Rapport AB', 'Litet', 0.25, 'Nej'],
      ['Epsilon Rapport AB', 'Stort', 1, 'Nej'],
      ['Gamma Rapport AB', 'Okänd', 0, 'Ja'],
    ]);
    expect(sheets.Datakvalitet).toContainEqual(['Företag med stöd som saknar storleksuppgifter', 1]);
  });

  it('keeps a frozen report as sent when the records change, lists the difference, and versions a correction', async () => {
    const frozenResponse = await call('admin', 'POST', '/api/frozen-reports', {
      from: '2026-01-01',
      to: '2026-06-30',
      organisationId,
      title: 'Lägesrapport 1 2026',
    });
    const frozen = await ok<FrozenReport>(frozenResponse, 201);
    expect(frozen.meta).toMatchObject({
      version: 1,
      isLatest: true,
      reason: null,
      frozenBy: { name: expect.any(String) },
    });
    expect(frozen.report.indicators.RCO01!.total).toBe(3);
    // The frozen report counts its figures from its whole list; the page's report from its groups.
    const live = await report(`from=2026-01-01&to=2026-06-30&organisationId=${organisationId}`);
    expect(frozen.report.indicators).toEqual(live.indicators);
    expect(frozen.report.dataQuality).toEqual(live.dataQuality);
    expect(frozen.report.participants).toEqual(
      await participants(`from=2026-01-01&to=2026-06-30&organisationId=${organisationId}`),
    );
    expect(frozen.report.participantCount).toBe(frozen.report.participants.length);
    const fileBefore = await call('admin', 'GET', `/api/frozen-reports/${frozen.meta.id}/export`);
    expect(sha256(fileBefore.rawPayload)).toBe(frozen.meta.xlsxSha256);

    // A record changes afterwards: delta gets 4 hours of coaching in the period and now counts.
    await intervention('delta', '2026-05-04', 4);

    const again = await ok<FrozenReport>(await call('admin', 'GET', `/api/frozen-reports/${frozen.meta.id}`));
    expect(again.report).toEqual(frozen.report);
    expect(sha256(JSON.stringify(again.report))).toBe(frozen.meta.jsonSha256);
    const fileAfter = await call('admin', 'GET', `/api/frozen-reports/${frozen.meta.id}/export`);
    expect(Buffer.compare(fileAfter.rawPayload, fileBefore.rawPayload)).toBe(0);
    expect((await sheetsOf(fileAfter)).RCO01![1]).toEqual(['Företag som får stöd', 'Totalt', 3]);

    const changes = await ok<FrozenReportChanges>(
      await call('admin', 'GET', `/api/frozen-reports/${frozen.meta.id}/changes`),
    );
    expect(changes.companiesAdded).toEqual([{ companyId: ids.delta, name: 'Delta Rapport AB' }]);
    expect(changes.companiesRemoved).toEqual([]);
    expect(changes.figures).toContainEqual({ code: 'RCO01', by: null, key: null, column: null, frozen: 3, now: 4 });
    expect(changes.figures).toContainEqual({
      code: 'RCO01',
      by: 'size_class',
      key: 'small',
      column: 'value',
      frozen: 0,
      now: 1,
    });
    expect(changes.figures).toContainEqual({
      code: 'RCO04',
      by: 'support_rule',
      key: 'hours',
      column: 'value',
      frozen: 1,
      now: 2,
    });

    const noReason = await call('admin', 'POST', `/api/frozen-reports/${frozen.meta.id}/versions`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('reason');
    const corrected = await ok<FrozenReport>(
      await call('admin', 'POST', `/api/frozen-reports/${frozen.meta.id}/versions`, {
        reason: 'Delta Rapport AB:s rådgivning i maj saknades',
      }),
      201,
    );
    expect(corrected.meta).toMatchObject({ version: 2, isLatest: true, seriesId: frozen.meta.seriesId });
    expect(corrected.report.indicators.RCO01!.total).toBe(4);
    expect(corrected.versions.map((v) => [v.version, v.isLatest, v.reason])).toEqual([
      [1, false, null],
      [2, true, 'Delta Rapport AB:s rådgivning i maj saknades'],
    ]);
    const old = await ok<FrozenReport>(await call('admin', 'GET', `/api/frozen-reports/${frozen.meta.id}`));
    expect(old.report).toEqual(frozen.report);
    expect(old.meta.isLatest).toBe(false);
    const list = await ok<{ items: { id: string }[] }>(await call('admin', 'GET', '/api/frozen-reports'));
    expect(list.items.map((item) => item.id)).toEqual(expect.arrayContaining([frozen.meta.id, corrected.meta.id]));
    // A coach of another organisation does not see it; this organisation has no coach of its own.
    expect((await call('coachOwn', 'GET', `/api/frozen-reports/${frozen.meta.id}`)).statusCode).toBe(404);
    expect(
      (await call('coachOwn', 'POST', '/api/frozen-reports', { from: '2026-01-01', to: '2026-06-30', title: 'X' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the step counts the writes keep (decision 041)', () => {
  // Last in the file: it measures, moves and hands over companies of the hand count above.
  const db = () => t.database.db;
  const sorted = <T>(rows: T[]) => [...rows].map((row) => JSON.stringify(row)).sort();
  const differing = async () => rowsOf(await db().execute(stepCountsDifferingFromScratch));

  async function expectCountsAnswerAsCompanies() {
    const programmeId = (await findProgramme(db()))!.id;
    const all = { programmeId, organisationId: null, municipalityCodes: null, from: '2026-01-01', to: '2030-12-31' };
    const held = rowsOf<{ held: boolean }>(
      await db()
        .execute(sql`select max(greatest(baseline_at, first_follow_up_at, latest_at)) < '2030-12-31'::date as held
        from company_area_steps`),
    )[0]!;
    expect(held.held).toBe(true);
    for (const scope of [
      all,
      { ...all, organisationId },
      { ...all, organisationId: fixtures.otherOrganisationId },
      { ...all, municipalityCodes: ['1384', '1496'] },
    ]) {
      const counted = await readStepSummary(db(), scope, 'counts');
      const fromCompanies = await readStepSummary(db(), scope, 'companies');
      expect(sorted(counted.pairs)).toEqual(sorted(fromCompanies.pairs));
      expect(sorted(counted.best)).toEqual(sorted(fromCompanies.best));
      expect(sorted(await countStepPairs(db(), scope, 'counts'))).toEqual(sorted(fromCompanies.pairs));
    }
    expect(await differing()).toEqual([]);
  }

  it('answers as the companies’ steps for a period after every measurement, as companies are measured, move and are handed over', async () => {
    await expectCountsAnswerAsCompanies();
    const counted = await readStepSummary(db(), {
      programmeId: (await findProgramme(db()))!.id,
      organisationId,
      municipalityCodes: null,
      from: '2026-01-01',
      to: '2030-12-31',
    });
    expect(counted.pairs).toContainEqual({ area: 'energy_transition', baselineStep: 1, latestStep: 3, companies: 1 });

    // Beta gets a baseline, then a follow-up a step down: its largest change is negative.
    await measure('beta', 3);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await expectCountsAnswerAsCompanies();
    await measure('beta', 1);
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    await expectCountsAnswerAsCompanies();

    // Alfa moves from Skövde to Kungsbacka, then is handed over to another organisation.
    await moveTo('alfa', '1384');
    await expectCountsAnswerAsCompanies();
    await handOverToOther('alfa');
    await expectCountsAnswerAsCompanies();
    const moved = await readStepSummary(db(), {
      programmeId: (await findProgramme(db()))!.id,
      organisationId: fixtures.otherOrganisationId,
      municipalityCodes: ['1384'],
      from: '2026-01-01',
      to: '2030-12-31',
    });
    expect(moved.pairs).toContainEqual({ area: 'energy_transition', baselineStep: 1, latestStep: 3, companies: 1 });
  });
});

describe('the done actions and the plan starts the writes keep (decision 041)', () => {
  // Companies of an organisation of their own, so the hand counts hold whatever the tests above did.
  const db = () => t.database.db;
  const actionIds: Record<string, { id: string; version: number }> = {};
  let workshopId = '';
  let programmeId = '';
  const differing = async () => rowsOf(await db().execute(doneActionSumsDifferingFromScratch));

  async function company(key: string, name: string, municipalityCode: string) {
    ids[key] = (
      await ok<{ id: string }>(
        await call('admin', 'POST', '/api/companies', {
          organisationNumber: freshOrganisationNumber(),
          name,
          municipalityCode,
          organisationId: workshopId,
        }),
        201,
      )
    ).id;
  }

  async function plan(key: string, companyKey: string, body: Record<string, unknown>) {
    actionIds[key] = await ok<{ id: string; version: number }>(
      await call('admin', 'POST', `/api/companies/${ids[companyKey]}/actions`, { title: key, ...body }),
      201,
    );
  }

  async function change(key: string, body: Record<string, unknown>) {
    actionIds[key] = await ok<{ id: string; version: number }>(
      await call('admin', 'PATCH', `/api/actions/${actionIds[key]!.id}`, { version: actionIds[key]!.version, ...body }),
    );
  }

  const periods = [
    ['2026-01-01', '2026-12-31'],
    ['2026-07-01', '2026-09-30'],
    ['2026-08-05', '2026-10-10'],
    ['2026-10-01', '2026-10-01'],
    ['2026-10-01', '2026-12-31'],
    ['2025-11-15', '2027-02-14'],
  ] as const;

  /** The kept tables answer as the actions for every period and scope, and equal a recount. */
  async function expectKeptAnswersAsActions() {
    const byArea = <T extends { area: string }>(rows: T[]) => [...rows].sort((a, b) => a.area.localeCompare(b.area));
    for (const [from, to] of periods) {
      const all = { programmeId, organisationId: null, municipalityCodes: null, from, to };
      for (const scope of [
        all,
        { ...all, organisationId: workshopId },
        { ...all, organisationId: fixtures.otherOrganisationId },
        { ...all, municipalityCodes: ['1384', '1480'] },
        { ...all, organisationId: workshopId, municipalityCodes: ['1496'] },
      ]) {
        const kept = await readDoneActions(db(), scope, 'kept');
        const counted = await readDoneActions(db(), scope, 'actions');
        expect({ ...kept, realisedByArea: byArea(kept.realisedByArea) }).toEqual({
          ...counted,
          realisedByArea: byArea(counted.realisedByArea),
        });
        expect(await countCompaniesWithPlan(db(), scope, 'kept')).toBe(
          await countCompaniesWithPlan(db(), scope, 'actions'),
        );
      }
    }
    expect(await differing()).toEqual([]);
  }

  /** The workshop's figures in the report of a period: MWh, tonnes CO2e, the two checks, plans. */
  async function figures(from: string, to: string) {
    const r = await report(`from=${from}&to=${to}&organisationId=${workshopId}`);
    const counts = Object.fromEntries(r.dataQuality.map((check) => [check.check, check.count]));
    return {
      mwh: Number(r.indicators.RES_ENERGY!.total.toFixed(6)),
      tonnes: Number(r.indicators.RES_GHG!.total.toFixed(6)),
      noRealised: counts.done_without_realised,
      unconfirmed: counts.unconfirmed_realised,
      plans: r.indicators.RES_PLAN!.total,
    };
  }

  it('sums the done actions by day and counts the plans as the actions do, as they change, and companies move', async () => {
    programmeId = (await findProgramme(db()))!.id;
    workshopId = await newOrganisation('Åtgärdsverkstan', 'ÅV');
    at('2026-08-01T09:00:00+02:00');
    await company('zeta', 'Zeta Åtgärd AB', '1496');
    await company('eta', 'Eta Åtgärd AB', '1384');
    await company('theta', 'Theta Åtgärd AB', '1480');
    await expectKeptAnswersAsActions();

    // zeta: 1 000 kWh and 200 kg done on 10 August; done without a figure at 23:30 on 30 September.
    // eta: 500 kWh done half an hour into 1 October in Stockholm (30 September in UTC); a plan made
    // 15 October. theta: its only action cancelled.
    at('2026-08-10T10:00:00+02:00');
    await plan('a1', 'zeta', { area: 'energy_transition', status: 'done', realised: { kwh: 1_000, co2eKg: 200 } });
    at('2026-09-30T23:30:00+02:00');
    await plan('a2', 'zeta', { area: 'resource_efficiency', status: 'done' });
    at('2026-10-01T00:30:00+02:00');
    await plan('a3', 'eta', { area: 'energy_transition', status: 'done', realised: { kwh: 500 } });
    at('2026-10-15T10:00:00+02:00');
    await plan('a4', 'eta', { area: 'digitalisation' });
    at('2026-10-20T10:00:00+02:00');
    await plan('a5', 'theta', { area: 'digitalisation' });
    await change('a5', { status: 'cancelled' });
    await expectKeptAnswersAsActions();
    const none = { mwh: 0, tonnes: 0, noRealised: 0, unconfirmed: 0, plans: 0 };
    expect(await figures('2026-01-01', '2026-12-31')).toEqual({
      ...none,
      mwh: 1.5,
      tonnes: 0.2,
      noRealised: 1,
      plans: 2,
    });
    expect(await figures('2026-07-01', '2026-09-30')).toEqual({
      ...none,
      mwh: 1,
      tonnes: 0.2,
      noRealised: 1,
      plans: 1,
    });
    expect(await figures('2026-08-05', '2026-10-10')).toEqual({
      ...none,
      mwh: 1.5,
      tonnes: 0.2,
      noRealised: 1,
      plans: 2,
    });
    expect(await figures('2026-10-01', '2026-10-01')).toEqual({ ...none, mwh: 0.5, plans: 2 });
    expect(await figures('2026-06-01', '2026-07-31')).toEqual(none);

    // a1 gets 1 500 kWh; a4 is done on 3 December; a3 is reopened and done again on 4 December;
    // theta's action is restored.
    at('2026-11-05T10:00:00+01:00');
    await change('a1', { realised: { kwh: 1_500, co2eKg: 200 } });
    at('2026-12-03T10:00:00+01:00');
    await change('a4', { status: 'done' });
    await change('a3', { status: 'in_progress' });
    await expectKeptAnswersAsActions();
    at('2026-12-04T10:00:00+01:00');
    await change('a3', { status: 'done' });
    await change('a5', { status: 'planned' });
    await expectKeptAnswersAsActions();
    expect(await figures('2026-01-01', '2026-12-31')).toEqual({
      ...none,
      mwh: 2,
      tonnes: 0.2,
      noRealised: 2,
      plans: 3,
    });
    expect(await figures('2026-10-01', '2026-10-31')).toEqual({ ...none, plans: 3 });
    expect(await figures('2026-12-01', '2026-12-31')).toEqual({ ...none, mwh: 0.5, noRealised: 1, plans: 3 });

    // No route takes a confirmation away or deletes an action; the triggers fire whichever code
    // writes, so the database is written to directly.
    await db().execute(sql`update actions set realised_confirmed_at = null where id = ${actionIds.a1!.id}`);
    await db().execute(sql`delete from actions where id = ${actionIds.a2!.id}`);
    await expectKeptAnswersAsActions();
    expect(await figures('2026-07-01', '2026-09-30')).toEqual({ ...none, unconfirmed: 1, plans: 1 });

    // eta moves from Kungsbacka to Skövde; zeta is handed over to another organisation.
    await moveTo('eta', '1496');
    await expectKeptAnswersAsActions();
    await handOverToOther('zeta');
    await expectKeptAnswersAsActions();
    expect(await figures('2026-01-01', '2026-12-31')).toEqual({ ...none, mwh: 0.5, noRealised: 1, plans: 2 });
    const handedOver = await readDoneActions(db(), {
      programmeId,
      organisationId: fixtures.otherOrganisationId,
      municipalityCodes: ['1496'],
      from: '2026-08-01',
      to: '2026-08-31',
    });
    expect(handedOver.counts).toEqual({ no_realised: 0, unconfirmed: 1 });

    // A company deleted takes its actions' parts and its plan start away.
    await db().execute(sql`delete from companies where id = ${ids.eta}`);
    await expectKeptAnswersAsActions();
    expect(await figures('2026-01-01', '2026-12-31')).toEqual({ ...none, plans: 1 });

    // The migration's own fill, run again over what is there now, leaves the same tables.
    const migration = readFileSync(
      new URL('../../db/migrations/0034_done_action_sums.sql', import.meta.url),
      'utf8',
    ).split('--> statement-breakpoint');
    await db().execute(sql`delete from done_action_sums`);
    await db().execute(sql`delete from company_plan_starts`);
    for (const statement of migration.slice(-2)) await db().execute(sql.raw(statement));
    expect(rowsOf(await db().execute(sql`select count(*)::int as n from company_plan_starts`))).not.toEqual([{ n: 0 }]);
    await expectKeptAnswersAsActions();
  });

  it('carries the companies’ facts in their support months as they move, change status, are handed over and deleted', async () => {
    at('2026-11-10T10:00:00+01:00');
    await company('iota', 'Iota Stöd AB', '1384');
    await company('kappa', 'Kappa Stöd AB', '1480');
    await intervention('iota', '2026-11-02', 2);
    await intervention('kappa', '2026-03-02', 1);
    await intervention('kappa', '2026-11-03', 1);
    const year = 'from=2026-01-01&to=2026-12-31';
    const supported = async (query: string) => {
      const r = await report(`${year}&${query}`);
      return {
        companies: r.participantCount,
        prospects: r.dataQuality.find((c) => c.check === 'prospect_supported')?.count,
      };
    };
    expect(await supportMonthsDiffering()).toEqual([]);
    expect(await supported(`organisationId=${workshopId}`)).toEqual({ companies: 2, prospects: 2 });
    expect(await supported(`organisationId=${workshopId}&coFinancer=skaraborgs_kommunalforbund`)).toEqual({
      companies: 0,
      prospects: 0,
    });

    // iota moves from Kungsbacka to Skövde and is enrolled; kappa is handed over.
    await moveTo('iota', '1496');
    const iota = await ok<{ version: number }>(await call('admin', 'GET', `/api/companies/${ids.iota}`));
    await ok(
      await call('admin', 'POST', `/api/companies/${ids.iota}/status`, {
        version: iota.version,
        status: 'enrolled',
        changedOn: '2026-11-10',
      }),
    );
    expect(await supportMonthsDiffering()).toEqual([]);
    expect(await supported(`organisationId=${workshopId}&coFinancer=skaraborgs_kommunalforbund`)).toEqual({
      companies: 1,
      prospects: 0,
    });
    // Renamed: the list is sorted by the name the months carry.
    const enrolled = await ok<{ version: number }>(await call('admin', 'GET', `/api/companies/${ids.iota}`));
    await ok(
      await call('admin', 'PATCH', `/api/companies/${ids.iota}`, { version: enrolled.version, name: 'Aaiota Stöd AB' }),
    );
    expect(await supportMonthsDiffering()).toEqual([]);
    expect((await participants(`${year}&organisationId=${workshopId}`))[0]?.name).toBe('Aaiota Stöd AB');
    await handOverToOther('kappa');
    expect(await supportMonthsDiffering()).toEqual([]);
    expect(await supported(`organisationId=${workshopId}`)).toEqual({ companies: 1, prospects: 0 });
    const other = await supported(`organisationId=${fixtures.otherOrganisationId}`);
    await db().execute(sql`delete from companies where id = ${ids.kappa}`);
    expect(await supportMonthsDiffering()).toEqual([]);
    expect(await supported(`organisationId=${fixtures.otherOrganisationId}`)).toEqual({
      companies: other.companies - 1,
      prospects: other.prospects! - 1,
    });
  });
});
