import { describe, expect, it } from 'vitest';
import { formatCents, formatOre, oreToKronorText, parseKronorToOre } from './money';

const nbsp = (text: string) => text.replace(/[\s\u00a0\u202f]/g, ' ');

describe('money on the state aid pages', () => {
  it.each([
    { ore: 12_345_00, text: '12 345 kr', why: 'whole kronor without decimals' },
    { ore: 23_750, text: '237,50 kr', why: 'öre with a decimal comma' },
    { ore: 0, text: '0 kr', why: 'nothing' },
  ])('formatOre: $why', ({ ore, text }) => {
    expect(nbsp(formatOre(ore))).toBe(text);
  });

  it('formats cents as euro with two decimals', () => {
    expect(nbsp(formatCents(24_000_000))).toBe('240 000,00 €');
  });

  it.each([
    { typed: '125 000', ore: 12_500_000 },
    { typed: '125 000,50', ore: 12_500_050 },
    { typed: '125000.5', ore: 12_500_050 },
    { typed: '1\u00a0000 kr', ore: 100_000 },
    { typed: '12,345', ore: null },
    { typed: '-5', ore: null },
    { typed: 'tusen', ore: null },
  ])('reads "$typed" as $ore öre', ({ typed, ore }) => {
    expect(parseKronorToOre(typed)).toBe(ore);
  });

  it('writes öre back as typed text', () => {
    expect(nbsp(oreToKronorText(12_500_050))).toBe('125 000,50');
    expect(parseKronorToOre(oreToKronorText(12_500_050))).toBe(12_500_050);
  });
});
