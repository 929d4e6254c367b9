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

/** The instant a calendar date (YYYY-MM-DD) begins on the wall clock of the time zone, so that a
 * period filter "from 1 March" starts at Swedish midnight, not UTC midnight. */
export function startOfCalendarDate(date: string, timeZone: string = programmeTimeZone): Date {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const offsetAt = (instant: Date) => {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    }).formatToParts(instant);
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    return wall - instant.getTime();
  };
  const guess = new Date(utcMidnight.getTime() - offsetAt(utcMidnight));
  return new Date(utcMidnight.getTime() - offsetAt(guess));
}

/** Every month (YYYY-MM) a period of calendar dates touches, oldest first: a report per month shows
 * the months without hours too. */
export function monthsOfPeriod(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    if (key > last) return months;
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}
