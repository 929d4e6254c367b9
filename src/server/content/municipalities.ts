import { z } from 'zod';
import { parseContent, readContentJson } from './content-file';

import { countyCodes, reportingAreas } from '../../core/regions';

// The municipalities and their reporting areas (docs/domain.md "Geography") are content: read and
// checked once at import, so a bad edit stops the server at start instead of skewing a report.

const fileName = 'content/municipalities.json';

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
  return parseContent(municipalitiesFileSchema, raw, label, 'municipalities');
}

const content = parseMunicipalitiesFile(readContentJson(fileName));

/** The content version, stored with each report so a membership change can be traced. */
export const municipalitiesVersion = content.version;

/** All municipalities of Västra Götaland and Halland with their reporting areas. */
export const municipalities: readonly MunicipalityEntry[] = content.municipalities;
