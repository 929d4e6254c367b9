// The programme runs in Sweden: "today" is the date on a Swedish wall calendar, not in UTC,
// or a change made just after midnight would count as tomorrow's.

/** The programme's time zone; dates recorded by people are dates in this zone. */
export const programmeTimeZone = 'Europe/Stockholm';

/** The calendar date (YYYY-MM-DD) of an instant in the given time zone. */
export function calendarDate(instant: Date, timeZone: string = programmeTimeZone): string {
  // sv-SE formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    instant,
  );
}
