// Swedish organisation numbers (DOMAIN.md): ten digits written NNNNNN-NNNN, the last a Luhn
// check digit over the first nine; digits 3–4 are at least 20 for legal persons.

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

export type OrganisationNumberProblem = 'format' | 'check_digit';

/** Parses "556036-0793" or "5560360793" to its written form, or says what is wrong. */
export function parseOrganisationNumber(input: string): { value: string } | { problem: OrganisationNumberProblem } {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{10}$/.test(digits)) return { problem: 'format' };
  if (luhnCheckDigit(digits.slice(0, 9)) !== Number(digits[9])) return { problem: 'check_digit' };
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
