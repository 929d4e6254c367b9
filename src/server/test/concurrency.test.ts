import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/rows';
import { auditEntries } from '../db/schema';
import { doneActionSumsDifferingFromScratch } from './done-action-sums-from-scratch';
import { supportMonthsDiffering } from './support-months-from-scratch';
import { createTestApp, fixtures, type TestApp } from './test-app';

// docs/quality.md R1: concurrent writers with stale versions get 409 and no update is ever lost. Runs
// on PGlite, and on PostgreSQL (a pool of connections, so the writes really overlap) in CI.

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  cookie = await t.login('coachOwn');
});
afterAll(async () => {
  await t?.close();
});

type Company = { id: string; version: number; name: string; headcount: number | null };
const companyUrl = `/api/companies/${fixtures.ownCompanyId}`;

async function readCompany(): Promise<Company> {
  return (await t.app.inject({ method: 'GET', url: companyUrl, headers: { cookie } })).json() as Company;
}

function patchCompany(body: Record<string, unknown>) {
  return t.app.inject({ method: 'PATCH', url: companyUrl, headers: { cookie }, payload: body });
}

async function auditedUpdates(): Promise<number> {
  const rows = await t.ctx.db
    .select({ id: auditEntries.id })
    .from(auditEntries)
    .where(and(eq(auditEntries.action, 'company.update'), eq(auditEntries.entityId, fixtures.ownCompanyId)));
  return rows.length;
}

describe('concurrent edits of one company (R1)', () => {
  it('lets exactly one of eight writers with the same version win; the others get 409 and change nothing', async () => {
    const before = await readCompany();
    const auditBefore = await auditedUpdates();
    const names = Array.from({ length: 8 }, (_, i) => `Samtidig skrivare ${i} AB`);
    const responses = await Promise.all(names.map((name) => patchCompany({ version: before.version, name })));

    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
    const winner = names[responses.findIndex((r) => r.statusCode === 200)];
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json()).toMatchObject({ code: 'conflict' });
    }
    const after = await readCompany();
    expect(after.name).toBe(winner);
    expect(after.version).toBe(before.version + 1);
    expect(await auditedUpdates()).toBe(auditBefore + 1);
  });

  it('loses no update when four writers each add one to the headcount five times, retrying on 409', async () => {
    const start = (await readCompany()).headcount ?? 0;
    let conflicts = 0;
    const writer = async () => {
      for (let done = 0; done < 5;) {
        const current = await readCompany();
        const response = await patchCompany({ version: current.version, headcount: (current.headcount ?? 0) + 1 });
        if (response.statusCode === 200) done += 1;
        else if (response.statusCode === 409) conflicts += 1;
        else throw new Error(`unexpected ${response.statusCode}: ${response.body}`);
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    expect((await readCompany()).headcount).toBe(start + 20);
    // Not a requirement, a sign the test exercised the race rather than running the writers in turn.
    expect(conflicts).toBeGreaterThan(0);
  });
});

describe('what the writes keep for the indicator report, under writes at once (decisions 041 and 049)', () => {
  it('keeps the support months equal to a recount as eight writers log, move and delete coaching of one company', async () => {
    const admin = await t.login('admin');
    const write = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: Record<string, unknown>) =>
      t.app.inject({ method, url, headers: { cookie: admin }, payload });
    // Days in four months, so each write moves the running sums of the months after it.
    const logged = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        write('POST', `/api/companies/${fixtures.ownCompanyId}/interventions`, {
          occurredOn: `2026-0${1 + (i % 4)}-${String(10 + i).padStart(2, '0')}`,
          kind: 'coaching',
          hours: 1 + i,
        }),
      ),
    );
    expect(logged.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(rowsOf(await t.ctx.db.execute(supportMonthsDiffering))).toEqual([]);
    // Half moved to another month, half deleted, all at once.
    const changed = await Promise.all(
      logged.map((response, i) => {
        const intervention = response.json() as { id: string; version: number };
        return i % 2 === 0
          ? write('PATCH', `/api/interventions/${intervention.id}`, {
              version: intervention.version,
              occurredOn: '2026-06-01',
            })
          : write('DELETE', `/api/interventions/${intervention.id}`, { version: intervention.version });
      }),
    );
    expect(changed.map((r) => r.statusCode)).toEqual([200, 204, 200, 204, 200, 204, 200, 204]);
    expect(rowsOf(await t.ctx.db.execute(supportMonthsDiffering))).toEqual([]);
  });

  it('keeps the done actions’ sums and the plan starts equal to a recount as eight writers add, finish and cancel actions of one company', async () => {
    const admin = await t.login('admin');
    const write = (method: 'POST' | 'PATCH', url: string, payload: Record<string, unknown>) =>
      t.app.inject({ method, url, headers: { cookie: admin }, payload });
    const created = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        write('POST', `/api/companies/${fixtures.ownCompanyId}/actions`, {
          title: `Samtidig åtgärd ${i}`,
          area: 'energy_transition',
          ...(i % 2 === 1 ? { status: 'done', realised: { kwh: 100 * i } } : { status: 'planned' }),
        }),
      ),
    );
    expect(created.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(rowsOf(await t.ctx.db.execute(doneActionSumsDifferingFromScratch))).toEqual([]);
    // The done ones reopened, the planned ones cancelled, all at once.
    const changed = await Promise.all(
      created.map((response) => {
        const action = response.json() as { id: string; version: number; status: string };
        return write('PATCH', `/api/actions/${action.id}`, {
          version: action.version,
          status: action.status === 'done' ? 'in_progress' : 'cancelled',
        });
      }),
    );
    expect(changed.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect(rowsOf(await t.ctx.db.execute(doneActionSumsDifferingFromScratch))).toEqual([]);
  });
});
