import { describe, expect, it } from 'vitest';
import { winAnsi } from './win-ansi';

describe('winAnsi', () => {
  const cases: { sentence: string; text: string; expected: string }[] = [
    {
      sentence: 'keeps Swedish letters, the euro sign and dashes',
      text: 'Åäö € – — ± × …',
      expected: 'Åäö € – — ± × …',
    },
    { sentence: 'writes a minus sign as a hyphen', text: '\u22125,5', expected: '-5,5' },
    { sentence: 'keeps a letter whose diacritic the font lacks', text: 'Gdańsk Őrség', expected: 'Gdansk Orség' },
    { sentence: 'writes a subscript two as a plain two', text: 'CO₂e', expected: 'CO2e' },
    { sentence: 'gives Polish ł its letter', text: 'Łódź', expected: 'Lódz' },
    { sentence: 'puts a question mark for what has no stand-in', text: 'Bra 😀 jobb', expected: 'Bra ? jobb' },
    { sentence: 'keeps line breaks and turns tabs into spaces', text: 'a\tb\r\nc', expected: 'a b\nc' },
  ];
  it.each(cases)('$sentence', ({ text, expected }) => {
    expect(winAnsi(text)).toBe(expected);
  });
});
