import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyFactFields } from '../../../contracts/companies';
import { importFields, type ImportPreview, type ImportResult } from '../../../contracts/company-import';
import { luhnCheckDigit } from '../../../core/organisation-number';
import { createTestApp, fixtures, type ActorName, type TestApp } from '../../test/test-app';
import { importMaxRows } from './company-import.service';
import { readSpreadsheet } from '../../spreadsheets/spreadsheet';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

/** A valid organisation number of a legal person: six digits of prefix, a serial, the Luhn digit. */
function organisationNumber(prefix: string, serial: number): string {
  const nine = `${prefix}${String(serial).padStart(3, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

type Cell = string | number | null;

async function xlsxBase64(rows: Cell[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Företag');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function csvBase64(lines: string[], encoding: 'utf8' | 'latin1' = 'utf8'): string {
  return Buffer.from(lines.join('\r\n'), encoding).toString('base64');
}

async function call(actor: ActorName, method: 'GET' | 'POST', url: string, payload?: object) {
  const cookie = await t.login(actor);
  return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload && { payload }) });
}

const preview = (actor: ActorName, body: object) => call(actor, 'POST', '/api/companies/import/preview', body);
const commit = (actor: ActorName, body: object) => call(actor, 'POST', '/api/companies/import', body);

// The 300-row file: 295 good rows and five bad ones, one problem each.
const header = [
  'Org.nr',
  'Företagsnamn',
  'Besöksadress',
  'Postnummer',
  'Postort',
  'Kommun',
  'SNI-kod',
  'Antal anställda',
  'Omsättning',
  'Balansomslutning',
  'Räkenskapsår',
];
const municipalityCells = ['Skövde', '1496', 'borås', 'Göteborgs stad', 'LIDKOPING'];
const bad = {
  checkDigit: 10,
  missingName: 20,
  textHeadcount: 30,
  unknownMunicipality: 40,
  duplicate: 50,
  duplicateOf: 5,
} as const;
const rowNumberOf = (index: number) => index + 2;

function bigFileRows(): Cell[][] {
  const rows: Cell[][] = [header];
  for (let i = 0; i < 300; i += 1) {
    let number = organisationNumber('559901', i);
    if (i === bad.checkDigit) number = `${number.slice(0, -1)}${(Number(number.slice(-1)) + 1) % 10}`;
    if (i === bad.duplicate) number = organisationNumber('559901', bad.duplicateOf).replace('-', '');
    rows.push([
      number,
      i === bad.missingName ? null : `Testföretag ${i} AB`,
      `Industrigatan ${i}`,
      '541 30',
      'Skövde',
      i === bad.unknownMunicipality ? 'Stockholm' : municipalityCells[i % municipalityCells.length]!,
      '25.620',
      i === bad.textHeadcount ? 'många' : i % 3 === 0 ? i : String(i),
      i % 2 === 0 ? '12 345 678' : 12_345_678,
      '1 000 000 kr',
      2024,
    ]);
  }
  return rows;
}

let bigFile: string;

describe('importing a 300-row spreadsheet', () => {
  beforeAll(async () => {
    bigFile = await xlsxBase64(bigFileRows());
  });

  it('previews 295 new companies and exactly the five bad rows, each with its field', async () => {
    const response = await preview('coachOwn', { fileName: 'foretag.xlsx', contentBase64: bigFile });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const body = response.json() as ImportPreview;
    expect(body.columns).toEqual(header);
    expect(body.mapping).toEqual({
      organisationNumber: 'Org.nr',
      name: 'Företagsnamn',
      streetAddress: 'Besöksadress',
      postalCode: 'Postnummer',
      city: 'Postort',
      municipality: 'Kommun',
      sniCode: 'SNI-kod',
      headcount: 'Antal anställda',
      turnoverSek: 'Omsättning',
      balanceSheetSek: 'Balansomslutning',
      financialYear: 'Räkenskapsår',
    });
    expect(body.counts).toEqual({ total: 300, create: 295, update: 0, unchanged: 0, error: 5 });
    const errors = body.rows
      .filter((row) => row.action === 'error')
      .map((row) => ({ rowNumber: row.rowNumber, errors: row.errors.map((e) => [e.field, e.code]) }));
    expect(errors).toEqual([
      { rowNumber: rowNumberOf(bad.checkDigit), errors: [['organisationNumber', 'organisation_number_check_digit']] },
      { rowNumber: rowNumberOf(bad.missingName), errors: [['name', 'required']] },
      { rowNumber: rowNumberOf(bad.textHeadcount), errors: [['headcount', 'not_a_number']] },
      { rowNumber: rowNumberOf(bad.unknownMunicipality), errors: [['municipality', 'unknown_municipality']] },
      { rowNumber: rowNumberOf(bad.duplicate), errors: [['organisationNumber', 'duplicate_in_file']] },
    ]);
    expect(body.rows[0]).toMatchObject({
      rowNumber: 2,
      organisationNumber: organisationNumber('559901', 0),
      name: 'Testföretag 0 AB',
      action: 'create',
    });
  });

  it('imports nothing with all_or_nothing while a row has an error, and says so', async () => {
    const response = await commit('coachOwn', {
      fileName: 'foretag.xlsx',
      contentBase64: bigFile,
      mode: 'all_or_nothing',
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const body = response.json() as ImportResult;
    expect(body.isImported).toBe(false);
    expect(body.counts).toMatchObject({ create: 295, error: 5 });
    const list = (await call('coachOwn', 'GET', `/api/companies?q=${encodeURIComponent('Testföretag')}`)).json() as {
      total: number;
    };
    expect(list.total).toBe(0);
  });

  it('imports the 295 valid rows with valid_rows, with the facts read from the cells', async () => {
    const response = await commit('coachOwn', { fileName: 'foretag.xlsx', contentBase64: bigFile, mode: 'valid_rows' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const body = response.json() as ImportResult;
    expect(body.isImported).toBe(true);
    expect(body.counts).toEqual({ total: 300, create: 295, update: 0, unchanged: 0, error: 5 });
    const list = (
      await call('coachOwn', 'GET', `/api/companies?pageSize=100&q=${encodeURIComponent('Testföretag 12 AB')}`)
    ).json() as { items: { id: string }[] };
    expect(list.items).toHaveLength(1);
    const company = (await call('coachOwn', 'GET', `/api/companies/${list.items[0]!.id}`)).json() as Record<
      string,
      unknown
    >;
    expect(company).toMatchObject({
      organisationNumber: organisationNumber('559901', 12),
      organisationId: fixtures.ownOrganisationId,
      status: 'prospect',
      postalCode: '541 30',
      municipalityCode: '1490',
      sniCode: '25.620',
      headcount: 12,
      turnoverSek: 12_345_678,
      balanceSheetSek: 1_000_000,
      financialYear: 2024,
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const response = await commit('coachOwn', { fileName: 'foretag.xlsx', contentBase64: bigFile, mode: 'valid_rows' });
    expect((response.json() as ImportResult).counts).toEqual({
      total: 300,
      create: 0,
      update: 0,
      unchanged: 295,
      error: 5,
    });
  });

  it('updates a company whose facts changed, and leaves blank cells alone', async () => {
    const file = csvBase64([
      'Organisationsnummer;Namn;Anställda;Ort',
      `${organisationNumber('559901', 1)};Testföretag 1 AB;77;`,
    ]);
    const response = await commit('coachOwn', { fileName: 'andrad.csv', contentBase64: file, mode: 'all_or_nothing' });
    expect((response.json() as ImportResult).counts).toEqual({
      total: 1,
      create: 0,
      update: 1,
      unchanged: 0,
      error: 0,
    });
    const list = (
      await call('coachOwn', 'GET', `/api/companies?q=${encodeURIComponent('Testföretag 1 AB')}`)
    ).json() as { items: { id: string }[] };
    const company = (await call('coachOwn', 'GET', `/api/companies/${list.items[0]!.id}`)).json() as Record<
      string,
      unknown
    >;
    expect(company).toMatchObject({ headcount: 77, city: 'Skövde' });
  });
});

describe('reading files', () => {
  it('reads a CSV with a BOM, `;`, quotes and Swedish numbers', async () => {
    const file = csvBase64([
      '\uFEFFOrganisationsnummer;Företagsnamn;Kommun;Antal anställda;Omsättning',
      `${organisationNumber('559903', 1)};"Citat ""Verkstad"" AB; Väst";Uddevalla;"1 234";"2 500 000 kr"`,
      '',
      `${organisationNumber('559903', 2)};Decimal AB;1485;1,5;`,
      ';;;;',
    ]);
    const response = await commit('coachOwn', { fileName: 'lista.csv', contentBase64: file, mode: 'valid_rows' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const body = response.json() as ImportResult;
    expect(body.counts).toEqual({ total: 2, create: 1, update: 0, unchanged: 0, error: 1 });
    expect(body.rows[0]).toMatchObject({ rowNumber: 2, name: 'Citat "Verkstad" AB; Väst', action: 'create' });
    expect(body.rows[1]).toMatchObject({
      rowNumber: 4,
      action: 'error',
      errors: [{ field: 'headcount', code: 'not_whole_number' }],
    });
  });

  it('reads a comma-separated CSV saved in Windows-1252, as older Excel does', async () => {
    const file = csvBase64(
      ['Org.nr,Namn,Kommun', `${organisationNumber('559903', 3)},Ålgårdens Mekaniska AB,Borås`],
      'latin1',
    );
    const commitResponse = await commit('coachOwn', {
      fileName: 'ansi.csv',
      contentBase64: file,
      mode: 'all_or_nothing',
    });
    expect((commitResponse.json() as ImportResult).isImported).toBe(true);
    const list = (await call('coachOwn', 'GET', `/api/companies?q=${encodeURIComponent('Ålgårdens')}`)).json() as {
      items: { municipalityCode: string }[];
    };
    expect(list.items).toMatchObject([{ municipalityCode: '1490' }]);
  });

  it("gives a sole trader's number its leading zero back when Excel dropped it, and warns about personal data", async () => {
    const nine = '010203123';
    const written = `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
    const file = await xlsxBase64([
      ['Organisationsnummer', 'Namn'],
      [Number(written.replace('-', '')), 'Enskild Firma Testsson'],
    ]);
    const body = (await preview('coachOwn', { fileName: 'enskild.xlsx', contentBase64: file })).json() as ImportPreview;
    expect(body.rows).toMatchObject([
      { organisationNumber: written, action: 'create', warnings: ['sole_trader_personal_number'] },
    ]);
  });

  it('uses the columns the person chose over the guesses, and refuses a column the file lacks', async () => {
    const file = csvBase64(['A;B;Namn', `${organisationNumber('559903', 4)};Valda Namnet AB;Gissade Namnet AB`]);
    const chosen = (
      await preview('coachOwn', {
        fileName: 'x.csv',
        contentBase64: file,
        mapping: { organisationNumber: 'A', name: 'B' },
      })
    ).json() as ImportPreview;
    expect(chosen.mapping).toEqual({ organisationNumber: 'A', name: 'B' });
    expect(chosen.rows[0]).toMatchObject({ name: 'Valda Namnet AB', action: 'create' });
    const unknown = await preview('coachOwn', { fileName: 'x.csv', contentBase64: file, mapping: { name: 'Saknas' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ details: { fields: [{ field: 'mapping.name', code: 'unknown_column' }] } });
  });

  it('refuses content that is not base64, and a file that is no spreadsheet, naming contentBase64', async () => {
    const notBase64 = await preview('coachOwn', { fileName: 'x.csv', contentBase64: 'this is *not* base64!' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json()).toMatchObject({
      details: { fields: [{ field: 'contentBase64', code: 'invalid_base64' }] },
    });
    const notXlsx = await preview('coachOwn', {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('just some text').toString('base64'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json()).toMatchObject({ details: { fields: [{ field: 'contentBase64', code: 'unreadable' }] } });
    const brokenZip = await preview('coachOwn', {
      fileName: 'x.xlsx',
      contentBase64: Buffer.from('PK\u0003\u0004broken').toString('base64'),
    });
    expect(brokenZip.json()).toMatchObject({ details: { fields: [{ field: 'contentBase64', code: 'unreadable' }] } });
  });

  it('refuses a file of more than 5000 rows with a clear message', async () => {
    const lines = [
      'Organisationsnummer;Namn',
      ...Array.from({ length: 5001 }, (_, i) => `${organisationNumber('559904', i % 1000)};Rad ${i}`),
    ];
    const response = await preview('coachOwn', { fileName: 'stor.csv', contentBase64: csvBase64(lines) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      message: 'The file has more than 5000 rows: split it into smaller files',
      details: { fields: [{ field: 'contentBase64', code: 'too_many_rows' }] },
    });
  });

  it('stops reading a file of far more rows than the limit at the limit (issue 14, finding 7)', async () => {
    const rows = 4 * importMaxRows;
    const cells = (i: number): Cell[] => [organisationNumber('559905', i % 1000), `Rad ${i}`, 'Borås'];
    const xlsx = await xlsxBase64([
      ['Organisationsnummer', 'Namn', 'Ort'],
      ...Array.from({ length: rows }, (_, i) => cells(i)),
    ]);
    const csv = csvBase64([
      'Organisationsnummer;Namn;Ort',
      ...Array.from({ length: rows }, (_, i) => cells(i).join(';')),
    ]);
    for (const [fileName, contentBase64] of [
      ['stor.xlsx', xlsx],
      ['stor.csv', csv],
    ] as const) {
      const response = await preview('coachOwn', { fileName, contentBase64 });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        details: { fields: [{ field: 'contentBase64', code: 'too_many_rows' }] },
      });
      // The work done, not the time taken: the reader parsed the header and one row past the limit.
      let rowsParsed = 0;
      const read = await readSpreadsheet(Buffer.from(contentBase64, 'base64'), fileName, importMaxRows, {
        onRow: () => (rowsParsed += 1),
      });
      expect(read).toEqual({ problem: 'too_many_rows' });
      expect(rowsParsed, fileName).toBeGreaterThan(importMaxRows);
      expect(rowsParsed, fileName).toBeLessThanOrEqual(importMaxRows + 2);
    }
  });
});

