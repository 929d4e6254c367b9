import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '../../../core/calendar';
import { luhnCheckDigit } from '../../../core/organisation-number';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { erasedMessageMarker } from '../../../contracts/outbox';
import { searchDatabase } from '../../test/database-search';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';
import { erasedName } from '../contacts/contacts.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

type CompanyBody = {
  id: string;
  version: number;
  status: string;
  organisationId: string;
  organisationNumber: string;
  sizeClass: string | null;
  warnings: string[];
  reportingAreas: string[];
  statusHistory: { toStatus: string; reason: string | null }[];
  contacts: { id: string; name: string; version: number }[];
  abilities: { canEdit: boolean; nextStatuses: string[] };
};

const call = requestsAs(() => t);

async function register(actor: ActorName, body: Record<string, unknown>) {
  return call(actor, 'POST', '/api/companies', {
    organisationNumber: freshOrganisationNumber(),
    name: 'Testverkstaden AB',
    ...body,
  });
}

function fieldsOf(response: { json: () => unknown }): string[] {
  return ((response.json() as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

describe('registering a company', () => {
  it('refuses a bad organisation number with a message naming the field', async () => {
    const wrongDigit = await register('coachOwn', { organisationNumber: '556036-0794' });
    expect(wrongDigit.statusCode).toBe(400);
    expect(fieldsOf(wrongDigit)).toEqual(['organisationNumber']);
    expect(wrongDigit.body).toContain('check digit');
    const tooShort = await register('coachOwn', { organisationNumber: '55603-0793' });
    expect(tooShort.json()).toMatchObject({
      details: { fields: [{ field: 'organisationNumber', message: expect.stringContaining('ten digits') }] },
    });
  });

  it('refuses a company name that reorders the text around it or shows nothing (decision 033)', async () => {
    const reversed = await register('coachOwn', { name: 'Verkstaden \u202EBA' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'direction_control' }] } });
    const invisible = await register('coachOwn', { name: '\u200B\uFEFF\u200C' });
    expect(invisible.json()).toMatchObject({ details: { fields: [{ field: 'name', code: 'invisible_only' }] } });
  });

  it('reads the twelve-digit forms as the ten-digit number, and refuses a personal number with no real birth date', async () => {
    const legal = freshOrganisationNumber();
    const twelve = await register('coachOwn', { organisationNumber: `16${legal}` });
    expect(twelve.statusCode).toBe(201);
    expect(twelve.json()).toMatchObject({ organisationNumber: legal });
    const soleTrader = await register('coachOwn', { organisationNumber: '19811278-9873', name: 'Samordnade Firman' });
    expect(soleTrader.json()).toMatchObject({ organisationNumber: '811278-9873', isSoleTrader: true });
    // 811318-9875 passes the check digit, but month 13 is no date of birth.
    const noDate = await register('coachOwn', { organisationNumber: '811318-9875' });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json()).toMatchObject({
      details: { fields: [{ field: 'organisationNumber', message: expect.stringContaining('real date of birth') }] },
    });
  });

  it('registers a prospect for the coach’s organisation, derives the SME class and the reporting areas', async () => {
    const response = await register('coachOwn', {
      name: 'Storleksbolaget AB',
      headcount: 12,
      turnoverSek: 30_000_000,
      balanceSheetSek: 20_000_000,
      financialYear: 2024,
      municipalityCode: '1384',
      sniCode: '25620',
    });
    expect(response.statusCode).toBe(201);
    const company = response.json() as CompanyBody;
    expect(company).toMatchObject({
      status: 'prospect',
      organisationId: fixtures.ownOrganisationId,
      sizeClass: 'small',
      warnings: [],
    });
    expect(company.reportingAreas.sort()).toEqual(['goteborgsregionen', 'halland']);
    expect(company.statusHistory.map((s) => s.toStatus)).toEqual(['prospect']);
    const audit = await t.database.db.query.auditEntries.findMany({ where: (a, { eq }) => eq(a.entityId, company.id) });
    expect(audit.map((a) => a.action)).toEqual(['company.register']);
  });

  it('warns about an SNI code outside manufacturing but accepts it', async () => {
    const response = await register('coachOwn', { sniCode: '62.010' });
    expect(response.statusCode).toBe(201);
    expect((response.json() as CompanyBody).warnings).toContain('sni_not_manufacturing');
  });

  it('answers 409 with the holder’s thin view when another organisation already has the number', async () => {
    const number = freshOrganisationNumber();
    expect((await register('coachOther', { organisationNumber: number, name: 'Redan Tagen AB' })).statusCode).toBe(201);
    const duplicate = await register('coachOwn', { organisationNumber: number.replace('-', '') });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({
      code: 'conflict',
      details: {
        existingCompany: {
          name: 'Redan Tagen AB',
          organisationNumber: number,
          organisationId: fixtures.otherOrganisationId,
          isOwn: false,
        },
      },
    });
    expect(duplicate.body).not.toContain('streetAddress');
  });

  it('masks a sole trader’s personal identity number for other organisations', async () => {
    const nine = '811218987';
    const personal = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const created = await register('coachOwn', { organisationNumber: personal, name: 'Enskilda Firman' });
    expect(created.json()).toMatchObject({
      organisationNumber: personal,
      isSoleTrader: true,
      warnings: expect.arrayContaining(['sole_trader_personal_number']),
    });
    const lookup = await call('coachOther', 'GET', '/api/companies/lookup?q=Enskilda');
    expect(lookup.json()).toMatchObject({ items: [{ name: 'Enskilda Firman', organisationNumber: '811218-****' }] });
    expect(lookup.body).not.toContain(personal);
  });

  it('does not let a search match the hidden digits of a sole trader’s number for those who see it masked', async () => {
    const nine = '760423615';
    const personal = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const hidden = personal.slice(7);
    const created = (
      await register('coachOwn', { organisationNumber: personal, name: 'Dolda Siffrors Firma' })
    ).json() as CompanyBody;
    const idsFound = async (actor: ActorName, url: string, text: string) =>
      (
        (await call(actor, 'GET', `${url}?q=${encodeURIComponent(text)}`)).json() as { items: { id: string }[] }
      ).items.map((item) => item.id);

    // The hidden digits alone, across the dash, or the whole number (an exact match would confirm it).
    for (const text of [hidden, `23-${hidden.slice(0, 2)}`, personal, personal.replace('-', ''), `0423${hidden}`]) {
      expect(await idsFound('coachOther', '/api/companies/lookup', text), text).not.toContain(created.id);
    }
    // The visible birth date and the name still find it, masked.
    expect(await idsFound('coachOther', '/api/companies/lookup', '760423')).toContain(created.id);
    expect(await idsFound('coachOther', '/api/companies/lookup', 'Dolda Siffrors')).toContain(created.id);

    // Those who see the full number find it by any of its digits.
    for (const actor of ['coachOwn', 'admin'] as const) {
      expect(await idsFound(actor, '/api/companies/lookup', hidden), actor).toContain(created.id);
      expect(await idsFound(actor, '/api/companies/lookup', personal), actor).toContain(created.id);
      expect(await idsFound(actor, '/api/companies', hidden), actor).toContain(created.id);
    }
  });
});

