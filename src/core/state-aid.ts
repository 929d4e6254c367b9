// State aid: the support value of a company and the de minimis ceiling of a single undertaking
// (docs/domain.md "De minimis aid"; decision 031). Money is integers only: SEK in öre, EUR in
// cents. The only division (SEK → EUR) is done on BigInt and rounded by the rule written here, so
// no sum depends on floating point.

/** An amount in öre (1/100 SEK), a whole number. Branded so öre and cents are never added up. */
export type Ore = number & { readonly __unit: 'ore' };
/** An amount in euro cents, a whole number. */
export type Cents = number & { readonly __unit: 'eur_cents' };
/** SEK per EUR in ten-thousandths (11.4965 SEK = 114 965): exact, as the rate tables publish it. */
export type SekPerEurE4 = number & { readonly __unit: 'sek_per_eur_e4' };

/** Regulation (EU) 2023/2831, art. 3(2): EUR 300 000 per single undertaking over three years. */
export const deMinimisCeilingCents = 30_000_000 as Cents;
/** From this share of the ceiling (80 %) the coach is warned before a grant (issue 13). */
export const ceilingWarningPercent = 80;
/** The period of art. 3(2), in years, counted back from each new grant. */
export const deMinimisPeriodYears = 3;

/** The legal bases a grant may be given under; which one the programme uses is a setting
 * (docs/domain.md: not confirmed). Only de minimis aid counts towards the de minimis ceiling. */
export const legalBases = ['de_minimis', 'gber_article_28'] as const;
export type LegalBasis = (typeof legalBases)[number];

/** The regulation's full reference, as the notice of aid must give it (Swedish). */
export const legalBasisReferences: Record<LegalBasis, string> = {
  de_minimis:
    'Kommissionens förordning (EU) 2023/2831 av den 13 december 2023 om tillämpningen av artiklarna 107 och 108 i fördraget om Europeiska unionens funktionssätt på stöd av mindre betydelse',
  gber_article_28:
    'Kommissionens förordning (EU) nr 651/2014 av den 17 juni 2014 genom vilken vissa kategorier av stöd förklaras förenliga med den inre marknaden enligt artiklarna 107 och 108 i fördraget, artikel 28 (stöd till innovation för små och medelstora företag)',
};

/** Whole kronor as öre. */
export function sekToOre(sek: number): Ore {
  if (!Number.isSafeInteger(sek)) throw new RangeError('whole kronor expected');
  return (sek * 100) as Ore;
}

/** The value of logged or planned hours at an hourly rate in whole kronor: exact in öre, since a
 * quarter hour of a whole-krona rate is rate × 25 öre (decision 031, no rounding). */
export function hoursValueOre(quarterHours: number, hourlyRateSek: number): Ore {
  if (!Number.isSafeInteger(quarterHours) || !Number.isSafeInteger(hourlyRateSek)) {
    throw new RangeError('whole quarter hours and a whole-krona rate expected');
  }
  return (quarterHours * hourlyRateSek * 25) as Ore;
}

/** Hours at the rate of the organisation that gave them in the year they were given, one line per
 * organisation and year (a null rate: the admins have not set it). */
export type HoursAtRate = { organisationId: string; year: number; quarterHours: number; hourlyRateSek: number | null };
/** Places at activities: how many people attended and what one place cost (whole kronor). */
export type ActivityPlaces = { participants: number; costPerParticipantSek: number };

/** A support value with the lines it could not price. */
export type SupportValue = {
  valueOre: Ore;
  hoursOre: Ore;
  activitiesOre: Ore;
  missingRates: { organisationId: string; year: number }[];
};

/**
 * The support value of a company (issue 13, "Valuation"): hours × the hourly rate of the giving
 * organisation and year, plus the cost per participant of every place at an activity its people
 * attended. Hours without a rate count as nothing and are named in `missingRates`.
 */
export function supportValue(hours: readonly HoursAtRate[], places: readonly ActivityPlaces[]): SupportValue {
  let hoursOre = 0;
  const missingRates: { organisationId: string; year: number }[] = [];
  for (const line of hours) {
    if (line.hourlyRateSek === null) {
      if (line.quarterHours > 0) missingRates.push({ organisationId: line.organisationId, year: line.year });
      continue;
    }
    hoursOre += hoursValueOre(line.quarterHours, line.hourlyRateSek);
  }
  let activitiesOre = 0;
  for (const place of places) activitiesOre += sekToOre(place.participants * place.costPerParticipantSek);
  return {
    valueOre: (hoursOre + activitiesOre) as Ore,
    hoursOre: hoursOre as Ore,
    activitiesOre: activitiesOre as Ore,
    missingRates,
  };
}

/** A rate as typed ("11.4965", 11.4965, "11,4965"): SEK per EUR with at most four decimals, above
 * zero, or null when it is not one. */
