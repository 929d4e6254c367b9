import { PassThrough } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import { countXlsxRows } from './xlsx-row-count';

// Reading and writing the spreadsheets people keep their lists in: .xlsx through exceljs,
// CSV through the small RFC 4180 reader and writer below. exceljs's own CSV reader guesses types
// (it turns "2023-05" or "5560-36" into dates) and needs the separator up front, while Swedish
// Excel saves CSV with `;` and often in Windows-1252: both are handled here instead.
// Nothing here knows about HTTP or the database. Shared by the server's modules: the company
// import reads with it, and every module that offers an .xlsx or CSV download writes with it.

/** A sheet as text: the header row's column names and the non-empty rows after it. */
export type Sheet = {
  columns: string[];
  /** `rowNumber` is the row as the spreadsheet program shows it (the header is usually row 1). */
  rows: { rowNumber: number; cells: string[] }[];
};

/** exceljs takes about a second to load: it comes with the first spreadsheet, not with every start. */
const excel = async () => (await import('exceljs')).default;

export type SheetProblem = 'unreadable' | 'no_header' | 'too_many_rows';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** Strict base64 (standard or URL alphabet, padding optional, whitespace and a data: URL prefix
 * tolerated); undefined when the text is not base64, since Buffer.from skips bad characters silently. */
export function decodeBase64(text: string): Buffer | undefined {
  const body = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body) || body.length % 4 === 1) return undefined;
  return Buffer.from(body, body.includes('-') || body.includes('_') ? 'base64url' : 'base64');
}

/** Watches the reading: `onRow` is called for each row a reader parses (the tests count them). */
export type ReadObserver = { onRow?: () => void };

/** Reads an .xlsx or CSV file to text cells. The content decides the format (an .xlsx is a zip),
 * so a renamed file still works; the first non-empty row is the header; at most `maxRows` rows. */
export async function readSpreadsheet(
  bytes: Buffer,
  fileName: string,
  maxRows: number,
  observer: ReadObserver = {},
): Promise<{ sheet: Sheet } | { problem: SheetProblem }> {
  const isZip = zipMagic.every((byte, index) => bytes[index] === byte);
  // The header and one row too many are all it takes to refuse a file: reading stops there.
  const stopAt = maxRows + 2;
  let table: { rowNumber: number; cells: string[] }[];
  if (isZip) {
    const count = await countXlsxRows(bytes, stopAt, observer.onRow);
    if (count === undefined) return { problem: 'unreadable' };
    if (count >= stopAt) return { problem: 'too_many_rows' };
    const read = await readXlsxRows(bytes, observer);
    if (!read) return { problem: 'unreadable' };
    table = read;
  } else {
    if (/\.xlsx$/i.test(fileName)) return { problem: 'unreadable' };
    const text = decodeText(bytes);
    // A text file has no NUL characters; a binary file (an old .xls, a PDF) does.
    if (text === undefined || text.includes('\u0000')) return { problem: 'unreadable' };
    const records = parseCsv(text, detectSeparator(text), { stopAt, onRecord: observer.onRow });
    if (!records) return { problem: 'unreadable' };
    table = records.map((cells, index) => ({ rowNumber: index + 1, cells }));
  }
  const nonEmpty = table.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  if (!header) return { problem: 'no_header' };
  if (rows.length > maxRows) return { problem: 'too_many_rows' };
  return { sheet: { columns: columnNames(header.cells), rows } };
}

/** Header cells as unique names: blanks get their column letter, repeats a " (2)". */
function columnNames(cells: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.trim().replace(/\s+/g, ' ') || columnLetter(index);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

async function readXlsxRows(
  bytes: Buffer,
  observer: ReadObserver,
): Promise<{ rowNumber: number; cells: string[] }[] | undefined> {
  const workbook = new (await excel()).Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    return undefined;
  }
  // The first sheet that has anything in it: a workbook often starts with an empty or a notes sheet.
  const worksheet = workbook.worksheets.find((sheet) => sheet.actualRowCount > 0);
  if (!worksheet) return [];
  const rows: { rowNumber: number; cells: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    observer.onRow?.();
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
      cells[columnNumber - 1] = cellText(cell.value);
    });
    rows.push({ rowNumber, cells: Array.from(cells, (cell) => cell ?? '') });
  });
  return rows;
}

/** A cell as the text a person sees in it (formulas by their result, dates as YYYY-MM-DD). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result);
  return '';
}

/** Text from bytes: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252, which is
 * what Swedish Excel writes for "CSV (semikolonavgränsad)". Undefined when it cannot be text. */
export function decodeText(bytes: Uint8Array): string | undefined {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    // TextDecoder drops a UTF-8 BOM by itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('windows-1252', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
}

/** The separator of a CSV file: whichever of `;`, `,` and tab occurs most in its first line
 * outside quotes (Swedish Excel uses `;` because `,` is the decimal mark). */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ]);
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ',';
  for (const [separator, count] of counts) if (count > counts.get(best)!) best = separator;
  return best;
}

const isBlankRecord = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

/** RFC 4180 records: quoted fields may hold separators, line breaks and doubled quotes; lines end
 * in CRLF, LF or CR. Undefined when a quote is never closed (the rest of the file would vanish
 * into one cell). With `stopAt` it stops after that many records that are not blank. */
