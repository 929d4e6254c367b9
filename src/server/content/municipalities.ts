import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { countyCodes, reportingAreas } from '../../core/regions';

// The municipalities and their reporting areas (DOMAIN.md "Geography") are content: read and
// checked once at import, so a bad edit stops the server at start instead of skewing a report.

const fileName = 'content/municipalities.json';
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', fileName);

const municipalitySchema = z
  .object({
    code: z.string().regex(/^\d{4}$/, 'code must be four digits'),
    name: z.string().min(1),
    countyCode: z.enum(countyCodes),
    reportingAreas: z.array(z.enum(reportingAreas)).min(1, 'at least one reporting area'),
    notes: z.string().optional(),
  })
  .strict()
  .refine((municipality) => municipality.code.startsWith(municipality.countyCode), {
    message: 'code must start with the county code',
    path: ['code'],
  })
  .refine((municipality) => new Set(municipality.reportingAreas).size === municipality.reportingAreas.length, {
    message: 'a reporting area is listed twice',
    path: ['reportingAreas'],
  });

export const municipalitiesFileSchema = z
  .object({
    version: z.string().min(1),
    source: z.string().min(1),
    municipalities: z.array(municipalitySchema).min(1),
  })
  .strict()
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.municipalities.forEach((municipality, index) => {
      if (seen.has(municipality.code)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate code', path: ['municipalities', index, 'code'] });
      }
      seen.add(municipality.code);
    });
  });

export type MunicipalitiesFile = z.infer<typeof municipalitiesFileSchema>;
export type MunicipalityEntry = MunicipalitiesFile['municipalities'][number];

/** Validates the parsed file; throws naming the file and, for each problem, its path and the entry as written. */
export function parseMunicipalitiesFile(raw: unknown, label = fileName): MunicipalitiesFile {
  const result = municipalitiesFileSchema.safeParse(raw);
  if (result.success) return result.data;
  const entries = (raw as { municipalities?: unknown } | null)?.municipalities;
  const problems = result.error.issues.map((issue) => {
    const [key, index] = issue.path;
    const entry =
      key === 'municipalities' && typeof index === 'number' && Array.isArray(entries) ? entries[index] : undefined;
    const where = issue.path.map(String).join('.') || '(root)';
    return entry === undefined
      ? `${where}: ${issue.message}`
      : `${where} (entry ${JSON.stringify(entry)}): ${issue.message}`;
  });
  throw new Error(`${label} is invalid:\n  ${problems.join('\n  ')}`);
}

function readJson(): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${fileName} could not be read as JSON: ${(error as Error).message}`, { cause: error });
  }
}

const content = parseMunicipalitiesFile(readJson());

/** The content version, stored with each report so a membership change can be traced. */
export const municipalitiesVersion = content.version;

/** All municipalities of Västra Götaland and Halland with their reporting areas. */
export const municipalities: readonly MunicipalityEntry[] = content.municipalities;
