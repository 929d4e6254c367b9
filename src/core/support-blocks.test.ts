import { describe, expect, it } from 'vitest';
import { splitIntoSupportBlocks, type DayRange, type SupportBlock } from './support-blocks';

/** Every day a split covers, in order, counting a day twice if two parts hold it. */
function coveredDays(split: { blocks: SupportBlock[]; days: DayRange[] }): string[] {
  const ranges = [
    ...split.days,
    ...split.blocks.map((block) => {
      const start = new Date(`${block.startsOn}T00:00:00Z`);
      const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + block.months, 0));
      return { from: block.startsOn, to: end.toISOString().slice(0, 10) };
    }),
  ];
  const days: string[] = [];
  for (const range of ranges) {
    for (
      let d = new Date(`${range.from}T00:00:00Z`);
      d.toISOString().slice(0, 10) <= range.to;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      days.push(d.toISOString().slice(0, 10));
    }
  }
  return days.sort();
}

function everyDay(from: string, to: string): string[] {
  return coveredDays({ blocks: [], days: [{ from, to }] });
}

describe('splitIntoSupportBlocks', () => {
  it('reads a calendar year as one block', () => {
    expect(splitIntoSupportBlocks('2026-01-01', '2026-12-31')).toEqual({
      blocks: [{ months: 12, startsOn: '2026-01-01' }],
      days: [],
    });
  });

  it('reads a half year over the turn of the year as two quarters', () => {
    expect(splitIntoSupportBlocks('2025-10-01', '2026-03-31').blocks).toEqual([
      { months: 3, startsOn: '2025-10-01' },
      { months: 3, startsOn: '2026-01-01' },
    ]);
  });

  it('reads ragged ends as days, and the largest blocks that fit between them', () => {
    expect(splitIntoSupportBlocks('2025-11-15', '2027-02-10')).toEqual({
      blocks: [
        { months: 1, startsOn: '2025-12-01' },
        { months: 12, startsOn: '2026-01-01' },
        { months: 1, startsOn: '2027-01-01' },
      ],
      days: [
        { from: '2025-11-15', to: '2025-11-30' },
        { from: '2027-02-01', to: '2027-02-10' },
      ],
    });
  });

  it('reads a period inside one month as days only', () => {
    expect(splitIntoSupportBlocks('2026-02-03', '2026-02-03')).toEqual({
      blocks: [],
      days: [{ from: '2026-02-03', to: '2026-02-03' }],
    });
  });

  it('covers every day of any period exactly once', () => {
    const periods: [string, string][] = [
      ['2024-02-29', '2024-03-01'],
      ['2024-01-31', '2026-12-30'],
      ['2025-04-01', '2025-06-30'],
      ['2025-03-01', '2026-05-31'],
      ['2025-12-31', '2026-01-01'],
      ['2026-07-01', '2026-07-31'],
      ['2026-07-02', '2026-09-30'],
    ];
    for (const [from, to] of periods) {
      expect(coveredDays(splitIntoSupportBlocks(from, to)), `${from}–${to}`).toEqual(everyDay(from, to));
    }
  });
});
