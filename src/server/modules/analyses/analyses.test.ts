import { and, eq } from 'drizzle-orm';
import { energyCarriers } from '../../content/emission-factors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actions, auditEntries } from '../../db/schema';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { requestsAs } from '../../test/requests';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2026-11-26T10:00:00+01:00');
});
afterAll(async () => {
  await t?.close();
});

const companyUrl = `/api/companies/${fixtures.ownCompanyId}/analyses`;

const call = requestsAs(() => t);

function fieldsOf(body: string): string[] {
  return ((JSON.parse(body) as { details?: { fields?: { field: string }[] } }).details?.fields ?? []).map(
    (f) => f.field,
  );
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.db
    .select({ action: auditEntries.action })
    .from(auditEntries)
    .where(eq(auditEntries.entityId, entityId));
  return rows.map((row) => row.action).sort();
}

type Energy = {
  total: { kwh: number; costSek: number; co2eKg: number; isCo2eComplete: boolean };
  carriers: { carrier: string; kwh: number; co2eKg: number }[];
  balance: { groups: { group: string; kwh: number }[]; unallocated: { kwh: number } };
};
type Saved = {
  id: string;
  version: number;
  kind: string;
  year: number | null;
  energy: Energy | null;
  factors: { carrier: string; value: number }[] | null;
  factorSet: { key: string; source: { name: string } } | null;
  findings: { id: string }[];
  abilities: { canEdit: boolean; canUploadAttachments: boolean; canConvertFindings: boolean };
};
type SavedFinding = {
  id: string;
  version: number;
  expectedKwh: number | null;
  expectedCo2eKg: number | null;
  expectedSek: number | null;
  paybackYears: number | null;
  actionId: string | null;
};

/** The mapping of the hand calculation: electricity, district heating with its network's factor, diesel. */
const threeCarriers = (factorSetKey = 'se-2023-residual-mix') => ({
  year: 2025,
  factorSetKey,
  lines: [
    {
      carrier: 'electricity',
      quantity: 120_000,
      unit: 'kWh',
      costSek: 180_000,
      split: { basis: 'share', parts: { production_processes: 60, lighting: 25, compressed_air: 15 } },
    },
    {
      carrier: 'district_heating',
      quantity: 180,
      unit: 'MWh',
      costSek: 126_000,
      emissionFactorKgPerKwh: 0.035,
      split: { basis: 'share', parts: { space_heating: 100 } },
    },
    {
      carrier: 'diesel',
      quantity: 4_000,
      unit: 'litre',
      costSek: 76_000,
      split: { basis: 'share', parts: { internal_transport: 100 } },
    },
  ],
});

