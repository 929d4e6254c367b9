import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  coFinancersOf,
  municipalitiesInArea,
  reportingAreas,
  reportingAreasOf,
  type ReportingArea,
} from '../../core/regions';
import { rateForYear } from '../../core/sme-class';
import { parseSniCode } from '../../core/sni';
import { coFinancers, parseCoFinancersFile } from './co-financers';
import { municipalities, municipalitiesVersion, parseMunicipalitiesFile } from './municipalities';
import { parseSniFile, sniDivisions, sniVersion } from './sni';

describe('content/municipalities.json', () => {
  it('holds the 55 municipalities of Västra Götaland and Halland', () => {
    expect(municipalities).toHaveLength(55);
  });

  it('holds 49 municipalities in Västra Götaland (county 14)', () => {
    expect(municipalities.filter((municipality) => municipality.countyCode === '14')).toHaveLength(49);
  });

  it('holds 6 municipalities in Halland (county 13)', () => {
    expect(municipalities.filter((municipality) => municipality.countyCode === '13')).toHaveLength(6);
  });

  it('has no code twice', () => {
    expect(new Set(municipalities.map((municipality) => municipality.code)).size).toBe(municipalities.length);
  });

  it('writes every code with four digits, the county code first', () => {
    for (const municipality of municipalities) {
      expect(municipality.code).toMatch(/^\d{4}$/);
      expect(municipality.code.startsWith(municipality.countyCode)).toBe(true);
    }
  });

  it('puts every municipality in at least one reporting area', () => {
    for (const municipality of municipalities) expect(municipality.reportingAreas.length).toBeGreaterThan(0);
  });

  it('carries its version', () => {
    expect(municipalitiesVersion).toBe('2024');
  });

  const areaSizes: { sentence: string; area: ReportingArea; expected: number }[] = [
    { sentence: 'Fyrbodal has 14 municipalities', area: 'fyrbodal', expected: 14 },
    {
      sentence: 'Göteborgsregionen has 13 municipalities, Kungsbacka included',
      area: 'goteborgsregionen',
      expected: 13,
    },
    { sentence: 'Skaraborg has 15 municipalities', area: 'skaraborg', expected: 15 },
    { sentence: 'Sjuhärad has 8 municipalities, Varberg not included', area: 'sjuharad', expected: 8 },
    { sentence: 'Halland has 6 municipalities', area: 'halland', expected: 6 },
  ];

  it.each(areaSizes)('$sentence', ({ area, expected }) => {
    expect(municipalitiesInArea(municipalities, area)).toHaveLength(expected);
  });

  it('counts Kungsbacka (1384) in both Halland and Göteborgsregionen', () => {
    expect([...reportingAreasOf(municipalities, '1384')].sort()).toEqual(['goteborgsregionen', 'halland']);
  });

  it('counts Varberg (1383) in Halland only and notes its Sjuhärad agreement', () => {
    expect(reportingAreasOf(municipalities, '1383')).toEqual(['halland']);
    expect(municipalities.find((municipality) => municipality.code === '1383')?.notes).toMatch(/Sjuhärad/);
  });

  it('puts every Västra Götaland municipality in exactly one area, so the four add up to 49', () => {
    const vastraGotaland = municipalities.filter((municipality) => municipality.countyCode === '14');
    for (const municipality of vastraGotaland) expect(municipality.reportingAreas).toHaveLength(1);
    const areas = reportingAreas.filter((area) => area !== 'halland');
    expect(areas.reduce((sum, area) => sum + municipalitiesInArea(vastraGotaland, area).length, 0)).toBe(49);
  });
});

