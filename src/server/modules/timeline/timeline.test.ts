import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineKinds } from '../../../contracts/timeline';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';

let t: TestApp;
const marker = 'INTERN-ANTECKNING-7f3a';
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
  for (const [occurredOn, hours] of [
    ['2026-10-05', 2],
    ['2026-11-12', 1.25],
  ] as const) {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${fixtures.ownCompanyId}/interventions`,
      headers: { cookie: await t.login('coachOwn'), 'content-type': 'application/json' },
      payload: JSON.stringify({ occurredOn, kind: 'coaching', area: 'digitalisation', hours, notes: marker }),
    });
    expect(response.statusCode, response.body).toBe(201);
  }
});
afterAll(async () => {
  await t?.close();
});

type Event = { id: string; kind: string; date: string; data: Record<string, unknown>; notes: string | null };

async function timeline(actor: ActorName, query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/companies/${fixtures.ownCompanyId}/timeline${query}`,
    headers: { cookie: await t.login(actor) },
  });
  return response;
}

describe('the company timeline', () => {
  it('merges registration, status changes, contacts, measurements, activities, analyses, actions and interventions, newest first', async () => {
    const response = await timeline('coachOwn');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Event[] };
    expect(new Set(items.map((e) => e.kind))).toEqual(
      // Every kind: the demo company has measurements, attended activities, analyses and actions (some
      // done) from the demo data.
      new Set(timelineKinds),
    );
    const dates = items.map((e) => e.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const logged = items.filter((e) => e.kind === 'intervention' && e.notes === marker);
    expect(logged.map((e) => [e.date, e.data.hours, e.notes])).toEqual([
      ['2026-11-12', 1.25, marker],
      ['2026-10-05', 2, marker],
    ]);
  });

  it('filters by kind and by dates', async () => {
    const { items } = (await timeline('coachOwn', '?kinds=intervention&from=2026-11-01&to=2026-11-30')).json() as {
      items: Event[];
    };
    expect(new Set(items.map((e) => e.kind))).toEqual(new Set(['intervention']));
    expect(items.every((e) => e.date >= '2026-11-01' && e.date <= '2026-11-30')).toBe(true);
    expect(items.map((e) => e.date)).toContain('2026-11-12');
  });

  it('cuts at the limit and says so', async () => {
    const body = (await timeline('coachOwn', '?limit=1')).json() as { items: Event[]; isTruncated: boolean };
    expect(body.items).toHaveLength(1);
    expect(body.isTruncated).toBe(true);
  });

  it("shows the company's own user the timeline without internal notes", async () => {
    const response = await timeline('companyOwn');
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(marker);
    const { items } = response.json() as { items: Event[] };
    expect(items.filter((e) => e.kind === 'intervention').length).toBeGreaterThanOrEqual(2);
    expect(items.every((e) => e.notes === null)).toBe(true);
  });

  it('hides the company from another organisation and another company (404)', async () => {
    expect((await timeline('coachOther')).statusCode).toBe(404);
    expect((await timeline('companyOther')).statusCode).toBe(404);
  });

  it('refuses an unknown kind, naming the field', async () => {
    const response = await timeline('coachOwn', '?kinds=intervention,gossip');
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('query.kinds');
  });
});

describe('the timeline sources of measurements and activities', () => {
  it('shows a submitted measurement and an attended activity to the coach and to the company', async () => {
    const admin = { kind: 'user', role: 'admin', userId: fixtures.adminId } as const;
    const { startAssessment, saveAnswer, submitAssessment } = await import('../maturity/maturity.service');
    const draft = await startAssessment(t.ctx, admin, fixtures.ownCompanyId, { area: 'energy_transition' });
    for (const dimension of draft.model.content.dimensions) {
      for (const question of dimension.questions) {
        await saveAnswer(t.ctx, admin, draft.id, question.key, { level: 4, isNotApplicable: false });
      }
    }
    await submitAssessment(t.ctx, admin, draft.id, { version: draft.version, nextDueOn: '2026-11-27' });

    const cookie = await t.login('admin');
    const startsAt = new Date('2026-11-20T09:00:00+01:00');
    const activity = await t.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: { cookie },
      payload: {
        type: 'workshop',
        title: 'Tidslinjeverkstad',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
        organisationIds: [fixtures.ownOrganisationId],
      },
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const activityId = (activity.json() as { id: string }).id;
    const company = (
      await t.app.inject({ method: 'GET', url: `/api/companies/${fixtures.ownCompanyId}`, headers: { cookie } })
    ).json() as { contacts: { id: string }[] };
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/registrations`,
      headers: { cookie },
      payload: { contactIds: [company.contacts[0]!.id] },
    });
    const registration = (registered.json() as { registrations: { id: string; version: number }[] }).registrations[0]!;
    const attended = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${activityId}/attendance`,
      headers: { cookie },
      payload: { items: [{ registrationId: registration.id, attended: true, version: registration.version }] },
    });
    expect(attended.statusCode, attended.body).toBe(200);

    for (const actor of ['coachOwn', 'companyOwn'] as const) {
      const events = (await timeline(actor, '?kinds=assessment,activity_attended')).json() as { items: Event[] };
      const measurement = events.items.find((e) => e.id === draft.id);
      expect(measurement).toMatchObject({
        kind: 'assessment',
        data: { area: 'energy_transition', mode: 'coach', step: 4 },
      });
      const workshop = events.items.find((e) => e.kind === 'activity_attended' && e.data.title === 'Tidslinjeverkstad');
      expect(workshop).toMatchObject({ date: '2026-11-20', data: { attendedCount: 1 } });
    }

    // The measurement's next due date reaches the coach's week, as a reminder source.
    const week = await t.app.inject({
      method: 'GET',
      url: '/api/my-week',
      headers: { cookie: await t.login('coachOwn') },
    });
    const due = week.json() as { overdue: { sourceId: string }[]; dueThisWeek: { sourceId: string }[] };
    expect([...due.overdue, ...due.dueThisWeek].some((item) => item.sourceId === draft.id)).toBe(true);
  });
});

