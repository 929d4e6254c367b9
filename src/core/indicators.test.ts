import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  climbedAnywhere,
  climbedPerArea,
  countedGroups,
  distinguishableQuarterHours,
  defaultSupportRuleSettings,
  geographySlices,
  participants,
  rco01,
  rco04,
  sizeClassOn,
  supportedCompanies,
  supportReason,
  type Attendance,
  type CompanySupport,
  type GeographyOf,
} from './indicators';
import { smeClasses } from './sme-class';

const support = (overrides: Partial<CompanySupport>): CompanySupport => ({
  companyId: 'c1',
  firstSupportOn: '2026-02-01',
  lastSupportOn: '2026-02-01',
  quarterHours: 0,
  hasMeasurement: false,
  hasAnalysis: false,
  sizeClass: 'small',
  municipalityCode: '1496',
  ...overrides,
});

describe('sizeClassOn', () => {
  const cases = [
    {
      sentence: 'the class recorded before the date, not a later one',
      records: [
        { recordedOn: '2025-03-01', sizeClass: 'micro' as const },
        { recordedOn: '2026-05-01', sizeClass: 'small' as const },
      ],
      date: '2026-02-01',
      expected: 'micro',
    },
    {
      sentence: 'the latest of several before the date',
      records: [
        { recordedOn: '2024-03-01', sizeClass: 'micro' as const },
        { recordedOn: '2025-09-01', sizeClass: 'medium' as const },
      ],
      date: '2026-02-01',
      expected: 'medium',
    },
    {
      sentence: 'a record on the date itself',
      records: [{ recordedOn: '2026-02-01', sizeClass: 'large' as const }],
      date: '2026-02-01',
      expected: 'large',
    },
    {
      sentence: 'size data entered after the first support: the earliest class recorded',
      records: [
        { recordedOn: '2025-01-01', sizeClass: null },
        { recordedOn: '2026-06-01', sizeClass: 'small' as const },
        { recordedOn: '2026-09-01', sizeClass: 'medium' as const },
      ],
      date: '2026-02-01',
      expected: 'small',
    },
    {
      sentence: 'no size data ever: unknown',
      records: [{ recordedOn: '2025-01-01', sizeClass: null }],
      date: '2026-02-01',
      expected: null,
    },
    { sentence: 'no records at all: unknown', records: [], date: '2026-02-01', expected: null },
  ];
  it.each(cases)('gives $sentence', ({ records, date, expected }) => {
    expect(sizeClassOn(records, date)).toBe(expected);
  });
});

describe('supportReason (RCO04)', () => {
  const settings = defaultSupportRuleSettings;
  const cases = [
    { sentence: 'a single short phone call (0.25 h) does not count', input: { quarterHours: 1 }, expected: null },
    {
      sentence: '3.75 hours of coaching, one quarter short of 4, does not count',
      input: { quarterHours: 15 },
      expected: null,
    },
    { sentence: '4 hours of coaching count by hours', input: { quarterHours: 16 }, expected: 'hours' },
    { sentence: 'a submitted coach measurement counts', input: { hasMeasurement: true }, expected: 'measurement' },
    { sentence: 'an analysis counts', input: { hasAnalysis: true, quarterHours: 1 }, expected: 'analysis' },
    {
      sentence: 'a measurement with an analysis and hours: the measurement is the reason shown',
      input: { hasMeasurement: true, hasAnalysis: true, quarterHours: 40 },
      expected: 'measurement',
    },
    { sentence: 'an activity alone (no hours, no document) does not count', input: {}, expected: null },
  ] as const;
  it.each(cases)('$sentence', ({ input, expected }) => {
    expect(supportReason(support(input), settings)).toBe(expected);
  });

  it('follows the setting: 1 hour as the rule makes a one-hour visit count, measurements switched off do not', () => {
    const oneHour = { minQuarterHours: 4, countsMeasurement: false, countsAnalysis: true };
    expect(supportReason(support({ quarterHours: 4 }), oneHour)).toBe('hours');
    expect(supportReason(support({ hasMeasurement: true }), oneHour)).toBeNull();
  });

  it('never counts a company with no hours, whatever the setting says (0 hours is no support)', () => {
    expect(
      supportReason(support({}), { minQuarterHours: 0, countsMeasurement: true, countsAnalysis: true }),
    ).toBeNull();
  });
});