describe('parseMunicipalitiesFile', () => {
  const valid = {
    version: '2024',
    source: 'test',
    municipalities: [
      { code: '1480', name: 'Göteborg', countyCode: '14', reportingAreas: ['goteborgsregionen'] },
      { code: '1384', name: 'Kungsbacka', countyCode: '13', reportingAreas: ['halland', 'goteborgsregionen'] },
    ],
  };
  const withEntry = (entry: object) => ({ ...valid, municipalities: [valid.municipalities[0], entry] });

  it('accepts a valid file', () => {
    expect(parseMunicipalitiesFile(valid).municipalities).toHaveLength(2);
  });

  const invalid: { sentence: string; raw: unknown; message: RegExp }[] = [
    {
      sentence: 'a code given twice names the second entry',
      raw: withEntry({ code: '1480', name: 'Göteborg igen', countyCode: '14', reportingAreas: ['goteborgsregionen'] }),
      message: /municipalities\.1\.code \(entry .*Göteborg igen.*\): duplicate code/,
    },
    {
      sentence: 'a code outside its county names the entry',
      raw: withEntry({ code: '1480', name: 'Fel län', countyCode: '13', reportingAreas: ['halland'] }),
      message: /municipalities\.1\.code \(entry .*Fel län.*\): code must start with the county code/,
    },
    {
      sentence: 'an unknown reporting area names the entry',
      raw: withEntry({ code: '1490', name: 'Borås', countyCode: '14', reportingAreas: ['borasregionen'] }),
      message: /municipalities\.1\.reportingAreas\.0 \(entry .*"1490".*\)/,
    },
    {
      sentence: 'a municipality with no reporting area names the entry',
      raw: withEntry({ code: '1490', name: 'Borås', countyCode: '14', reportingAreas: [] }),
      message: /municipalities\.1\.reportingAreas \(entry .*"1490".*\): at least one reporting area/,
    },
    {
      sentence: 'a three-digit code names the entry',
      raw: withEntry({ code: '149', name: 'Borås', countyCode: '14', reportingAreas: ['sjuharad'] }),
      message: /municipalities\.1\.code \(entry .*"149".*\): code must be four digits/,
    },
    {
      sentence: 'an unexpected field names the entry',
      raw: withEntry({ code: '1490', name: 'Borås', countyCode: '14', reportingAreas: ['sjuharad'], area: 'x' }),
      message: /municipalities\.1 \(entry .*"1490".*\)/,
    },
    {
      sentence: 'a file without the list says so',
      raw: { version: '2024', source: 'test' },
      message: /municipalities: /,
    },
  ];

  it.each(invalid)('$sentence', ({ raw, message }) => {
    expect(() => parseMunicipalitiesFile(raw)).toThrow(/content\/municipalities\.json is invalid/);
    expect(() => parseMunicipalitiesFile(raw)).toThrow(message);
  });
});

describe('content/sni-2007.json', () => {
  it('carries its classification version', () => {
    expect(sniVersion).toBe('SNI 2007');
  });

  it('holds every manufacturing division, 10 to 33, in order', () => {
    expect(sniDivisions.map((division) => division.code)).toEqual(
      Array.from({ length: 24 }, (_, offset) => String(10 + offset)),
    );
  });

  it('puts every division in section C and the core agrees it is manufacturing', () => {
    for (const division of sniDivisions) {
      expect(division.section).toBe('C');
      expect(parseSniCode(division.code)).toMatchObject({ division: division.code, isManufacturing: true });
    }
  });

  it('names every division in Swedish and in English', () => {
    for (const division of sniDivisions) {
      expect(division.nameSv.length).toBeGreaterThan(0);
      expect(division.nameEn.length).toBeGreaterThan(0);
      expect(division.nameSv).not.toBe(division.nameEn);
    }
  });

  const names: { code: string; nameSv: string; nameEn: string }[] = [
    { code: '10', nameSv: 'Livsmedelsframställning', nameEn: 'Manufacture of food products' },
    {
      code: '22',
      nameSv: 'Tillverkning av gummi- och plastvaror',
      nameEn: 'Manufacture of rubber and plastic products',
    },
    {
      code: '25',
      nameSv: 'Tillverkning av metallvaror utom maskiner och apparater',
      nameEn: 'Manufacture of fabricated metal products, except machinery and equipment',
    },
    {
      code: '33',
      nameSv: 'Reparation och installation av maskiner och apparater',
      nameEn: 'Repair and installation of machinery and equipment',
    },
  ];

  it.each(names)('names division $code as SCB and NACE Rev. 2 do', ({ code, nameSv, nameEn }) => {
    expect(sniDivisions.find((division) => division.code === code)).toMatchObject({ nameSv, nameEn });
  });
});

