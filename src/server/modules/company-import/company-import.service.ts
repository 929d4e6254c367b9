import { can } from '../../../core/access';
import { isLegalPersonNumber, parseOrganisationNumber } from '../../../core/organisation-number';
import type { Actor } from '../../../core/roles';
import { parseSniCode } from '../../../core/sni';
import type { FieldError } from '../../../contracts/common';
import { createCompanyBodySchema, type CompanyExportQuery } from '../../../contracts/companies';
import {
  importFields,
  importMaxBytes,
  type ImportCommitBody,
  type ImportField,
  type ImportFile,
  type ImportPreview,
  type ImportResult,
  type ImportRow,
} from '../../../contracts/company-import';
import type { z } from 'zod';
import { municipalities } from '../../content/municipalities';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, invalidField, invalidInput, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import {
  classifyImportedCompanies,
  listCompaniesForExport,
  saveImportedCompany,
  type ImportClassification,
} from '../companies/companies.service';
import { organisationExists } from '../organisations/organisations.service';
import {
  decodeBase64,
  parseNumberText,
  readSpreadsheet,
  writeCsv,
  writeXlsx,
  type ExportCell,
  type ExportColumn,
  type ExportFile,
  type Sheet,
} from '../../spreadsheets/spreadsheet';
import { fieldColumns, findMunicipalityCode, guessMapping } from './company-columns';

/** The register's columns, for the other files that show a company's fields (company-data). */
export { fieldColumns } from './company-columns';

// Importing the company register from a spreadsheet and exporting it to one. Every row of an
// import is validated with the same contract as the registration form (createCompanyBodySchema)
// and classified and saved by the companies service, so the register's rules live in one place.

/** Most data rows one file may hold: enough for a partner's whole list, small enough for one transaction. */
export const importMaxRows = 5000;
/** Most companies one export holds; the programme aims at about 250. */
export const exportMaxRows = 100_000;

type CreateInput = z.output<typeof createCompanyBodySchema>;
type Mapping = Partial<Record<ImportField, string>>;
/** A row as validated, with the input to save when it has no errors. */
type CheckedRow = ImportRow & { input?: CreateInput; classification?: ImportClassification };

/** The organisation the imported companies belong to: an admin names it, a coach imports for
 * their own (and may name it); company users do not change the register. */
async function importingOrganisation(db: Db, actor: Actor, requested: string | undefined): Promise<string> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'importCompanies')) throw forbidden();
  switch (actor.role) {
    case 'admin':
      if (!requested)
        throw invalidField('organisationId', 'required', 'Choose the organisation the companies belong to');
      if (!(await organisationExists(db, requested)))
        throw invalidField('organisationId', 'not_found', 'No such organisation');
      return requested;
    case 'coach':
      if (requested && requested !== actor.organisationId) {
        throw invalidField('organisationId', 'not_own', 'A coach imports companies for their own organisation');
      }
      return actor.organisationId;
    case 'company':
      throw forbidden();
  }
}

function fileProblem(code: string, message: string) {
  return invalidInput([{ field: 'contentBase64', code, message }], message);
}

async function readImportFile(file: ImportFile): Promise<Sheet> {
  const bytes = decodeBase64(file.contentBase64);
  if (!bytes || bytes.length === 0)
    throw fileProblem('invalid_base64', 'The file could not be read: its content is not base64');
  if (bytes.length > importMaxBytes) throw fileProblem('too_large', 'The file is larger than 5 MB');
  const read = await readSpreadsheet(bytes, file.fileName, importMaxRows);
  if ('sheet' in read) return read.sheet;
  switch (read.problem) {
    case 'unreadable':
      throw fileProblem('unreadable', 'The file is not a readable .xlsx or CSV file');
    case 'no_header':
      throw fileProblem('empty', 'The file has no rows');
    case 'too_many_rows':
      throw fileProblem('too_many_rows', `The file has more than ${importMaxRows} rows: split it into smaller files`);
  }
}

/** The columns the fields are read from: the person's choices first, then the guesses for the
 * rest from the headers (a guessed column already chosen for another field is not used twice).
 * An empty string unmaps a field. */
function resolveMapping(columns: readonly string[], requested: Mapping | undefined): Mapping {
  const mapping: Mapping = {};
  const chosen = new Set<string>();
  for (const [field, column] of Object.entries(requested ?? {}) as [ImportField, string][]) {
    if (column === '') continue;
    if (!columns.includes(column))
      throw invalidField(`mapping.${field}`, 'unknown_column', `The file has no column "${column}"`);
    mapping[field] = column;
    chosen.add(column);
  }
  for (const [field, column] of Object.entries(guessMapping(columns)) as [ImportField, string][]) {
    if (requested?.[field] === undefined && !chosen.has(column)) mapping[field] = column;
  }
  return mapping;
}

/** The import field a contract path belongs to: the contract stores a municipality by its code. */
function importFieldOf(key: PropertyKey | undefined): string {
  if (key === 'municipalityCode') return 'municipality';
  return typeof key === 'string' && (importFields as readonly string[]).includes(key) ? key : 'row';
}

