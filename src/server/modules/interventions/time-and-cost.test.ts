import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TimeAndCost, TimeReport } from '../../../contracts/interventions';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

// Time and cost (issue 12, item 6; decision 035) against a hand count: hours logged through the API
// in the first quarter of 2027, which no demo record reaches (the demo's coaching lies in the months
// before the seed), by three people for three organisations, with entries on the period's edges.

let t: TestApp;

async function call(actor: ActorName, url: string, payload?: unknown) {
  const cookie = actor === 'anonymous' ? undefined : await t.login(actor, { isFresh: true });
  return t.app.inject({
    method: payload === undefined ? 'GET' : 'POST',
    url,
    headers: {
      ...(cookie && { cookie }),
      ...(payload !== undefined && { 'content-type': 'application/json' }),
    },
    ...(payload !== undefined && { payload: JSON.stringify(payload) }),
  });
}

async function ok<T>(response: Awaited<ReturnType<typeof call>>, status = 200): Promise<T> {
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as T;
}

let tidverkstan = '';
let tidCompany = '';

async function log(actor: ActorName, companyId: string, occurredOn: string, hours: number) {
  await ok(
    await call(actor, `/api/companies/${companyId}/interventions`, { occurredOn, kind: 'coaching', hours }),
    201,
  );
}

const period = 'from=2027-01-01&to=2027-03-31';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2027-04-02T09:00:00+02:00');
  tidverkstan = (
    await ok<{ id: string }>(
      await call('admin', '/api/organisations', { name: 'Tidverkstan', shortName: 'TV', reportingAreas: [] }),
      201,
    )
  ).id;
  tidCompany = (
    await ok<{ id: string }>(
      await call('admin', '/api/companies', {
        organisationNumber: freshOrganisationNumber(),
        name: 'Tid AB',
        municipalityCode: '1496',
        organisationId: tidverkstan,
      }),
      201,
    )
  ).id;
  // By hand, 2027-01-01 – 2027-03-31:
  //   IDC West Sweden  Bertil Exempelsson (its industry developer): Jan 2 + 1.5 = 3.5 (2 entries),
  //                    Mar 3; 4 h on 31 Dec 2026 is out. Astrid Påhittad (admin): Feb 0.75. = 7.25
  //   IUC Väst         Cecilia Demosdotter: Feb 1; 2 h on 1 Apr is out. = 1
  //   Tidverkstan      Astrid Påhittad: 0.25 on 31 Mar (the last day counts). = 0.25
  //   In all 8.5.
  const first = fixtures.ownCompanyId;
  await log('coachOwn', first, '2026-12-31', 4);
  await log('coachOwn', first, '2027-01-10', 2);
  await log('coachOwn', first, '2027-01-20', 1.5);
  await log('coachOwn', first, '2027-03-05', 3);
  await log('admin', first, '2027-02-14', 0.75);
  await log('coachOther', fixtures.otherCompanyId, '2027-02-01', 1);
  await log('coachOther', fixtures.otherCompanyId, '2027-04-01', 2);
  await log('admin', tidCompany, '2027-03-31', 0.25);
});

afterAll(async () => {
  await t?.close();
});

const months = (list: { month: string; hours: number; entryCount: number }[]) =>
  list.map((m) => [m.month, m.hours, m.entryCount]);

