import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { sniVersions } from '../../core/sni';

// The SNI 2007 divisions with their Swedish and English names (DOMAIN.md "Industry
// classification") are content: read and checked once at import, so a bad edit stops the server.

const fileName = 'content/sni-2007.json';
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', fileName);

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
  const result = sniFileSchema.safeParse(raw);
  if (result.success) return result.data;
  const entries = (raw as { divisions?: unknown } | null)?.divisions;
  const problems = result.error.issues.map((issue) => {
    const [key, index] = issue.path;
    const entry =
      key === 'divisions' && typeof index === 'number' && Array.isArray(entries) ? entries[index] : undefined;
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

const content = parseSniFile(readJson());

/** The classification version of the divisions below, stored with each code. */
export const sniVersion = content.version;

/** The SNI 2007 divisions the platform names (today: manufacturing, section C, 10–33). */
export const sniDivisions: readonly SniDivision[] = content.divisions;
