import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '../../db/schema';
import { freshOrganisationNumber } from '../../test/access-matrix';
import { pdfText } from '../../test/pdf-text';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

// The ceiling through the API on a real engine (issue 13, Bars): both sides of the three-year
// boundary, linked companies as one undertaking, declared earlier aid, EUR by the grant's month,
// the 80 % warning and the refusal with its figures. Every figure is counted by hand in a comment.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
  // The valuation: IDC's hours at 1 000 kr in 2026. EUR rates: 10 SEK in most months (1 EUR =
  // 10 kr, easy to count), 11.5 in September 2026; October 2026 has none.
  await ok('admin', 'POST', '/api/hourly-rates', {
    organisationId: fixtures.ownOrganisationId,
    year: 2026,
    rateSek: 1_000,
    decidedOn: '2025-12-15',
  });
  for (const month of ['2023-11', '2025-06', '2026-11', '2024-03']) {
    await ok('admin', 'POST', '/api/eur-rates', { month, sekPerEur: '10', source: 'Testkurs' });
  }
  await ok('admin', 'POST', '/api/eur-rates', { month: '2026-09', sekPerEur: '11.5', source: 'Testkurs' });
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);

async function ok<T = Record<string, unknown>>(
  actor: ActorName,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  payload?: unknown,
) {
  const response = await call(actor, method, url, payload);
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json() as T;
}

/** A fresh company of the own organisation (IDC) with the own coach as its coach. */
async function newCompany(name: string): Promise<string> {
  const company = await ok<{ id: string }>('admin', 'POST', '/api/companies', {
    organisationNumber: freshOrganisationNumber(),
    name,
    organisationId: fixtures.ownOrganisationId,
    coachId: fixtures.ownCoachId,
  });
  return company.id;
}

async function declareNone(companyId: string, signedOn = '2026-11-01') {
  return ok('coachOwn', 'POST', `/api/companies/${companyId}/state-aid-declarations`, {
    hasEarlierAid: false,
    signedOn,
    signerName: 'Vera Firmatecknare',
  });
}

type Refusal = { code: string; details: { stateAid: Record<string, unknown> } };
type Created = {
  grant: { id: string; valueOre: number; valueCents: number; isCurrent: boolean; sekPerEur: string };
  valuation: { ceiling: Record<string, unknown> | null };
};

function grant(companyId: string, body: Record<string, unknown>) {
  return call('coachOwn', 'POST', `/api/companies/${companyId}/state-aid-grants`, body);
}

