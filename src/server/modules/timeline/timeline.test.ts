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

type Event = { kind: string; date: string; data: Record<string, unknown>; notes: string | null };

async function timeline(actor: ActorName, query = '') {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/companies/${fixtures.ownCompanyId}/timeline${query}`,
    headers: { cookie: await t.login(actor) },
  });
  return response;
}

describe('the company timeline', () => {
  it('merges registration, status changes, contacts and interventions, newest first', async () => {
    const response = await timeline('coachOwn');
    expect(response.statusCode).toBe(200);
    const { items } = response.json() as { items: Event[] };
    expect(new Set(items.map((e) => e.kind))).toEqual(
      new Set(['registered', 'status_change', 'contact_added', 'intervention']),
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
