import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { SekPerEurRates } from '../../core/sme-class';

// Yearly SEK per EUR rates for the SME class (DOMAIN.md: the rate per year is configuration).
const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/sek-per-eur.json');

const ratesFileSchema = z.object({
  source: z.string(),
  unit: z.literal('SEK per EUR'),
  rates: z.record(z.string().regex(/^\d{4}$/), z.number().positive()),
  provisional: z.array(z.string()).default([]),
});

function load(): z.infer<typeof ratesFileSchema> {
  const parsed = ratesFileSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    throw new Error(
      `content/sek-per-eur.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

export const sekPerEurRates: SekPerEurRates = load().rates;
