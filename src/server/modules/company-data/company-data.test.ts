import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyData } from '../../../contracts/company-data';
import { ok, requestsAs, type InjectResponse } from '../../test/requests';
import { createTestApp, fixtures, type TestApp } from '../../test/test-app';
import { companyDataSheetNames } from './company-data-workbook';

// A company's own data as a file (issue 15, decision 043): the .xlsx and the JSON hold what the API
// shows the company's user on the pages, and only of their own company.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const call = requestsAs(() => t);
const exportUrl = (companyId: string, format: 'xlsx' | 'json') => `/api/companies/${companyId}/export?format=${format}`;
const marker = 'Exportmarkör Kollegasson';

/** Each sheet's rows as plain values, header row first. */
async function readSheets(response: InjectResponse): Promise<Map<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return new Map(
    workbook.worksheets.map((sheet) => {
      const rows: unknown[][] = [];
      sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return [sheet.name, rows];
    }),
  );
}

describe('a company’s data export', () => {
  it('gives the company’s own user a JSON file with what the API shows them', async () => {
    await ok(
      await call('companyOwn', 'POST', `/api/companies/${fixtures.ownCompanyId}/contacts`, {
        name: marker,
        gender: 'woman',
        consent: { purpose: 'Kontakt om aktiviteter', textVersion: '2026-01', givenOn: '2026-11-01T10:00:00+01:00' },
      }),
      201,
    );
    const response = await call('companyOwn', 'GET', exportUrl(fixtures.ownCompanyId, 'json'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="foretagsdata-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = response.json() as CompanyData;

    const company = await ok<{
      name: string;
      organisationNumber: string;
      contacts: { id: string; isErased: boolean }[];
    }>(await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}`));
    const maturity = await ok<{ assessments: { id: string }[] }>(
      await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/maturity`),
    );
    const plan = await ok<{ items: { id: string }[] }>(
      await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/actions`),
    );
    const analyses = await ok<{ items: { id: string }[] }>(
      await call('companyOwn', 'GET', `/api/companies/${fixtures.ownCompanyId}/analyses`),
    );
    expect(data.company).toMatchObject({ id: fixtures.ownCompanyId, name: company.name });
    expect(data.company.organisationNumber).toBe(company.organisationNumber);
    expect(data.contacts.map((c) => c.id).sort()).toEqual(
      company.contacts
        .filter((c) => !c.isErased)
        .map((c) => c.id)
        .sort(),
    );
    expect(data.contacts.map((c) => c.name)).toContain(marker);
    expect(data.measurements.map((m) => m.id).sort()).toEqual(maturity.assessments.map((m) => m.id).sort());
    expect(data.actions.map((a) => a.id).sort()).toEqual(plan.items.map((a) => a.id).sort());
    expect(data.analyses.map((a) => a.id).sort()).toEqual(analyses.items.map((a) => a.id).sort());
    // The demo company has a plan, measurements and analyses, so the comparison compares something.
    expect(data.measurements.length).toBeGreaterThan(0);
    expect(data.actions.length).toBeGreaterThan(0);
    expect(data.analyses.length).toBeGreaterThan(0);
    // What only staff read (abilities, the register's warnings) is not in the file.
    expect(JSON.stringify(data)).not.toContain('"abilities"');
    expect(data.company).not.toHaveProperty('warnings');
  });

  it('writes the same content to an .xlsx with a sheet each, in Swedish', async () => {
    const json = (await call('companyOwn', 'GET', exportUrl(fixtures.ownCompanyId, 'json'))).json() as CompanyData;
    const response = await call('companyOwn', 'GET', exportUrl(fixtures.ownCompanyId, 'xlsx'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheets = await readSheets(response);
    expect([...sheets.keys()]).toEqual(Object.values(companyDataSheetNames));

    const companySheet = new Map(
      sheets
        .get(companyDataSheetNames.company)!
        .slice(1)
        .map(([k, v]) => [k, v]),
    );
    expect(companySheet.get('Företag')).toBe(json.company.name);
    expect(companySheet.get('Organisationsnummer')).toBe(json.company.organisationNumber);
    expect(companySheet.get('Ansvarig organisation')).toBe(json.company.organisationName);

    const contacts = sheets.get(companyDataSheetNames.contacts)!;
    expect(contacts[0]!.slice(0, 5)).toEqual(['Namn', 'E-postadress', 'Telefon', 'Roll', 'Kön']);
    expect(contacts.slice(1).map((row) => row[0])).toEqual(json.contacts.map((c) => c.name));
    const markerRow = contacts.find((row) => row[0] === marker)!;
    expect(markerRow[4]).toBe('Kvinna');
    expect(markerRow[5]).toBe('Kontakt om aktiviteter (2026-11-01)');

    const measurements = sheets.get(companyDataSheetNames.measurements)!.slice(1);
    expect(measurements).toHaveLength(json.measurements.length);
    expect(measurements.map((row) => row[7] ?? null)).toEqual(json.measurements.map((m) => m.step));

    const actions = sheets.get(companyDataSheetNames.actions)!.slice(1);
    expect(actions.map((row) => row[1])).toEqual(json.actions.map((a) => a.title));
    expect(actions.map((row) => row[6] ?? null)).toEqual(json.actions.map((a) => a.investmentSek));

    const analyses = sheets.get(companyDataSheetNames.analyses)!.slice(1);
    expect(analyses.map((row) => row[1])).toEqual(json.analyses.map((a) => a.title));
    expect(analyses.map((row) => row[4])).toEqual(json.analyses.map((a) => a.findingCount));
  });

  it('answers 404 for another company, to its users and to another organisation’s coach', async () => {
    expect((await call('companyOwn', 'GET', exportUrl(fixtures.otherCompanyId, 'xlsx'))).statusCode).toBe(404);
    expect((await call('companyOther', 'GET', exportUrl(fixtures.ownCompanyId, 'json'))).statusCode).toBe(404);
    expect((await call('coachOther', 'GET', exportUrl(fixtures.ownCompanyId, 'json'))).statusCode).toBe(404);
    expect((await call('coachOwn', 'GET', exportUrl(fixtures.ownCompanyId, 'json'))).statusCode).toBe(200);
  });
});
