import { importFields, type ImportField, type ImportPreview } from '../../../contracts/company-import';

export type ImportMapping = ImportPreview['mapping'];

/**
 * Points a field at a column (or at none). One column feeds one field, so a column taken by
 * this field is let go by any other field that had it.
 */
export function withMapping(mapping: ImportMapping, field: ImportField, column: string | null): ImportMapping {
  const next: ImportMapping = {};
  for (const key of importFields) {
    const current = mapping[key];
    if (key === field || current === undefined || current === column) continue;
    next[key] = current;
  }
  if (column) next[field] = column;
  return next;
}

/** The columns no field reads, shown so the user sees what the import leaves out. */
export function unmappedColumns(columns: readonly string[], mapping: ImportMapping): string[] {
  const used = new Set(Object.values(mapping));
  return columns.filter((column) => !used.has(column));
}

/** The fields an import cannot do without. */
export const requiredImportFields: readonly ImportField[] = ['organisationNumber', 'name'];