/** A sole trader's number of someone born in the 2000s ("010203-1234") loses its leading zero
 * when Excel holds it as a number; nine bare digits get it back (the check digit still decides). */
function withLeadingZero(text: string): string {
  return /^\d{9}$/.test(text) ? `0${text}` : text;
}

/** Each row as the input of a registration, validated by the registration's own contract. Empty
 * cells are left out, so they never blank a stored value. */
function checkRows(sheet: Sheet, mapping: Mapping): CheckedRow[] {
  const columnIndex = new Map(
    (Object.entries(mapping) as [ImportField, string][]).map(([field, column]) => [
      field,
      sheet.columns.indexOf(column),
    ]),
  );
  const firstRowOfNumber = new Map<string, number>();
  return sheet.rows.map(({ rowNumber, cells }) => {
    const text = (field: ImportField) => {
      const index = columnIndex.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const errors: FieldError[] = [];
    const input: Record<string, unknown> = {};
    for (const field of importFields) {
      const value = text(field);
      if (value === '') continue;
      switch (field) {
        case 'municipality': {
          const code = findMunicipalityCode(municipalities, value);
          if (code) input.municipalityCode = code;
          else
            errors.push({
              field,
              code: 'unknown_municipality',
              message: `"${value}" is not a municipality in Västra Götaland or Halland`,
            });
          break;
        }
        case 'headcount':
        case 'financialYear':
        case 'turnoverSek':
        case 'balanceSheetSek': {
          const number = parseNumberText(value);
          if (number === undefined) errors.push({ field, code: 'not_a_number', message: `"${value}" is not a number` });
          else if ((field === 'headcount' || field === 'financialYear') && !Number.isInteger(number)) {
            errors.push({ field, code: 'not_whole_number', message: 'Enter a whole number' });
          } else input[field] = number;
          break;
        }
        case 'organisationNumber':
          input[field] = withLeadingZero(value);
          break;
        default:
          input[field] = value;
      }
    }
    const parsed = createCompanyBodySchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        const field = importFieldOf(key);
        if (errors.some((error) => error.field === field)) continue;
        const reason = issue.code === 'custom' ? (issue.params as { reason?: string } | undefined)?.reason : undefined;
        const isMissing = issue.code === 'invalid_type' && typeof key === 'string' && input[key] === undefined;
        errors.push({ field, code: reason ?? (isMissing ? 'required' : issue.code), message: issue.message });
      }
    }
    const number = withLeadingZero(text('organisationNumber'));
    const normalised = parseOrganisationNumber(number);
    if ('value' in normalised) {
      const firstRow = firstRowOfNumber.get(normalised.value);
      if (firstRow === undefined) firstRowOfNumber.set(normalised.value, rowNumber);
      else if (!errors.some((error) => error.field === 'organisationNumber')) {
        errors.push({
          field: 'organisationNumber',
          code: 'duplicate_in_file',
          message: `The same organisation number as row ${firstRow}`,
        });
      }
    }
    const row: CheckedRow = {
      rowNumber,
      organisationNumber: 'value' in normalised ? normalised.value : number || null,
      name: text('name') || null,
      action: 'error',
      errors,
      warnings: [],
    };
    if (parsed.success && errors.length === 0) {
      row.input = parsed.data;
      row.name = parsed.data.name;
      if (!isLegalPersonNumber(parsed.data.organisationNumber)) row.warnings.push('sole_trader_personal_number');
      const sni = parsed.data.sniCode ? parseSniCode(parsed.data.sniCode) : undefined;
      if (sni && 'isManufacturing' in sni && !sni.isManufacturing) row.warnings.push('sni_not_manufacturing');
    }
    return row;
  });
}

/** Decides create, update or unchanged for each valid row; a number another organisation holds
 * becomes the row's error. The companies service looks the numbers up in bulk. */
async function classifyRows(db: Db, organisationId: string, rows: CheckedRow[], now: Date): Promise<void> {
  const valid = rows.filter((row) => row.input);
  const results = await classifyImportedCompanies(
    db,
    organisationId,
    valid.map((row) => row.input!),
    now,
  );
  valid.forEach((row, index) => {
    const classified = results[index]!;
    row.classification = classified;
    if ('problem' in classified) {
      row.errors.push({
        field: 'organisationNumber',
        code: classified.problem,
        message: `${classified.organisationName} already holds this organisation number`,
      });
      row.input = undefined;
      row.warnings = [];
    } else {
      row.action = classified.action;
    }
  });
}

function countRows(rows: readonly ImportRow[]): ImportPreview['counts'] {
  const counts = { total: rows.length, create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) counts[row.action] += 1;
  return counts;
}

function publicRow({ input: _input, classification: _classification, ...row }: CheckedRow): ImportRow {
  return row;
}