export function parseSekPerEur(value: string | number): SekPerEurE4 | null {
  const text = String(value).trim().replace(',', '.');
  const match = /^(\d{1,4})(?:\.(\d{1,4}))?$/.exec(text);
  if (!match) return null;
  const e4 = Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
  return e4 > 0 ? (e4 as SekPerEurE4) : null;
}

/** The rate as a decimal text with four decimals ("11.4965"). */
export function formatSekPerEur(rate: SekPerEurE4): string {
  return `${Math.floor(rate / 10_000)}.${String(rate % 10_000).padStart(4, '0')}`;
}

/**
 * SEK to EUR at the month's rate (decision 031): öre × 10 000 / rate in ten-thousandths gives
 * cents, rounded to the nearest cent, a half cent up (amounts are never negative). Computed on
 * BigInt, so the result is exact for any amount.
 */
export function oreToCents(ore: Ore, rate: SekPerEurE4): Cents {
  if (!Number.isSafeInteger(ore) || ore < 0) throw new RangeError('a whole, non-negative amount in öre expected');
  if (!Number.isSafeInteger(rate) || rate <= 0) throw new RangeError('a positive rate expected');
  const numerator = BigInt(ore) * 10_000n;
  const denominator = BigInt(rate);
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  return Number(remainder * 2n >= denominator ? quotient + 1n : quotient) as Cents;
}

