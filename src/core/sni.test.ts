import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { isManufacturingDivision, parseSniCode, type SniCode } from './sni';

describe('parseSniCode', () => {
  const valid: { sentence: string; input: string; expected: SniCode }[] = [
    {
      sentence: 'a five-digit code without the dot is written with it',
      input: '25620',
      expected: { code: '25.620', division: '25', isManufacturing: true },
    },
    {
      sentence: 'a five-digit code with the dot is kept',
      input: '25.620',
      expected: { code: '25.620', division: '25', isManufacturing: true },
    },
    {
      sentence: 'a four-digit code keeps only the digits given',
      input: '25.62',
      expected: { code: '25.62', division: '25', isManufacturing: true },
    },
    {
      sentence: 'a three-digit code keeps only the digits given',
      input: '25.6',
      expected: { code: '25.6', division: '25', isManufacturing: true },
    },
    {
      sentence: 'a division alone is a code',
      input: '25',
      expected: { code: '25', division: '25', isManufacturing: true },
    },
    {
      sentence: 'a four-digit code without the dot is written with it',
      input: '2562',
      expected: { code: '25.62', division: '25', isManufacturing: true },
    },
    {
      sentence: 'surrounding spaces are ignored',
      input: ' 10.111 ',
      expected: { code: '10.111', division: '10', isManufacturing: true },
    },
    {
      sentence: 'division 10 (food) is the first manufacturing division',
      input: '10',
      expected: { code: '10', division: '10', isManufacturing: true },
    },
    {
      sentence: 'division 33 (repair and installation) is the last manufacturing division',
      input: '33.120',
      expected: { code: '33.120', division: '33', isManufacturing: true },
    },
    {
      sentence: 'division 09 (mining support) is accepted but is not manufacturing',
      input: '09.900',
      expected: { code: '09.900', division: '09', isManufacturing: false },
    },
    {
      sentence: 'division 35 (electricity supply) is accepted but is not manufacturing',
      input: '35110',
      expected: { code: '35.110', division: '35', isManufacturing: false },
    },
    {
      sentence: 'division 46 (wholesale) is accepted but is not manufacturing',
      input: '46.690',
      expected: { code: '46.690', division: '46', isManufacturing: false },
    },
  ];

  it.each(valid)('$sentence', ({ input, expected }) => {
    expect(parseSniCode(input)).toEqual(expected);
  });

  const invalid: { sentence: string; input: string }[] = [
    { sentence: 'an empty string is not a code', input: '' },
    { sentence: 'one digit is too short', input: '2' },
    { sentence: 'six digits are too long', input: '256200' },
    { sentence: 'four digits after the dot are too many', input: '25.6200' },
    { sentence: 'a dot after the first digit is misplaced', input: '2.5620' },
    { sentence: 'a second dot is not a form SCB uses', input: '25.62.0' },
    { sentence: 'a trailing dot with no digits is incomplete', input: '25.' },
    { sentence: 'the section letter is not part of the code', input: 'C25.620' },
    { sentence: 'a comma is not the separator', input: '25,620' },
    { sentence: 'a name is not a code', input: 'metallvaror' },
  ];

  it.each(invalid)('$sentence', ({ input }) => {
    expect(parseSniCode(input)).toEqual({ problem: 'format' });
  });

  it('reads the dotted and the undotted form of any five-digit code alike', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{5}$/), (digits) => {
        const dotted = `${digits.slice(0, 2)}.${digits.slice(2)}`;
        expect(parseSniCode(digits)).toEqual(parseSniCode(dotted));
        expect(parseSniCode(digits)).toMatchObject({ code: dotted, division: digits.slice(0, 2) });
      }),
    );
  });

  it('gives back a code that parses to itself', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2,5}$/), (digits) => {
        const parsed = parseSniCode(digits);
        if ('problem' in parsed) throw new Error(`did not parse ${digits}`);
        expect(parseSniCode(parsed.code)).toEqual(parsed);
      }),
    );
  });
});

describe('isManufacturingDivision', () => {
  it('is true for exactly the divisions 10 to 33', () => {
    const divisions = Array.from({ length: 100 }, (_, value) => String(value).padStart(2, '0'));
    expect(divisions.filter(isManufacturingDivision)).toEqual(
      Array.from({ length: 24 }, (_, offset) => String(10 + offset)),
    );
  });

  it('is false for a division not written with two digits', () => {
    expect(isManufacturingDivision('9')).toBe(false);
    expect(isManufacturingDivision('025')).toBe(false);
  });
});
