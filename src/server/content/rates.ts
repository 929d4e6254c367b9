import { z } from 'zod';
import type { SekPerEurRates } from '../../core/sme-class';
import { parseContent, readContentJson } from './content-file';

// Yearly SEK per EUR rates for the SME class (docs/domain.md: the rate per year is configuration).
const fileName = 'content/sek-per-eur.json';

const ratesFileSchema = z.object({
  source: z.string().min(1),
  unit: z.literal('SEK per EUR'),
  rates: z.record(z.string().regex(/^\d{4}$/, 'a year, e.g. 2024'), z.number().positive()),
  provisional: z.array(z.string()).default([]),
});

export const sekPerEurRates: SekPerEurRates = parseContent(
  ratesFileSchema,
  readContentJson(fileName),
  fileName,
  'rates',
).rates;
