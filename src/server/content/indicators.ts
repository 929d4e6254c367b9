import { z } from 'zod';
import { indicatorBreakdowns, indicatorRuleKeys } from '../../core/indicators';
import { parseContent, readContentJson } from './content-file';

// The indicator catalogue is content (issue 12): code, names, unit, breakdown and the rule it is
// counted by. A new indicator is an entry here plus, at most, one rule function in the core
// (`indicatorRules`); an entry naming a rule the core does not have stops the server at start.

const fileName = 'content/indicators/catalogue.json';

const text = z.object({ sv: z.string().min(1), en: z.string().min(1) }).strict();

const indicatorSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'code must be upper-case letters, digits and _'),
    kind: z.enum(['output', 'result']),
    euReference: z.string().optional(),
    name: text,
    unit: text,
    breakdown: z.enum(indicatorBreakdowns),
    rule: z.enum(indicatorRuleKeys),
    description: text,
  })
  .strict();

export const indicatorCatalogueSchema = z
  .object({ version: z.string().min(1), source: z.string().min(1), indicators: z.array(indicatorSchema).min(1) })
  .strict()
  .superRefine((content, ctx) => {
    const seen = new Set<string>();
    content.indicators.forEach((indicator, index) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({ code: 'custom', message: 'duplicate code', path: ['indicators', index, 'code'] });
      }
      seen.add(indicator.code);
    });
  });

export type IndicatorDefinition = z.output<typeof indicatorSchema>;

/** Validates the parsed file; throws naming the file and each problem. */
export function parseIndicatorCatalogue(raw: unknown, label = fileName) {
  return parseContent(indicatorCatalogueSchema, raw, label, 'indicators');
}

const content = parseIndicatorCatalogue(readContentJson(fileName));

/** The catalogue's version, stored with each frozen report. */
export const indicatorCatalogueVersion = content.version;

/** The indicators in the order reports list them. */
export const indicatorCatalogue: readonly IndicatorDefinition[] = content.indicators;
