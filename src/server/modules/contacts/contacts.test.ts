import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Company } from '../../../contracts/companies';
import { erasedMessageMarker } from '../../../contracts/outbox';
import { searchDatabase } from '../../test/database-search';
import { createCompany } from '../../test/factories';
import { fieldsOf, requestsAs } from '../../test/requests';
import { fixtures, useTestApp } from '../../test/test-app';
import { erasedName } from './contacts.service';

// A company's contact persons: consent, export and erasure (decision 012; S15).

const app = useTestApp();
const call = requestsAs(app);

describe('contacts', () => {
  it('adds two contacts with consent, exports a person’s data, and erases it everywhere but the gender', async () => {
    const company = await createCompany(call, 'coachOwn', { name: 'Kontaktbolaget AB' });
    const marker = 'Markör-Sigrid-7731';
    const first = await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
      name: marker,
      email: 'sigrid.markor@kontaktbolaget.example',
      phone: '070-123 45 67',
      role: 'VD',
      gender: 'woman',
      consent: {
        purpose: 'Utskick om programmets aktiviteter',
        textVersion: '2026-01',
        givenOn: '2026-11-01T10:00:00+01:00',
      },
    });
    expect(first.statusCode).toBe(201);
    const second = await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
      name: 'Olof Tvåsson',
      gender: 'man',
    });
    expect(second.statusCode).toBe(201);
    const badEmail = await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
      name: 'Fel Adress',
      email: 'inte-en-adress',
      gender: 'man',
    });
    expect(fieldsOf(badEmail)).toEqual(['email']);
    // Zero-width characters alone are no name (decision 033), nor is a name that reorders the text.
    const invisibleName = await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
      name: '\u200B\u200B',
      gender: 'man',
    });
    expect(invisibleName.statusCode).toBe(400);
    expect(invisibleName.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'invisible_only' }] } });
    const reversedName = await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
      name: 'Olof \u202ETvåsson',
      gender: 'man',
    });
    expect(reversedName.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'direction_control' }] } });

    const contact = first.json() as { id: string; version: number; consents: unknown[] };
    expect(contact.consents).toHaveLength(1);
    const detail = (await call('coachOwn', 'GET', `/api/companies/${company.id}`)).json() as Company;
    expect(detail.contacts.map((c) => c.name).sort()).toEqual([marker, 'Olof Tvåsson'].sort());

    const exported = await call('coachOwn', 'GET', `/api/contacts/${contact.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toContain(marker);
    expect(exported.body).toContain('sigrid.markor@kontaktbolaget.example');
    expect(exported.body).toContain('070-123 45 67');
    expect(exported.body).toContain('Utskick om programmets aktiviteter');

    const stale = await call('coachOwn', 'PATCH', `/api/contacts/${contact.id}`, {
      version: contact.version + 5,
      role: 'Ägare',
    });
    expect(stale.statusCode).toBe(409);

    const erased = await call('coachOwn', 'POST', `/api/contacts/${contact.id}/erase`, {});
    expect(erased.json()).toMatchObject({
      isErased: true,
      name: 'Raderad person',
      email: null,
      phone: null,
      role: null,
      gender: 'woman',
      consents: [],
    });

    // S15: no trace of the person's data anywhere in the database.
    const dump = await app().database.db.execute(sql`
      select (select coalesce(string_agg(t::text, '|'), '') from contacts t) ||
             (select coalesce(string_agg(t::text, '|'), '') from consents t) ||
             (select coalesce(string_agg(t::text, '|'), '') from audit_entries t) as everything`);
    const text = JSON.stringify(dump);
    expect(text).not.toContain(marker);
    expect(text).not.toContain('sigrid.markor');
    expect(text).not.toContain('070-123 45 67');
  });
});

describe('erasing a person reaches every stored copy (issue 14, finding 3; S15)', () => {
  it('leaves no trace of the name, the e-mail address or the mails to them in any table', async () => {
    // Unique markers in the name and the address, searched for in every text and JSON column of
    // every table afterwards, so a copy in a table nobody thought of is found too.
    const nameMarker = 'Raderamig Xq7Kv';
    const emailMarker = 'raderamig.xq7kv@kontakt.example';
    const company = await createCompany(call, 'coachOwn', { name: 'Raderingsprovet AB' });
    const created = await app().app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/contacts`,
      headers: { cookie: await app().login('coachOwn'), 'idempotency-key': 'radera-kontakt-1' },
      payload: { name: nameMarker, email: emailMarker, phone: '070-999 88 77', role: 'Inköpare', gender: 'man' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const contact = created.json() as { id: string; version: number };
    const renamed = await call('coachOwn', 'PATCH', `/api/contacts/${contact.id}`, {
      version: contact.version,
      name: `${nameMarker} Andra`,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const consent = await call('coachOwn', 'POST', `/api/contacts/${contact.id}/consents`, {
      purpose: `Utskick till ${nameMarker}`,
      textVersion: '2026-01',
      givenOn: '2026-11-01T10:00:00+01:00',
    });
    expect(consent.statusCode, consent.body).toBe(201);

    // An activity: the registration mails them a confirmation with a calendar file naming them,
    // and the cancellation another; both answers are stored under their keys.
    const startsAt = new Date(app().clock.now.getTime() + 7 * 86_400_000);
    const activity = await call('coachOwn', 'POST', '/api/activities', {
      type: 'workshop',
      title: 'Raderingsworkshop',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      place: 'Borås',
      capacity: 10,
      costPerParticipantSek: 0,
      areas: ['energy_transition'],
      organisationIds: [fixtures.ownOrganisationId],
    });
    expect(activity.statusCode, activity.body).toBe(201);
    const registered = await app().app.inject({
      method: 'POST',
      url: `/api/activities/${(activity.json() as { id: string }).id}/registrations`,
      headers: { cookie: await app().login('coachOwn'), 'idempotency-key': 'radera-anmalan-1' },
      payload: { contactIds: [contact.id] },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const registration = (
      registered.json() as { registrations: { id: string; contactId: string }[] }
    ).registrations.find((r) => r.contactId === contact.id)!;
    const cancelled = await call('coachOwn', 'POST', `/api/registrations/${registration.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    // The person owns an action of the plan.
    const action = await app().app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/actions`,
      headers: { cookie: await app().login('coachOwn'), 'idempotency-key': 'radera-atgard-1' },
      payload: { area: 'energy_transition', title: 'Byt belysning', ownerContactId: contact.id },
    });
    expect(action.statusCode, action.body).toBe(201);

    const needles = [nameMarker, emailMarker, 'raderamig', '070-999 88 77'];
    expect((await searchDatabase(app().database.db, needles)).length).toBeGreaterThan(0);

    const erased = await call('coachOwn', 'POST', `/api/contacts/${contact.id}/erase`, {});
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await searchDatabase(app().database.db, needles)).toEqual([]);

    // What is not personal stays: the mails were sent (when, what about), the action has its owner's
    // place, and a retry of a stored answer that named the person is refused, not redone.
    const outbox = (await call('admin', 'GET', '/api/outbox?pageSize=100')).json() as {
      items: { recipient: string; subject: string; body: string; attachments: unknown[] }[];
    };
    const toThem = outbox.items.filter((m) => m.recipient === erasedName);
    expect(toThem.map((m) => m.subject.split(':')[0]).sort()).toEqual(['Anmälan bekräftad', 'Avanmälan bekräftad']);
    expect(toThem.every((m) => m.attachments.length === 0 && m.body === erasedMessageMarker)).toBe(true);
    const retry = await app().app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/contacts`,
      headers: { cookie: await app().login('coachOwn'), 'idempotency-key': 'radera-kontakt-1' },
      payload: { name: nameMarker, email: emailMarker, phone: '070-999 88 77', role: 'Inköpare', gender: 'man' },
    });
    expect(retry.statusCode).toBe(409);
  });
});

describe('consent withdrawal', () => {
  it('records the withdrawal once, keeps the consent on record, and refuses a consent of another contact', async () => {
    const company = await createCompany(call, 'coachOwn', { name: 'Samtyckesbolaget AB' });
    const withConsent = (
      await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, {
        name: 'Vera Samtycke',
        gender: 'woman',
        consent: { purpose: 'Nyhetsbrev', textVersion: '2026-01', givenOn: '2026-10-01T09:00:00+02:00' },
      })
    ).json() as { id: string; consents: { id: string; withdrawnOn: string | null }[] };
    const other = (
      await call('coachOwn', 'POST', `/api/companies/${company.id}/contacts`, { name: 'Utan Samtycke', gender: 'man' })
    ).json() as { id: string };
    const consentId = withConsent.consents[0]!.id;
    const first = await call('coachOwn', 'POST', `/api/contacts/${withConsent.id}/consents/${consentId}/withdraw`, {});
    expect(first.statusCode).toBe(200);
    const withdrawnOn = (first.json() as { consents: { withdrawnOn: string | null }[] }).consents[0]!.withdrawnOn;
    expect(withdrawnOn).not.toBeNull();
    const again = await call('coachOwn', 'POST', `/api/contacts/${withConsent.id}/consents/${consentId}/withdraw`, {});
    expect((again.json() as { consents: { withdrawnOn: string | null }[] }).consents[0]!.withdrawnOn).toBe(withdrawnOn);
    expect(
      (await call('coachOwn', 'POST', `/api/contacts/${other.id}/consents/${consentId}/withdraw`, {})).statusCode,
    ).toBe(404);
    const audit = await app().database.db.query.auditEntries.findMany({
      where: (a, { eq, and }) => and(eq(a.entityId, withConsent.id), eq(a.action, 'contact.withdraw_consent')),
    });
    expect(audit).toHaveLength(1);
  });
});