describe('the timeline sources of actions and analyses', () => {
  async function post(method: 'POST' | 'PATCH', url: string, payload: unknown) {
    const response = await t.app.inject({
      method,
      url,
      headers: { cookie: await t.login('coachOwn'), 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response.json() as { id: string; version: number };
  }

  it('shows an action added and done, with its realised effect, and an energy mapping with its totals', async () => {
    t.clock.now = new Date('2026-11-24T10:00:00+01:00');
    const action = await post('POST', `/api/companies/${fixtures.ownCompanyId}/actions`, {
      area: 'energy_transition',
      title: 'Byt till LED i tidslinjehallen',
      description: 'INTERN-BESKRIVNING',
    });
    t.clock.now = new Date('2026-11-25T10:00:00+01:00');
    await post('PATCH', `/api/actions/${action.id}`, {
      version: action.version,
      status: 'done',
      realised: { kwh: 12_000, co2eKg: 1_500, sek: 18_000 },
    });
    // The hand calculation of analyses.test.ts: 339 200 kWh and 79 580 kg CO2e.
    const mapping = await post('POST', `/api/companies/${fixtures.ownCompanyId}/analyses`, {
      kind: 'energy_mapping',
      title: 'Tidslinjens energikartläggning',
      performedOn: '2026-11-20',
      content: {
        year: 2025,
        factorSetKey: 'se-2023-residual-mix',
        lines: [
          { carrier: 'electricity', quantity: 120_000, unit: 'kWh', costSek: 180_000 },
          { carrier: 'district_heating', quantity: 180, unit: 'MWh', costSek: 126_000, emissionFactorKgPerKwh: 0.035 },
          { carrier: 'diesel', quantity: 4_000, unit: 'litre', costSek: 76_000 },
        ],
      },
    });
    const digital = await post('POST', `/api/companies/${fixtures.ownCompanyId}/analyses`, {
      kind: 'digital',
      title: 'Tidslinjens digitala analys',
      content: {},
    });
    t.clock.now = new Date('2026-11-26T10:00:00+01:00');

    for (const actor of ['coachOwn', 'companyOwn'] as const) {
      const response = await timeline(actor, '?kinds=analysis,action_created,action_done&from=2026-11-20');
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('INTERN-BESKRIVNING');
      const { items } = response.json() as { items: Event[] };
      expect(new Set(items.map((e) => e.kind))).toEqual(new Set(['analysis', 'action_created', 'action_done']));
      expect(items.find((e) => e.id === `action-created-${action.id}`)).toMatchObject({
        date: '2026-11-24',
        data: { title: 'Byt till LED i tidslinjehallen', area: 'energy_transition' },
        notes: null,
      });
      expect(items.find((e) => e.id === `action-done-${action.id}`)).toMatchObject({
        date: '2026-11-25',
        data: { realisedKwh: 12_000, realisedCo2eKg: 1_500, realisedSek: 18_000, realisedMaterialTonnes: null },
      });
      const energy = items.find((e) => e.id === mapping.id)!;
      expect(energy).toMatchObject({ date: '2026-11-20', data: { analysisKind: 'energy_mapping' } });
      expect(energy.data.totalKwh).toBeCloseTo(339_200, 6);
      expect(energy.data.totalCo2eKg).toBeCloseTo(79_580, 6);
      // Without a performed date, an analysis is dated the day it was recorded.
      expect(items.find((e) => e.id === digital.id)).toMatchObject({
        date: '2026-11-25',
        data: { analysisKind: 'digital', totalKwh: null, totalCo2eKg: null },
      });
      const dates = items.map((e) => e.date);
      expect(dates).toEqual([...dates].sort().reverse());
    }
    // The date filter reads the performed date.
    const before = (await timeline('coachOwn', '?kinds=analysis&to=2026-11-19')).json() as { items: Event[] };
    expect(before.items.map((e) => e.id)).not.toContain(mapping.id);
  });
});
