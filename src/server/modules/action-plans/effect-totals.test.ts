import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgrammeActionTotals } from '../../../contracts/action-plans';
import { clockedRequests, ok } from '../../test/clocked-requests';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

// "Effekter av åtgärder" of a period (issue 16): the actions done in it, by the Stockholm date the
// status became done, both bounds included, summed in SQL; without a period, the rollup as before.
// The test's actions are done in 2030–2031, after everything the seed has, and each is marked done
// at an instant chosen on either side of a Stockholm midnight.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const { call } = clockedRequests(() => t);

type Action = { id: string; version: number; doneOn: string | null };

/** Makes an action and, at `doneAt`, marks it done with a realised figure a coach enters (confirmed). */
async function action(
  actor: ActorName,
  companyId: string,
  body: Record<string, unknown>,
  doneAt: string | null,
): Promise<Action> {
  t.clock.now = new Date('2030-12-01T09:00:00Z');
  const made = await ok<Action>(
    await call(actor, 'POST', `/api/companies/${companyId}/actions`, { title: 'Åtgärd', ...body }),
    201,
  );
  if (!doneAt) return made;
  t.clock.now = new Date(doneAt);
  return ok<Action>(
    await call(actor, 'PATCH', `/api/actions/${made.id}`, {
      version: made.version,
      status: 'done',
      realised: { kwh: 100, sek: 1_000 },
    }),
  );
}