describe('parseSniFile', () => {
  const division = (code: string) => ({ code, section: 'C', nameSv: `sv ${code}`, nameEn: `en ${code}` });

  it('accepts a valid file', () => {
    expect(parseSniFile({ version: 'SNI 2007', source: 'SCB', divisions: [division('10')] }).divisions).toHaveLength(1);
  });

  it('names the entry of a code given twice', () => {
    const raw = { version: 'SNI 2007', source: 'SCB', divisions: [division('10'), division('10')] };
    expect(() => parseSniFile(raw)).toThrow(
      /content\/sni-2007\.json is invalid:[\s\S]*divisions\.1\.code \(entry .*"10".*\): duplicate code/,
    );
  });

  it('names the entry of a three-digit division', () => {
    const raw = { version: 'SNI 2007', source: 'SCB', divisions: [division('100')] };
    expect(() => parseSniFile(raw)).toThrow(/divisions\.0\.code \(entry .*"100".*\): code must be two digits/);
  });

  it('refuses an unknown classification version', () => {
    expect(() => parseSniFile({ version: 'SNI 2002', source: 'SCB', divisions: [division('10')] })).toThrow(/version/);
  });
});

describe('content/sek-per-eur.json', () => {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../content/sek-per-eur.json');
  const content = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    unit: string;
    rates: Record<string, number>;
    provisional: string[];
  };

  it('quotes the rates as SEK per EUR, the form sekToEur takes', () => {
    expect(content.unit).toBe('SEK per EUR');
    for (const rate of Object.values(content.rates)) expect(rate).toBeGreaterThan(5);
  });

  it('marks only years it holds as provisional', () => {
    for (const year of content.provisional) expect(Object.keys(content.rates)).toContain(year);
  });

  it('gives a rate for every programme year from 2023', () => {
    for (const year of [2023, 2024, 2025, 2026]) expect(rateForYear(content.rates, year)).not.toBeNull();
  });
});

describe('content/co-financers.json', () => {
  it('names the four regional co-financers', () => {
    expect(coFinancers.map((c) => c.name.sv)).toEqual([
      'Västra Götalandsregionen',
      'Region Halland',
      'Skaraborgs kommunalförbund',
      'Fyrbodals kommunalförbund',
    ]);
  });

  const sizes = [
    { key: 'vastra_gotalandsregionen', expected: 49 },
    { key: 'region_halland', expected: 6 },
    { key: 'skaraborgs_kommunalforbund', expected: 15 },
    { key: 'fyrbodals_kommunalforbund', expected: 14 },
  ];
  it.each(sizes)('$key covers $expected municipalities', ({ key, expected }) => {
    const covered = municipalities.filter((m) => coFinancersOf(coFinancers, municipalities, m.code).includes(key));
    expect(covered).toHaveLength(expected);
  });

  it('puts every municipality under one county region at least', () => {
    for (const m of municipalities)
      expect(coFinancersOf(coFinancers, municipalities, m.code).length).toBeGreaterThan(0);
  });

  it('refuses a geography naming an unknown reporting area, naming the file', () => {
    expect(() =>
      parseCoFinancersFile({
        version: '1',
        source: 's',
        coFinancers: [{ key: 'x', name: { sv: 'x', en: 'x' }, geography: { reportingAreas: ['nowhere'] } }],
      }),
    ).toThrow(/content\/co-financers.json is invalid/);
  });
});
