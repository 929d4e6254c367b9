import { describe, expect, it } from 'vitest';
import { formatEnergy, formatKwh, formatSek, formatTonnesCo2e } from './format';

// Intl writes a narrow no-break space between groups in Swedish; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('energy, money and CO2e in Swedish format', () => {
  it.each([
    { kwh: 8_400, expected: '8 400 kWh', sentence: 'below 10 000 kWh stays in whole kWh' },
    { kwh: 339_200, expected: '339,2 MWh', sentence: 'from 10 000 kWh shows MWh with one decimal' },
    { kwh: -12_000, expected: '−12,0 MWh', sentence: 'an increase is negative' },
  ])('$sentence', ({ kwh, expected }) => {
    expect(plain(formatEnergy(kwh))).toBe(expected);
  });

  it('shows kWh whole, SEK without decimals and CO2e kept in kg as tonnes with one decimal', () => {
    expect(plain(formatKwh(120_000.4))).toBe('120 000 kWh');
    expect(plain(formatSek(382_000))).toBe('382 000 kr');
    expect(plain(formatTonnesCo2e(79_580))).toBe('79,6 t CO₂e');
    expect(plain(formatTonnesCo2e(300))).toBe('0,3 t CO₂e');
  });
});