const fieldsOf = (body: unknown) =>
  ((body as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map((f) => f.field);

const totalsOf = async (actor: ActorName, query: string) =>
  ok<ProgrammeActionTotals>(await call(actor, 'GET', `/api/action-totals${query}`));

describe('the programme totals of a period', () => {
  let before: ProgrammeActionTotals;
  const january = '?from=2031-01-01&to=2031-01-31';

  beforeAll(async () => {
    t.clock.now = new Date('2030-12-01T09:00:00Z');
    before = await totalsOf('admin', '');
    const own = fixtures.ownCompanyId;
    const energy = { area: 'energy_transition', investmentSek: 10_000, expected: { kwh: 1_000, sek: 5_000 } };
    const resources = { area: 'resource_efficiency', investmentSek: 3_000, expected: { materialTonnes: 2 } };
    // 23:30 in Stockholm on 31 December: the day before the period.
    const early = await action('coachOwn', own, energy, '2030-12-31T22:30:00Z');
    // 00:30 in Stockholm on 1 January (still 31 December in UTC): the period's first day.
    const first = await action('coachOwn', own, energy, '2030-12-31T23:30:00Z');
    // 23:30 in Stockholm on 31 January: the period's last day.
    const last = await action('coachOwn', own, resources, '2031-01-31T22:30:00Z');
    // 00:30 in Stockholm on 1 February: the day after.
    const late = await action('coachOwn', own, resources, '2031-01-31T23:30:00Z');
    // Another organisation's company, done mid-period; and an open action, in no period.
    const other = await action('coachOther', fixtures.otherCompanyId, energy, '2031-01-15T12:00:00Z');
    await action('coachOwn', own, energy, null);
    expect([early, first, last, late, other].map((a) => a.doneOn)).toEqual([
      '2030-12-31',
      '2031-01-01',
      '2031-01-31',
      '2031-02-01',
      '2031-01-15',
    ]);
  });

  it('counts the actions done in the period to the day, both bounds included (hand count)', async () => {
    const totals = await totalsOf('admin', january);
    expect(totals.period).toEqual({ from: '2031-01-01', to: '2031-01-31' });
    // In: `first` and `other` (energy), `last` (resources).
    expect(totals.overall).toMatchObject({
      actions: 3,
      done: 3,
      doneWithoutRealised: 0,
      doneUnconfirmed: 0,
      investmentSek: 23_000,
      expected: { kwh: 2_000, co2eKg: 0, sek: 10_000, materialTonnes: 2 },
      realised: { kwh: 300, co2eKg: 0, sek: 3_000, materialTonnes: 0 },
      expectedPaybackYears: 2.3,
    });
    const row = (organisationId: string) => totals.byOrganisation.find((r) => r.organisationId === organisationId);
    expect(totals.byOrganisation).toHaveLength(2);
    expect(row(fixtures.ownOrganisationId)?.totals).toMatchObject({ actions: 2, investmentSek: 13_000 });
    expect(row(fixtures.otherOrganisationId)?.totals).toMatchObject({ actions: 1, investmentSek: 10_000 });
    expect(totals.byArea.map((r) => [r.area, r.totals.actions])).toEqual([
      ['resource_efficiency', 1],
      ['energy_transition', 2],
    ]);
    expect(totals.byOrganisationAndArea).toHaveLength(3);
  });

  it('takes a bound left out as open', async () => {
    const from = await totalsOf('admin', '?from=2031-01-01');
    expect(from.period).toEqual({ from: '2031-01-01', to: null });
    expect(from.overall.actions).toBe(4); // first, last, late, other
    const untilJanuary = await totalsOf('admin', '?to=2031-01-31');
    const untilDecember = await totalsOf('admin', '?to=2030-12-31');
    expect(untilJanuary.overall.done - untilDecember.overall.done).toBe(3);
  });

  it('without a period reads every action as it stands, open ones too (the rollup)', async () => {
    const totals = await totalsOf('admin', '');
    expect(totals.period).toBeNull();
    expect(totals.overall.actions - before.overall.actions).toBe(6);
    expect(totals.overall.done - before.overall.done).toBe(5);
  });

  it('shows a coach every organisation, as without a period (decision 040); a company user gets 403', async () => {
    const totals = await totalsOf('coachOther', january);
    expect(totals.byOrganisation.map((r) => r.organisationId).sort()).toEqual(
      [fixtures.ownOrganisationId, fixtures.otherOrganisationId].sort(),
    );
    expect((await call('companyOwn', 'GET', `/api/action-totals${january}`)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, or no date, with a 400 naming the field', async () => {
    const backwards = await call('admin', 'GET', '/api/action-totals?from=2031-02-01&to=2031-01-31');
    expect(fieldsOf(await ok(backwards, 400))).toEqual(['query.to']);
    const notADate = await call('admin', 'GET', '/api/action-totals?from=2031-13-01');
    expect(fieldsOf(await ok(notADate, 400))).toEqual(['query.from']);
  });

  it('exports the period as an .xlsx with Swedish headers, amounts in kr and CO2e in tonnes', async () => {
    const response = await call('coachOther', 'GET', `/api/action-totals/export${january}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="effekter-av-atgarder-2031-01-01-2031-01-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Om rapporten',
      'Per organisation',
      'Per område',
      'Organisation och område',
    ]);
    expect(workbook.getWorksheet('Om rapporten')!.getRow(2).values).toEqual([
      undefined,
      'Period',
      '2031-01-01 – 2031-01-31',
    ]);
    const sheet = workbook.getWorksheet('Per organisation')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual([
      'Organisation',
      'Åtgärder',
      'Klara',
      'Investering (kr)',
      'Förväntad: Energi (kWh per år)',
    ]);
    expect(headers).toContain('Uppnådd: Kostnadsbesparing (kr per år)');
    expect(headers).toContain('Förväntad: Klimatpåverkan (ton CO₂e per år)');
    expect(headers.join(' ')).not.toMatch(/SEK/);
    const total = (sheet.getRow(sheet.rowCount).values as unknown[]).slice(1);
    expect(total.slice(0, 5)).toEqual(['Hela programmet', 3, 3, 23_000, 2_000]);
    expect(total[headers.indexOf('Uppnådd: Kostnadsbesparing (kr per år)')]).toBe(3_000);
  });

  it('names the file by today (Stockholm) without a period', async () => {
    t.clock.now = new Date('2031-03-31T22:30:00Z');
    const response = await call('admin', 'GET', '/api/action-totals/export');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="effekter-av-atgarder-2031-04-01.xlsx"');
  });
});
