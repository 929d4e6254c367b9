import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../contracts/activities';
import type { CompanyListItem } from '../../../contracts/companies';
import type { Contact } from '../../../contracts/contacts';
import type {
  PublicActivity,
  PublicActivityList,
  PublicSignUpBody,
  SignUpConfirmation,
} from '../../../contracts/public-activities';
import { publicSignUps } from '../../db/schema';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { latestLinkTokenTo, readMailbox } from '../../test/mailbox';
import { fieldsOf, ok, requestsAs, type InjectResponse } from '../../test/requests';
import { fixtures, useTestApp } from '../../test/test-app';
import { deleteStaleSignUps } from './public-activities.service';

// Public activities and their sign-up without an account (issue 15, decision 046), through the
// HTTP layer without a session: only public, future activities and their non-personal fields; a
// sign-up takes no place until its e-mailed link confirms it; then the person is a contact of the
// company (a new prospect when the number is unknown) and an ordinary registration the coach sees;
// the cancel link frees the place; and the interest form's bot hurdles hold here too.

const app = useTestApp();
const call = requestsAs(app);
const day = 86_400_000;
let serial = 0;
let addressCount = 0;
const freshAddress = () => `198.51.100.${(addressCount += 1)}`;
const freshEmail = () => `besokare${(serial += 1)}@publik.example`;