describe('RCO01 and RCO04', () => {
  // By hand: c1 small with a measurement and 40 quarter hours and an analysis (many kinds of
  // support: counted once); c1 again (a second row of the same company: still once); c2 micro, 4 h;
  // c3 with one short call (not counted); c4 without size data, an analysis; c5 large, measurement.
  // RCO01 = 4: micro 1, small 1, medium 0, large 1, unknown 1. RCO04 = 4: measurement 2, analysis 1, hours 1.
  const supports = [
    support({ companyId: 'c1', hasMeasurement: true, hasAnalysis: true, quarterHours: 40, sizeClass: 'small' }),
    support({ companyId: 'c1', quarterHours: 4, sizeClass: 'small' }),
    support({ companyId: 'c2', quarterHours: 16, sizeClass: 'micro' }),
    support({ companyId: 'c3', quarterHours: 1, sizeClass: 'medium' }),
    support({ companyId: 'c4', hasAnalysis: true, sizeClass: null }),
    support({ companyId: 'c5', hasMeasurement: true, sizeClass: 'large' }),
  ];
  const counted = supportedCompanies(supports, defaultSupportRuleSettings);

  it('counts each company once, the short call not at all', () => {
    expect(counted.map((c) => c.companyId)).toEqual(['c1', 'c2', 'c4', 'c5']);
  });

  it('breaks RCO01 down by exclusive size classes that add up to the total', () => {
    expect(rco01(counted)).toEqual({ total: 4, bySize: { micro: 1, small: 1, medium: 0, large: 1, unknown: 1 } });
  });

  it('breaks RCO04 down by the rule that made each count', () => {
    expect(rco04(counted)).toEqual({ total: 4, byRule: { measurement: 2, analysis: 1, hours: 1 } });
  });

  it('always adds the size classes up to the total (property)', () => {
    const arbitrary = fc.record({
      companyId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      quarterHours: fc.integer({ min: 0, max: 100 }),
      hasMeasurement: fc.boolean(),
      hasAnalysis: fc.boolean(),
      sizeClass: fc.option(fc.constantFrom(...smeClasses)),
    });
    fc.assert(
      fc.property(fc.array(arbitrary, { maxLength: 30 }), (rows) => {
        const result = rco01(supportedCompanies(rows.map(support), defaultSupportRuleSettings));
        const sum = Object.values(result.bySize).reduce((a, b) => a + b, 0);
        return sum === result.total && result.total <= new Set(rows.map((r) => r.companyId)).size;
      }),
    );
  });
});

describe('geographySlices', () => {
  // The content's geography, by hand: Kungsbacka 1384 is in Region Halland and in the reporting
  // areas Halland and GR; Skövde 1496 in Västra Götalandsregionen and Skaraborg (co-financers) and
  // the reporting area Skaraborg; Göteborg 1480 in Västra Götalandsregionen and GR.
  const geography: Record<string, ReturnType<GeographyOf>> = {
    '1384': { coFinancers: ['region_halland'], reportingAreas: ['goteborgsregionen', 'halland'] },
    '1496': { coFinancers: ['vastra_gotalandsregionen', 'skaraborgs_kommunalforbund'], reportingAreas: ['skaraborg'] },
    '1480': { coFinancers: ['vastra_gotalandsregionen'], reportingAreas: ['goteborgsregionen'] },
  };
  const geographyOf: GeographyOf = (code) => geography[code] ?? { coFinancers: [], reportingAreas: [] };
  const counted = supportedCompanies(
    [
      support({ companyId: 'kungsbacka', municipalityCode: '1384', hasMeasurement: true }),
      support({ companyId: 'skovde', municipalityCode: '1496', hasMeasurement: true }),
      support({ companyId: 'goteborg', municipalityCode: '1480', hasMeasurement: true }),
      support({ companyId: 'nowhere', municipalityCode: null, hasMeasurement: true }),
    ],
    defaultSupportRuleSettings,
  );

  it('counts Kungsbacka in two reporting areas and once in the total', () => {
    const slices = geographySlices(counted, geographyOf);
    expect(slices.total).toBe(4);
    expect(slices.reportingAreas).toEqual({ goteborgsregionen: 2, halland: 1, skaraborg: 1 });
    expect(slices.coFinancers).toEqual({
      region_halland: 1,
      vastra_gotalandsregionen: 2,
      skaraborgs_kommunalforbund: 1,
    });
    expect(slices.unknown).toBe(1);
  });
});