describe('valuation and conversion', () => {
  it('values hours at the organisation’s rate and converts by the grant month’s rate', async () => {
    const companyId = await newCompany('Konverteringen AB');
    await declareNone(companyId, '2026-09-01');
    // 10 h × 1 000 kr = 10 000 kr = 1 000 000 öre; at 11.5: 1 000 000 × 10 000 / 115 000 = 86 956,52… → 86 957 cents.
    const september = await grant(companyId, { grantedOn: '2026-09-10', plannedHours: 10 });
    expect(september.statusCode, september.body).toBe(201);
    expect((september.json() as Created).grant).toMatchObject({
      valueOre: 1_000_000,
      valueCents: 86_957,
      sekPerEur: '11.5000',
    });
    // The same hours in November at 10: exactly EUR 1 000.
    const november = (await grant(companyId, { grantedOn: '2026-11-10', plannedHours: 10 })).json() as Created;
    expect(november.grant).toMatchObject({ valueOre: 1_000_000, valueCents: 100_000 });
  });

  it('prices places at activities at their cost per participant', async () => {
    const companyId = await newCompany('Platsvärdet AB');
    await declareNone(companyId);
    const activity = await ok<{ id: string }>('admin', 'POST', '/api/activities', {
      type: 'training',
      title: 'Utbildning i energikartläggning',
      startsAt: '2026-12-01T08:00:00Z',
      endsAt: '2026-12-01T15:00:00Z',
      organisationIds: [fixtures.ownOrganisationId],
      costPerParticipantSek: 2_500,
    });
    const response = await grant(companyId, {
      grantedOn: '2026-11-20',
      plannedHours: 2.5,
      plannedActivities: [{ activityId: activity.id, participants: 3 }],
    });
    expect(response.statusCode, response.body).toBe(201);
    // 2,5 h × 1 000 = 2 500 kr; 3 × 2 500 = 7 500 kr; 10 000 kr in all = EUR 1 000.
    expect((response.json() as Created).grant).toMatchObject({ valueOre: 1_000_000, valueCents: 100_000 });
  });

  it('refuses a grant in a month without an EUR rate and names the month', async () => {
    const companyId = await newCompany('Kurslösa AB');
    await declareNone(companyId, '2026-10-01');
    const response = await grant(companyId, { grantedOn: '2026-10-15', plannedHours: 1 });
    expect(response.statusCode).toBe(422);
    expect((response.json() as Refusal).details.stateAid).toMatchObject({
      reason: 'eur_rate_missing',
      months: ['2026-10'],
    });
  });

  it('refuses hours without the organisation’s rate for the year, naming both', async () => {
    const companyId = await newCompany('Timprislösa AB');
    await declareNone(companyId, '2025-06-01');
    const response = await grant(companyId, { grantedOn: '2025-06-10', plannedHours: 1 });
    expect(response.statusCode).toBe(422);
    expect((response.json() as Refusal).details.stateAid).toMatchObject({ reason: 'hourly_rate_missing', year: 2025 });
  });
});

