import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../db/schema';
import { demoIds } from '../../db/seed';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
});
afterAll(async () => {
  await t?.close();
});

const companyUrl = `/api/companies/${fixtures.ownCompanyId}/interventions`;

const call = requestsAs(() => t);

type Logged = { id: string; version: number; hours: number; notes: string | null; abilities: { canEdit: boolean } };

async function log(actor: ActorName, body: Record<string, unknown>, companyId = fixtures.ownCompanyId) {
  const response = await call(actor, 'POST', `/api/companies/${companyId}/interventions`, {
    kind: 'coaching',
    hours: 1,
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Logged;
}

function fieldsOf(body: string): string[] {
  return ((JSON.parse(body) as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

describe('logging interventions', () => {
  it('logs an intervention with quarter hours and lists it with the coach and what they may do', async () => {
    const logged = await log('coachOwn', {
      occurredOn: '2026-11-20',
      kind: 'follow_up_visit',
      area: 'energy_transition',
      hours: 2.75,
      notes: 'Gick igenom energikartläggningen',
      nextFollowUpOn: '2027-01-15',
    });
    expect(logged).toMatchObject({ hours: 2.75, notes: 'Gick igenom energikartläggningen' });
    const list = (await call('coachOwn', 'GET', companyUrl)).json() as {
      items: (Logged & { coachName: string; kind: string })[];
      canLog: boolean;
    };
    const found = list.items.find((item) => item.id === logged.id)!;
    expect(found).toMatchObject({
      kind: 'follow_up_visit',
      coachName: 'Bertil Exempelsson',
      abilities: { canEdit: true },
    });
    expect(list.canLog).toBe(true);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, logged.id), eq(auditEntries.action, 'intervention.log')));
    expect(audit).toHaveLength(1);
  });

  it.each([
    { hours: 1.1, why: 'hours that are not whole quarters' },
    { hours: 0, why: 'zero hours' },
    { hours: 24.25, why: 'more than a day' },
    { hours: '2', why: 'hours as text' },
  ])('refuses $why and names the field hours', async ({ hours }) => {
    const response = await call('coachOwn', 'POST', companyUrl, { occurredOn: '2026-11-20', kind: 'coaching', hours });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['hours']);
  });

  it('refuses work in the future (Stockholm calendar) and a follow-up before the work, naming the field', async () => {
    const future = await call('coachOwn', 'POST', companyUrl, { occurredOn: '2026-11-27', kind: 'other', hours: 1 });
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.body)).toEqual(['occurredOn']);
    const before = await call('coachOwn', 'POST', companyUrl, {
      occurredOn: '2026-11-20',
      kind: 'other',
      hours: 1,
      nextFollowUpOn: '2026-11-19',
    });
    expect(before.statusCode).toBe(400);
    expect(fieldsOf(before.body)).toEqual(['nextFollowUpOn']);
  });

  it('lets the author change an entry, answers 409 to a stale version and audits the change', async () => {
    const logged = await log('coachOwn', { occurredOn: '2026-11-02' });
    const changed = await call('coachOwn', 'PATCH', `/api/interventions/${logged.id}`, { version: 1, hours: 3.5 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ hours: 3.5, version: 2 });
    const stale = await call('coachOwn', 'PATCH', `/api/interventions/${logged.id}`, { version: 1, hours: 4 });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { details: { currentVersion: number } }).details.currentVersion).toBe(2);
    const staleDelete = await call('coachOwn', 'DELETE', `/api/interventions/${logged.id}`, { version: 1 });
    expect(staleDelete.statusCode).toBe(409);
    const deleted = await call('coachOwn', 'DELETE', `/api/interventions/${logged.id}`, { version: 2 });
    expect(deleted.statusCode).toBe(204);
    const actions = (
      await t.database.db
        .select({ action: auditEntries.action })
        .from(auditEntries)
        .where(eq(auditEntries.entityId, logged.id))
    ).map((row) => row.action);
    expect(actions.sort()).toEqual(['intervention.delete', 'intervention.log', 'intervention.update']);
  });

  it("keeps a colleague's hours: a coach of the same organisation reads but may not change them (403)", async () => {
    const byAdmin = await log('admin', { occurredOn: '2026-11-03' });
    const list = (await call('coachOwn', 'GET', companyUrl)).json() as { items: Logged[] };
    expect(list.items.find((item) => item.id === byAdmin.id)!.abilities.canEdit).toBe(false);
    const response = await call('coachOwn', 'PATCH', `/api/interventions/${byAdmin.id}`, { version: 1, hours: 2 });
    expect(response.statusCode).toBe(403);
  });

  it("hides another organisation's company (404) and keeps the log from company users (403)", async () => {
    expect((await call('coachOther', 'GET', companyUrl)).statusCode).toBe(404);
    expect((await call('companyOwn', 'GET', companyUrl)).statusCode).toBe(403);
    expect((await call('companyOther', 'GET', companyUrl)).statusCode).toBe(404);
  });
});

