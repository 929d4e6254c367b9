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
