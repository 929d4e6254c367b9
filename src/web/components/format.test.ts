// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import signedInEn from '../features/signed-in/i18n/en.json';
import signedInSv from '../features/signed-in/i18n/sv.json';
import { initI18n } from '../i18n/i18n';
import {
  formatCo2eKg,
  formatEnergy,
  formatKwh,
  formatMwh,
  formatPeriod,
  formatSek,
  formatTonnes,
  formatYears,
  hoursText,
} from './format';

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

describe('hours with the word in the right number', () => {
  const i18n = initI18n('sv');
  i18n.addResourceBundle('sv', 'translation', signedInSv, true, true);
  i18n.addResourceBundle('en', 'translation', signedInEn, true, true);

  it.each([
    ['sv', 1, '1 timme'],
    ['sv', 2.5, '2,5 timmar'],
    ['sv', 0.25, '0,25 timmar'],
    ['en', 1, '1 hour'],
    ['en', 1.5, '1,5 hours'],
  ] as const)('in %s, %s hours reads "%s"', (language, hours, expected) => {
    expect(plain(hoursText(i18n.getFixedT(language), hours))).toBe(expected);
  });
});

describe('a period', () => {
  it('writes the date once when both ends are on the same day', () => {
    expect(plain(formatPeriod(new Date(2026, 11, 5, 9, 0), new Date(2026, 11, 5, 12, 30)))).toBe(
      '5 dec. 2026 09:00–12:30',
    );
  });

  it('writes both dates when it spans days', () => {
    expect(plain(formatPeriod(new Date(2026, 11, 5, 9, 0), new Date(2026, 11, 6, 16, 0)))).toBe(
      '5 dec. 2026 09:00 – 6 dec. 2026 16:00',
    );
  });
});