async function checkFile(ctx: AppContext, actor: Actor, file: ImportFile) {
  const organisationId = await importingOrganisation(ctx.db, actor, file.organisationId);
  const sheet = await readImportFile(file);
  const mapping = resolveMapping(sheet.columns, file.mapping);
  return { organisationId, sheet, mapping, rows: checkRows(sheet, mapping) };
}

/** What importing the file would do, row by row, without changing anything. */
export async function previewCompanyImport(ctx: AppContext, actor: Actor, file: ImportFile): Promise<ImportPreview> {
  const { organisationId, sheet, mapping, rows } = await checkFile(ctx, actor, file);
  await classifyRows(ctx.db, organisationId, rows, ctx.now());
  return { columns: sheet.columns, mapping, rows: rows.map(publicRow), counts: countRows(rows) };
}

/**
 * Imports the file in one transaction, checked again from scratch (the preview is never
 * trusted). `all_or_nothing` saves nothing when any row has an error; `valid_rows` saves the
 * others. Unchanged rows are not written, so importing the same file twice changes nothing.
 */
export async function importCompanies(ctx: AppContext, actor: Actor, body: ImportCommitBody): Promise<ImportResult> {
  const { organisationId, rows } = await checkFile(ctx, actor, body);
  const now = ctx.now();
  const isImported = await ctx.db.transaction(async (tx) => {
    await classifyRows(tx, organisationId, rows, now);
    if (body.mode === 'all_or_nothing' && rows.some((row) => row.action === 'error')) return false;
    for (const row of rows) {
      if (row.input && (row.action === 'create' || row.action === 'update')) {
        row.action = await saveImportedCompany(tx, actor, organisationId, row.input, now, row.classification!);
      }
    }
    await recordAudit(tx, actor, now, {
      action: 'company.import',
      entityType: 'organisation',
      entityId: organisationId,
      organisationId,
      after: { fileName: body.fileName, mode: body.mode, counts: countRows(rows) },
    });
    return true;
  });
  return { isImported, counts: countRows(rows), rows: rows.map(publicRow) };
}

// The export speaks Swedish: it is read by people in Excel, not by the web app. The words for
// statuses and size classes are the export's own until the glossary settles them.
const statusLabels: Record<string, string> = {
  prospect: 'Intressent',
  enrolled: 'Inskrivet',
  active: 'Aktivt',
  completed: 'Avslutat',
  withdrawn: 'Utträtt',
};
const sizeClassLabels: Record<string, string> = {
  micro: 'Mikroföretag',
  small: 'Litet företag',
  medium: 'Medelstort företag',
  large: 'Stort företag',
};

type ExportedCompany = Awaited<ReturnType<typeof listCompaniesForExport>>[number];
type ExportField = ExportColumn & { value: (company: ExportedCompany) => ExportCell };

/** A company field's column: its header from company-columns.ts (the import guesses by it), its value
 * the company's own, the municipality by its name. */
const fieldColumn = (field: ImportField): ExportField => ({
  ...fieldColumns[field],
  value: (company) => (field === 'municipality' ? company.municipalityName : company[field]),
});

/** Who and where first, then every other field of the import (contracts/company-import.ts) in its
 * order, so a fact added to the register is exported, and imported again, without a change here. */
const leadingFields: readonly ImportField[] = ['name', 'organisationNumber', 'municipality', 'sniCode'];
const exportColumns: readonly ExportField[] = [
  fieldColumn('name'),
  fieldColumn('organisationNumber'),
  { header: 'Status', width: 12, value: (company) => statusLabels[company.status] ?? company.status },
  { header: 'Ansvarig organisation', width: 28, value: (company) => company.organisationName },
  { header: 'Industriutvecklare', width: 24, value: (company) => company.coachName },
  fieldColumn('municipality'),
  {
    header: 'Storleksklass',
    width: 20,
    value: (company) => (company.sizeClass ? (sizeClassLabels[company.sizeClass] ?? company.sizeClass) : null),
  },
  fieldColumn('sniCode'),
  ...importFields.filter((field) => !leadingFields.includes(field)).map(fieldColumn),
];

/** The companies the actor may list, with the list's filters, as an .xlsx or a CSV file. */
export async function exportCompanies(ctx: AppContext, actor: Actor, query: CompanyExportQuery): Promise<ExportFile> {
  const { format, sort: _sort, order: _order, ...filters } = query;
  const found = await listCompaniesForExport(ctx, actor, filters, exportMaxRows + 1);
  const isTruncated = found.length > exportMaxRows;
  const rows: ExportCell[][] = found
    .slice(0, exportMaxRows)
    .map((company) => exportColumns.map((column) => column.value(company)));
  // The date in the file name is the Swedish calendar day, not UTC's.
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(ctx.now());
  return format === 'csv'
    ? {
        fileName: `foretag-${day}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: writeCsv(exportColumns, rows),
        isTruncated,
      }
    : {
        fileName: `foretag-${day}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: await writeXlsx('Företag', exportColumns, rows),
        isTruncated,
      };
}
