// The EU SME definition (Commission Recommendation 2003/361/EC, Annex art. 2; docs/domain.md "EU SME
// definition"): headcount is mandatory and only one of the two financial ceilings must be met.
// Figures come in SEK from the annual accounts and are converted with a configured rate per year.

/** The size classes, smallest first: the order is the order of the ceilings below. */
export const smeClasses = ['micro', 'small', 'medium', 'large'] as const;
export type SmeClass = (typeof smeClasses)[number];

/** The ceilings of art. 2: headcount strictly below, turnover or balance sheet total at most. */
export const smeCeilings = [
  { smeClass: 'micro', headcountBelow: 10, turnoverEurAtMost: 2_000_000, balanceSheetEurAtMost: 2_000_000 },
  { smeClass: 'small', headcountBelow: 50, turnoverEurAtMost: 10_000_000, balanceSheetEurAtMost: 10_000_000 },
  { smeClass: 'medium', headcountBelow: 250, turnoverEurAtMost: 50_000_000, balanceSheetEurAtMost: 43_000_000 },
] as const satisfies readonly {
  smeClass: Exclude<SmeClass, 'large'>;
  headcountBelow: number;
  turnoverEurAtMost: number;
  balanceSheetEurAtMost: number;
}[];

/** The figures in EUR; headcount in annual work units (may be fractional). Missing: null. */
export type SmeFiguresEur = {
  headcount: number | null | undefined;
  turnoverEur: number | null | undefined;
  balanceSheetEur: number | null | undefined;
};

const isKnown = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/**
 * The size class per Recommendation 2003/361/EC, Annex art. 2: headcount below the ceiling AND
 * (turnover OR balance sheet total within its ceiling); otherwise the next class, finally 'large'.
 * Null when headcount is unknown, since headcount is mandatory. A missing financial figure cannot
 * meet its ceiling, so the one present decides; with neither present the class rests on headcount
 * alone (a provisional class: the caller should ask for the accounts before reporting it).
 */
export function smeClass({ headcount, turnoverEur, balanceSheetEur }: SmeFiguresEur): SmeClass | null {
  if (!isKnown(headcount) || headcount < 0) return null;
  const hasFinancials = isKnown(turnoverEur) || isKnown(balanceSheetEur);
  for (const ceiling of smeCeilings) {
    if (headcount >= ceiling.headcountBelow) continue;
    const meetsFinancialCeiling =
      !hasFinancials ||
      (isKnown(turnoverEur) && turnoverEur <= ceiling.turnoverEurAtMost) ||
      (isKnown(balanceSheetEur) && balanceSheetEur <= ceiling.balanceSheetEurAtMost);
    if (meetsFinancialCeiling) return ceiling.smeClass;
  }
  return 'large';
}

/** The rank of a class, 0 for micro to 3 for large, for comparing classes. */
export function smeClassRank(value: SmeClass): number {
  return smeClasses.indexOf(value);
}

/** Converts SEK to EUR with a rate quoted as SEK per EUR (Riksbanken's quotation, e.g. 11.48):
 * the ceilings are in EUR, the accounts in SEK (docs/domain.md: a configured rate per year). */
export function sekToEur(amountSek: number, sekPerEur: number): number {
  if (!Number.isFinite(sekPerEur) || sekPerEur <= 0) throw new RangeError('sek_per_eur_not_positive');
  return amountSek / sekPerEur;
}

/** The figures in SEK, as in Swedish annual accounts, with the rate of the accounts' year. */
export type SmeFiguresSek = {
  headcount: number | null | undefined;
  turnoverSek: number | null | undefined;
  balanceSheetSek: number | null | undefined;
  sekPerEur: number;
};

/** smeClass on SEK figures converted at the given SEK-per-EUR rate (Recommendation 2003/361/EC). */
export function smeClassFromSek({
  headcount,
  turnoverSek,
  balanceSheetSek,
  sekPerEur,
}: SmeFiguresSek): SmeClass | null {
  return smeClass({
    headcount,
    turnoverEur: isKnown(turnoverSek) ? sekToEur(turnoverSek, sekPerEur) : null,
    balanceSheetEur: isKnown(balanceSheetSek) ? sekToEur(balanceSheetSek, sekPerEur) : null,
  });
}

/** Yearly SEK-per-EUR rates keyed by year, as in content/sek-per-eur.json. */
export type SekPerEurRates = Readonly<Record<string, number>>;

/** The rate for a year, or the latest earlier year's when that year has none yet (a provisional
 * choice the caller shows, hence the year used is returned); null when no year up to it has one. */
export function rateForYear(rates: SekPerEurRates, year: number): { sekPerEur: number; year: number } | null {
  let best: { sekPerEur: number; year: number } | null = null;
  for (const [key, sekPerEur] of Object.entries(rates)) {
    if (!/^\d{4}$/.test(key)) continue;
    const rateYear = Number(key);
    if (rateYear > year || (best && rateYear <= best.year)) continue;
    best = { sekPerEur, year: rateYear };
  }
  return best;
}