async function createActivity(overrides: Record<string, unknown> = {}): Promise<Activity> {
  const startsAt = new Date(app().clock.now.getTime() + 7 * day);
  const response = await call('coachOwn', 'POST', '/api/activities', {
    type: 'network_meeting',
    title: `Öppet nätverksmöte ${(serial += 1)}`,
    description: 'Om cirkulära affärsmodeller',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
    place: 'Skövde',
    capacity: 2,
    areas: ['circular_business'],
    organisationIds: [fixtures.ownOrganisationId],
    isPublic: true,
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Activity;
}

async function openForm(secondsToFill = 30): Promise<string> {
  const { formToken } = await ok<{ formToken: string }>(
    await app().app.inject({ method: 'GET', url: '/api/public/interest-form' }),
  );
  app().clock.now = new Date(app().clock.now.getTime() + secondsToFill * 1000);
  return formToken;
}

function form(formToken: string, fields: Partial<PublicSignUpBody> = {}): PublicSignUpBody {
  return {
    formToken,
    website: '',
    name: 'Vera Besökare',
    email: freshEmail(),
    companyName: 'Besökande Verkstad AB',
    organisationNumber: freshOrganisationNumber(),
    gender: 'woman',
    hasConsent: true,
    ...fields,
  };
}

function signUp(activityId: string, body: PublicSignUpBody, address = freshAddress()): Promise<InjectResponse> {
  return app().app.inject({
    method: 'POST',
    url: `/api/public/activities/${activityId}/sign-ups`,
    remoteAddress: address,
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

function link(action: 'confirm' | 'cancel', token: string): Promise<InjectResponse> {
  return app().app.inject({ method: 'POST', url: `/api/public/sign-ups/${action}`, payload: { token } });
}

/** Signs up and answers the token of the e-mailed link. */
async function signedUp(
  activityId: string,
  fields: Partial<PublicSignUpBody> = {},
): Promise<{ token: string; body: PublicSignUpBody }> {
  const body = form(await openForm(), fields);
  const response = await signUp(activityId, body);
  expect(response.statusCode, response.body).toBe(202);
  return { token: latestLinkTokenTo(app().mailboxDir, body.email), body };
}

const activityAsCoach = async (id: string) => ok<Activity>(await call('coachOwn', 'GET', `/api/activities/${id}`));

async function companiesNumbered(organisationNumber: string): Promise<CompanyListItem[]> {
  const page = await ok<{ items: CompanyListItem[] }>(
    await call('admin', 'GET', `/api/companies?q=${encodeURIComponent(organisationNumber)}`),
  );
  return page.items.filter((c) => c.organisationNumber === organisationNumber);
}

const contactsOf = async (companyId: string) =>
  (await ok<{ contacts: Contact[] }>(await call('admin', 'GET', `/api/companies/${companyId}`))).contacts;

describe('the public activities', () => {
  it('lists only public activities that have not started, with non-personal fields, for anyone', async () => {
    const shown = await createActivity({ onlineUrl: 'https://mote.example/abc' });
    const hidden = await createActivity({ isPublic: false });
    const list = await ok<PublicActivityList>(await app().app.inject({ method: 'GET', url: '/api/public/activities' }));
    const ids = list.items.map((a) => a.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    const item = list.items.find((a) => a.id === shown.id)!;
    expect(item).toMatchObject({ isOnline: true, placesLeft: 2, areas: ['circular_business'] });
    expect(Object.keys(item).sort()).toEqual(
      [
        'areas',
        'description',
        'endsAt',
        'id',
        'isOnline',
        'organisers',
        'place',
        'placesLeft',
        'startsAt',
        'title',
        'type',
      ].sort(),
    );
    expect(JSON.stringify(list)).not.toContain('mote.example');
    const one = await app().app.inject({ method: 'GET', url: `/api/public/activities/${shown.id}` });
    expect((await ok<PublicActivity>(one)).title).toBe(shown.title);
    const notPublic = await app().app.inject({ method: 'GET', url: `/api/public/activities/${hidden.id}` });
    expect(notPublic.statusCode).toBe(404);
  });

  it('answers 404 for an activity that is not public or has started, to a reading and to a sign-up', async () => {
    const hidden = await createActivity({ isPublic: false });
    const started = await createActivity({
      startsAt: new Date(app().clock.now.getTime() - 3_600_000).toISOString(),
      endsAt: new Date(app().clock.now.getTime() + 3_600_000).toISOString(),
    });
    for (const id of [hidden.id, started.id]) {
      expect((await app().app.inject({ method: 'GET', url: `/api/public/activities/${id}` })).statusCode).toBe(404);
      expect((await signUp(id, form(await openForm()))).statusCode).toBe(404);
    }
  });

  it('lets a coach mark an activity public and take it off again', async () => {
    const activity = await createActivity({ isPublic: false });
    const changed = await call('coachOwn', 'PATCH', `/api/activities/${activity.id}`, {
      version: activity.version,
      isPublic: true,
    });
    expect((await ok<Activity>(changed)).isPublic).toBe(true);
    expect((await app().app.inject({ method: 'GET', url: `/api/public/activities/${activity.id}` })).statusCode).toBe(
      200,
    );
  });
});

describe('a public sign-up', () => {
  it('takes no place until confirmed; the link makes a new prospect with the person as contact and a registration the coach sees', async () => {
    const activity = await createActivity();
    const { token, body } = await signedUp(activity.id);
    const mail = readMailbox(app().mailboxDir)
      .filter((m) => m.to === body.email)
      .at(-1)!;
    expect(mail.subject).toBe(`Bekräfta din anmälan: ${activity.title} – Industry In West`);
    expect(mail.body).toContain(`/programmet/anmalan/bekrafta?token=${token}`);
    expect(mail.body).toContain(`/programmet/anmalan/avanmal?token=${token}`);
    expect((await activityAsCoach(activity.id)).registrations).toEqual([]);
    expect(await companiesNumbered(String(body.organisationNumber))).toEqual([]);

    const confirmed = await ok<SignUpConfirmation>(await link('confirm', token));
    expect(confirmed).toMatchObject({ status: 'registered', waitingListPosition: null, activity: { id: activity.id } });
    const [company] = await companiesNumbered(String(body.organisationNumber));
    expect(company).toMatchObject({ name: 'Besökande Verkstad AB', status: 'prospect' });
    expect(company!.organisationId).toBe(fixtures.ownOrganisationId);
    const [contact] = await contactsOf(company!.id);
    expect(contact).toMatchObject({ name: 'Vera Besökare', email: body.email, gender: 'woman' });
    expect(contact!.consents[0]).toMatchObject({ textVersion: '2026-12' });
    const seen = await activityAsCoach(activity.id);
    expect(seen.registrations).toMatchObject([
      { contactName: 'Vera Besökare', companyName: 'Besökande Verkstad AB', status: 'registered' },
    ]);
    const registered = readMailbox(app().mailboxDir)
      .filter((m) => m.to === body.email)
      .at(-1)!;
    expect(registered.subject).toMatch(/^Anmälan bekräftad/);
    expect(registered.body).toContain(`/programmet/anmalan/avanmal?token=${token}`);
    // The sign-up keeps no personal data once it is a registration.
    const [row] = await app().database.db.select().from(publicSignUps).where(eq(publicSignUps.activityId, activity.id));
    expect(row).toMatchObject({ name: null, email: null, companyName: null, organisationNumber: null });
  });

  it('writes the confirm e-mail in the page’s language', async () => {
    const activity = await createActivity();
    const { body } = await signedUp(activity.id, { locale: 'en' });
    const mail = readMailbox(app().mailboxDir)
      .filter((m) => m.to === body.email)
      .at(-1)!;
    expect(mail.subject).toBe(`Confirm your sign-up: ${activity.title} – Industry In West`);
    expect(mail.body).toContain('within 48 hours');
  });

  it('confirming twice, or twice at once, is harmless: one registration, the same answer', async () => {
    const activity = await createActivity();
    const { token } = await signedUp(activity.id);
    const first = await ok<SignUpConfirmation>(await link('confirm', token));
    const second = await ok<SignUpConfirmation>(await link('confirm', token));
    expect(second).toEqual(first);
    expect((await activityAsCoach(activity.id)).registrations).toHaveLength(1);
    // Two at once, for a new company: one company, one contact, one registration.
    const { token: other, body } = await signedUp(activity.id);
    const both = await Promise.all([link('confirm', other), link('confirm', other)]);
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    const [company, ...more] = await companiesNumbered(String(body.organisationNumber));
    expect(more).toEqual([]);
    expect(await contactsOf(company!.id)).toHaveLength(1);
    expect((await activityAsCoach(activity.id)).registrations).toHaveLength(2);
  });

  it('adds the person once to a known company: the same e-mail twice is one contact', async () => {
    const activity = await createActivity({ capacity: null });
    const other = await createActivity({ capacity: null });
    const contactsBefore = await contactsOf(fixtures.ownCompanyId);
    const company = await ok<{ organisationNumber: string; name: string }>(
      await call('admin', 'GET', `/api/companies/${fixtures.ownCompanyId}`),
    );
    const email = freshEmail();
    const fields = { organisationNumber: company.organisationNumber, email, companyName: 'Annat Namn AB' };
    await link('confirm', (await signedUp(activity.id, fields)).token);
    await link('confirm', (await signedUp(other.id, fields)).token);
    const contactsAfter = await contactsOf(fixtures.ownCompanyId);
    expect(contactsAfter.length - contactsBefore.length).toBe(1);
    expect((await companiesNumbered(company.organisationNumber)).map((c) => c.name)).toEqual([company.name]);
    // Signing up again for the same activity with the same e-mail makes no second registration.
    const again = await ok<SignUpConfirmation>(await link('confirm', (await signedUp(activity.id, fields)).token));
    expect(again.status).toBe('registered');
    expect((await activityAsCoach(activity.id)).registrations).toHaveLength(1);
  });

  it('puts the person on the waiting list when the activity is full, and the cancel link moves the first one up', async () => {
    const activity = await createActivity({ capacity: 1 });
    const first = await signedUp(activity.id);
    const second = await signedUp(activity.id);
    expect((await ok<SignUpConfirmation>(await link('confirm', first.token))).status).toBe('registered');
    const waiting = await ok<SignUpConfirmation>(await link('confirm', second.token));
    expect(waiting).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
    const list = await ok<PublicActivity>(
      await app().app.inject({ method: 'GET', url: `/api/public/activities/${activity.id}` }),
    );
    expect(list.placesLeft).toBe(0);

    expect((await ok<SignUpConfirmation>(await link('cancel', first.token))).status).toBe('cancelled');
    const seen = await activityAsCoach(activity.id);
    expect(seen.registrations.map((r) => r.status).sort()).toEqual(['cancelled', 'registered']);
    expect(
      readMailbox(app().mailboxDir)
        .filter((m) => m.to === second.body.email)
        .at(-1)!.subject,
    ).toMatch(/^Du har fått en plats/);
    // Cancelling twice answers the same; confirming a cancelled sign-up takes nothing.
    expect((await ok<SignUpConfirmation>(await link('cancel', first.token))).status).toBe('cancelled');
    expect((await ok<SignUpConfirmation>(await link('confirm', first.token))).status).toBe('cancelled');
    expect((await activityAsCoach(activity.id)).registeredCount).toBe(1);
  });

  it('cancels a pending sign-up, which then cannot be confirmed', async () => {
    const activity = await createActivity();
    const { token } = await signedUp(activity.id);
    expect((await ok<SignUpConfirmation>(await link('cancel', token))).status).toBe('cancelled');
    expect((await ok<SignUpConfirmation>(await link('confirm', token))).status).toBe('cancelled');
    expect((await activityAsCoach(activity.id)).registrations).toEqual([]);
  });

  it('refuses an expired or unknown link, and the cleanup deletes the expired sign-up', async () => {
    const activity = await createActivity();
    const { token, body } = await signedUp(activity.id);
    const before = app().clock.now;
    app().clock.now = new Date(before.getTime() + 48 * 3_600_000 + 1000);
    // No signed-in call while the clock is ahead: the sessions would expire.
    const expired = await link('confirm', token);
    expect(expired.statusCode).toBe(404);
    expect((await link('confirm', 'not-a-token')).statusCode).toBe(404);
    expect(await deleteStaleSignUps(app().database.db, app().clock.now)).toBeGreaterThanOrEqual(1);
    app().clock.now = before;
    expect((await link('confirm', token)).statusCode).toBe(404);
    expect(await companiesNumbered(String(body.organisationNumber))).toEqual([]);
  });

  it('takes a sign-up with the hidden field filled in, or sent too fast, as any other, and keeps nothing of it', async () => {
    const activity = await createActivity();
    const bot = form(await openForm(), { website: 'https://spam.example' });
    expect((await signUp(activity.id, bot)).statusCode).toBe(202);
    const fast = form(await openForm(1));
    expect((await signUp(activity.id, fast)).statusCode).toBe(202);
    const mailbox = readMailbox(app().mailboxDir);
    expect(mailbox.filter((m) => m.to === bot.email || m.to === fast.email)).toEqual([]);
    const rows = await app().database.db.select().from(publicSignUps).where(eq(publicSignUps.activityId, activity.id));
    expect(rows).toEqual([]);
  });

  it('refuses an eleventh sign-up within the hour from one address', async () => {
    const activity = await createActivity();
    const address = freshAddress();
    const token = await openForm();
    for (let n = 0; n < 10; n += 1) {
      expect((await signUp(activity.id, form(token, { website: 'bot' }), address)).statusCode).toBe(202);
    }
    const refused = await signUp(activity.id, form(token), address);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signUp(activity.id, form(token))).statusCode).toBe(202);
  });

  it('names each field in error', async () => {
    const activity = await createActivity();
    const token = await openForm();
    const cases: { fields: Record<string, unknown>; field: string; code: string }[] = [
      { fields: { organisationNumber: '12345' }, field: 'organisationNumber', code: 'organisation_number_format' },
      { fields: { hasConsent: false }, field: 'hasConsent', code: 'consent_required' },
      { fields: { email: 'inte-en-adress' }, field: 'email', code: 'invalid_format' },
      { fields: { name: '' }, field: 'name', code: 'too_small' },
      { fields: { companyName: '' }, field: 'companyName', code: 'too_small' },
      { fields: { formToken: `${Date.now()}.forged` }, field: 'formToken', code: 'form_expired' },
    ];
    for (const { fields, field, code } of cases) {
      const response = await signUp(activity.id, form(token, fields));
      expect(response.statusCode, JSON.stringify(fields)).toBe(400);
      expect(fieldsOf(response)).toEqual([field]);
      const details = (response.json() as { details: { fields: { code: string }[] } }).details;
      expect(details.fields[0]!.code, JSON.stringify(fields)).toBe(code);
    }
    const rows = await app().database.db.select().from(publicSignUps).where(eq(publicSignUps.activityId, activity.id));
    expect(rows).toEqual([]);
  });
});
