import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from '../../../contracts/activities';
import { auditEntries, outboxMessages } from '../../db/schema';
import { demoIds } from '../../db/seed';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const day = 86_400_000;
let serial = 0;

const call = requestsAs(() => t);

async function createActivity(actor: ActorName, overrides: Record<string, unknown> = {}): Promise<Activity> {
  const startsAt = new Date(t.clock.now.getTime() + 7 * day);
  const response = await call(actor, 'POST', '/api/activities', {
    type: 'workshop',
    title: `Workshop om energikartläggning ${(serial += 1)}`,
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(),
    place: 'Skövde',
    capacity: 3,
    costPerParticipantSek: 1500,
    areas: ['energy_transition'],
    organisationIds: [fixtures.ownOrganisationId],
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Activity;
}

async function addContact(
  companyId: string,
  name: string,
  gender: 'woman' | 'man' | 'other' | 'not_stated',
  email?: string,
): Promise<string> {
  const response = await call('admin', 'POST', `/api/companies/${companyId}/contacts`, {
    name,
    gender,
    ...(email && { email }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return (response.json() as { id: string }).id;
}

async function register(actor: ActorName, activityId: string, contactIds: string[]) {
  return call(actor, 'POST', `/api/activities/${activityId}/registrations`, { contactIds });
}

async function mailsTo(email: string) {
  return t.database.db
    .select()
    .from(outboxMessages)
    .where(eq(outboxMessages.recipient, email))
    .orderBy(desc(outboxMessages.createdAt));
}

describe('a workshop with 3 places (issue 6, done-when)', () => {
  it('fills three places, waitlists the fourth, moves them up on a cancellation, and counts attendance by gender', async () => {
    // It starts in a minute, so attendance can be marked after a short move of the clock (a long
    // one would end the sessions).
    const activity = await createActivity('coachOwn', {
      startsAt: new Date(t.clock.now.getTime() + 60_000).toISOString(),
      endsAt: new Date(t.clock.now.getTime() + 3 * 3_600_000).toISOString(),
    });
    expect(activity).toMatchObject({ capacity: 3, registeredCount: 0, abilities: { canEdit: true } });
    const anna = await addContact(fixtures.ownCompanyId, 'Anna Workshopsson', 'woman', 'anna.w@foretag1.example');
    const bo = await addContact(fixtures.ownCompanyId, 'Bo Workshopsson', 'man', 'bo.w@foretag1.example');
    const cecilia = await addContact(demoIds.companies.sixth, 'Cecilia Utan Epost', 'woman');
    const dan = await addContact(demoIds.companies.sixth, 'Dan Reserv', 'man', 'dan.r@foretag6.example');

    const registered = await register('coachOwn', activity.id, [anna, bo, cecilia, dan]);
    expect(registered.statusCode, registered.body).toBe(201);
    const after = registered.json() as Activity;
    expect(after.registrations.map((r) => [r.contactName, r.status, r.waitingListPosition])).toEqual([
      ['Anna Workshopsson', 'registered', null],
      ['Bo Workshopsson', 'registered', null],
      ['Cecilia Utan Epost', 'registered', null],
      ['Dan Reserv', 'waitlisted', 1],
    ]);
    expect(after).toMatchObject({ registeredCount: 3, waitlistedCount: 1 });
    expect((await mailsTo('anna.w@foretag1.example'))[0]?.subject).toMatch(/^Anmälan bekräftad/);
    expect((await mailsTo('dan.r@foretag6.example'))[0]?.body).toContain('reservlistan som nummer 1');
    expect(await mailsTo('cecilia')).toEqual([]);

    const boRegistration = after.registrations.find((r) => r.contactId === bo)!;
    const cancelled = await call('coachOwn', 'POST', `/api/registrations/${boRegistration.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const afterCancel = cancelled.json() as Activity;
    expect(afterCancel.registrations.find((r) => r.contactId === dan)).toMatchObject({
      status: 'registered',
      waitingListPosition: null,
    });
    expect(afterCancel).toMatchObject({ registeredCount: 3, waitlistedCount: 0 });

    // The test clock stands still, so messages are told apart by subject, not by time.
    const promotion = (await mailsTo('dan.r@foretag6.example')).find((m) => m.subject.startsWith('Du har fått'));
    expect(promotion!.subject).toBe(`Du har fått en plats: ${activity.title}`);
    expect(promotion!.body).toContain('(svensk tid)');
    const ics = promotion!.attachments[0]!;
    expect(ics.filename).toBe('aktivitet.ics');
    expect(ics.content).toContain('METHOD:REQUEST');
    expect(ics.content).toContain(`UID:activity-${activity.id}@industryinwest`);
    const start = new Date(activity.startsAt).toISOString().slice(0, 19).replace(/[-:]/g, '');
    expect(ics.content).toContain(`DTSTART:${start}Z`);
    expect(ics.content).toContain('STATUS:CONFIRMED');
    const cancellation = (await mailsTo('bo.w@foretag1.example')).find((m) => m.subject.startsWith('Avanmälan'));
    expect(cancellation!.subject).toMatch(/^Avanmälan bekräftad/);
    expect(cancellation!.attachments[0]!.content).toContain('METHOD:CANCEL');
    expect(cancellation!.attachments[0]!.content).toContain(`UID:activity-${activity.id}@industryinwest`);

    // The outbox page lists the attachment by name.
    const outbox = (await call('admin', 'GET', '/api/outbox?pageSize=5')).json() as {
      items: { subject: string; attachments: { filename: string }[] }[];
    };
    expect(outbox.items.find((m) => m.subject === promotion!.subject)?.attachments).toEqual([
      { filename: 'aktivitet.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST' },
    ]);

    // Attendance waits for the start.
    const holders = afterCancel.registrations.filter((r) => r.status === 'registered');
    const items = holders.map((r) => ({ registrationId: r.id, attended: r.contactId !== cecilia, version: r.version }));
    const early = await call('coachOwn', 'POST', `/api/activities/${activity.id}/attendance`, { items });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toMatchObject({ code: 'rule_violated' });

    t.clock.now = new Date(t.clock.now.getTime() + 2 * 60_000);
    const marked = await call('coachOwn', 'POST', `/api/activities/${activity.id}/attendance`, { items });
    expect(marked.statusCode, marked.body).toBe(200);
    const final = marked.json() as Activity;
    expect(final.counts!.byGender).toEqual(
      expect.arrayContaining([
        { gender: 'woman', registered: 2, attended: 1 },
        { gender: 'man', registered: 1, attended: 1 },
      ]),
    );
    expect(final.counts!.byGender).toHaveLength(2);
    expect(final.counts!.byCompany).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ companyId: fixtures.ownCompanyId, registered: 1, attended: 1 }),
        expect.objectContaining({ companyId: demoIds.companies.sixth, registered: 2, attended: 1 }),
      ]),
    );
    // A stale version is refused and nothing changes.
    const stale = await call('coachOwn', 'POST', `/api/activities/${activity.id}/attendance`, { items });
    expect(stale.statusCode).toBe(409);
    const audit = await t.database.db.select().from(auditEntries).where(eq(auditEntries.entityId, boRegistration.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['registration.cancel', 'registration.create']);
  });

  it('sends no e-mail to a person without an address, and answers normally', async () => {
    const activity = await createActivity('admin');
    const before = (await t.database.db.select().from(outboxMessages)).length;
    const quiet = await addContact(fixtures.ownCompanyId, 'Tyst Person', 'other');
    expect((await register('admin', activity.id, [quiet])).statusCode).toBe(201);
    expect((await t.database.db.select().from(outboxMessages)).length).toBe(before);
  });
});

describe('who registers whom', () => {
  it('lets a company user register their own people, not another company’s (404), and not after the start', async () => {
    const activity = await createActivity('coachOwn');
    const own = await addContact(fixtures.ownCompanyId, 'Egen Anställd', 'woman');
    const other = await addContact(fixtures.otherCompanyId, 'Annans Anställd', 'man');
    expect((await register('companyOwn', activity.id, [own])).statusCode).toBe(201);
    expect((await register('companyOwn', activity.id, [other])).statusCode).toBe(404);
    const started = await createActivity('coachOwn', {
      startsAt: new Date(t.clock.now.getTime() - 3_600_000).toISOString(),
      endsAt: new Date(t.clock.now.getTime() + 3_600_000).toISOString(),
    });
    const late = await register('companyOwn', started.id, [own]);
    expect(late.statusCode).toBe(422);
    // Staff record a walk-in after the start.
    expect((await register('coachOwn', started.id, [own])).statusCode).toBe(201);
  });

  it('shows each actor only the registrations it may see, and the counts to staff only', async () => {
    const activity = await createActivity('coachOwn', { capacity: null });
    const own = await addContact(fixtures.ownCompanyId, 'Synlig Egen', 'woman');
    const other = await addContact(fixtures.otherCompanyId, 'Synlig Annan', 'man');
    expect((await register('coachOwn', activity.id, [own])).statusCode).toBe(201);
    // A coach of another organisation registers a person of their own company for it.
    expect((await register('coachOther', activity.id, [other])).statusCode).toBe(201);
    expect((await register('coachOther', activity.id, [own])).statusCode).toBe(404);

    const seen = async (actor: ActorName) => {
      const response = await call(actor, 'GET', `/api/activities/${activity.id}`);
      expect(response.statusCode).toBe(200);
      return response.json() as Activity;
    };
    expect((await seen('coachOwn')).registrations.map((r) => r.contactName)).toEqual(['Synlig Egen', 'Synlig Annan']);
    const coachOther = await seen('coachOther');
    expect(coachOther.registrations.map((r) => r.contactName)).toEqual(['Synlig Annan']);
    expect(coachOther.abilities).toEqual({ canEdit: false, canMarkAttendance: false, canSeeAllRegistrations: false });
    expect(coachOther.counts!.byCompany).toHaveLength(2);
    const companyOwn = await seen('companyOwn');
    expect(companyOwn.registrations.map((r) => r.contactName)).toEqual(['Synlig Egen']);
    expect(companyOwn.counts).toBeNull();
    expect(JSON.stringify(companyOwn)).not.toContain('Synlig Annan');
    expect(JSON.stringify(companyOwn)).not.toContain(fixtures.otherCompanyId);
    const companyOther = await seen('companyOther');
    expect(companyOther.registrations.map((r) => r.contactName)).toEqual(['Synlig Annan']);

    // Another tenant's registration answers 404 on cancel; the organiser may cancel it.
    const otherRegistration = (await seen('coachOwn')).registrations.find((r) => r.contactId === other)!;
    expect((await call('companyOwn', 'POST', `/api/registrations/${otherRegistration.id}/cancel`, {})).statusCode).toBe(
      404,
    );
    expect((await call('coachOwn', 'POST', `/api/registrations/${otherRegistration.id}/cancel`, {})).statusCode).toBe(
      200,
    );
  });

  it('refuses a second live registration of the same person (409) but takes them again after a cancellation', async () => {
    const activity = await createActivity('coachOwn');
    const person = await addContact(fixtures.ownCompanyId, 'Dubbel Anmälan', 'man');
    const first = (await register('coachOwn', activity.id, [person])).json() as Activity;
    expect((await register('coachOwn', activity.id, [person])).statusCode).toBe(409);
    const cancel = await call('coachOwn', 'POST', `/api/registrations/${first.registrations[0]!.id}/cancel`, {});
    expect(cancel.statusCode).toBe(200);
    // Cancelling twice changes nothing.
    const again = await call('coachOwn', 'POST', `/api/registrations/${first.registrations[0]!.id}/cancel`, {});
    expect(again.statusCode).toBe(200);
    expect((await register('coachOwn', activity.id, [person])).statusCode).toBe(201);
  });

  it('gives the last place to exactly one of many simultaneous registrations', async () => {
    const activity = await createActivity('coachOwn', { capacity: 1 });
    const people = await Promise.all(
      [0, 1, 2, 3, 4].map((i) => addContact(fixtures.ownCompanyId, `Samtidig ${i}`, 'woman')),
    );
    const responses = await Promise.all(people.map((id) => register('coachOwn', activity.id, [id])));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const final = (await call('coachOwn', 'GET', `/api/activities/${activity.id}`)).json() as Activity;
    expect(final.registrations.filter((r) => r.status === 'registered')).toHaveLength(1);
    expect(final.registrations.map((r) => r.waitingListPosition).filter(Boolean)).toEqual([1, 2, 3, 4]);
  });
});

describe('creating and changing an activity', () => {
  it('names the field of a bad period, a non-https link and a missing organiser', async () => {
    const starts = new Date(t.clock.now.getTime() + day).toISOString();
    const base = { type: 'training', title: 'Fel', organisationIds: [fixtures.ownOrganisationId] };
    const backwards = await call('coachOwn', 'POST', '/api/activities', { ...base, startsAt: starts, endsAt: starts });
    expect(backwards.json()).toMatchObject({ details: { fields: [{ field: 'endsAt', code: 'ends_before_start' }] } });
    const http = await call('coachOwn', 'POST', '/api/activities', {
      ...base,
      startsAt: starts,
      endsAt: new Date(t.clock.now.getTime() + 2 * day).toISOString(),
      onlineUrl: 'http://insecure.example/meet',
    });
    expect(http.statusCode).toBe(400);
    expect(http.json()).toMatchObject({ details: { fields: [{ field: 'onlineUrl' }] } });
    const none = await call('coachOwn', 'POST', '/api/activities', { ...base, organisationIds: [] });
    expect(none.statusCode).toBe(400);
    const otherOnly = await call('coachOwn', 'POST', '/api/activities', {
      ...base,
      startsAt: starts,
      endsAt: new Date(t.clock.now.getTime() + 2 * day).toISOString(),
      organisationIds: [fixtures.otherOrganisationId],
    });
    expect(otherOnly.json()).toMatchObject({
      details: { fields: [{ field: 'organisationIds', code: 'own_organisation_required' }] },
    });
    expect((await call('companyOwn', 'POST', '/api/activities', base)).statusCode).toBe(400);
  });

  it('refuses a capacity below the places given, moves the waiting list up when it is raised, and refuses a stale version', async () => {
    const activity = await createActivity('coachOwn', { capacity: 1 });
    const a = await addContact(fixtures.ownCompanyId, 'Kapacitet A', 'woman', 'kap.a@foretag1.example');
    const b = await addContact(fixtures.ownCompanyId, 'Kapacitet B', 'man', 'kap.b@foretag1.example');
    const c = await addContact(fixtures.ownCompanyId, 'Kapacitet C', 'man');
    const full = (await register('coachOwn', activity.id, [a, b, c])).json() as Activity;
    const lower = await call('coachOwn', 'PATCH', `/api/activities/${activity.id}`, {
      version: full.version,
      capacity: 2,
    });
    expect(lower.statusCode, lower.body).toBe(200);
    const raised = lower.json() as Activity;
    expect(raised.registrations.map((r) => r.status)).toEqual(['registered', 'registered', 'waitlisted']);
    expect((await mailsTo('kap.b@foretag1.example')).map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Du har fått en plats/), expect.stringMatching(/^Du står på/)]),
    );
    const below = await call('coachOwn', 'PATCH', `/api/activities/${activity.id}`, {
      version: raised.version,
      capacity: 1,
    });
    expect(below.json()).toMatchObject({ details: { fields: [{ field: 'capacity', code: 'below_registered' }] } });
    const stale = await call('coachOwn', 'PATCH', `/api/activities/${activity.id}`, {
      version: full.version,
      title: 'Gammal',
    });
    expect(stale.statusCode).toBe(409);
    expect(
      (await call('coachOther', 'PATCH', `/api/activities/${activity.id}`, { version: raised.version })).statusCode,
    ).toBe(403);
  });
});

describe('the list of activities', () => {
  it('filters by when, type, area, organiser, period and text', async () => {
    const marker = `Filtermarkör ${Date.now()}`;
    const inTen = new Date(t.clock.now.getTime() + 10 * day);
    const network = await createActivity('coachOther', {
      type: 'network_meeting',
      title: `${marker} nätverk`,
      areas: ['digitalisation'],
      organisationIds: [fixtures.otherOrganisationId],
      startsAt: inTen.toISOString(),
      endsAt: new Date(inTen.getTime() + 3_600_000).toISOString(),
    });
    const past = await createActivity('coachOwn', {
      title: `${marker} förr`,
      startsAt: new Date(t.clock.now.getTime() - 10 * day).toISOString(),
      endsAt: new Date(t.clock.now.getTime() - 10 * day + 3_600_000).toISOString(),
    });
    const ids = async (query: string, actor: ActorName = 'companyOwn') => {
      const response = await call(actor, 'GET', `/api/activities?q=${encodeURIComponent(marker)}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { items: { id: string }[] }).items.map((i) => i.id);
    };
    expect(await ids('when=upcoming')).toEqual([network.id]);
    expect(await ids('when=past')).toEqual([past.id]);
    expect(await ids('type=network_meeting')).toEqual([network.id]);
    expect(await ids('type=workshop')).toEqual([]);
    expect(await ids('area=digitalisation')).toEqual([network.id]);
    expect(await ids(`organisationId=${fixtures.ownOrganisationId}`)).toEqual([]);
    // The day in Stockholm, as the filter reads it: between 23:00 and 24:00 UTC it is the next day there.
    const tenth = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(inTen);
    expect(await ids(`from=${tenth}&to=${tenth}`, 'coachOwn')).toEqual([network.id]);
    const list = (await call('coachOwn', 'GET', `/api/activities?q=${encodeURIComponent(marker)}`)).json() as {
      items: { organisers: { id: string }[]; areas: string[] }[];
      total: number;
    };
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      organisers: [{ id: fixtures.otherOrganisationId }],
      areas: ['digitalisation'],
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/activities' })).statusCode).toBe(401);
  });
});

describe('demo data', () => {
  it('holds past activities with attendance and an upcoming full workshop with a waiting list', async () => {
    const past = (await call('coachOwn', 'GET', '/api/activities?when=past&pageSize=100')).json() as {
      items: { id: string; registeredCount: number }[];
    };
    expect(past.items.length).toBeGreaterThanOrEqual(6);
    const upcoming = (await call('coachOwn', 'GET', '/api/activities?when=upcoming&pageSize=100')).json() as {
      items: { id: string; capacity: number | null; registeredCount: number; waitlistedCount: number }[];
    };
    const full = upcoming.items.find((a) => a.waitlistedCount > 0)!;
    expect(full).toMatchObject({ capacity: 3, registeredCount: 3, waitlistedCount: 2 });
    const seeded = (await call('coachOwn', 'GET', `/api/activities/${past.items.at(-1)!.id}`)).json() as Activity;
    expect(seeded.counts!.byGender.reduce((sum, row) => sum + row.attended, 0)).toBeGreaterThan(0);
  });
});