describe('the time report', () => {
  // 2024 holds no demo data: the sums below are exactly what this test logs.
  const period = 'from=2024-01-01&to=2024-12-31';

  beforeAll(async () => {
    await log('coachOwn', { occurredOn: '2024-03-04', hours: 1.5 });
    await log('coachOwn', { occurredOn: '2024-03-18', hours: 0.25 });
    await log('coachOwn', { occurredOn: '2024-05-02', hours: 4 });
    await log('coachOwn', { occurredOn: '2024-05-03', hours: 2 }, demoIds.companies.sixth);
  });

  it('sums the coach’s hours per month and per company in the period', async () => {
    const response = await call('coachOwn', 'GET', `/api/time-report?${period}`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json() as {
      totalHours: number;
      entryCount: number;
      months: { month: string; hours: number }[];
      companies: { companyId: string; hours: number }[];
    };
    expect(report.totalHours).toBe(7.75);
    expect(report.entryCount).toBe(4);
    expect(report.months).toEqual([
      { month: '2024-03', hours: 1.75, entryCount: 2 },
      { month: '2024-05', hours: 6, entryCount: 2 },
    ]);
    expect(report.companies.map((c) => [c.companyId, c.hours])).toEqual([
      [fixtures.ownCompanyId, 5.75],
      [demoIds.companies.sixth, 2],
    ]);
  });

  it("lets an admin read a coach's report, but not a coach another coach's (403)", async () => {
    const asAdmin = await call('admin', 'GET', `/api/time-report?${period}&coachId=${fixtures.ownCoachId}`);
    expect((asAdmin.json() as { totalHours: number }).totalHours).toBe(7.75);
    const asColleague = await call('coachOther', 'GET', `/api/time-report?${period}&coachId=${fixtures.ownCoachId}`);
    expect(asColleague.statusCode).toBe(403);
    const mine = await call('coachOther', 'GET', `/api/time-report?${period}`);
    expect((mine.json() as { totalHours: number }).totalHours).toBe(0);
  });

  it('refuses a period that ends before it starts, naming the field', async () => {
    const response = await call('coachOwn', 'GET', '/api/time-report?from=2024-05-01&to=2024-04-01');
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['query.to']);
  });

  it('exports an .xlsx with Swedish bold frozen headers and hours as numbers', async () => {
    const response = await call('coachOwn', 'GET', `/api/time-report/export?${period}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('tidrapport-2024-01-01-2024-12-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Per månad', 'Per företag', 'Insatser']);
    const months = workbook.getWorksheet('Per månad')!;
    expect(months.getRow(1).getCell(1).value).toBe('Månad');
    expect(months.getRow(1).font?.bold).toBe(true);
    expect(months.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(months.getRow(2).values).toEqual([undefined, '2024-03', 1.75, 2]);
    expect(months.getRow(4).values).toEqual([undefined, 'Totalt', 7.75, 4]);
    expect(workbook.getWorksheet('Insatser')!.rowCount).toBe(5);
  });
});
