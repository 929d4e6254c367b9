import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Company } from '../../../contracts/companies';
import { calendarDate } from '../../../core/calendar';
import { luhnCheckDigit } from '../../../core/organisation-number';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { fieldsOf, requestsAs } from '../../test/requests';
import { createCompany } from '../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);

async function register(actor: ActorName, body: Record<string, unknown>) {
  return call(actor, 'POST', '/api/companies', {
    organisationNumber: freshOrganisationNumber(),
    name: 'Testverkstaden AB',
    ...body,
  });
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
    const company = response.json() as Company;
    expect(company).toMatchObject({
      status: 'prospect',
      organisationId: fixtures.ownOrganisationId,
      sizeClass: 'small',
      warnings: [],
      sniDivision: '25',
      // With the company, in both languages, so that its page shows it without waiting for a list.
      sniDivisionName: {
        sv: 'Tillverkning av metallvaror utom maskiner och apparater',
        en: 'Manufacture of fabricated metal products, except machinery and equipment',
      },
    });
    expect(company.reportingAreas.sort()).toEqual(['goteborgsregionen', 'halland']);
    expect(company.statusHistory.map((s) => s.toStatus)).toEqual(['prospect']);
    const audit = await t.database.db.query.auditEntries.findMany({ where: (a, { eq }) => eq(a.entityId, company.id) });
    expect(audit.map((a) => a.action)).toEqual(['company.register']);
  });

  it('warns about an SNI code outside manufacturing but accepts it', async () => {
    const response = await register('coachOwn', { sniCode: '62.010' });
    expect(response.statusCode).toBe(201);
    expect((response.json() as Company).warnings).toContain('sni_not_manufacturing');
    // The list names the manufacturing divisions only (content/sni-2007.json).
    expect((response.json() as Company).sniDivisionName).toBeNull();
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
    const created = await createCompany(call, 'coachOwn', {
      organisationNumber: personal,
      name: 'Dolda Siffrors Firma',
    });
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

describe('status', () => {
  it('moves a company forward, keeps the history, needs a reason to withdraw and refuses a skipped step', async () => {
    const today = calendarDate(t.clock.now);
    let company = await createCompany(call, 'coachOwn', { name: 'Statusbolaget AB' });
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
    ).json() as Company;
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
    ).json() as Company;
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
    expect((own.json() as Company).abilities).toMatchObject({ canEdit: false, nextStatuses: [] });
    const body = own.json() as Company;
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
    const created = await createCompany(call, 'admin', {
      name: 'Kungsbackabolaget AB',
      municipalityCode: '1384',
      organisationId: fixtures.ownOrganisationId,
    });
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
    const created = await createCompany(call, 'coachOwn', { name: 'Nummersökt AB' });
    for (const q of [created.organisationNumber, created.organisationNumber.replace('-', '')]) {
      const list = (await call('coachOwn', 'GET', `/api/companies?q=${encodeURIComponent(q)}`)).json() as {
        items: { id: string }[];
      };
      expect(list.items.map((c) => c.id)).toEqual([created.id]);
    }
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