describe('time and cost per organisation, person and month', () => {
  it('gives an admin every organisation, each person’s hours per month and the totals', async () => {
    const report = await ok<TimeAndCost>(await call('admin', `/api/time-and-cost?${period}`));
    expect(report.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(report.totalHours).toBe(8.5);
    expect(report.organisations.map((o) => [o.organisationName, o.totalHours])).toEqual([
      ['IDC West Sweden', 7.25],
      ['IUC Väst', 1],
      ['Tidverkstan', 0.25],
    ]);
    const idc = report.organisations[0]!;
    expect(idc.people.map((p) => [p.name, p.totalHours, months(p.months)])).toEqual([
      ['Astrid Påhittad', 0.75, [['2027-02', 0.75, 1]]],
      [
        'Bertil Exempelsson',
        6.5,
        [
          ['2027-01', 3.5, 2],
          ['2027-03', 3, 1],
        ],
      ],
    ]);
    expect(months(idc.months)).toEqual([
      ['2027-01', 3.5, 2],
      ['2027-02', 0.75, 1],
      ['2027-03', 3, 1],
    ]);
  });

  it('narrows an admin to one organisation and keeps a coach to their own', async () => {
    const one = await ok<TimeAndCost>(
      await call('admin', `/api/time-and-cost?${period}&organisationId=${tidverkstan}`),
    );
    expect(one.filters).toEqual({ organisationId: tidverkstan, organisationName: 'Tidverkstan' });
    expect(one.organisations.map((o) => [o.organisationName, o.people.map((p) => p.name), o.totalHours])).toEqual([
      ['Tidverkstan', ['Astrid Påhittad'], 0.25],
    ]);
    const own = await ok<TimeAndCost>(await call('coachOwn', `/api/time-and-cost?${period}`));
    expect(own.filters.organisationId).toBe(fixtures.ownOrganisationId);
    expect(own.organisations.map((o) => [o.organisationName, o.totalHours])).toEqual([['IDC West Sweden', 7.25]]);
    expect((await call('coachOwn', `/api/time-and-cost?${period}&organisationId=${tidverkstan}`)).statusCode).toBe(403);
    expect((await call('companyOwn', `/api/time-and-cost?${period}`)).statusCode).toBe(403);
    const backwards = await call('admin', '/api/time-and-cost?from=2027-03-31&to=2027-01-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('"field":"query.to"');
  });

  it('leaves the per-person time report as it was', async () => {
    const report = await ok<TimeReport>(await call('coachOwn', `/api/time-report?${period}`));
    expect([report.coachName, report.totalHours, report.entryCount]).toEqual(['Bertil Exempelsson', 6.5, 3]);
  });
});

/** The sheets of an .xlsx answer, each as rows of cell values. */
async function sheetsOf(response: Awaited<ReturnType<typeof call>>) {
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

describe('time and cost as the .xlsx behind a cost claim', () => {
  it('states the period and when it was made, lists organisation, person and month with totals', async () => {
    const response = await call('admin', `/api/time-and-cost/export?${period}`);
    expect(response.headers['content-disposition']).toContain('tid-och-kostnad-2027-01-01-2027-03-31.xlsx');
    const sheets = await sheetsOf(response);
    expect(Object.keys(sheets)).toEqual(['Om rapporten', 'Timmar', 'IDC West Sweden', 'IUC Väst', 'Tidverkstan']);
    expect(sheets['Om rapporten']!.slice(1, 4)).toEqual([
      ['Period', '2027-01-01 – 2027-03-31'],
      ['Organisation', 'Alla organisationer'],
      ['Gjord', '2027-04-02T07:00:00.000Z'],
    ]);
    expect(sheets.Timmar).toEqual([
      ['Organisation', 'Person', 'Månad', 'Timmar', 'Antal insatser'],
      ['IDC West Sweden', 'Astrid Påhittad', '2027-02', 0.75, 1],
      ['IDC West Sweden', 'Astrid Påhittad', 'Summa', 0.75, 1],
      ['IDC West Sweden', 'Bertil Exempelsson', '2027-01', 3.5, 2],
      ['IDC West Sweden', 'Bertil Exempelsson', '2027-03', 3, 1],
      ['IDC West Sweden', 'Bertil Exempelsson', 'Summa', 6.5, 3],
      ['IDC West Sweden', 'Summa', undefined, 7.25, 4],
      ['IUC Väst', 'Cecilia Demosdotter', '2027-02', 1, 1],
      ['IUC Väst', 'Cecilia Demosdotter', 'Summa', 1, 1],
      ['IUC Väst', 'Summa', undefined, 1, 1],
      ['Tidverkstan', 'Astrid Påhittad', '2027-03', 0.25, 1],
      ['Tidverkstan', 'Astrid Påhittad', 'Summa', 0.25, 1],
      ['Tidverkstan', 'Summa', undefined, 0.25, 1],
      ['Totalt', undefined, undefined, 8.5, 6],
    ]);
    expect(sheets['IDC West Sweden']).toEqual([
      ['Person', '2027-01', '2027-02', '2027-03', 'Summa'],
      ['Astrid Påhittad', 0, 0.75, 0, 0.75],
      ['Bertil Exempelsson', 3.5, 0, 3, 6.5],
      ['Summa', 3.5, 0.75, 3, 7.25],
    ]);
  });

  it('names the organisation in the file of a coach’s own report', async () => {
    const response = await call('coachOwn', `/api/time-and-cost/export?${period}`);
    expect(response.headers['content-disposition']).toContain(
      'tid-och-kostnad-idc-west-sweden-2027-01-01-2027-03-31.xlsx',
    );
    const sheets = await sheetsOf(response);
    expect(Object.keys(sheets)).toEqual(['Om rapporten', 'Timmar', 'IDC West Sweden']);
    expect(sheets.Timmar!.at(-1)).toEqual(['Totalt', undefined, undefined, 7.25, 4]);
  });
});
