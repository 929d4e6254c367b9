import { z } from 'zod';
import { parseContent, readContentJson } from './content-file';

import { countyCodes, reportingAreas, type CoFinancer } from '../../core/regions';

// The regional co-financers and their geographies are content: a funding decision can change who
// co-finances what, and that must be a data change. Read and checked once at import.

const fileName = 'content/co-financers.json';

const coFinancerSchema = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'key must be lower-case letters, digits and _'),
    name: z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict(),
    geography: z.union([
      z.object({ countyCodes: z.array(z.enum(countyCodes)).min(1) }).strict(),
      z.object({ reportingAreas: z.array(z.enum(reportingAreas)).min(1) }).strict(),
    ]),
  })
  .strict();

export const coFinancersFileSchema = z
  .object({
    version: z.string().min(1),
    source: z.string().min(1),
    coFinancers: z.array(coFinancerSchema).min(1),
  })
  .strict()
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.coFinancers.forEach((coFinancer, index) => {
      if (seen.has(coFinancer.key)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate key', path: ['coFinancers', index, 'key'] });
      }
      seen.add(coFinancer.key);
    });
  });

/** Validates the parsed file; throws naming the file and each problem. */
export function parseCoFinancersFile(raw: unknown, label = fileName): z.output<typeof coFinancersFileSchema> {
  return parseContent(coFinancersFileSchema, raw, label, 'coFinancers');
}

const content = parseCoFinancersFile(readContentJson(fileName));

/** The content version, stored with each report so a change of geography can be traced. */
export const coFinancersVersion = content.version;

/** The four regional co-financers in the order reports list them. */
export const coFinancers: readonly CoFinancer[] = content.coFinancers;