describe('who may import', () => {
  const tiny = () => ({
    fileName: 'en.csv',
    contentBase64: csvBase64(['Organisationsnummer;Namn', `${organisationNumber('559905', 1)};Behörighet AB`]),
  });

  it('refuses anonymous callers (401) and company users (403)', async () => {
    expect((await preview('anonymous', tiny())).statusCode).toBe(401);
    expect((await preview('companyOwn', tiny())).statusCode).toBe(403);
    expect((await commit('companyOwn', { ...tiny(), mode: 'valid_rows' })).statusCode).toBe(403);
  });

  it('makes an admin name the organisation, and lets a coach name only their own', async () => {
    const admin = await preview('admin', tiny());
    expect(admin.statusCode).toBe(400);
    expect(admin.json()).toMatchObject({ details: { fields: [{ field: 'organisationId', code: 'required' }] } });
    expect((await preview('admin', { ...tiny(), organisationId: fixtures.otherOrganisationId })).statusCode).toBe(200);
    expect((await preview('coachOwn', { ...tiny(), organisationId: fixtures.ownOrganisationId })).statusCode).toBe(200);
    const other = await preview('coachOwn', { ...tiny(), organisationId: fixtures.otherOrganisationId });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ details: { fields: [{ field: 'organisationId', code: 'not_own' }] } });
  });

  it('reports a number another organisation holds as the row error, never an overwrite', async () => {
    const held = (await call('admin', 'GET', `/api/companies/${fixtures.otherCompanyId}`)).json() as {
      organisationNumber: string;
      name: string;
    };
    const file = csvBase64(['Organisationsnummer;Namn', `${held.organisationNumber};Kapat Namn AB`]);
    const response = await commit('coachOwn', { fileName: 'kapa.csv', contentBase64: file, mode: 'valid_rows' });
    const body = response.json() as ImportResult;
    expect(body.counts).toMatchObject({ total: 1, error: 1 });
    expect(body.rows[0]!.errors).toMatchObject([{ field: 'organisationNumber', code: 'held_by_other_organisation' }]);
    const after = (await call('admin', 'GET', `/api/companies/${fixtures.otherCompanyId}`)).json() as { name: string };
    expect(after.name).toBe(held.name);
  });
});

