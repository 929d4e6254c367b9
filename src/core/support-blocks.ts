// How a period is read from sums kept per calendar block (the done actions, decision 041): the whole
// calendar years, quarters and months inside the period from their stored rows, and only the days at
// its ragged ends from the records themselves. The blocks do not overlap and, with the
// loose days, cover the period exactly, so a sum over them is the sum over the period's days.

/** The lengths of the blocks the writes keep, in months: a month, a quarter, a year. */
export const supportBlockMonths = [1, 3, 12] as const;
export type SupportBlockMonths = (typeof supportBlockMonths)[number];

/** A calendar block: `months` long, starting on the first day of a month that starts such a block. */
export type SupportBlock = { months: SupportBlockMonths; startsOn: string };
/** Days read from the records themselves, both bounds included. */
export type DayRange = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

function parts(date: string) {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The first day of the month `months` after the given year and month (1-based). */
function monthsLater(year: number, month: number, months: number) {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function dayBefore(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month - 1, 0)).getUTCDate();
  const previous = monthsLater(year, month, -1);
  return ymd(previous.year, previous.month, last);
}

/**
 * Splits a period (both days included, from ≤ to) into the largest calendar blocks that fit whole
 * inside it, and the loose days before the first and after the last: at each point the year if it
 * starts there and ends inside the period, else the quarter, else the month, else days up to the
 * next month.
 */
export function splitIntoSupportBlocks(from: string, to: string): { blocks: SupportBlock[]; days: DayRange[] } {
  const blocks: SupportBlock[] = [];
  const days: DayRange[] = [];
  let cursor = from;
  while (cursor <= to) {
    const { year, month, day } = parts(cursor);
    const next = monthsLater(year, month, 1);
    if (day !== 1) {
      const end = dayBefore(next.year, next.month);
      days.push({ from: cursor, to: end < to ? end : to });
      cursor = ymd(next.year, next.month, 1);
      continue;
    }
    const fitting = [...supportBlockMonths].reverse().find((months) => {
      if ((month - 1) % months !== 0) return false;
      const after = monthsLater(year, month, months);
      return dayBefore(after.year, after.month) <= to;
    });
    if (fitting === undefined) {
      days.push({ from: cursor, to });
      break;
    }
    blocks.push({ months: fitting, startsOn: cursor });
    const after = monthsLater(year, month, fitting);
    cursor = ymd(after.year, after.month, 1);
  }
  return { blocks, days };
}
