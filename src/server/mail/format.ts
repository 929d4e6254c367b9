// E-mails write dates as the interface does, the Swedish way whatever the language of the words:
// "5 dec. 2026", not "2026-12-05".

const dateFormat = new Intl.DateTimeFormat('sv-SE', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A calendar date YYYY-MM-DD as "5 dec. 2026" (noon UTC, so no time zone moves the day). */
export function mailDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate.slice(0, 10)}T12:00:00Z`));
}