describe('thin view and hand-over', () => {
  it('shows a coach of another organisation only the thin view, and moves the company when an admin approves a hand-over', async () => {
    const created = (
      await register('coachOwn', { name: 'Flyttbara Verken AB', city: 'Skövde', streetAddress: 'Hemliga gatan 1' })
    ).json() as CompanyBody;
    expect((await call('coachOther', 'GET', `/api/companies/${created.id}`)).statusCode).toBe(404);
    const lookup = await call(
      'coachOther',
      'GET',
      `/api/companies/lookup?q=${encodeURIComponent(created.organisationNumber)}`,
    );
    expect(lookup.json()).toEqual({
      items: [
        {
          id: created.id,
          name: 'Flyttbara Verken AB',
          organisationNumber: created.organisationNumber,
          organisationId: fixtures.ownOrganisationId,
          organisationName: 'IDC West Sweden',
          status: 'prospect',
          isOwn: false,
          hasPendingHandover: false,
        },
      ],
    });
    expect(lookup.body).not.toContain('Hemliga');

    const requested = await call('coachOther', 'POST', `/api/companies/${created.id}/handover-requests`, {
      reason: 'Företaget har flyttat till Uddevalla',
    });
    expect(requested.statusCode).toBe(201);
    const handover = requested.json() as { id: string; version: number; status: string };
    expect(handover.status).toBe('pending');
    expect(
      (await call('coachOther', 'POST', `/api/companies/${created.id}/handover-requests`, { reason: 'Igen' }))
        .statusCode,
    ).toBe(422);

    const coachList = (await call('coachOwn', 'GET', '/api/handover-requests?status=pending')).json() as {
      items: { id: string }[];
    };
    expect(coachList.items.map((h) => h.id)).toContain(handover.id);

    const decided = await call('admin', 'POST', `/api/handover-requests/${handover.id}/decision`, {
      version: handover.version,
      decision: 'approve',
      note: 'Godkänt',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'approved' });
    expect((await call('coachOther', 'GET', `/api/companies/${created.id}`)).json()).toMatchObject({
      organisationId: fixtures.otherOrganisationId,
    });
    expect((await call('coachOwn', 'GET', `/api/companies/${created.id}`)).statusCode).toBe(404);
    const again = await call('admin', 'POST', `/api/handover-requests/${handover.id}/decision`, {
      version: handover.version + 1,
      decision: 'refuse',
    });
    expect(again.statusCode).toBe(422);
  });
});

