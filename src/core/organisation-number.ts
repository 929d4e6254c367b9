// Swedish organisation numbers (docs/domain.md): ten digits written NNNNNN-NNNN, the last a Luhn
// check digit over the first nine; digits 3–4 are at least 20 for legal persons. A sole trader's
// number is the owner's personal identity number, whose first six digits are the date of birth.

/** Luhn (mod 10) check digit over a string of digits, as Bolagsverket uses it. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
    if (value > 9) value -= 9;
    sum += value;
  }
  return (10 - (sum % 10)) % 10;
}

export type OrganisationNumberProblem = 'format' | 'check_digit' | 'birth_date';

/** The century prefixes of the twelve-digit forms: 16 before a legal person's number (Skatteverket),
 * 18–20 before a personal identity number (the birth year's century). */
const legalPersonPrefix = '16';
const birthCenturies = ['18', '19', '20'];

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Whether the first six digits of a personal identity number are a date of birth (Skatteverket,
 * SKV 704): YYMMDD, or a coordination number with 60 added to the day. With the century unknown
 * (the ten-digit form), 29 February counts in any year that is a leap year in some century.
 */
export function hasRealBirthDate(tenDigits: string, century?: string): boolean {
  const yy = Number(tenDigits.slice(0, 2));
  const month = Number(tenDigits.slice(2, 4));
  const rawDay = Number(tenDigits.slice(4, 6));
  const day = rawDay > 60 ? rawDay - 60 : rawDay;
  const years = century ? [Number(century) * 100 + yy] : [1900 + yy, 2000 + yy];
  return years.some((year) => isRealDate(year, month, day));
}

/**
 * Parses "556036-0793", "5560360793" or the twelve-digit forms some registers use
 * ("16556036-0793" for a legal person, "19811218-9876" for a sole trader) to the ten-digit written
 * form, or says what is wrong. A sole trader's number must start with a real date of birth.
 */
export function parseOrganisationNumber(input: string): { value: string } | { problem: OrganisationNumberProblem } {
  const written = input.replace(/[\s-]/g, '');
  if (!/^\d{10}(\d{2})?$/.test(written)) return { problem: 'format' };
  const prefix = written.length === 12 ? written.slice(0, 2) : undefined;
  const digits = written.slice(written.length - 10);
  const isLegalPerson = isLegalPersonNumber(digits);
  // A prefix must fit its kind of number: 16 only before a legal person's, a century only before a person's.
  if (prefix !== undefined && (isLegalPerson ? prefix !== legalPersonPrefix : !birthCenturies.includes(prefix))) {
    return { problem: 'format' };
  }
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { problem: 'check_digit' };
  if (!isLegalPerson && !hasRealBirthDate(digits, prefix)) return { problem: 'birth_date' };
  return { value: `${digits.slice(0, 6)}-${digits.slice(6)}` };
}

/** True when digits 3–4 are ≥ 20: a legal person, not a sole trader's personal identity number. */
export function isLegalPersonNumber(value: string): boolean {
  return Number(value.replace(/\D/g, '').slice(2, 4)) >= 20;
}

/** A sole trader's number is a personal identity number (GDPR): shown as the birth date with
 * the last four digits hidden, e.g. 811218-****. */
export function maskOrganisationNumber(value: string): string {
  return `${value.slice(0, 6)}-****`;
}
