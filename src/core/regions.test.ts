import { describe, expect, it } from 'vitest';

import {
  coFinancersOf,
  coveringOrganisationOf,
  municipalitiesInArea,
  municipalityByCode,
  reportingAreasOf,
  type CoFinancer,
  type Municipality,
  type ReportingArea,
} from './regions';

// A small inline list: the real one is content, checked in src/server/content/content.test.ts.
const list: Municipality[] = [
  { code: '1480', name: 'Göteborg', countyCode: '14', reportingAreas: ['goteborgsregionen'] },
  { code: '1490', name: 'Borås', countyCode: '14', reportingAreas: ['sjuharad'] },
  { code: '1384', name: 'Kungsbacka', countyCode: '13', reportingAreas: ['halland', 'goteborgsregionen'] },
  { code: '1383', name: 'Varberg', countyCode: '13', reportingAreas: ['halland'] },
  { code: '1496', name: 'Skövde', countyCode: '14', reportingAreas: ['skaraborg'] },
];

describe('municipalityByCode', () => {
  it('finds a municipality by its SCB code', () => {
    expect(municipalityByCode(list, '1490')?.name).toBe('Borås');
  });

  it('returns undefined for a code not in the list', () => {
    expect(municipalityByCode(list, '0180')).toBeUndefined();
  });

  it('does not match a code written without its leading county digits', () => {
    expect(municipalityByCode(list, '80')).toBeUndefined();
  });
});

describe('reportingAreasOf', () => {
  const cases: { sentence: string; code: string; expected: ReportingArea[] }[] = [
    {
      sentence: 'Kungsbacka counts in both Halland and Göteborgsregionen',
      code: '1384',
      expected: ['halland', 'goteborgsregionen'],
    },
    { sentence: 'Varberg counts in Halland only (Sjuhärad is by agreement)', code: '1383', expected: ['halland'] },
    { sentence: 'Göteborg counts in Göteborgsregionen', code: '1480', expected: ['goteborgsregionen'] },
    { sentence: 'an unknown code counts in no area', code: '9999', expected: [] },
  ];

  it.each(cases)('$sentence', ({ code, expected }) => {
    expect(reportingAreasOf(list, code)).toEqual(expected);
  });
});

describe('municipalitiesInArea', () => {
  const cases: { sentence: string; area: ReportingArea; expected: string[] }[] = [
    {
      sentence: 'Göteborgsregionen includes Kungsbacka from Halland',
      area: 'goteborgsregionen',
      expected: ['1480', '1384'],
    },
    { sentence: 'Halland includes Kungsbacka and Varberg', area: 'halland', expected: ['1384', '1383'] },
    { sentence: 'Sjuhärad does not include Varberg', area: 'sjuharad', expected: ['1490'] },
    { sentence: 'an area with no municipality in the list is empty', area: 'fyrbodal', expected: [] },
  ];

  it.each(cases)('$sentence', ({ area, expected }) => {
    expect(municipalitiesInArea(list, area).map((municipality) => municipality.code)).toEqual(expected);
  });
});

describe('coFinancersOf', () => {
  const coFinancers: CoFinancer[] = [
    { key: 'vgr', name: { sv: 'VGR', en: 'VGR' }, geography: { countyCodes: ['14'] } },
    { key: 'halland', name: { sv: 'RH', en: 'RH' }, geography: { countyCodes: ['13'] } },
    { key: 'skaraborg', name: { sv: 'Sk', en: 'Sk' }, geography: { reportingAreas: ['skaraborg'] } },
  ];
  const cases: { sentence: string; code: string; expected: string[] }[] = [
    { sentence: 'Skövde counts for the county region and for Skaraborg', code: '1496', expected: ['vgr', 'skaraborg'] },
    {
      sentence: 'Kungsbacka counts for Region Halland only (GR is no co-financer)',
      code: '1384',
      expected: ['halland'],
    },
    { sentence: 'Göteborg counts for the county region only', code: '1480', expected: ['vgr'] },
    { sentence: 'an unknown code counts for none', code: '9999', expected: [] },
  ];
  it.each(cases)('$sentence', ({ code, expected }) => {
    expect(coFinancersOf(coFinancers, list, code)).toEqual(expected);
  });
});

describe('coveringOrganisationOf', () => {
  const organisations = [
    { id: 'gtc', reportingAreas: ['goteborgsregionen'] },
    { id: 'tek', reportingAreas: ['halland'] },
    { id: 'sjuharad', reportingAreas: ['sjuharad'] },
  ];
  const cases: { sentence: string; code: string; expected: string | undefined }[] = [
    { sentence: 'Göteborg goes to the organisation covering Göteborgsregionen', code: '1480', expected: 'gtc' },
    { sentence: 'Borås goes to the organisation covering Sjuhärad', code: '1490', expected: 'sjuharad' },
    {
      sentence: 'Kungsbacka, in GR and Halland, goes to the one covering its own county’s area (Halland)',
      code: '1384',
      expected: 'tek',
    },
    { sentence: 'Skövde, whose area no organisation covers, goes to none', code: '1496', expected: undefined },
  ];
  it.each(cases)('$sentence', ({ code, expected }) => {
    expect(coveringOrganisationOf(organisations, municipalityByCode(list, code)!)?.id).toBe(expected);
  });

  it('takes the first in list order when no covering area lies in the municipality’s county', () => {
    const both = [
      { id: 'first', reportingAreas: ['goteborgsregionen'] },
      { id: 'second', reportingAreas: ['goteborgsregionen'] },
    ];
    expect(coveringOrganisationOf(both, municipalityByCode(list, '1384')!)?.id).toBe('first');
  });
});
