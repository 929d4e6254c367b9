import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('merges registration, status changes, contacts, measurements, activities and interventions, newest first', async () => {
    const response = await timeline('coachOwn');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Event[] };
    expect(new Set(items.map((e) => e.kind))).toEqual(
      // The demo company has measurements and attended activities from the demo data.
      new Set(['registered', 'status_change', 'contact_added', 'assessment', 'activity_attended', 'intervention']),
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
