import { readFileSync } from 'node:fs';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  effectTotals,
  effectTotalsByArea,
  effectTotalsByOrganisation,
  effectTotalsByOrganisationAndArea,
  type ActionEffects,
  type EffectTotals,
} from '../../../core/effects';
import { actionCatalogue } from '../../content/action-catalogue';
import { actions, auditEntries, companies } from '../../db/schema';
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

const planUrl = (companyId = fixtures.ownCompanyId) => `/api/companies/${companyId}/actions`;

const call = requestsAs(() => t);

type Action = {
  id: string;
  area: string;
  status: string;
  doneOn: string | null;
  version: number;
  title: string;
  owner: { kind: string; id: string; name: string } | null;
  expectedPaybackYears: number | null;
  realisedPaybackYears: number | null;
  realised: Record<string, number | null>;
  abilities: { canEdit: boolean; canUpdateProgress: boolean; nextStatuses: string[] };
};

async function create(body: Record<string, unknown>, companyId = fixtures.ownCompanyId, actor: ActorName = 'coachOwn') {
  const response = await call(actor, 'POST', planUrl(companyId), {
    area: 'energy_transition',
    title: 'Byt till LED',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Action;
}

function fieldsOf(body: string): string[] {
  return ((JSON.parse(body) as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

async function auditActions(entityId: string) {
  const rows = await t.database.db
    .select({ action: auditEntries.action, before: auditEntries.before, after: auditEntries.after })
    .from(auditEntries)
    .where(eq(auditEntries.entityId, entityId));
  return rows;
}

describe('the action plan', () => {
  it('creates an action with an owner and payback, lists it and audits it', async () => {
    const created = await create({
      targetStep: 3,
      ownerUserId: fixtures.ownCoachId,
      dueOn: '2027-03-31',
      investmentSek: 60_000,
      expected: { kwh: 40_000, sek: 30_000, co2eKg: 1_200 },
    });
    expect(created).toMatchObject({
      status: 'planned',
      doneOn: null,
      version: 1,
      owner: { kind: 'coach', id: fixtures.ownCoachId, name: 'Bertil Exempelsson' },
      expectedPaybackYears: 2,
      abilities: { canEdit: true, canUpdateProgress: true },
    });
    const list = (await call('coachOwn', 'GET', `${planUrl()}?area=energy_transition&status=planned`)).json() as {
      items: Action[];
      abilities: { canCreate: boolean };
      owners: { coaches: { id: string }[] };
    };
    expect(list.items.some((item) => item.id === created.id)).toBe(true);
    expect(list.items.every((item) => item.area === 'energy_transition' && item.status === 'planned')).toBe(true);
    expect(list.abilities.canCreate).toBe(true);
    expect(list.owners.coaches.map((c) => c.id)).toContain(fixtures.ownCoachId);
    expect((await auditActions(created.id)).map((a) => a.action)).toEqual(['action.create']);
    const read = await call('companyOwn', 'GET', `/api/actions/${created.id}`);
    expect(read.statusCode).toBe(200);
  });

  it('refuses an owner who is not a contact of the company or a coach of its organisation, naming the field', async () => {
    const otherCoach = await call('coachOwn', 'POST', planUrl(), {
      area: 'foundation',
      title: 'X',
      ownerUserId: demoIds.users.coachIucVast,
    });
    expect(otherCoach.statusCode).toBe(400);
    expect(fieldsOf(otherCoach.body)).toEqual(['ownerUserId']);
    const otherContact = await call('coachOwn', 'POST', planUrl(), {
      area: 'foundation',
      title: 'X',
      ownerContactId: fixtures.ownCoachId,
    });
    expect(fieldsOf(otherContact.body)).toEqual(['ownerContactId']);
    const both = await call('coachOwn', 'POST', planUrl(), {
      area: 'foundation',
      title: 'X',
      ownerContactId: fixtures.ownCoachId,
      ownerUserId: fixtures.ownCoachId,
    });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both.body)).toEqual(['ownerUserId']);
  });

  it.each([
    { body: { area: 'foundation', title: '' }, field: 'title' },
    { body: { area: 'space', title: 'X' }, field: 'area' },
    { body: { area: 'foundation', title: 'X', investmentSek: -1 }, field: 'investmentSek' },
    { body: { area: 'foundation', title: 'X', targetStep: 6 }, field: 'targetStep' },
    { body: { area: 'foundation', title: 'X', expected: { kwh: '12' } }, field: 'expected.kwh' },
    { body: { area: 'foundation', title: 'X', version: 1 }, field: 'version' },
  ])('refuses a bad $field with 400 naming it', async ({ body, field }) => {
    const response = await call('coachOwn', 'POST', planUrl(), body);
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toContain(field);
  });

  it('sets done_on when done, clears it when reopened, refuses a move the core forbids (422) and a stale version (409)', async () => {
    const created = await create({ investmentSek: 10_000 });
    const done = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 1,
      status: 'done',
      realised: { sek: 5_000 },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: '2026-11-26', version: 2, realisedPaybackYears: 2 });
    const notAllowed = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, { version: 2, status: 'planned' });
    expect(notAllowed.statusCode).toBe(422);
    expect(fieldsOf(notAllowed.body)).toEqual(['status']);
    const stale = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, { version: 1, title: 'Gammal' });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { details: { currentVersion: number } }).details.currentVersion).toBe(2);
    const reopened = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 2,
      status: 'in_progress',
    });
    expect(reopened.json()).toMatchObject({ status: 'in_progress', doneOn: null, version: 3 });
    const audit = await auditActions(created.id);
    expect(audit.map((a) => a.action).sort()).toEqual(['action.create', 'action.update', 'action.update']);
    const update = audit.find(
      (a) => a.action === 'action.update' && (a.after as { status: string }).status === 'done',
    )!;
    expect(update.before).toMatchObject({ status: 'planned', version: 1 });
  });

  it('cancels an action as a status (kept, left out of the totals), and takes it up again', async () => {
    const created = await create({ area: 'digitalisation' });
    const cancelled = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 1,
      status: 'cancelled',
    });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', abilities: { nextStatuses: ['planned'] } });
    const again = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, { version: 2, status: 'planned' });
    expect(again.json()).toMatchObject({ status: 'planned', version: 3 });
  });

  it('lets the company user change only the status and the realised effect of their own actions', async () => {
    const created = await create({ expected: { kwh: 1_000 } });
    const progress = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 1,
      status: 'done',
      realised: { kwh: 800 },
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({
      status: 'done',
      realised: { kwh: 800 },
      abilities: { canEdit: false, canUpdateProgress: true },
    });
    const plan = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 2,
      title: 'Annat',
      investmentSek: 1,
    });
    expect(plan.statusCode).toBe(403);
    expect(fieldsOf(plan.body).sort()).toEqual(['investmentSek', 'title']);
    const createAsCompany = await call('companyOwn', 'POST', planUrl(), { area: 'foundation', title: 'X' });
    expect(createAsCompany.statusCode).toBe(403);
    const list = (await call('companyOwn', 'GET', planUrl())).json() as {
      abilities: { canCreate: boolean };
      owners: { contacts: unknown[] };
    };
    expect(list).toMatchObject({ abilities: { canCreate: false, canSeeSuggestions: false }, owners: { contacts: [] } });
  });

  it("counts a company user's reported effect apart until a coach confirms it, then exactly that (finding 9)", async () => {
    const totalsOf = async () =>
      (
        (await call('coachOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/action-totals`)).json() as {
          overall: EffectTotals;
        }
      ).overall;
    const programmeOf = async () =>
      ((await call('admin', 'GET', '/api/action-totals')).json() as { overall: EffectTotals }).overall;
    const created = await create({ expected: { sek: 50_000 } });
    const [companyBefore, programmeBefore] = [await totalsOf(), await programmeOf()];

    const reported = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 1,
      status: 'done',
      realised: { sek: 45_000, co2eKg: 2_500 },
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json()).toMatchObject({ realisedConfirmation: null, abilities: { canConfirmRealised: false } });
    const afterReport = await totalsOf();
    // By hand: the confirmed figures do not move; 45 000 kr and 2 500 kg wait apart for the coach.
    expect(afterReport.realised).toEqual(companyBefore.realised);
    expect(afterReport.realisedUnconfirmed.sek).toBe(companyBefore.realisedUnconfirmed.sek + 45_000);
    expect(afterReport.realisedUnconfirmed.co2eKg).toBe(companyBefore.realisedUnconfirmed.co2eKg + 2_500);
    expect(afterReport.doneUnconfirmed).toBe(companyBefore.doneUnconfirmed + 1);
    const programmeAfterReport = await programmeOf();
    expect(programmeAfterReport.realised).toEqual(programmeBefore.realised);
    expect(programmeAfterReport.realisedUnconfirmed.sek).toBe(programmeBefore.realisedUnconfirmed.sek + 45_000);

    const seenByCoach = (await call('coachOwn', 'GET', `/api/actions/${created.id}`)).json() as Action & {
      abilities: { canConfirmRealised: boolean };
    };
    expect(seenByCoach.abilities.canConfirmRealised).toBe(true);
    const confirmUrl = `/api/actions/${created.id}/confirm-realised`;
    expect((await call('companyOwn', 'POST', confirmUrl, { version: 2 })).statusCode).toBe(403);
    expect((await call('coachOther', 'POST', confirmUrl, { version: 2 })).statusCode).toBe(404);
    expect((await call('coachOwn', 'POST', confirmUrl, { version: 1 })).statusCode).toBe(409);
    const confirmed = await call('coachOwn', 'POST', confirmUrl, { version: 2 });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({
      version: 3,
      realisedConfirmation: { at: t.clock.now.toISOString(), by: { id: fixtures.ownCoachId } },
      abilities: { canConfirmRealised: false },
    });
    const afterConfirm = await totalsOf();
    expect(afterConfirm.realised.sek).toBe(companyBefore.realised.sek + 45_000);
    expect(afterConfirm.realised.co2eKg).toBe(companyBefore.realised.co2eKg + 2_500);
    expect(afterConfirm.realisedUnconfirmed).toEqual(companyBefore.realisedUnconfirmed);
    const programmeAfterConfirm = await programmeOf();
    expect(programmeAfterConfirm.realised.sek).toBe(programmeBefore.realised.sek + 45_000);
    expect(programmeAfterConfirm.realisedUnconfirmed).toEqual(programmeBefore.realisedUnconfirmed);
    const audit = await auditActions(created.id);
    expect(audit.filter((a) => a.action === 'action.confirm_realised')).toHaveLength(1);
  });

  it("confirms what staff enter, clears the confirmation on a company user's change, keeps it on a repeat", async () => {
    const created = await create({});
    const entered = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 1,
      status: 'done',
      realised: { kwh: 1_200 },
    });
    expect(entered.json()).toMatchObject({ realisedConfirmation: { by: { id: fixtures.ownCoachId } } });
    const repeated = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 2,
      realised: { kwh: 1_200 },
    });
    expect(repeated.json()).toMatchObject({ version: 3, realisedConfirmation: { by: { id: fixtures.ownCoachId } } });
    const changed = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 3,
      realised: { kwh: 1_500 },
    });
    expect(changed.json()).toMatchObject({ realised: { kwh: 1_500 }, realisedConfirmation: null });
    // A coach's edit of another field leaves the company's figure unconfirmed.
    const titled = await call('coachOwn', 'PATCH', `/api/actions/${created.id}`, {
      version: 4,
      title: 'LED i hall 3',
      realised: { kwh: 1_500 },
    });
    expect(titled.json()).toMatchObject({ realisedConfirmation: null });
    const nothing = await create({});
    const refused = await call('coachOwn', 'POST', `/api/actions/${nothing.id}/confirm-realised`, { version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['realised']);
  });

  it('refuses an implausible effect with a 400 naming the field, and changes nothing', async () => {
    const created = await create({});
    for (const realised of [{ co2eKg: -1_000_000_000 }, { kwh: 60_000_000 }]) {
      const response = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
        version: 1,
        status: 'done',
        realised,
      });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response.body)).toEqual([`realised.${Object.keys(realised)[0]}`]);
    }
    expect((await call('coachOwn', 'GET', `/api/actions/${created.id}`)).json()).toMatchObject({
      version: 1,
      status: 'planned',
    });
  });

  it("hides another tenant's company and actions (404)", async () => {
    const created = await create({});
    for (const actor of ['coachOther', 'companyOther'] as const) {
      expect((await call(actor, 'GET', planUrl())).statusCode).toBe(404);
      expect((await call(actor, 'GET', `/api/actions/${created.id}`)).statusCode).toBe(404);
      const patch = await call(actor, 'PATCH', `/api/actions/${created.id}`, { version: 1, status: 'done' });
      expect(patch.statusCode).toBe(404);
      expect((await call(actor, 'GET', `/api/companies/${fixtures.ownCompanyId}/action-totals`)).statusCode).toBe(404);
    }
  });
});

