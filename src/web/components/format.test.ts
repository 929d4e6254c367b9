import { describe, expect, it } from 'vitest';
import { formatCo2eKg, formatEnergy, formatKwh, formatMwh, formatSek, formatTonnes, formatYears } from './format';

// Swedish number format: a non-breaking space between thousands, a decimal comma.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('effect formatters', () => {
  it.each([
    ['kWh in whole kilowatt hours', formatKwh(42_000.4), '42 000 kWh'],
    ['MWh with one decimal', formatMwh(12_345), '12,3 MWh'],
    ['energy below 10 000 kWh in kWh', formatEnergy(9_999), '9 999 kWh'],
    ['energy from 10 000 kWh in MWh', formatEnergy(-95_000), '−95 MWh'],
    ['CO2e stored in kg shown in tonnes', formatCo2eKg(1_150), '1,2 t CO₂e'],
    ['an energy mapping’s CO2e in tonnes', formatCo2eKg(79_580), '79,6 t CO₂e'],
    ['an energy mapping’s total in MWh', formatEnergy(339_200), '339,2 MWh'],
    ['tonnes of material', formatTonnes(2.25), '2,3 t'],
    ['SEK without decimals', formatSek(63_000), '63 000 kr'],
    ['payback years with one decimal', formatYears(2.857), '2,9'],
  ])('shows %s', (_sentence, actual, expected) => {
    expect(plain(actual)).toBe(expected);
  });
});