describe('status', () => {
  it('moves a company forward, keeps the history, needs a reason to withdraw and refuses a skipped step', async () => {
    const today = calendarDate(t.clock.now);
    let company = (await register('coachOwn', { name: 'Statusbolaget AB' })).json() as CompanyBody;
    expect(company.abilities.nextStatuses).toEqual(['enrolled', 'withdrawn']);
    const skip = await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
      version: company.version,
      status: 'completed',
      changedOn: today,
    });
    expect(skip.statusCode).toBe(400);
    expect(fieldsOf(skip)).toEqual(['status']);
    company = (
      await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
        version: company.version,
        status: 'enrolled',
        changedOn: today,
      })
    ).json() as CompanyBody;
    expect(company.status).toBe('enrolled');
    const noReason = await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
      version: company.version,
      status: 'withdrawn',
      changedOn: today,
    });
    expect(fieldsOf(noReason)).toEqual(['reason']);
    const stale = await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
      version: company.version - 1,
      status: 'active',
      changedOn: today,
    });
    expect(stale.statusCode).toBe(409);
    company = (
      await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
        version: company.version,
        status: 'withdrawn',
        changedOn: today,
        reason: 'Ny ägare',
      })
    ).json() as CompanyBody;
    expect(company.statusHistory.map((s) => s.toStatus)).toEqual(['withdrawn', 'enrolled', 'prospect']);
    expect(company.statusHistory[0]!.reason).toBe('Ny ägare');
    const backDated = await call('coachOwn', 'POST', `/api/companies/${company.id}/status`, {
      version: company.version,
      status: 'prospect',
      changedOn: '2020-01-01',
    });
    expect(fieldsOf(backDated)).toEqual(['changedOn']);
  });

  it('lets a company user read their company but not change it', async () => {
    const own = await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`);
    expect(own.statusCode).toBe(200);
    expect((own.json() as CompanyBody).abilities).toMatchObject({ canEdit: false, nextStatuses: [] });
    const body = own.json() as CompanyBody;
    expect(
      (
        await call('companyOwn', 'PATCH', `/api/companies/${fixtures.ownCompanyId}`, {
          version: body.version,
          city: 'X',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the company list', () => {
  it('filters by reporting area through the municipality (Kungsbacka is in Halland and Göteborgsregionen)', async () => {
    const created = (
      await register('admin', {
        name: 'Kungsbackabolaget AB',
        municipalityCode: '1384',
        organisationId: fixtures.ownOrganisationId,
      })
    ).json() as CompanyBody;
    for (const area of ['halland', 'goteborgsregionen']) {
      const list = (await call('admin', 'GET', `/api/companies?reportingArea=${area}&pageSize=100`)).json() as {
        items: { id: string }[];
      };
      expect(list.items.map((c) => c.id)).toContain(created.id);
    }
    const fyrbodal = (await call('admin', 'GET', '/api/companies?reportingArea=fyrbodal&pageSize=100')).json() as {
      items: { id: string; municipalityCode: string }[];
    };
    expect(fyrbodal.items.map((c) => c.id)).not.toContain(created.id);
    expect(fyrbodal.items.length).toBeGreaterThan(0);
  });

  it('filters by status, size class and SNI division, sorts and pages with a total', async () => {
    const all = (await call('admin', 'GET', '/api/companies?pageSize=100')).json() as {
      total: number;
      items: { status: string; sizeClass: string | null; sniCode: string | null; name: string }[];
    };
    const active = (await call('admin', 'GET', '/api/companies?status=active&pageSize=100')).json() as typeof all;
    expect(active.total).toBe(all.items.filter((c) => c.status === 'active').length);
    const small = (await call('admin', 'GET', '/api/companies?sizeClass=small&pageSize=100')).json() as typeof all;
    expect(small.items.every((c) => c.sizeClass === 'small')).toBe(true);
    const division = (await call('admin', 'GET', '/api/companies?sniDivision=25&pageSize=100')).json() as typeof all;
    expect(division.items.length).toBeGreaterThan(0);
    expect(division.items.every((c) => c.sniCode?.startsWith('25'))).toBe(true);
    const desc = (
      await call('admin', 'GET', '/api/companies?sort=name&order=desc&pageSize=5&page=2')
    ).json() as typeof all;
    expect(desc.items).toHaveLength(5);
    const names = desc.items.map((c) => c.name.toLowerCase());
    expect([...names].sort().reverse()).toEqual(names);
  });

  it('gives a coach only their organisation’s companies and a company user only their own', async () => {
    const coach = (await call('coachOwn', 'GET', '/api/companies?pageSize=100')).json() as {
      items: { organisationId: string }[];
    };
    expect(coach.items.every((c) => c.organisationId === fixtures.ownOrganisationId)).toBe(true);
    const company = (await call('companyOwn', 'GET', '/api/companies?pageSize=100')).json() as {
      items: { id: string }[];
      total: number;
    };
    expect(company.total).toBe(1);
    expect(company.items[0]!.id).toBe(fixtures.ownCompanyId);
  });

  it('finds a company by its number with or without the dash', async () => {
    const created = (await register('coachOwn', { name: 'Nummersökt AB' })).json() as CompanyBody;
    for (const q of [created.organisationNumber, created.organisationNumber.replace('-', '')]) {
      const list = (await call('coachOwn', 'GET', `/api/companies?q=${encodeURIComponent(q)}`)).json() as {
        items: { id: string }[];
      };
      expect(list.items.map((c) => c.id)).toEqual([created.id]);
    }
  });
});

describe('contacts', () => {
  it('adds two contacts with consent, exports a person’s data, and erases it everywhere but the gender', async () => {
    const company = (await register('coachOwn', { name: 'Kontaktbolaget AB' })).json() as CompanyBody;
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
    const detail = (await call('coachOwn', 'GET', `/api/companies/${company.id}`)).json() as CompanyBody;
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
    const dump = await t.database.db.execute(sql`
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
    const company = (await register('coachOwn', { name: 'Raderingsprovet AB' })).json() as CompanyBody;
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/contacts`,
      headers: { cookie: await t.login('coachOwn'), 'idempotency-key': 'radera-kontakt-1' },
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
    const startsAt = new Date(t.clock.now.getTime() + 7 * 86_400_000);
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
    const registered = await t.app.inject({
      method: 'POST',
      url: `/api/activities/${(activity.json() as { id: string }).id}/registrations`,
      headers: { cookie: await t.login('coachOwn'), 'idempotency-key': 'radera-anmalan-1' },
      payload: { contactIds: [contact.id] },
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const registration = (
      registered.json() as { registrations: { id: string; contactId: string }[] }
    ).registrations.find((r) => r.contactId === contact.id)!;
    const cancelled = await call('coachOwn', 'POST', `/api/registrations/${registration.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);

    // The person owns an action of the plan.
    const action = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/actions`,
      headers: { cookie: await t.login('coachOwn'), 'idempotency-key': 'radera-atgard-1' },
      payload: { area: 'energy_transition', title: 'Byt belysning', ownerContactId: contact.id },
    });
    expect(action.statusCode, action.body).toBe(201);

    const needles = [nameMarker, emailMarker, 'raderamig', '070-999 88 77'];
    expect((await searchDatabase(t.database.db, needles)).length).toBeGreaterThan(0);

    const erased = await call('coachOwn', 'POST', `/api/contacts/${contact.id}/erase`, {});
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await searchDatabase(t.database.db, needles)).toEqual([]);

    // What is not personal stays: the mails were sent (when, what about), the action has its owner's
    // place, and a retry of a stored answer that named the person is refused, not redone.
    const outbox = (await call('admin', 'GET', '/api/outbox?pageSize=100')).json() as {
      items: { recipient: string; subject: string; body: string; attachments: unknown[] }[];
    };
    const toThem = outbox.items.filter((m) => m.recipient === erasedName);
    expect(toThem.map((m) => m.subject.split(':')[0]).sort()).toEqual(['Anmälan bekräftad', 'Avanmälan bekräftad']);
    expect(toThem.every((m) => m.attachments.length === 0 && m.body === erasedMessageMarker)).toBe(true);
    const retry = await t.app.inject({
      method: 'POST',
      url: `/api/companies/${company.id}/contacts`,
      headers: { cookie: await t.login('coachOwn'), 'idempotency-key': 'radera-kontakt-1' },
      payload: { name: nameMarker, email: emailMarker, phone: '070-999 88 77', role: 'Inköpare', gender: 'man' },
    });
    expect(retry.statusCode).toBe(409);
  });
});

describe('concurrent registration', () => {
  it('answers one of two simultaneous registrations of the same number with 201 and the other with 409', async () => {
    const number = freshOrganisationNumber();
    const [a, b] = await Promise.all([
      register('coachOwn', { organisationNumber: number, name: 'Samtidig A AB' }),
      register('admin', {
        organisationNumber: number,
        name: 'Samtidig B AB',
        organisationId: fixtures.ownOrganisationId,
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const list = (await call('admin', 'GET', `/api/companies?q=${number}`)).json() as { total: number };
    expect(list.total).toBe(1);
  });
});

describe('hand-over decisions', () => {
  it('refuses the other pending requests when one is approved, and masks a sole trader’s number for the asking coach', async () => {
    const nine = '790314512';
    const personal = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const company = (
      await register('coachOwn', { organisationNumber: personal, name: 'Enskild Överlämning' })
    ).json() as CompanyBody;
    const asked = (
      await call('coachOther', 'POST', `/api/companies/${company.id}/handover-requests`, { reason: 'Flyttat' })
    ).json() as { id: string; version: number; organisationNumber: string };
    expect(asked.organisationNumber).toBe('790314-****');
    const gtc = {
      kind: 'user',
      role: 'coach',
      userId: '00000000-0000-4000-8000-000000000305',
      organisationId: '00000000-0000-4000-8000-000000000104',
    } as const;
    const { requestHandover } = await import('../handovers/handovers.service');
    const second = await requestHandover(t.ctx, gtc, company.id, 'Vi också');
    const approved = await call('admin', 'POST', `/api/handover-requests/${asked.id}/decision`, {
      version: asked.version,
      decision: 'approve',
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const list = (await call('admin', 'GET', '/api/handover-requests?pageSize=100')).json() as {
      items: { id: string; status: string; organisationNumber: string }[];
    };
    expect(list.items.find((h) => h.id === second.id)?.status).toBe('refused');
    const holder = (await call('coachOther', 'GET', '/api/handover-requests?pageSize=100')).json() as {
      items: { id: string; organisationNumber: string }[];
    };
    expect(holder.items.find((h) => h.id === asked.id)?.organisationNumber).toBe(personal);
  });
});

describe('consent withdrawal', () => {
  it('records the withdrawal once, keeps the consent on record, and refuses a consent of another contact', async () => {
    const company = (await register('coachOwn', { name: 'Samtyckesbolaget AB' })).json() as CompanyBody;
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
    const audit = await t.database.db.query.auditEntries.findMany({
      where: (a, { eq, and }) => and(eq(a.entityId, withConsent.id), eq(a.action, 'contact.withdraw_consent')),
    });
    expect(audit).toHaveLength(1);
  });
});
