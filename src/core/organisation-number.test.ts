import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  isLegalPersonNumber,
  luhnCheckDigit,
  parseOrganisationNumber,
  type OrganisationNumberProblem,
} from './organisation-number';

describe('parseOrganisationNumber', () => {
  const valid: { sentence: string; input: string; expected: string }[] = [
    { sentence: "Volvo's number with the dash is valid", input: '556036-0793', expected: '556036-0793' },
    {
      sentence: "Volvo's number without the dash is valid and written with it",
      input: '5560360793',
      expected: '556036-0793',
    },
    { sentence: "Göteborgs Stad's number with the dash is valid", input: '212000-1355', expected: '212000-1355' },
    { sentence: "Göteborgs Stad's number without the dash is valid", input: '2120001355', expected: '212000-1355' },
    {
      sentence: "Västra Götalandsregionen's number with the dash is valid",
      input: '232100-0131',
      expected: '232100-0131',
    },
    { sentence: 'the number 222000-2188 with the dash is valid', input: '222000-2188', expected: '222000-2188' },
    { sentence: 'the number 222000-2188 without the dash is valid', input: '2220002188', expected: '222000-2188' },
    { sentence: 'surrounding and inner spaces are ignored', input: ' 556036 0793 ', expected: '556036-0793' },
    {
      sentence: "a legal person's twelve-digit form (16 before the number) is read as the ten digits",
      input: '16556036-0793',
      expected: '556036-0793',
    },
    { sentence: 'the twelve-digit form without the dash too', input: '165560360793', expected: '556036-0793' },
    { sentence: "a sole trader's personal identity number is valid", input: '811218-9876', expected: '811218-9876' },
    {
      sentence: "a sole trader's twelve-digit form (the century first) is read as the ten digits",
      input: '19811218-9876',
      expected: '811218-9876',
    },
    {
      sentence: 'a coordination number (60 added to the day) is a real date of birth',
      input: '811278-9873',
      expected: '811278-9873',
    },
    { sentence: '29 February 2000 is a real date', input: '000229-1235', expected: '000229-1235' },
    { sentence: 'born 1 January 1946 is a real date', input: '460101-1234', expected: '460101-1234' },
  ];

  it.each(valid)('$sentence', ({ input, expected }) => {
    expect(parseOrganisationNumber(input)).toEqual({ value: expected });
  });

  const invalid: { sentence: string; input: string; expected: OrganisationNumberProblem }[] = [
    { sentence: 'a changed last digit fails the check digit', input: '556036-0794', expected: 'check_digit' },
    {
      sentence: 'a changed last digit without the dash fails the check digit',
      input: '2120001356',
      expected: 'check_digit',
    },
    {
      sentence: 'a changed last digit of 222000-2188 fails the check digit',
      input: '222000-2187',
      expected: 'check_digit',
    },
    { sentence: 'two swapped digits fail the check digit', input: '565036-0793', expected: 'check_digit' },
    { sentence: 'nine digits are the wrong length', input: '556036-079', expected: 'format' },
    { sentence: 'eleven digits are the wrong length', input: '556036-07930', expected: 'format' },
    {
      sentence: "a century before a legal person's number is no form any register uses",
      input: '19556036-0793',
      expected: 'format',
    },
    { sentence: '16 before a personal identity number is no form', input: '16811218-9876', expected: 'format' },
    { sentence: 'thirteen digits are the wrong length', input: '1655603607931', expected: 'format' },
    { sentence: 'a month 13 is no date of birth', input: '811318-9875', expected: 'birth_date' },
    { sentence: '30 February is no date of birth', input: '810230-9872', expected: 'birth_date' },
    { sentence: '29 February 1901 or 2001 is no date of birth', input: '010229-1234', expected: 'birth_date' },
    {
      sentence: '29 February 1900 (the century given) is no date of birth',
      input: '19000229-1235',
      expected: 'birth_date',
    },
    { sentence: 'letters are not digits', input: '556036-079A', expected: 'format' },
    { sentence: 'a word is not a number', input: 'Volvo AB', expected: 'format' },
    { sentence: 'an empty string is not a number', input: '', expected: 'format' },
    { sentence: 'a plus sign is not a separator', input: '556036+0793', expected: 'format' },
  ];

  it.each(invalid)('$sentence', ({ input, expected }) => {
    expect(parseOrganisationNumber(input)).toEqual({ problem: expected });
  });

  it("any legal person's nine digits followed by their Luhn check digit parse to the written form", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{2}[2-9]\d{6}$/), (nine) => {
        const digits = `${nine}${luhnCheckDigit(nine)}`;
        expect(parseOrganisationNumber(digits)).toEqual({ value: `${digits.slice(0, 6)}-${digits.slice(6)}` });
      }),
    );
  });

  it('any other last digit than the Luhn check digit is refused', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const wrong = (luhnCheckDigit(nine) + shift) % 10;
        expect(parseOrganisationNumber(`${nine}${wrong}`)).toEqual({ problem: 'check_digit' });
      }),
    );
  });
});

describe('luhnCheckDigit', () => {
  const cases: { sentence: string; digits: string; expected: number }[] = [
    { sentence: "gives 3 for Volvo's first nine digits", digits: '556036079', expected: 3 },
    { sentence: "gives 5 for Göteborgs Stad's first nine digits", digits: '212000135', expected: 5 },
    { sentence: 'gives 8 for 222000-218', digits: '222000218', expected: 8 },
    { sentence: 'gives 0 for nine zeros', digits: '000000000', expected: 0 },
  ];

  it.each(cases)('$sentence', ({ digits, expected }) => {
    expect(luhnCheckDigit(digits)).toBe(expected);
  });
});

describe('isLegalPersonNumber', () => {
  const cases: { sentence: string; value: string; expected: boolean }[] = [
    { sentence: "Volvo's number is a legal person's (digits 3–4 are 60)", value: '556036-0793', expected: true },
    {
      sentence: "Göteborgs Stad's number is a legal person's (digits 3–4 are 20)",
      value: '212000-1355',
      expected: true,
    },
    { sentence: 'the dash does not matter', value: '5560360793', expected: true },
    {
      sentence: 'a personal identity number is not a legal person (digits 3–4 are a month, 12)',
      value: '811218-9876',
      expected: false,
    },
    { sentence: 'digits 3–4 of 19 are just below the legal-person range', value: '551900-0000', expected: false },
  ];

  it.each(cases)('$sentence', ({ value, expected }) => {
    expect(isLegalPersonNumber(value)).toBe(expected);
  });
});
