import { z } from 'zod';
import { fieldErrorSchema, visibleLine } from './common';
import { companyFactFields, type CompanyFactField } from './companies';

// Importing companies from a spreadsheet: the file travels as base64 in JSON (state-changing
// routes take JSON only), is previewed with every row's errors, then imported all-valid or none.

/** A company field a column can be mapped to: the organisation number and the register's facts; a
 * municipality is given by its name or code, not only by the code the register keeps. */
export type ImportField = 'organisationNumber' | Exclude<CompanyFactField, 'municipalityCode'> | 'municipality';
/** The fields in the order the mapping offers them, from the register's facts (contracts/companies.ts). */
export const importFields: readonly ImportField[] = [
  'organisationNumber',
  ...companyFactFields.map((field) => (field === 'municipalityCode' ? 'municipality' : field)),
];
export const importFieldSchema = z.enum(importFields);

/** Largest accepted spreadsheet (bytes, before base64). */
export const importMaxBytes = 5 * 1024 * 1024;

export const importFileSchema = z.strictObject({
  fileName: visibleLine(
    z
      .string({ error: 'Choose a file' })
      .trim()
      .min(1)
      .max(255)
      .regex(/\.(xlsx|csv)$/i, { error: 'Choose an .xlsx or .csv file' }),
  ),
  contentBase64: z
    .string({ error: 'Choose a file' })
    .min(1, { error: 'The file is empty' })
    .max(Math.ceil((importMaxBytes * 4) / 3) + 4, { error: 'The file is larger than 5 MB' }),
  /** Column header for each field; omitted fields are guessed from the headers. */
  mapping: z.partialRecord(importFieldSchema, z.string().max(200)).optional(),
  /** Organisation the new companies belong to (admins; a coach imports for their own). */
  organisationId: z.uuid().optional(),
});
export type ImportFile = z.infer<typeof importFileSchema>;

export const importRowActionSchema = z.enum(['create', 'update', 'unchanged', 'error']);

export const importRowSchema = z.object({
  rowNumber: z.number().int(),
  organisationNumber: z.string().nullable(),
  name: z.string().nullable(),
  action: importRowActionSchema,
  errors: z.array(fieldErrorSchema),
  warnings: z.array(z.string()),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importCountsSchema = z.object({
  total: z.number().int(),
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});

export const importPreviewSchema = z.object({
  columns: z.array(z.string()),
  mapping: z.partialRecord(importFieldSchema, z.string()),
  rows: z.array(importRowSchema),
  counts: importCountsSchema,
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitBodySchema = importFileSchema.extend({
  /** `valid_rows`: import the rows without errors; `all_or_nothing`: import only if no row has an error. */
  mode: z.enum(['valid_rows', 'all_or_nothing']),
});
export type ImportCommitBody = z.infer<typeof importCommitBodySchema>;

export const importResultSchema = z.object({
  isImported: z.boolean(),
  counts: importCountsSchema,
  rows: z.array(importRowSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;