export function parseCsv(
  text: string,
  separator = detectSeparator(text),
  options: { stopAt?: number; onRecord?: () => void } = {},
): string[][] | undefined {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  let wasQuoted = false;
  let filled = 0;
  for (let i = 0; i < text.length && filled < (options.stopAt ?? Infinity); i += 1) {
    const char = text[i]!;
    if (isQuoted) {
      if (char !== '"') field += char;
      else if (text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else isQuoted = false;
      continue;
    }
    if (char === '"' && field === '' && !wasQuoted) {
      isQuoted = true;
      wasQuoted = true;
    } else if (char === separator) {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      options.onRecord?.();
      if (!isBlankRecord(record)) filled += 1;
      record = [];
      field = '';
      wasQuoted = false;
    } else {
      field += char;
    }
  }
  if (isQuoted) return undefined;
  if (field !== '' || wasQuoted || record.length > 0) {
    record.push(field);
    records.push(record);
    options.onRecord?.();
  }
  return records;
}

/** Lower case, without diacritics, parenthesised notes and anything but letters and digits:
 * "Org.nr" → "orgnr", "Omsättning (SEK)" → "omsattning". */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** A number as people type it in Sweden: "1 234 567", "1234567 kr", "1,5" or "1.5"; undefined
 * when the text is not a number. Thousands separators may be spaces (also non-breaking ones). */
export function parseNumberText(text: string): number | undefined {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(kr|sek|:-)$/i, '')
    .replace(/^(sek)/i, '')
    .replace(/^−/, '-');
  if (!/^-?\d+([.,]\d+)?$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}

export type ExportCell = string | number | null;
/** A written file as a route sends it: an attachment with its name and type. */
export type ExportFile = { fileName: string; contentType: string; content: Buffer; isTruncated: boolean };
export type ExportColumn = { header: string; width: number; isAmount?: boolean; numFmt?: string };
export type ExportSheet = { name: string; columns: readonly ExportColumn[]; rows: readonly (readonly ExportCell[])[] };

/** A report's first sheet, "Om rapporten": what it is, for whom, when it was made and its rules, one
 * fact a row. */
export function aboutSheet(rows: readonly (readonly [string, string])[]): ExportSheet {
  return {
    name: 'Om rapporten',
    columns: [
      { header: 'Uppgift', width: 30 },
      { header: 'Värde', width: 100 },
    ],
    rows,
  };
}

/** An .xlsx with one sheet: bold, frozen header row with a filter, amounts with thousands separators. */
export async function writeXlsx(
  sheetName: string,
  columns: readonly ExportColumn[],
  rows: readonly (readonly ExportCell[])[],
): Promise<Buffer> {
  return writeXlsxSheets([{ name: sheetName, columns, rows }]);
}

/** The style of a cell or row without one: shared, so that ExcelJS looks it up once (see below). */
const noStyle: Partial<ExcelJS.Style> = {};

/** An .xlsx with several sheets in the style of writeXlsx; numbers stay numbers. Written by ExcelJS's
 * streaming writer, row by row, with strings inline: a report's participant list of tens of
 * thousands of rows is not held as a workbook model in memory first. */
export async function writeXlsxSheets(sheets: readonly ExportSheet[]): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
  });
  const workbook = new (await excel()).stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  for (const { name, columns, rows } of sheets) {
    const worksheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    // One style object per column, given to every cell of it. ExcelJS gives each new cell and row
    // a fresh copy of its column's style, and looks up a style it has not seen by rendering it as
    // XML: for a participant list of 60 000 rows that was half the CPU of the whole file. A style
    // object it has seen is found by identity, so the cells share these (bench/xlsx-write.ts).
    const cellStyles = columns.map((column): Partial<ExcelJS.Style> =>
      column.isAmount || column.numFmt ? { numFmt: column.numFmt ?? '#,##0' } : noStyle,
    );
    worksheet.columns = columns.map((column, index) => ({
      header: column.header,
      width: column.width,
      ...(cellStyles[index] !== noStyle && { style: cellStyles[index] }),
    }));
    worksheet.getRow(1).font = { bold: true };
    for (const values of rows) {
      const row = worksheet.addRow([...values]);
      // A row's own style is not in ExcelJS's typings, but its writer looks it up for every row.
      (row as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = noStyle;
      for (let index = 0; index < values.length; index += 1)
        row.getCell(index + 1).style = cellStyles[index] ?? noStyle;
      row.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** CSV as Swedish Excel opens it: UTF-8 with BOM, `;` between fields, CRLF line ends. Text that
 * would start a formula gets a leading apostrophe (OWASP "CSV injection"). */
export function writeCsv(columns: readonly ExportColumn[], rows: readonly (readonly ExportCell[])[]): Buffer {
  const line = (cells: readonly ExportCell[]) => cells.map(csvField).join(';');
  const text = [line(columns.map((column) => column.header)), ...rows.map(line)].join('\r\n');
  return Buffer.from(`\uFEFF${text}\r\n`, 'utf8');
}

function csvField(value: ExportCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n,]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
