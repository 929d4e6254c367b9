import { z } from 'zod';
import { parseContent, readContentJson } from './content-file';

import { sniVersions } from '../../core/sni';

// The SNI 2007 divisions with their Swedish and English names (docs/domain.md "Industry
// classification") are content: read and checked once at import, so a bad edit stops the server.

const fileName = 'content/sni-2007.json';

const divisionSchema = z
  .object({
    code: z.string().regex(/^\d{2}$/, 'code must be two digits'),
    section: z.string().regex(/^[A-U]$/, 'section must be one letter A–U'),
    nameSv: z.string().min(1),
    nameEn: z.string().min(1),
  })
  .strict();

export const sniFileSchema = z
  .object({
    version: z.enum(sniVersions),
    source: z.string().min(1),
    divisions: z.array(divisionSchema).min(1),
  })
  .strict()
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.divisions.forEach((division, index) => {
      if (seen.has(division.code)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate code', path: ['divisions', index, 'code'] });
      }
      seen.add(division.code);
    });
  });

export type SniFile = z.infer<typeof sniFileSchema>;
export type SniDivision = SniFile['divisions'][number];

/** Validates the parsed file; throws naming the file and, for each problem, its path and the entry as written. */
export function parseSniFile(raw: unknown, label = fileName): SniFile {
  return parseContent(sniFileSchema, raw, label, 'divisions');
}

const content = parseSniFile(readContentJson(fileName));

/** The classification version of the divisions below, stored with each code. */
export const sniVersion = content.version;

/** The SNI 2007 divisions the platform names (today: manufacturing, section C, 10–33). */
export const sniDivisions: readonly SniDivision[] = content.divisions;