async function createMapping(content = threeCarriers(), actor: ActorName = 'coachOwn'): Promise<Saved> {
  const response = await call(actor, 'POST', companyUrl, {
    kind: 'energy_mapping',
    title: 'Energikartläggning 2025',
    performedOn: '2026-11-20',
    content,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Saved;
}

describe('energy mappings', () => {
  it('computes kWh, SEK and CO2e of three carriers as the hand calculation does, and audits the save', async () => {
    const mapping = await createMapping();
    // Hand calculation with the factors of content/emission-factors/sets/se-2023-residual-mix.json
    // and the calorific value of diesel in content/emission-factors/carriers.json:
    //   electricity      120 000 kWh                         × 0.5241 kg/kWh (Ei residual mix 2023) = 62 892 kg
    //   district heating 180 MWh = 180 000 kWh               × 0.035 kg/kWh (the network's own)      =  6 300 kg
    //   diesel           4 000 litres × 9.8 kWh/l = 39 200 kWh × 0.265 kg/kWh                       = 10 388 kg
    //   total            339 200 kWh                                              62 892 + 6 300 + 10 388 = 79 580 kg
    //                    = 79.58 t CO2e; cost 180 000 + 126 000 + 76 000 = 382 000 SEK
    const energy = mapping.energy!;
    expect(energy.total.kwh).toBeCloseTo(339_200, 6);
    expect(energy.total.costSek).toBeCloseTo(382_000, 6);
    expect(energy.total.co2eKg).toBeCloseTo(79_580, 6);
    expect(energy.total.isCo2eComplete).toBe(true);
    expect(energy.carriers.map((c) => [c.carrier, Math.round(c.kwh), Math.round(c.co2eKg)])).toEqual([
      ['electricity', 120_000, 62_892],
      ['district_heating', 180_000, 6_300],
      ['diesel', 39_200, 10_388],
    ]);
    // Balance: production 60 % of electricity; support 25 % + 15 % of it and all the heat; transport the diesel.
    expect(energy.balance.groups.map((g) => [g.group, Math.round(g.kwh)])).toEqual([
      ['production', 72_000],
      ['support', 48_000 + 180_000],
      ['transport', 39_200],
    ]);
    expect(mapping).toMatchObject({ year: 2025, factorSet: { key: 'se-2023-residual-mix' } });
    expect(mapping.factorSet!.source.name.length).toBeGreaterThan(3);
    expect(await auditActions(mapping.id)).toEqual(['analysis.create']);
  });

  it('refuses what the core finds wrong with a 422 naming each field', async () => {
    const content = threeCarriers();
    content.lines[0]!.split = { basis: 'share', parts: { production_processes: 60, lighting: 25, compressed_air: 5 } };
    content.lines[2]!.unit = 'kg';
    const response = await call('coachOwn', 'POST', companyUrl, { kind: 'energy_mapping', title: 'Fel', content });
    expect(response.statusCode).toBe(422);
    expect(fieldsOf(response.body).sort()).toEqual(['content.lines.0.split', 'content.lines.2.unit']);
  });

  it('refuses an unknown factor set and a malformed line, naming the fields', async () => {
    const unknownSet = await call('coachOwn', 'POST', companyUrl, {
      kind: 'energy_mapping',
      title: 'Fel',
      content: threeCarriers('no-such-set'),
    });
    expect(unknownSet.statusCode).toBe(422);
    expect(fieldsOf(unknownSet.body)).toEqual(['content.factorSetKey']);
    const negative = threeCarriers();
    negative.lines[0]!.quantity = -5;
    const bad = await call('coachOwn', 'POST', companyUrl, { kind: 'energy_mapping', title: 'Fel', content: negative });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['content.lines.0.quantity']);
  });

  it('changes a mapping with its version, answers 409 to a stale one and 422 to another kind', async () => {
    const mapping = await createMapping();
    const changed = await call('coachOwn', 'PATCH', `/api/analyses/${mapping.id}`, {
      kind: 'energy_mapping',
      version: 1,
      title: 'Energikartläggning 2025, reviderad',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ version: 2, title: 'Energikartläggning 2025, reviderad' });
    const stale = await call('coachOwn', 'PATCH', `/api/analyses/${mapping.id}`, {
      kind: 'energy_mapping',
      version: 1,
      title: 'Sent',
    });
    expect(stale.statusCode).toBe(409);
    const otherKind = await call('coachOwn', 'PATCH', `/api/analyses/${mapping.id}`, { kind: 'digital', version: 2 });
    expect(otherKind.statusCode).toBe(422);
    expect(fieldsOf(otherKind.body)).toEqual(['kind']);
    expect((await call('coachOwn', 'DELETE', `/api/analyses/${mapping.id}`, { version: 1 })).statusCode).toBe(409);
    expect((await call('coachOwn', 'DELETE', `/api/analyses/${mapping.id}`, { version: 2 })).statusCode).toBe(204);
    expect(await auditActions(mapping.id)).toEqual(['analysis.create', 'analysis.delete', 'analysis.update']);
  });

  it('lets the company user read its analyses but not change them; other tenants get 404', async () => {
    const mapping = await createMapping();
    const read = await call('companyOwn', 'GET', `/api/analyses/${mapping.id}`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as Saved).abilities).toEqual({
      canEdit: false,
      canUploadAttachments: true,
      canConvertFindings: false,
    });
    const list = (await call('companyOwn', 'GET', companyUrl)).json() as {
      items: { id: string }[];
      canCreate: boolean;
    };
    expect(list.canCreate).toBe(false);
    expect(list.items.some((item) => item.id === mapping.id)).toBe(true);
    const patch = await call('companyOwn', 'PATCH', `/api/analyses/${mapping.id}`, {
      kind: 'energy_mapping',
      version: 1,
      title: 'Ändrad',
    });
    expect(patch.statusCode).toBe(403);
    expect(
      (await call('companyOwn', 'POST', companyUrl, { kind: 'digital', title: 'Egen', content: {} })).statusCode,
    ).toBe(403);
    for (const actor of ['coachOther', 'companyOther'] as const) {
      expect((await call(actor, 'GET', `/api/analyses/${mapping.id}`)).statusCode).toBe(404);
      expect((await call(actor, 'GET', companyUrl)).statusCode).toBe(404);
    }
  });
});