describe('participants', () => {
  // By hand: Anna (woman) at a workshop and a training: one participant, two attendances; Bo (man)
  // at the workshop; Cia (not stated) at the training. Workshop about energy; training about energy
  // and digitalisation.
  const rows: Attendance[] = [
    { contactId: 'anna', gender: 'woman', activityType: 'workshop', areas: ['energy_transition'] },
    { contactId: 'anna', gender: 'woman', activityType: 'training', areas: ['energy_transition', 'digitalisation'] },
    { contactId: 'bo', gender: 'man', activityType: 'workshop', areas: ['energy_transition'] },
    {
      contactId: 'cia',
      gender: 'not_stated',
      activityType: 'training',
      areas: ['energy_transition', 'digitalisation'],
    },
  ];
  const result = participants(rows);

  it('counts one person at two activities as one participant and two attendances', () => {
    expect(result.people).toEqual({ woman: 1, man: 1, other: 0, not_stated: 1, total: 3 });
    expect(result.attendances).toEqual({ woman: 2, man: 1, other: 0, not_stated: 1, total: 4 });
  });

  it('breaks them down by activity type and by area', () => {
    expect(result.byType.map((t) => [t.activityType, t.people.total, t.attendances.total])).toEqual([
      ['training', 2, 2],
      ['workshop', 2, 2],
    ]);
    expect(result.byArea.map((a) => [a.area, a.people.total, a.attendances.total])).toEqual([
      ['energy_transition', 3, 4],
      ['digitalisation', 2, 2],
    ]);
  });
});

describe('climbedPerArea', () => {
  it('counts a company once per area when its latest step is at least one above its baseline', () => {
    expect(
      climbedPerArea([
        { area: 'energy_transition', baselineStep: 2, latestStep: 3, companies: 2 },
        { area: 'energy_transition', baselineStep: 2, latestStep: 2, companies: 1 },
        { area: 'digitalisation', baselineStep: 1, latestStep: 4, companies: 1 },
        { area: 'digitalisation', baselineStep: 3, latestStep: 2, companies: 4 },
        { area: 'foundation', baselineStep: null, latestStep: 3, companies: 1 },
      ]),
    ).toEqual({
      foundation: 0,
      resource_efficiency: 0,
      circular_business: 0,
      energy_transition: 2,
      digitalisation: 1,
    });
  });

  it('counts a company that climbed in two areas once in the total, by its largest change', () => {
    expect(
      climbedAnywhere([
        { change: 2, companies: 3 },
        { change: 1, companies: 1 },
        { change: 0, companies: 5 },
        { change: -1, companies: 2 },
        { change: null, companies: 7 },
      ]),
    ).toBe(4);
  });
});

describe('countedGroups', () => {
  it('gives a group with hours capped at distinguishableQuarterHours what it gives each member', () => {
    const settingsList = [defaultSupportRuleSettings, { ...defaultSupportRuleSettings, minQuarterHours: 0 }];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(...settingsList),
        (quarterHours, hasMeasurement, hasAnalysis, settings) => {
          const member = { quarterHours, hasMeasurement, hasAnalysis };
          const capped = { ...member, quarterHours: Math.min(quarterHours, distinguishableQuarterHours(settings)) };
          return supportReason(member, settings) === supportReason(capped, settings);
        },
      ),
    );
  });

  it('counts a group as many companies as it holds', () => {
    const groups = countedGroups(
      [
        {
          quarterHours: 16,
          hasMeasurement: false,
          hasAnalysis: false,
          sizeClass: 'micro',
          municipalityCode: '1384',
          companies: 3,
        },
        {
          quarterHours: 2,
          hasMeasurement: false,
          hasAnalysis: false,
          sizeClass: 'micro',
          municipalityCode: '1384',
          companies: 9,
        },
        {
          quarterHours: 0,
          hasMeasurement: true,
          hasAnalysis: false,
          sizeClass: null,
          municipalityCode: null,
          companies: 2,
        },
      ],
      defaultSupportRuleSettings,
    );
    expect(rco01(groups)).toEqual({ total: 5, bySize: { micro: 3, small: 0, medium: 0, large: 0, unknown: 2 } });
    expect(rco04(groups)).toEqual({ total: 5, byRule: { measurement: 2, analysis: 0, hours: 3 } });
  });
});
