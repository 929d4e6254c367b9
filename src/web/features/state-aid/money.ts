// Money on the state aid pages: öre and cents from the API, shown the Swedish way ("12 345,50 kr",
// "1 234,56 €"), and kronor typed by a person read into öre by text, never through a float.

const kronor = new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });
const kronorWithOre = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const euro = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'EUR',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** Öre as kronor: whole kronor without decimals, otherwise with the öre ("237,50 kr"). */
export function formatOre(ore: number): string {
  return ore % 100 === 0 ? kronor.format(ore / 100) : kronorWithOre.format(ore / 100);
}

/** Cents as euro with two decimals ("240 000,00 €"). */
export function formatCents(cents: number): string {
  return euro.format(cents / 100);
}

/** Kronor as typed ("125 000", "125 000,50", "125000.5") in öre, or null when it is not an amount. */
export function parseKronorToOre(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(',', '.');
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(compact);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Öre back to the text a person would type ("125 000,50"). */
export function oreToKronorText(ore: number): string {
  const whole = Math.floor(ore / 100);
  const rest = ore % 100;
  const grouped = new Intl.NumberFormat('sv-SE').format(whole);
  return rest === 0 ? grouped : `${grouped},${String(rest).padStart(2, '0')}`;
}
