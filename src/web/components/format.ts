// Dates, numbers and money are always shown in Swedish format (DESIGN.md, "User interface"),
// whichever language the words are in: "26 nov. 2026 14:05", "1 234,5", "12 500 kr".

const locale = 'sv-SE';

const dateTimeFormat = new Intl.DateTimeFormat(locale, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' });
const numberFormat = new Intl.NumberFormat(locale);
const sekFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 });

function toDate(value: string | Date): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

export function formatDateTime(value: string | Date): string {
  return dateTimeFormat.format(toDate(value));
}

export function formatDate(value: string | Date): string {
  return dateFormat.format(toDate(value));
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

export function formatSek(value: number): string {
  return sekFormat.format(value);
}

/** A calendar date written YYYY-MM-DD (no time, no zone), shown as "26 nov. 2026". */
export function formatIsoDate(value: string): string {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return value;
  return dateFormat.format(new Date(year, month - 1, day));
}

/** Today in the user's time zone as YYYY-MM-DD, the value of an <input type="date">. */
export function todayIsoDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });

/** Energy for reading (decision 016: kWh in the data, rounded only here): whole kWh below 10 000,
 * MWh with one decimal from there, e.g. "8 400 kWh", "339,2 MWh". */
export function formatEnergy(kwh: number): string {
  return Math.abs(kwh) < 10_000 ? `${wholeNumber.format(kwh)} kWh` : `${oneDecimal.format(kwh / 1_000)} MWh`;
}

/** Whole kWh, "120 000 kWh", for tables where every row has the same unit. */
export function formatKwh(kwh: number): string {
  return `${wholeNumber.format(kwh)} kWh`;
}

/** CO2e is kept in kg and shown in tonnes with one decimal: 79 580 kg → "79,6 t CO₂e". */
export function formatTonnesCo2e(kg: number): string {
  return `${oneDecimal.format(kg / 1_000)} t CO₂e`;
}