describe('migration 0015: realised figures from before the confirmation rule', () => {
  it('marks them confirmed unless a company user ever changed them (the audit trail tells)', async () => {
    const byCoach = await create({ status: 'done', realised: { sek: 7_000 } });
    const byCompany = await create({ status: 'done' });
    const reported = await call('companyOwn', 'PATCH', `/api/actions/${byCompany.id}`, {
      version: 1,
      realised: { sek: 9_000 },
    });
    expect(reported.statusCode, reported.body).toBe(200);
    // Afterwards the coach changed the figure too: the company's change still makes it doubtful.
    const corrected = await call('coachOwn', 'PATCH', `/api/actions/${byCompany.id}`, {
      version: 2,
      realised: { sek: 8_000 },
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    const noFigures = await create({ status: 'done' });
    const ids = [byCoach.id, byCompany.id, noFigures.id];
    // The state before the rule: no confirmations at all.
    await t.database.db
      .update(actions)
      .set({ realisedConfirmedAt: null, realisedConfirmedBy: null })
      .where(inArray(actions.id, ids));
    const migration = readFileSync(
      new URL('../../db/migrations/0015_confirm_existing_realised_effects.sql', import.meta.url),
      'utf8',
    );
    await t.database.db.execute(sql.raw(migration));
    const rows = await t.database.db
      .select({ id: actions.id, at: actions.realisedConfirmedAt, by: actions.realisedConfirmedBy })
      .from(actions)
      .where(inArray(actions.id, ids));
    const confirmedOf = (id: string) => rows.find((row) => row.id === id)!;
    expect(confirmedOf(byCoach.id)).toMatchObject({ at: expect.any(Date), by: null });
    expect(confirmedOf(byCompany.id)).toMatchObject({ at: null, by: null });
    expect(confirmedOf(noFigures.id)).toMatchObject({ at: null });
  });
});

describe('suggestions', () => {
  const url = `/api/companies/${fixtures.ownCompanyId}/action-suggestions`;
  type Suggestions = {
    measuredAreas: string[];
    items: { catalogueKey: string; area: string; reason: { kind: string; dimensionName?: { sv: string } | null } }[];
    dismissed: { catalogueKey: string; reason: string | null }[];
  };

  it('suggests measures per measured area with their reasons and dimension names', async () => {
    const response = await call('coachOwn', 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json() as Suggestions;
    expect(list.measuredAreas.length).toBeGreaterThan(0);
    expect(list.items.length).toBeGreaterThan(0);
    for (const item of list.items) {
      expect(list.measuredAreas).toContain(item.area);
      if (item.reason.kind === 'weak_dimension') expect(item.reason.dimensionName?.sv).toBeTruthy();
    }
    expect((await call('companyOwn', 'GET', url)).statusCode).toBe(403);
    expect((await call('coachOther', 'GET', url)).statusCode).toBe(404);
  });

  it('adopts a suggestion with the catalogue text in the chosen language and the coach’s edits, once', async () => {
    const [first] = (await call('coachOwn', 'GET', url)).json().items as Suggestions['items'];
    const entry = actionCatalogue.find((e) => e.key === first!.catalogueKey)!;
    const adopted = await call('coachOwn', 'POST', `${url}/${entry.key}/adopt`, { locale: 'en', dueOn: '2027-06-30' });
    expect(adopted.statusCode, adopted.body).toBe(201);
    expect(adopted.json()).toMatchObject({
      title: entry.title.en,
      area: entry.area,
      catalogueKey: entry.key,
      status: 'planned',
    });
    expect((adopted.json() as { targetStep: number }).targetStep).toBeGreaterThan(0);
    const again = await call('coachOwn', 'POST', `${url}/${entry.key}/adopt`, {});
    expect(again.statusCode).toBe(409);
    const after = (await call('coachOwn', 'GET', url)).json() as Suggestions;
    expect(after.items.map((i) => i.catalogueKey)).not.toContain(entry.key);

    const [second] = after.items;
    const edited = await call('coachOwn', 'POST', `${url}/${second!.catalogueKey}/adopt`, {
      title: 'Egen rubrik',
      investmentSek: 5_000,
      expected: { sek: 10_000 },
    });
    expect(edited.json()).toMatchObject({ title: 'Egen rubrik', expectedPaybackYears: 0.5 });
    expect((await call('coachOwn', 'POST', `${url}/no_such_key/adopt`, {})).statusCode).toBe(404);
    expect((await call('companyOwn', 'POST', `${url}/${second!.catalogueKey}/adopt`, {})).statusCode).toBe(403);
  });

  it('dismisses a suggestion with a reason, lists it as dismissed, and undoes it (audited)', async () => {
    const [first] = ((await call('coachOwn', 'GET', url)).json() as Suggestions).items;
    const key = first!.catalogueKey;
    const dismissed = await call('coachOwn', 'POST', `${url}/${key}/dismiss`, { reason: 'Redan gjort' });
    expect(dismissed.statusCode, dismissed.body).toBe(204);
    const list = (await call('coachOwn', 'GET', url)).json() as Suggestions;
    expect(list.items.map((i) => i.catalogueKey)).not.toContain(key);
    expect(list.dismissed).toContainEqual(expect.objectContaining({ catalogueKey: key, reason: 'Redan gjort' }));
    const tooLong = await call('coachOwn', 'POST', `${url}/${key}/dismiss`, { reason: 'x'.repeat(1001) });
    expect(fieldsOf(tooLong.body)).toEqual(['reason']);
    expect((await call('coachOwn', 'POST', `${url}/${key}/restore`, {})).statusCode).toBe(204);
    expect((await call('coachOwn', 'POST', `${url}/${key}/restore`, {})).statusCode).toBe(404);
    const restored = (await call('coachOwn', 'GET', url)).json() as Suggestions;
    expect(restored.items.map((i) => i.catalogueKey)).toContain(key);
    const audit = await auditActions(`${fixtures.ownCompanyId}:${key}`);
    expect(audit.map((a) => a.action).sort()).toEqual(['action_suggestion.dismiss', 'action_suggestion.restore']);
  });
});

describe('totals in SQL equal the core’s effectTotals', () => {
  // A table of actions over two organisations' companies, every status, missing and negative figures.
  const table: {
    companyId: string;
    body: Record<string, unknown>;
    then?: Record<string, unknown>;
    /** The company's own user reports this (unconfirmed until a coach confirms). */
    reported?: Record<string, unknown>;
    isConfirmedAfter?: boolean;
  }[] = [
    {
      companyId: fixtures.ownCompanyId,
      body: { area: 'energy_transition', investmentSek: 40_000, expected: { kwh: 20_000 } },
      reported: { status: 'done', realised: { kwh: 18_000, sek: 20_000 } },
    },
    {
      companyId: fixtures.ownCompanyId,
      body: { area: 'energy_transition', investmentSek: 10_000, expected: { co2eKg: 900 } },
      reported: { status: 'done', realised: { co2eKg: -150.5 } },
      isConfirmedAfter: true,
    },
    {
      companyId: demoIds.companies.third,
      body: {
        area: 'energy_transition',
        investmentSek: 100_000,
        expected: { kwh: 50_000, sek: 25_000, co2eKg: 2_500 },
      },
    },
    {
      companyId: demoIds.companies.third,
      body: { area: 'energy_transition', expected: { kwh: -4_000 } },
      then: { status: 'done', realised: { kwh: -3_500 } },
    },
    {
      companyId: demoIds.companies.third,
      body: { area: 'resource_efficiency', investmentSek: 20_000, expected: { materialTonnes: 2.5, sek: 8_000 } },
      then: { status: 'done', realised: { materialTonnes: 2, sek: 10_000 } },
    },
    {
      companyId: demoIds.companies.third,
      body: { area: 'digitalisation', investmentSek: 5_000 },
      then: { status: 'done' },
    },
    {
      companyId: demoIds.companies.third,
      body: { area: 'digitalisation', investmentSek: 999_999, expected: { sek: 1 } },
      then: { status: 'cancelled' },
    },
    {
      companyId: demoIds.companies.fourth,
      body: { area: 'circular_business', investmentSek: 0, expected: { co2eKg: 300 } },
      then: { status: 'in_progress' },
    },
    {
      companyId: demoIds.companies.fourth,
      body: { area: 'energy_transition', expected: { kwh: 12_000.5, sek: 9_000.25 } },
      then: { status: 'done', realised: { kwh: 11_000.75 } },
    },
  ];

  beforeAll(async () => {
    for (const row of table) {
      const created = await create(row.body, row.companyId, 'admin');
      if (row.then) {
        const changed = await call('admin', 'PATCH', `/api/actions/${created.id}`, { version: 1, ...row.then });
        expect(changed.statusCode, changed.body).toBe(200);
      }
      if (row.reported) {
        const reported = await call('companyOwn', 'PATCH', `/api/actions/${created.id}`, {
          version: 1,
          ...row.reported,
        });
        expect(reported.statusCode, reported.body).toBe(200);
        if (row.isConfirmedAfter) {
          const confirmed = await call('coachOwn', 'POST', `/api/actions/${created.id}/confirm-realised`, {
            version: 2,
          });
          expect(confirmed.statusCode, confirmed.body).toBe(200);
        }
      }
    }
  });

  /** Every action in the database as the core sees it (the company's current organisation). */
  async function allActions(companyId?: string): Promise<ActionEffects[]> {
    const rows = await t.database.db
      .select({ action: actions, organisationId: companies.organisationId })
      .from(actions)
      .innerJoin(companies, eq(companies.id, actions.companyId))
      .where(companyId ? and(eq(actions.companyId, companyId)) : undefined);
    return rows.map(({ action: a, organisationId }) => ({
      area: a.area,
      organisationId,
      status: a.status,
      investmentSek: a.investmentSek,
      expected: {
        kwh: a.expectedKwh,
        co2eKg: a.expectedCo2eKg,
        sek: a.expectedSek,
        materialTonnes: a.expectedMaterialTonnes,
      },
      realised: {
        kwh: a.realisedKwh,
        co2eKg: a.realisedCo2eKg,
        sek: a.realisedSek,
        materialTonnes: a.realisedMaterialTonnes,
      },
      isRealisedConfirmed: a.realisedConfirmedAt !== null,
    }));
  }

  /** Equal up to floating-point summation order (SQL and JS may add in another order). */
  function expectTotals(actual: EffectTotals, expected: EffectTotals) {
    const flat = (totals: EffectTotals) => ({
      ...totals,
      ...Object.fromEntries(Object.entries(totals.expected).map(([k, v]) => [`expected.${k}`, v])),
      ...Object.fromEntries(Object.entries(totals.realised).map(([k, v]) => [`realised.${k}`, v])),
      ...Object.fromEntries(Object.entries(totals.realisedUnconfirmed).map(([k, v]) => [`unconfirmed.${k}`, v])),
      expected: undefined,
      realised: undefined,
      realisedUnconfirmed: undefined,
    });
    const a = flat(actual);
    const e = flat(expected);
    expect(Object.keys(a).sort()).toEqual(Object.keys(e).sort());
    for (const [key, value] of Object.entries(e)) {
      const got = (a as Record<string, unknown>)[key];
      if (typeof value === 'number') expect(got as number, key).toBeCloseTo(value, 6);
      else expect(got, key).toEqual(value);
    }
  }

  it('for a company, overall and by area', async () => {
    const body = (await call('admin', 'GET', `/api/companies/${demoIds.companies.third}/action-totals`)).json() as {
      overall: EffectTotals;
      byArea: { area: string; totals: EffectTotals }[];
    };
    const reference = await allActions(demoIds.companies.third);
    expectTotals(body.overall, effectTotals(reference));
    const byArea = effectTotalsByArea(reference);
    expect(body.byArea.map((g) => g.area)).toEqual(byArea.map((g) => g.area));
    body.byArea.forEach((group, index) => expectTotals(group.totals, byArea[index]!.totals));
    // The cancelled action's SEK 999 999 counts nowhere; the done one without figures is the follow-up to do.
    expect(body.overall.doneWithoutRealised).toBeGreaterThanOrEqual(1);
    expect(reference.some((a) => a.status === 'cancelled' && a.investmentSek === 999_999)).toBe(true);
  });

  it('for the programme, overall, by organisation, by area and by both', async () => {
    const response = await call('coachOther', 'GET', '/api/action-totals');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as {
      overall: EffectTotals;
      byOrganisation: { organisationId: string; totals: EffectTotals }[];
      byArea: { area: string; totals: EffectTotals }[];
      byOrganisationAndArea: { organisationId: string; area: string; totals: EffectTotals }[];
    };
    const reference = await allActions();
    expectTotals(body.overall, effectTotals(reference));
    const byOrganisation = effectTotalsByOrganisation(reference);
    expect(body.byOrganisation.map((g) => g.organisationId)).toEqual(byOrganisation.map((g) => g.organisationId));
    body.byOrganisation.forEach((group, index) => expectTotals(group.totals, byOrganisation[index]!.totals));
    const byArea = effectTotalsByArea(reference);
    expect(body.byArea.map((g) => g.area)).toEqual(byArea.map((g) => g.area));
    body.byArea.forEach((group, index) => expectTotals(group.totals, byArea[index]!.totals));
    const both = effectTotalsByOrganisationAndArea(reference);
    expect(body.byOrganisationAndArea.map((g) => `${g.organisationId}/${g.area}`)).toEqual(
      both.map((g) => `${g.organisationId}/${g.area}`),
    );
    body.byOrganisationAndArea.forEach((group, index) => expectTotals(group.totals, both[index]!.totals));
    expect((await call('companyOwn', 'GET', '/api/action-totals')).statusCode).toBe(403);
  });

  it('keeps the programme totals right when a company moves to another organisation (rollup)', async () => {
    const companyId = demoIds.companies.third;
    const { organisationId } = (await call('admin', 'GET', `/api/companies/${companyId}`)).json() as {
      organisationId: string;
    };
    const asker: ActorName = organisationId === fixtures.otherOrganisationId ? 'coachOwn' : 'coachOther';
    const requested = await call(asker, 'POST', `/api/companies/${companyId}/handover-requests`, { reason: 'Flyttar' });
    expect(requested.statusCode, requested.body).toBe(201);
    const handover = requested.json() as { id: string; version: number };
    const decided = await call('admin', 'POST', `/api/handover-requests/${handover.id}/decision`, {
      version: handover.version,
      decision: 'approve',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const body = (await call('admin', 'GET', '/api/action-totals')).json() as {
      overall: EffectTotals;
      byOrganisation: { organisationId: string; totals: EffectTotals }[];
    };
    const reference = await allActions();
    expectTotals(body.overall, effectTotals(reference));
    const byOrganisation = effectTotalsByOrganisation(reference);
    expect(body.byOrganisation.map((g) => g.organisationId)).toEqual(byOrganisation.map((g) => g.organisationId));
    body.byOrganisation.forEach((group, index) => expectTotals(group.totals, byOrganisation[index]!.totals));
  });

  it('gives zero totals and no payback for a company without actions', async () => {
    const body = (await call('admin', 'GET', `/api/companies/${demoIds.companies.sixth}/action-totals`)).json() as {
      overall: EffectTotals;
      byArea: unknown[];
    };
    expectTotals(body.overall, effectTotals(await allActions(demoIds.companies.sixth)));
  });
});