describe('exporting', () => {
  const headers = [
    'Företag',
    'Organisationsnummer',
    'Status',
    'Ansvarig organisation',
    'Industriutvecklare',
    'Kommun',
    'Storleksklass',
    'SNI',
    'Adress',
    'Postnummer',
    'Ort',
    'Anställda',
    'Omsättning (kr)',
    'Balansomslutning (kr)',
    'Räkenskapsår',
  ];

  async function readXlsx(payload: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(payload as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { sheet, rows };
  }

  it('exports the companies a coach works on as an .xlsx with a Swedish, bold, frozen header', async () => {
    const response = await call('coachOwn', 'GET', '/api/companies/export?format=xlsx');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="foretag-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const { sheet, rows } = await readXlsx(response.rawPayload);
    expect(rows[0]).toEqual(headers);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const row = rows.find((cells) => cells[1] === organisationNumber('559901', 12));
    expect(row).toEqual(
      [
        'Testföretag 12 AB',
        organisationNumber('559901', 12),
        'Intressent',
        expect.any(String),
        null,
        'Borås',
        'Litet företag',
        '25.620',
        'Industrigatan 12',
        '541 30',
        'Skövde',
        12,
        12_345_678,
        1_000_000,
        2024,
      ].map((cell) => (cell === null ? undefined : cell)),
    );
  });

  it('exports a CSV for Swedish Excel: BOM, `;` and CRLF', async () => {
    const response = await call('coachOwn', 'GET', `/api/companies/export?format=csv&q=${encodeURIComponent('Citat')}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/filename="foretag-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = response.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFFöretag;Organisationsnummer;Status;')).toBe(true);
    expect(text.split('\r\n')[1]).toMatch(/^"Citat ""Verkstad"" AB; Väst";559903-001\d;Intressent;/);
  });

  it('imports an exported file again with nothing to change', async () => {
    const exported = await call('coachOwn', 'GET', '/api/companies/export?format=xlsx');
    const response = await preview('coachOwn', {
      fileName: 'export.xlsx',
      contentBase64: exported.rawPayload.toString('base64'),
    });
    const body = response.json() as ImportPreview;
    expect(body.counts.total).toBeGreaterThan(295);
    expect(body.counts.unchanged).toBe(body.counts.total);
    expect(Object.keys(body.mapping).sort()).toEqual([...importFields].sort());
  });

  it('reads every fact of the register from an import, after the organisation number', () => {
    expect(importFields).toEqual([
      'organisationNumber',
      ...companyFactFields.map((field) => (field === 'municipalityCode' ? 'municipality' : field)),
    ]);
    expect(companyFactFields).toEqual([
      'name',
      'streetAddress',
      'postalCode',
      'city',
      'municipalityCode',
      'sniCode',
      'headcount',
      'turnoverSek',
      'balanceSheetSek',
      'financialYear',
    ]);
  });

  it("leaves one organisation's companies out of another's export, and gives a company user only their own", async () => {
    const other = await readXlsx((await call('coachOther', 'GET', '/api/companies/export')).rawPayload);
    expect(other.rows.length).toBeGreaterThan(1);
    expect(other.rows.some((cells) => String(cells[1]).startsWith('559901'))).toBe(false);
    const own = await readXlsx((await call('companyOwn', 'GET', '/api/companies/export')).rawPayload);
    expect(own.rows).toHaveLength(2);
    expect((await call('anonymous', 'GET', '/api/companies/export')).statusCode).toBe(401);
  });
});
