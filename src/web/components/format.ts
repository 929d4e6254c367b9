import type { TFunction } from 'i18next';
// Dates, numbers and money are always shown in Swedish format (docs/architecture.md, "User interface"),
// whichever language the words are in: "26 nov. 2026 14:05", "1 234,5", "12 500 kr".

const locale = 'sv-SE';

/** A formatter made when it is first used: making one takes milliseconds on a phone, at the start
 * of every page that loads this module, and most pages use few of them (decision 052). */
function formatter<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const dateTimeFormat = formatter(
  () =>
    new Intl.DateTimeFormat(locale, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }),
);
const dateFormat = formatter(
  () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' }),
);
const numberFormat = formatter(() => new Intl.NumberFormat(locale));
const sekFormat = formatter(
  () => new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }),
);

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

export function formatDateTime(value: string | Date): string {
  return dateTimeFormat().format(toDate(value));
}

export function formatDate(value: string | Date): string {
  return dateFormat().format(toDate(value));
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export function formatSek(value: number): string {
  return sekFormat().format(value);
}

const timeFormat = formatter(() => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }));

/** A period from one time to another: the date once when both are on the same day,
 * "5 dec. 2026 09:00–12:00", otherwise both in full. */
export function formatPeriod(from: string | Date, to: string | Date): string {
  const start = toDate(from);
  const end = toDate(to);
  if (dateFormat().format(start) === dateFormat().format(end)) {
    return `${dateTimeFormat().format(start)}–${timeFormat().format(end)}`;
  }
  return `${dateTimeFormat().format(start)} – ${dateTimeFormat().format(end)}`;
}

/** A calendar date written YYYY-MM-DD (no time, no zone), shown as "26 nov. 2026". */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return dateFormat().format(new Date(year, month - 1, day));
}

/** Today in the user's time zone as YYYY-MM-DD, the value of an <input type="date">. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// Effects of actions (decision 016): energy in kWh (MWh from 10 000 kWh on, where a row of digits
// stops being readable), CO2e stored in kg and shown in tonnes, material in tonnes, payback in years.
const decimalFormat = formatter(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }));
const wholeFormat = formatter(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const nbsp = '\u00a0';

export function formatKwh(kwh: number): string {
  return `${wholeFormat().format(kwh)}${nbsp}kWh`;
}

export function formatMwh(kwh: number): string {
  return `${decimalFormat().format(kwh / 1000)}${nbsp}MWh`;
}

/** Energy in the unit a reader takes in at a glance: kWh below 10 000 kWh, MWh above. */
export function formatEnergy(kwh: number): string {
  return Math.abs(kwh) >= 10_000 ? formatMwh(kwh) : formatKwh(kwh);
}

/** CO2e given in kg, shown in tonnes ("1,2 t CO2e"). */
export function formatCo2eKg(kg: number): string {
  return `${decimalFormat().format(kg / 1000)}${nbsp}t${nbsp}CO₂e`;
}

export function formatTonnes(tonnes: number): string {
  return `${decimalFormat().format(tonnes)}${nbsp}t`;
}

/** Years with one decimal ("2,5 år" / "2.5 yr" comes from the caller's unit word). */
export function formatYears(years: number): string {
  return decimalFormat().format(years);
}

/** Hours with the word in the right number: "1 timme", "2,5 timmar" (the signed-in strings). */
export function hoursText(t: TFunction, hours: number): string {
  return t('interventions.hoursCount', { count: hours, hours: formatNumber(hours) });
}