describe('the other kinds of analysis', () => {
  it('records a resource and waste flow analysis, a circular business model and a digital analysis', async () => {
    const bodies = [
      {
        kind: 'resource_flows',
        title: 'Material- och avfallsflöden',
        year: 2025,
        content: {
          materialInputs: [{ name: 'Stålplåt', tonnesPerYear: 420, costSek: 5_900_000, circularSharePercent: 30 }],
          wasteStreams: [
            { name: 'Stålspill', tonnesPerYear: 38, treatment: 'recycling', costSek: -40_000 },
            { name: 'Blandat avfall', tonnesPerYear: 12, treatment: 'energy_recovery', costSek: 24_000 },
          ],
        },
      },
      {
        kind: 'circular_business_model',
        title: 'Cirkulär affärsmodell',
        content: {
          currentModel: 'Säljer legotillverkade detaljer',
          archetypes: [{ archetype: 'product_life_extension', status: 'opportunity' }],
          rStrategies: [{ strategy: 'remanufacture', status: 'started', note: 'Renovering av fixturer' }],
          opportunities: [{ title: 'Återtag av emballage' }],
        },
      },
      {
        kind: 'digital',
        title: 'Digital analys',
        content: {
          systems: [{ name: 'Monitor ERP', category: 'erp' }],
          dataCollection: [{ what: 'Maskintid', method: 'manual' }],
          gaps: [{ title: 'Ingen uppkoppling av maskinparken', priority: 'high' }],
        },
      },
    ];
    // A waste stream's cost may not be negative: a revenue for scrap is typed as 0 here.
    bodies[0]!.content.wasteStreams![0]!.costSek = 0;
    for (const body of bodies) {
      const response = await call('coachOwn', 'POST', companyUrl, body);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ kind: body.kind, energy: null, factors: null });
    }
  });

  it('refuses a treatment outside the waste hierarchy, naming the field', async () => {
    const response = await call('coachOwn', 'POST', companyUrl, {
      kind: 'resource_flows',
      title: 'Fel',
      content: { wasteStreams: [{ name: 'Spån', tonnesPerYear: 3, treatment: 'burying' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response.body)).toEqual(['content.wasteStreams.0.treatment']);
  });
});

describe('findings and turning them into actions', () => {
  it('computes an energy measure’s CO2e and SEK from its carrier, keeps typed figures, and gives the payback', async () => {
    const mapping = await createMapping();
    const led = await call('coachOwn', 'POST', `/api/analyses/${mapping.id}/findings`, {
      title: 'LED-belysning i verkstaden',
      energyCategory: 'lighting',
      carrier: 'electricity',
      expectedKwh: 24_000,
      investmentSek: 60_000,
    });
    expect(led.statusCode, led.body).toBe(201);
    const measure = led.json() as SavedFinding;
    // 24 000 kWh × 0.5241 kg/kWh = 12 578.4 kg; at the mapping's 1.50 SEK/kWh = 36 000 SEK; 60 000 / 36 000 = 1.67 years.
    expect(measure.expectedCo2eKg).toBeCloseTo(12_578.4, 6);
    expect(measure.expectedSek).toBeCloseTo(36_000, 6);
    expect(measure.paybackYears).toBeCloseTo(60_000 / 36_000, 6);
    const typed = await call('coachOwn', 'POST', `/api/analyses/${mapping.id}/findings`, {
      title: 'Värmeåtervinning',
      carrier: 'district_heating',
      expectedKwh: 40_000,
      expectedCo2eKg: 1_000,
    });
    // The district heating line has its network's own factor, but the coach typed the CO2e: it wins.
    expect((typed.json() as SavedFinding).expectedCo2eKg).toBe(1_000);
    const stale = await call('coachOwn', 'PATCH', `/api/analysis-findings/${measure.id}`, { version: 2, title: 'X' });
    expect(stale.statusCode).toBe(409);
    const changed = await call('coachOwn', 'PATCH', `/api/analysis-findings/${measure.id}`, {
      version: 1,
      expectedKwh: 20_000,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as SavedFinding).expectedCo2eKg).toBeCloseTo(10_482, 6);
    const noKwh = await call('coachOwn', 'POST', `/api/analyses/${mapping.id}/findings`, {
      title: 'Utan kWh',
      carrier: 'electricity',
    });
    expect(noKwh.statusCode).toBe(400);
    expect(fieldsOf(noKwh.body)).toEqual(['expectedKwh']);
  });

  it('turns a finding into an action in one click, audits both, and answers 409 the second time', async () => {
    const mapping = await createMapping();
    const finding = (
      await call('coachOwn', 'POST', `/api/analyses/${mapping.id}/findings`, {
        title: 'Läcksökning tryckluft',
        description: 'Åtgärda läckor i tryckluftsnätet',
        carrier: 'electricity',
        expectedKwh: 12_000,
        investmentSek: 15_000,
      })
    ).json() as SavedFinding;
    expect((await call('companyOwn', 'POST', `/api/analysis-findings/${finding.id}/action`, {})).statusCode).toBe(403);
    expect((await call('coachOther', 'POST', `/api/analysis-findings/${finding.id}/action`, {})).statusCode).toBe(404);
    const converted = await call('coachOwn', 'POST', `/api/analysis-findings/${finding.id}/action`, {});
    expect(converted.statusCode, converted.body).toBe(201);
    const { actionId, finding: linked } = converted.json() as { actionId: string; finding: SavedFinding };
    expect(linked.actionId).toBe(actionId);
    const [action] = await t.database.db.select().from(actions).where(eq(actions.id, actionId));
    expect(action).toMatchObject({
      companyId: fixtures.ownCompanyId,
      area: 'energy_transition',
      title: 'Läcksökning tryckluft',
      description: 'Åtgärda läckor i tryckluftsnätet',
      status: 'planned',
      investmentSek: 15_000,
      expectedKwh: 12_000,
    });
    expect(action!.expectedCo2eKg).toBeCloseTo(12_000 * 0.5241, 6);
    expect(await auditActions(actionId)).toEqual(['action.created']);
    expect(await auditActions(finding.id)).toEqual(['analysis_finding.converted', 'analysis_finding.create']);
    const again = await call('coachOwn', 'POST', `/api/analysis-findings/${finding.id}/action`, {});
    expect(again.statusCode).toBe(409);
    expect(await t.database.db.select().from(actions).where(eq(actions.title, 'Läcksökning tryckluft'))).toHaveLength(
      1,
    );
  });

  it('deletes a finding with its version; the action made from it stays', async () => {
    const mapping = await createMapping();
    const finding = (
      await call('coachOwn', 'POST', `/api/analyses/${mapping.id}/findings`, { title: 'Tidsstyrning av ventilation' })
    ).json() as SavedFinding;
    const { actionId } = (await call('coachOwn', 'POST', `/api/analysis-findings/${finding.id}/action`, {})).json() as {
      actionId: string;
    };
    expect((await call('coachOwn', 'DELETE', `/api/analysis-findings/${finding.id}`, { version: 1 })).statusCode).toBe(
      409,
    );
    expect((await call('coachOwn', 'DELETE', `/api/analysis-findings/${finding.id}`, { version: 2 })).statusCode).toBe(
      204,
    );
    expect(await t.database.db.select().from(actions).where(eq(actions.id, actionId))).toHaveLength(1);
  });
});

describe('emission factor sets', () => {
  const dbSet = (key: string, electricity: number) => ({
    key,
    name: { sv: 'Programmets set 2025', en: 'Programme set 2025' },
    validFrom: '2025-01-01',
    source: { name: 'Industry In West, projektledningen', publishedOn: '2026-11' },
    factors: energyCarriers
      .map((c) => c.key)
      .map((carrier) => ({
        carrier,
        unit: 'kg CO2e/kWh',
        value: carrier === 'electricity' ? electricity : 0.1,
        source: { name: 'Test source', publishedOn: '2025' },
      })),
  });

  it('lists the content sets with their sources, and only admins add or change a set', async () => {
    const list = (await call('companyOwn', 'GET', '/api/emission-factor-sets')).json() as {
      sets: { set: { key: string; source: { name: string } }; origin: string }[];
      carriers: { key: string }[];
      canManage: boolean;
    };
    expect(list.sets.filter((s) => s.origin === 'content').map((s) => s.set.key)).toEqual([
      'se-2021-residual-mix',
      'se-2023-residual-mix',
    ]);
    expect(list.canManage).toBe(false);
    expect(list.carriers.length).toBeGreaterThan(3);
    expect((await call('coachOwn', 'POST', '/api/emission-factor-sets', dbSet('coach-set', 0.3))).statusCode).toBe(403);
    expect(
      (await call('admin', 'POST', '/api/emission-factor-sets', dbSet('se-2023-residual-mix', 0.3))).statusCode,
    ).toBe(409);
    const incomplete = { ...dbSet('incomplete-set', 0.3), factors: dbSet('x', 0.3).factors.slice(0, 3) };
    const refused = await call('admin', 'POST', '/api/emission-factor-sets', incomplete);
    expect(refused.statusCode).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['factors']);
  });

  it('keeps a mapping’s factors when the set is edited later; stale versions answer 409', async () => {
    const created = await call('admin', 'POST', '/api/emission-factor-sets', dbSet('programme-2025', 0.4));
    expect(created.statusCode, created.body).toBe(201);
    const mapping = await createMapping(threeCarriers('programme-2025'));
    // 120 000 × 0.4 + 6 300 (own factor) + 39 200 × 0.1 = 48 000 + 6 300 + 3 920 = 58 220 kg
    expect(mapping.energy!.total.co2eKg).toBeCloseTo(58_220, 6);
    const edited = await call('admin', 'PATCH', '/api/emission-factor-sets/programme-2025', {
      version: 1,
      set: dbSet('programme-2025', 0.9),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const stale = await call('admin', 'PATCH', '/api/emission-factor-sets/programme-2025', {
      version: 1,
      set: dbSet('programme-2025', 0.1),
    });
    expect(stale.statusCode).toBe(409);
    const readContent = await call('admin', 'PATCH', '/api/emission-factor-sets/se-2023-residual-mix', {
      version: 1,
      set: dbSet('se-2023-residual-mix', 0.1),
    });
    expect(readContent.statusCode).toBe(422);
    // The stored mapping still computes with 0.4, also after an unrelated edit of its title.
    const retitled = await call('coachOwn', 'PATCH', `/api/analyses/${mapping.id}`, {
      kind: 'energy_mapping',
      version: 1,
      title: 'Ny titel',
      content: threeCarriers('programme-2025'),
    });
    expect((retitled.json() as Saved).energy!.total.co2eKg).toBeCloseTo(58_220, 6);
    // A new mapping takes the set as it is now: 120 000 × 0.9 + 6 300 + 3 920 = 118 220 kg.
    expect((await createMapping(threeCarriers('programme-2025'))).energy!.total.co2eKg).toBeCloseTo(118_220, 6);
    expect(await auditActions('programme-2025')).toEqual(['emission_factor_set.create', 'emission_factor_set.update']);
  });
});

describe('attachments', () => {
  const upload = (actor: ActorName, analysisId: string, body: Record<string, unknown>) =>
    call(actor, 'POST', `/api/analyses/${analysisId}/attachments`, body);
  const base64 = (text: string) => Buffer.from(text).toString('base64');

  it('keeps, lists, downloads and deletes files, with safe headers', async () => {
    const mapping = await createMapping();
    const pdf = await upload('coachOwn', mapping.id, {
      filename: 'faktura 2025 – el.pdf',
      contentBase64: base64('%PDF-1.4'),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    const { id: pdfId, sha256 } = pdf.json() as { id: string; sha256: string };
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
    const download = await call('companyOwn', 'GET', `/api/analysis-attachments/${pdfId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="faktura 2025 _ el.pdf"; filename*=UTF-8''faktura%202025%20%E2%80%93%20el.pdf`,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.body).toBe('%PDF-1.4');

    const html = await upload('coachOwn', mapping.id, {
      filename: '../<script>.html',
      contentType: 'text/html',
      contentBase64: base64('<script>alert(1)</script>'),
    });
    const htmlDownload = await call(
      'coachOwn',
      'GET',
      `/api/analysis-attachments/${(html.json() as { id: string }).id}`,
    );
    expect(htmlDownload.headers['content-type']).toBe('application/octet-stream');
    expect(htmlDownload.headers['content-disposition']).toMatch(/^attachment; filename="<script>.html"/);

    const png = await upload('coachOwn', mapping.id, { filename: 'mätare.png', contentBase64: base64('png') });
    const pngDownload = await call('coachOwn', 'GET', `/api/analysis-attachments/${(png.json() as { id: string }).id}`);
    expect(pngDownload.headers['content-type']).toBe('image/png');
    expect(pngDownload.headers['content-disposition']).toMatch(/^inline;/);

    const list = (await call('companyOwn', 'GET', `/api/analyses/${mapping.id}/attachments`)).json() as {
      items: { id: string; canDelete: boolean }[];
    };
    expect(list.items).toHaveLength(3);
    expect(list.items.every((item) => !item.canDelete)).toBe(true);
    expect((await call('coachOther', 'GET', `/api/analysis-attachments/${pdfId}`)).statusCode).toBe(404);
    expect((await call('companyOther', 'GET', `/api/analyses/${mapping.id}/attachments`)).statusCode).toBe(404);
    expect((await call('companyOwn', 'DELETE', `/api/analysis-attachments/${pdfId}`, {})).statusCode).toBe(403);
    expect((await call('coachOwn', 'DELETE', `/api/analysis-attachments/${pdfId}`, {})).statusCode).toBe(204);
    expect(await auditActions(pdfId)).toEqual(['analysis_attachment.delete', 'analysis_attachment.upload']);
  });

  it('refuses a file name that reverses the text around it or shows nothing, naming the field (decision 033)', async () => {
    const mapping = await createMapping();
    // Shown as "invoicefdp.exe": the right-to-left override turns what follows it around.
    const reversed = await upload('coachOwn', mapping.id, {
      filename: 'invoice\u202Eexe.pdf',
      contentBase64: base64('MZ'),
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json()).toMatchObject({
      details: {
        fields: [{ field: 'filename', code: 'direction_control', message: expect.stringMatching(/direction/) }],
      },
    });
    const invisible = await upload('coachOwn', mapping.id, { filename: '\u200B\u2060 ', contentBase64: base64('x') });
    expect(invisible.statusCode).toBe(400);
    expect(invisible.json()).toMatchObject({ details: { fields: [{ field: 'filename', code: 'invisible_only' }] } });
    const list = (await call('coachOwn', 'GET', `/api/analyses/${mapping.id}/attachments`)).json() as { items: [] };
    expect(list.items).toHaveLength(0);
  });

  it('lets the company user add a file and delete the files it added', async () => {
    const mapping = await createMapping();
    const own = await upload('companyOwn', mapping.id, { filename: 'mätarexport.csv', contentBase64: base64('a;b') });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ contentType: 'text/csv', canDelete: true });
    const id = (own.json() as { id: string }).id;
    expect((await call('companyOwn', 'DELETE', `/api/analysis-attachments/${id}`, {})).statusCode).toBe(204);
  });

  it('refuses a file over 10 MB and a 21st file with a 422 naming the limit', async () => {
    const mapping = await createMapping();
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 1).toString('base64');
    const tooLarge = await upload('coachOwn', mapping.id, { filename: 'stor.bin', contentBase64: big });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json()).toMatchObject({ message: 'A file may be at most 10 MB' });
    expect(fieldsOf(tooLarge.body)).toEqual(['contentBase64']);
    for (let index = 0; index < 20; index += 1) {
      const response = await upload('coachOwn', mapping.id, {
        filename: `fil-${index}.txt`,
        contentBase64: base64('x'),
      });
      expect(response.statusCode).toBe(201);
    }
    const tooMany = await upload('coachOwn', mapping.id, { filename: 'fil-21.txt', contentBase64: base64('x') });
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json()).toMatchObject({ message: 'An analysis keeps at most 20 files' });
    const notBase64 = await upload('coachOwn', mapping.id, { filename: 'x.txt', contentBase64: '***' });
    expect(notBase64.statusCode).toBe(400);
    const rows = await t.database.db
      .select()
      .from(auditEntries)
      .where(
        and(eq(auditEntries.action, 'analysis_attachment.upload'), eq(auditEntries.entityType, 'analysis_attachment')),
      );
    expect(JSON.stringify(rows)).not.toContain(big.slice(0, 100));
  });
});

describe('demo data', () => {
  it('gives the first demo company an energy mapping with measures, one of them already an action', async () => {
    const list = (await call('companyOwn', 'GET', companyUrl)).json() as {
      items: { id: string; title: string; findingCount: number; convertedCount: number }[];
    };
    const demo = list.items.find((item) => item.title === 'Energikartläggning 2025' && item.findingCount === 3)!;
    expect(demo.convertedCount).toBe(1);
    const mapping = (await call('companyOwn', 'GET', `/api/analyses/${demo.id}`)).json() as Saved;
    expect(mapping.energy!.carriers.length).toBeGreaterThanOrEqual(3);
    expect(mapping.energy!.balance.unallocated.kwh).toBe(0);
  });
});