describe('declarations', () => {
  it('refuses a grant without a declaration, and with a company user’s until a coach confirms it', async () => {
    const companyId = fixtures.ownCompanyId;
    const none = await grant(companyId, { grantedOn: '2026-11-20', plannedHours: 1 });
    expect(none.statusCode).toBe(422);
    expect((none.json() as Refusal).details.stateAid.reason).toBe('declaration_none');

    const declared = await call('companyOwn', 'POST', `/api/companies/${companyId}/state-aid-declarations`, {
      hasEarlierAid: true,
      aids: [
        {
          grantingBody: 'Tillväxtverket',
          amountOre: 5_000_000,
          decidedOn: '2025-06-01',
          paidAmountOre: 5_000_000,
          paidOn: '2025-07-01',
        },
      ],
      signedOn: '2026-11-15',
      signerName: 'Frida Företagsdotter',
    });
    expect(declared.statusCode, declared.body).toBe(201);
    const declaration = declared.json() as { id: string; version: number; isConfirmed: boolean; state: string };
    expect(declaration).toMatchObject({ isConfirmed: false, state: 'awaiting_confirmation' });

    const waiting = await grant(companyId, { grantedOn: '2026-11-20', plannedHours: 1 });
    expect((waiting.json() as Refusal).details.stateAid.reason).toBe('declaration_awaiting_confirmation');

    // The company user cannot confirm their own declaration; another company's user does not see it.
    expect(
      (await call('companyOwn', 'POST', `/api/state-aid-declarations/${declaration.id}/confirm`, { version: 1 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('companyOther', 'POST', `/api/state-aid-declarations/${declaration.id}/confirm`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await call('coachOther', 'POST', `/api/state-aid-declarations/${declaration.id}/confirm`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    const confirmed = await ok('coachOwn', 'POST', `/api/state-aid-declarations/${declaration.id}/confirm`, {
      version: declaration.version,
    });
    expect(confirmed).toMatchObject({ isConfirmed: true, state: 'valid', confirmedByName: 'Bertil Exempelsson' });
    expect((await grant(companyId, { grantedOn: '2026-11-20', plannedHours: 1 })).statusCode).toBe(201);

    // The company user reads the company's aid and declarations; another company's user gets 404.
    const own = await ok<{ declarations: unknown[]; grants: unknown[] }>(
      'companyOwn',
      'GET',
      `/api/companies/${companyId}/state-aid`,
    );
    expect(own.declarations).toHaveLength(1);
    expect(own.grants).toHaveLength(1);
    expect((await call('companyOther', 'GET', `/api/companies/${companyId}/state-aid`)).statusCode).toBe(404);
    const audit = await t.database.db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityId, declaration.id), eq(auditEntries.entityType, 'state_aid_declaration')));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'state_aid_declaration.confirm',
      'state_aid_declaration.declare',
    ]);
  });

  it('refuses an expired declaration: the validity is a setting', async () => {
    const companyId = await newCompany('Gammalintyg AB');
    await declareNone(companyId, '2025-06-01');
    // Twelve months by default: signed 1 June 2025 counts until 31 May 2026.
    const response = await grant(companyId, { grantedOn: '2026-11-10', plannedHours: 1 });
    expect((response.json() as Refusal).details.stateAid.reason).toBe('declaration_expired');
    const settings = await ok<{ version: number }>('admin', 'GET', '/api/state-aid-settings');
    await ok('admin', 'PATCH', '/api/state-aid-settings', { version: settings.version, declarationValidMonths: 18 });
    expect((await grant(companyId, { grantedOn: '2026-11-10', plannedHours: 1 })).statusCode).toBe(201);
    const after = await ok<{ version: number }>('admin', 'GET', '/api/state-aid-settings');
    await ok('admin', 'PATCH', '/api/state-aid-settings', { version: after.version, declarationValidMonths: 12 });
  });
});

describe('the ceiling', () => {
  it('counts declared earlier aid, up to the day three years back and not on it', async () => {
    const companyId = await newCompany('Gränsdagen AB');
    // EUR 250 000 declared, decided on 10 November 2023 (25 000 000 kr at 10 in 2023-11).
    await ok('coachOwn', 'POST', `/api/companies/${companyId}/state-aid-declarations`, {
      hasEarlierAid: true,
      aids: [{ grantingBody: 'Region Västra Götaland', amountOre: 250_000_000, decidedOn: '2023-11-10' }],
      signedOn: '2026-11-01',
      signerName: 'Gustav Gränsson',
    });
    // 600 h × 1 000 kr = 600 000 kr = EUR 60 000.
    // On 9 November 2026 the window starts 10 November 2023: the declared aid counts, 310 000 > 300 000.
    const inside = await grant(companyId, { grantedOn: '2026-11-09', plannedHours: 600 });
    expect(inside.statusCode).toBe(422);
    const refusal = inside.json() as Refusal & { message: string };
    expect(refusal.details.stateAid).toMatchObject({
      reason: 'ceiling_exceeded',
      ceiling: {
        outcome: 'refused',
        windowFrom: '2023-11-10',
        windowTo: '2026-11-09',
        earlierCents: 25_000_000,
        grantCents: 6_000_000,
        totalCents: 31_000_000,
        ceilingCents: 30_000_000,
        roomBeforeCents: 5_000_000,
        roomAfterCents: -1_000_000,
      },
    });
    expect(refusal.message).toContain('EUR 310000.00');
    // On 10 November 2026 the window starts 11 November 2023: the same calendar day is outside.
    const outside = await grant(companyId, { grantedOn: '2026-11-10', plannedHours: 600 });
    expect(outside.statusCode, outside.body).toBe(201);
    expect((outside.json() as Created).valuation.ceiling).toMatchObject({
      outcome: 'within',
      windowFrom: '2023-11-11',
      earlierCents: 0,
      totalCents: 6_000_000,
    });
  });

  it('sums linked companies as one undertaking: 80 % warns, the ceiling is allowed, a krona more is refused', async () => {
    const p = await newCompany('Koncernmor AB');
    const q = await newCompany('Koncerndotter AB');
    const undertaking = await ok<{ id: string }>('coachOwn', 'POST', '/api/undertakings', { name: 'Koncernen i test' });
    for (const id of [p, q]) {
      const company = await ok<{ version: number }>('coachOwn', 'GET', `/api/companies/${id}`);
      await ok('coachOwn', 'PATCH', `/api/companies/${id}`, {
        version: company.version,
        undertakingId: undertaking.id,
      });
      await declareNone(id);
    }
    // P: 2 400 h = 2 400 000 kr = EUR 240 000, exactly 80 %: a warning, still granted.
    const first = await grant(p, { grantedOn: '2026-11-02', plannedHours: 2_400 });
    expect(first.statusCode, first.body).toBe(201);
    expect((first.json() as Created).valuation.ceiling).toMatchObject({ outcome: 'warning', percentOfCeiling: 80 });
    // Q: 600 h = EUR 60 000; with P's EUR 240 000 the undertaking reaches exactly EUR 300 000: allowed.
    const second = await grant(q, { grantedOn: '2026-11-03', plannedHours: 600 });
    expect(second.statusCode, second.body).toBe(201);
    expect((second.json() as Created).valuation.ceiling).toMatchObject({
      outcome: 'warning',
      earlierCents: 24_000_000,
      totalCents: 30_000_000,
      roomAfterCents: 0,
      percentOfCeiling: 100,
    });
    // Another quarter hour to Q (250 kr = EUR 25) passes the ceiling: refused with the figures.
    const third = await grant(q, { grantedOn: '2026-11-04', plannedHours: 0.25 });
    expect(third.statusCode).toBe(422);
    expect((third.json() as Refusal).details.stateAid.ceiling).toMatchObject({
      earlierCents: 30_000_000,
      grantCents: 2_500,
      totalCents: 30_002_500,
    });
    // The preview answers the same figures without refusing.
    const preview = await ok<{ ceiling: { outcome: string } }>(
      'coachOwn',
      'POST',
      `/api/companies/${q}/state-aid-grants/preview`,
      {
        grantedOn: '2026-11-04',
        plannedHours: 0.25,
      },
    );
    expect(preview.ceiling.outcome).toBe('refused');

    // The undertaking's ledger: both grants in date order with the rolling sum and the room left.
    const ledger = await ok<{
      ledger: { companyName: string; amountCents: number; rollingCents: number; roomCents: number }[];
      position: { totalCents: number; roomCents: number };
    }>('coachOwn', 'GET', `/api/undertakings/${undertaking.id}/state-aid`);
    expect(ledger.ledger.map((l) => [l.companyName, l.amountCents, l.rollingCents, l.roomCents])).toEqual([
      ['Koncernmor AB', 24_000_000, 24_000_000, 6_000_000],
      ['Koncerndotter AB', 6_000_000, 30_000_000, 0],
    ]);
    expect(ledger.position).toMatchObject({ totalCents: 30_000_000, roomCents: 0 });
    // Another organisation's coach does not see the undertaking; company users are refused.
    expect((await call('coachOther', 'GET', `/api/undertakings/${undertaking.id}/state-aid`)).statusCode).toBe(404);
    expect((await call('companyOwn', 'GET', `/api/undertakings/${undertaking.id}/state-aid`)).statusCode).toBe(403);

    // A correction replaces P's grant with a smaller one, with a reason; the old one no longer counts.
    const firstId = (first.json() as Created).grant.id;
    const noReason = await grant(p, { grantedOn: '2026-11-02', plannedHours: 2_000, replacesGrantId: firstId });
    expect(noReason.statusCode).toBe(400);
    const corrected = await grant(p, {
      grantedOn: '2026-11-02',
      plannedHours: 2_000,
      replacesGrantId: firstId,
      replacementReason: 'Färre timmar planerade',
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const company = await ok<{
      grants: { id: string; isCurrent: boolean; replacedByGrantId: string | null }[];
      position: { totalCents: number };
    }>('coachOwn', 'GET', `/api/companies/${p}/state-aid`);
    expect(company.grants.find((g) => g.id === firstId)).toMatchObject({
      isCurrent: false,
      replacedByGrantId: (corrected.json() as Created).grant.id,
    });
    // EUR 200 000 + 60 000 now.
    expect(company.position.totalCents).toBe(26_000_000);
    const again = await grant(p, {
      grantedOn: '2026-11-02',
      plannedHours: 1,
      replacesGrantId: firstId,
      replacementReason: 'En gång till',
    });
    expect((again.json() as Refusal).details.stateAid.reason).toBe('replaced_already');
  });
});

describe('realised support against the grant', () => {
  it('flags a company whose logged hours pass the granted value, on its page and in my week', async () => {
    const companyId = await newCompany('Överskridet AB');
    await declareNone(companyId);
    await ok('coachOwn', 'POST', `/api/companies/${companyId}/state-aid-grants`, {
      grantedOn: '2026-11-20',
      plannedHours: 2,
    });
    await ok('coachOwn', 'POST', `/api/companies/${companyId}/interventions`, {
      occurredOn: '2026-11-24',
      kind: 'coaching',
      hours: 2,
    });
    let aid = await ok<{ realised: { valueOre: number; grantedValueOre: number; needsNewGrant: boolean } }>(
      'coachOwn',
      'GET',
      `/api/companies/${companyId}/state-aid`,
    );
    // 2 h logged × 1 000 kr = 2 000 kr: exactly the granted value, nothing to do yet.
    expect(aid.realised).toMatchObject({ valueOre: 200_000, grantedValueOre: 200_000, needsNewGrant: false });
    await ok('coachOwn', 'POST', `/api/companies/${companyId}/interventions`, {
      occurredOn: '2026-11-25',
      kind: 'coaching',
      hours: 0.25,
    });
    aid = await ok('coachOwn', 'GET', `/api/companies/${companyId}/state-aid`);
    expect(aid.realised).toMatchObject({ valueOre: 225_000, needsNewGrant: true });
    const week = await ok<{ grantsExceeded: { companyId: string; realisedValueOre: number }[] }>(
      'coachOwn',
      'GET',
      '/api/my-week',
    );
    expect(week.grantsExceeded).toContainEqual({
      companyId,
      companyName: 'Överskridet AB',
      grantedValueOre: 200_000,
      realisedValueOre: 225_000,
    });
  });

  it('warns when support is logged for a company without a grant, and still records it', async () => {
    const companyId = await newCompany('Beslutslösa AB');
    const logged = await call('coachOwn', 'POST', `/api/companies/${companyId}/interventions`, {
      occurredOn: '2026-11-24',
      kind: 'coaching',
      hours: 1,
    });
    expect(logged.statusCode).toBe(201);
    expect((logged.json() as { warnings: string[] }).warnings).toEqual(['no_state_aid_grant']);
  });
});

describe('documents (PDF)', () => {
  it('makes the notice of aid with the API’s figures, the full reference and ten years’ keeping', async () => {
    const companyId = await newCompany('Beslutsbrevet AB');
    await declareNone(companyId, '2026-09-01');
    const created = (await grant(companyId, { grantedOn: '2026-09-10', plannedHours: 12.5 })).json() as Created & {
      grant: { grantedOn: string; organisationNumber: string };
    };
    // 12,5 h × 1 000 kr = 12 500 kr; at 11.5: 1 250 000 × 10 000 / 115 000 = 108 695,65… → 108 696 cents.
    expect(created.grant).toMatchObject({ valueOre: 1_250_000, valueCents: 108_696 });
    const response = await call('companyOwn', 'GET', `/api/state-aid-grants/${created.grant.id}/notice`);
    expect(response.statusCode).toBe(404);
    const notice = await call('coachOwn', 'GET', `/api/state-aid-grants/${created.grant.id}/notice`);
    expect(notice.statusCode).toBe(200);
    expect(notice.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(notice.rawPayload);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Beslut om stöd av mindre betydelse');
    expect(flat).toContain('Beslutsbrevet AB');
    expect(flat).toContain(created.grant.organisationNumber);
    expect(flat).toContain('Beslutsdatum: 2026-09-10');
    expect(flat).toContain('Stödets värde: 12 500 kr');
    expect(flat).toContain('1 086,96 euro');
    expect(flat).toContain('11,5000 kr per euro för 2026-09');
    expect(flat).toContain(
      'Kommissionens förordning (EU) 2023/2831 av den 13 december 2023 om tillämpningen av artiklarna 107 och 108 i fördraget om Europeiska unionens funktionssätt på stöd av mindre betydelse',
    );
    expect(flat).toContain('spara detta beslut i tio år');
  });

  it('pre-fills the declaration form with the company, the planned amount and the earlier aid on record', async () => {
    const companyId = await newCompany('Intygsblanketten AB');
    await ok('coachOwn', 'POST', `/api/companies/${companyId}/state-aid-declarations`, {
      hasEarlierAid: true,
      aids: [
        {
          grantingBody: 'Almi Företagspartner Väst',
          amountOre: 12_500_050,
          decidedOn: '2025-06-12',
          paidAmountOre: 10_000_000,
          paidOn: '2025-08-01',
        },
      ],
      signedOn: '2026-11-02',
      signerName: 'Ines Intygsson',
    });
    const aid = await ok<{ organisationNumber: string; declarations: { aids: { amountOre: number }[] }[] }>(
      'coachOwn',
      'GET',
      `/api/companies/${companyId}/state-aid`,
    );
    const form = await call(
      'coachOwn',
      'GET',
      `/api/companies/${companyId}/state-aid-declaration-form?plannedAmountOre=4500000`,
    );
    expect(form.statusCode).toBe(200);
    const flat = (await pdfText(form.rawPayload)).replace(/\s+/g, ' ');
    expect(flat).toContain('Intyg om stöd av mindre betydelse');
    expect(flat).toContain('Intygsblanketten AB');
    expect(flat).toContain(aid.organisationNumber);
    expect(flat).toContain('Planerat stöd från programmet: 45 000 kr');
    expect(flat).toContain('Almi Företagspartner Väst');
    // The amount the API holds (12 500 050 öre) as the form writes it.
    expect(aid.declarations[0]!.aids[0]!.amountOre).toBe(12_500_050);
    expect(flat).toContain('125 000,50 kr');
    expect(flat).toContain('2025-06-12');
    expect(flat).toContain('100 000 kr');
    expect(flat).toContain('Underskrift av behörig firmatecknare');
  });
});

describe('the programme export', () => {
  it('lists every grant of the period with the API’s figures; a coach gets their organisation’s', async () => {
    const companyId = await newCompany('Exportören AB');
    await declareNone(companyId, '2026-09-01');
    const created = (await grant(companyId, { grantedOn: '2026-09-15', plannedHours: 3 })).json() as Created & {
      grant: { organisationNumber: string; organisationName: string };
    };
    const response = await call('admin', 'GET', '/api/state-aid-grants/export?from=2026-09-15&to=2026-09-15');
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-export-truncated']).toBe('false');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Stödbeslut')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Organisationsnummer',
      'Företag',
      'Belopp (kr)',
      'Belopp (euro)',
      'Eurokurs',
      'Beslutsdatum',
      'Rättslig grund',
      'Stödgivande organisation',
      'Status',
      'Rättelse av beslut',
      'Beslutets nummer',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[11] === created.grant.id)!;
    // 3 h × 1 000 kr = 3 000 kr; at 11.5: 300 000 × 10 000 / 115 000 = 26 086,95… → 26 087 cents.
    expect(row.slice(1, 10)).toEqual([
      created.grant.organisationNumber,
      'Exportören AB',
      3_000,
      260.87,
      11.5,
      '2026-09-15',
      'Stöd av mindre betydelse (förordning (EU) 2023/2831)',
      created.grant.organisationName,
      'Gäller',
    ]);
    expect(created.grant.valueCents).toBe(26_087);
    // The other organisation's coach exports their own organisation's grants: none of these.
    const other = await call('coachOther', 'GET', '/api/state-aid-grants/export?from=2026-09-15&to=2026-09-15');
    const otherBook = new ExcelJS.Workbook();
    await otherBook.xlsx.load(other.rawPayload as unknown as ArrayBuffer);
    expect(otherBook.getWorksheet('Stödbeslut')!.rowCount).toBe(1);
    expect(
      (await call('companyOwn', 'GET', '/api/state-aid-grants/export?from=2026-01-01&to=2026-12-31')).statusCode,
    ).toBe(403);
  });
});

describe('a registration for a company without a grant', () => {
  it('warns the coach and keeps the registration', async () => {
    const companyId = await newCompany('Anmälda utan beslut AB');
    const contact = await ok<{ id: string }>('coachOwn', 'POST', `/api/companies/${companyId}/contacts`, {
      name: 'Petra Deltagare',
      gender: 'woman',
    });
    const activity = await ok<{ id: string }>('admin', 'POST', '/api/activities', {
      type: 'workshop',
      title: 'Workshop utan stödbeslut',
      startsAt: '2026-12-02T08:00:00Z',
      endsAt: '2026-12-02T11:00:00Z',
      organisationIds: [fixtures.ownOrganisationId],
    });
    const registered = await call('coachOwn', 'POST', `/api/activities/${activity.id}/registrations`, {
      contactIds: [contact.id],
    });
    expect(registered.statusCode, registered.body).toBe(201);
    const body = registered.json() as { registrations: unknown[]; stateAidWarnings: unknown[] };
    expect(body.registrations).toHaveLength(1);
    expect(body.stateAidWarnings).toEqual([
      { companyId, companyName: 'Anmälda utan beslut AB', warning: 'no_state_aid_grant' },
    ]);
  });
});

describe('rates', () => {
  it('lets admins keep rates, refuses a second rate for the same month, and audits the change', async () => {
    const refusedTwice = await call('admin', 'POST', '/api/eur-rates', {
      month: '2026-11',
      sekPerEur: '11',
      source: 'Igen',
    });
    expect(refusedTwice.statusCode).toBe(400);
    const badRate = await call('admin', 'POST', '/api/eur-rates', {
      month: '2027-01',
      sekPerEur: '11.12345',
      source: 'X',
    });
    expect(badRate.statusCode).toBe(400);
    expect(badRate.body).toContain('sekPerEur');
    const rates = await ok<{ items: { id: string; month: string; version: number }[] }>(
      'coachOwn',
      'GET',
      '/api/eur-rates',
    );
    const november = rates.items.find((r) => r.month === '2026-11')!;
    expect(
      (await call('coachOwn', 'PATCH', `/api/eur-rates/${november.id}`, { version: november.version, source: 'X' }))
        .statusCode,
    ).toBe(403);
    const changed = await ok('admin', 'PATCH', `/api/eur-rates/${november.id}`, {
      version: november.version,
      source: 'Europeiska kommissionens månadskurs (InforEuro)',
    });
    expect(changed).toMatchObject({ sekPerEur: '10.0000', source: 'Europeiska kommissionens månadskurs (InforEuro)' });
    const stale = await call('admin', 'PATCH', `/api/eur-rates/${november.id}`, {
      version: november.version,
      source: 'Y',
    });
    expect(stale.statusCode).toBe(409);
    expect((await call('companyOwn', 'GET', '/api/eur-rates')).statusCode).toBe(403);
  });
});
