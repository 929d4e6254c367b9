import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../../core/calendar';
import type { Portal } from '../../../contracts/portal';
import { ok, requestsAs } from '../../test/requests';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';

// The company portal's first page (issue 15, decision 043): the coach and how to reach them, the
// open actions due in the next 30 days or overdue, and the company's people signed up for activities
// that have not ended; only for whoever sees the company in full.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);
const portalUrl = (companyId: string) => `/api/companies/${companyId}/portal`;
const day = 86_400_000;
/** A Swedish calendar day so many days from the test clock's now. */
const daysFromNow = (days: number) => calendarDate(new Date(t.clock.now.getTime() + days * day));

async function addAction(title: string, dueOn: string, status: 'planned' | 'done' = 'planned') {
  return ok<{ id: string }>(
    await call('coachOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/actions`, {
      area: 'energy_transition',
      title,
      dueOn,
      ownerUserId: fixtures.ownCoachId,
      status,
    }),
    201,
  );
}

describe('the company portal', () => {
  it('shows the company’s user their coach, actions due and coming activities, and what they may do', async () => {
    const soon = await addAction('Portalåtgärd snart', daysFromNow(10));
    const overdue = await addAction('Portalåtgärd försenad', daysFromNow(-3));
    const later = await addAction('Portalåtgärd senare', daysFromNow(60));
    const done = await addAction('Portalåtgärd klar', daysFromNow(5), 'done');

    const contact = await ok<{ id: string }>(
      await call('companyOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/contacts`, {
        name: 'Portal Deltagarsson',
        gender: 'man',
        consent: { purpose: 'Aktiviteter', textVersion: '2026-01', givenOn: '2026-11-01T10:00:00+01:00' },
      }),
      201,
    );
    const startsAt = new Date(t.clock.now.getTime() + 7 * day);
    const activity = await ok<{ id: string }>(
      await call('coachOwn', 'POST', '/api/activities', {
        type: 'workshop',
        title: 'Portalworkshop',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
        organisationIds: [fixtures.ownOrganisationId],
      }),
      201,
    );
    await ok(
      await call('companyOwn', 'POST', `/api/activities/${activity.id}/registrations`, { contactIds: [contact.id] }),
      201,
    );

    const portal = await ok<Portal>(await call('companyOwn', 'GET', portalUrl(fixtures.ownCompanyId)));
    expect(portal).toMatchObject({ companyId: fixtures.ownCompanyId, organisationName: expect.any(String) });
    expect(portal.coach).toEqual({ name: expect.any(String), email: fixtures.emails.coachOwn });

    const dueIds = portal.actionsDue.map((a) => a.id);
    expect(dueIds).toContain(soon.id);
    expect(dueIds).toContain(overdue.id);
    expect(dueIds).not.toContain(later.id);
    expect(dueIds).not.toContain(done.id);
    expect(dueIds.indexOf(overdue.id)).toBeLessThan(dueIds.indexOf(soon.id));
    const dates = portal.actionsDue.map((a) => a.dueOn);
    expect(dates).toEqual([...dates].sort());

    const registration = portal.registrations.find((r) => r.activityId === activity.id);
    expect(registration).toMatchObject({
      activityTitle: 'Portalworkshop',
      contactName: 'Portal Deltagarsson',
      status: 'registered',
    });
    expect(portal.abilities).toEqual({
      canInviteColleagues: false,
      canManageContacts: true,
      canExport: true,
      canDeclareStateAid: true,
    });
  });

  it('lists at most ten of each, however many the company has', async () => {
    for (let n = 0; n < 11; n += 1) await addAction(`Portalmängd ${n}`, daysFromNow(1));
    const portal = await ok<Portal>(await call('companyOwn', 'GET', portalUrl(fixtures.ownCompanyId)));
    expect(portal.actionsDue).toHaveLength(10);
  });

  it('answers 404 for another company and lets the company’s coach read it too', async () => {
    expect((await call('companyOwn', 'GET', portalUrl(fixtures.otherCompanyId))).statusCode).toBe(404);
    expect((await call('coachOther', 'GET', portalUrl(fixtures.ownCompanyId))).statusCode).toBe(404);
    const coach = await ok<Portal>(await call('coachOwn', 'GET', portalUrl(fixtures.ownCompanyId)));
    expect(coach.abilities.canInviteColleagues).toBe(true);
  });
});