/** The month (YYYY-MM) whose rate converts an aid granted on a date (YYYY-MM-DD). */
export function rateMonthOf(date: string): string {
  return date.slice(0, 7);
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date (YYYY-MM-DD) moved by whole months; a day the target month lacks becomes its last day
 * (31 March − 1 month = 28 or 29 February; 29 February − 12 months = 28 February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysInMonth(targetYear, targetMonth)))}`;
}

/** The day after a date (YYYY-MM-DD). */
export function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  if (day < daysInMonth(year, month)) return `${pad(year, 4)}-${pad(month)}-${pad(day + 1)}`;
  return month === 12 ? `${pad(year + 1, 4)}-01-01` : `${pad(year, 4)}-${pad(month + 1)}-01`;
}

/**
 * The three-year window of a grant on `grantedOn` (Regulation (EU) 2023/2831, art. 3(2) "over any
 * period of three years", counted back from each new grant; decision 031): an aid granted on D
 * counts when G − 3 years < D ≤ G, where G − 3 years is the same month and day three years
 * earlier and, for 29 February, 28 February. So the same calendar day three years back is outside,
 * the day after it inside. Answers the first and the last day inside.
 */
export function deMinimisWindow(grantedOn: string): { from: string; to: string } {
  return { from: nextDay(addMonths(grantedOn, -12 * deMinimisPeriodYears)), to: grantedOn };
}

/** Whether an aid granted on `aidOn` counts in the window of a grant on `grantedOn`. */
export function isInDeMinimisWindow(aidOn: string, grantedOn: string): boolean {
  const window = deMinimisWindow(grantedOn);
  return aidOn >= window.from && aidOn <= window.to;
}

/** One de minimis aid of the single undertaking, in EUR as converted when it was granted. */
export type CountedAid = { id: string; grantedOn: string; cents: Cents };

export type CeilingOutcome = 'within' | 'warning' | 'refused';

/** The figures of a ceiling check, for the coach, the refusal message and the notice. */
export type CeilingCheck = {
  outcome: CeilingOutcome;
  /** The window of the new grant: first and last day counted. */
  window: { from: string; to: string };
  /** Earlier de minimis aid to the single undertaking in that window. */
  earlierCents: Cents;
  grantCents: Cents;
  totalCents: Cents;
  ceilingCents: Cents;
  /** Room under the ceiling before this grant (never below 0). */
  roomBeforeCents: Cents;
  /** Room left after it (negative when refused). */
  roomAfterCents: number;
  /** The whole percent of the ceiling the total reaches, rounded down. */
  percentOfCeiling: number;
  /** When a later, already recorded aid's window would pass the ceiling: that aid's date and total. */
  laterBreach: { grantedOn: string; totalCents: Cents } | null;
};

function sumInWindow(aids: readonly CountedAid[], grantedOn: string): number {
  let sum = 0;
  for (const aid of aids) if (isInDeMinimisWindow(aid.grantedOn, grantedOn)) sum += aid.cents;
  return sum;
}

/**
 * The ceiling check at a grant (art. 3(2); decision 031): the new aid plus every de minimis aid to
 * the single undertaking in its three-year window must not exceed EUR 300 000 (equal is allowed).
 * An aid recorded with a later date already counts the new one in its own window, so every such
 * later window is checked too. From 80 % of the ceiling the answer is a warning.
 */
export function checkDeMinimisCeiling(
  earlierAids: readonly CountedAid[],
  grant: { grantedOn: string; cents: Cents },
  ceilingCents: Cents = deMinimisCeilingCents,
): CeilingCheck {
  const earlier = sumInWindow(earlierAids, grant.grantedOn);
  const total = earlier + grant.cents;
  const withNew: CountedAid[] = [...earlierAids, { id: 'new', ...grant }];
  let laterBreach: CeilingCheck['laterBreach'] = null;
  for (const aid of earlierAids) {
    if (aid.grantedOn <= grant.grantedOn || !isInDeMinimisWindow(grant.grantedOn, aid.grantedOn)) continue;
    const laterTotal = sumInWindow(withNew, aid.grantedOn);
    if (laterTotal > ceilingCents && (!laterBreach || laterTotal > laterBreach.totalCents)) {
      laterBreach = { grantedOn: aid.grantedOn, totalCents: laterTotal as Cents };
    }
  }
  const outcome: CeilingOutcome =
    total > ceilingCents || laterBreach
      ? 'refused'
      : total * 100 >= ceilingCents * ceilingWarningPercent
        ? 'warning'
        : 'within';
  return {
    outcome,
    window: deMinimisWindow(grant.grantedOn),
    earlierCents: earlier as Cents,
    grantCents: grant.cents,
    totalCents: total as Cents,
    ceilingCents,
    roomBeforeCents: Math.max(0, ceilingCents - earlier) as Cents,
    roomAfterCents: ceilingCents - total,
    percentOfCeiling: Math.floor((total * 100) / ceilingCents),
    laterBreach,
  };
}

/** A ledger line: an aid with the rolling three-year sum of the undertaking (or company) at its
 * date and the room then left under the ceiling. */
export type LedgerLine<T extends CountedAid> = T & { rollingCents: Cents; roomCents: number };

/** Every aid in date order with the rolling sum over its own three-year window (issue 13, ledger). */
export function deMinimisLedger<T extends CountedAid>(
  aids: readonly T[],
  ceilingCents: Cents = deMinimisCeilingCents,
): LedgerLine<T>[] {
  const sorted = [...aids].sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.id.localeCompare(b.id));
  return sorted.map((aid) => {
    const rolling = sumInWindow(sorted, aid.grantedOn);
    return { ...aid, rollingCents: rolling as Cents, roomCents: ceilingCents - rolling };
  });
}

/** The undertaking's position on a day: the sum in the window ending that day and the room left. */
export function deMinimisPosition(
  aids: readonly CountedAid[],
  onDate: string,
  ceilingCents: Cents = deMinimisCeilingCents,
): { window: { from: string; to: string }; totalCents: Cents; roomCents: number; percentOfCeiling: number } {
  const total = sumInWindow(aids, onDate);
  return {
    window: deMinimisWindow(onDate),
    totalCents: total as Cents,
    roomCents: ceilingCents - total,
    percentOfCeiling: Math.floor((total * 100) / ceilingCents),
  };
}

export type DeclarationState = 'valid' | 'awaiting_confirmation' | 'expired' | 'signed_later' | 'none';

/**
 * Whether a declaration of earlier de minimis aid counts for a grant on a date (issue 13, item 2):
 * it must be confirmed by a coach, signed on or before the grant date, and the grant must fall
 * before the signing date plus the validity in months (a setting): signed 15 March with 6 months'
 * validity counts for grants up to 14 September.
 */
export function declarationState(
  declaration: { signedOn: string; isConfirmed: boolean } | null,
  grantedOn: string,
  validMonths: number,
): DeclarationState {
  if (!declaration) return 'none';
  if (!declaration.isConfirmed) return 'awaiting_confirmation';
  if (declaration.signedOn > grantedOn) return 'signed_later';
  return grantedOn < addMonths(declaration.signedOn, validMonths) ? 'valid' : 'expired';
}

/** The last day a declaration signed on a date counts, with the validity in months. */
export function declarationValidUntil(signedOn: string, validMonths: number): string {
  const firstInvalid = addMonths(signedOn, validMonths);
  // The day before the first day it no longer counts.
  const [year, month, day] = firstInvalid.split('-').map(Number) as [number, number, number];
  if (day > 1) return `${pad(year, 4)}-${pad(month)}-${pad(day - 1)}`;
  const previous = addMonths(`${pad(year, 4)}-${pad(month)}-01`, -1);
  const [py, pm] = previous.split('-').map(Number) as [number, number];
  return `${pad(py, 4)}-${pad(pm)}-${pad(daysInMonth(py, pm))}`;
}

/** Realised support passes the granted value: a new grant is needed (issue 13, item 3). */
export function needsNewGrant(realisedOre: Ore, grantedOre: Ore): boolean {
  return realisedOre > grantedOre;
}
