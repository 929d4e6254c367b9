import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dashboardScope } from './access';
import { statusOn, takenUpOn, type StatusHistoryEntry } from './company-status';
import {
  countsByStatus,
  hoursBreakdown,
  maturityByArea,
  monthsOfPeriod,
  progressLine,
  weightedMedian,
  type StepPairCount,
} from './dashboard';
import { geographyOfMunicipalityCounts, type GeographyOf } from './indicators';

describe('takenUpOn and statusOn', () => {
  const history: StatusHistoryEntry[] = [
    { toStatus: 'prospect', changedOn: '2025-11-01' },
    { toStatus: 'enrolled', changedOn: '2026-01-15' },
    { toStatus: 'withdrawn', changedOn: '2026-03-01' },
    { toStatus: 'prospect', changedOn: '2026-04-01' },
    { toStatus: 'enrolled', changedOn: '2026-05-01' },
  ];
  it('takes a company up on the first day it entered enrolled, however often it came back', () => {
    expect(takenUpOn(history)).toBe('2026-01-15');
  });
  it('has not taken up a company that never enrolled', () => {
    expect(
      takenUpOn([
        { toStatus: 'prospect', changedOn: '2026-01-01' },
        { toStatus: 'withdrawn', changedOn: '2026-02-01' },
      ]),
    ).toBeNull();
  });
  const cases = [
    { sentence: 'no status before the first entry', date: '2025-10-31', expected: null },
    { sentence: 'the status entered on the day itself', date: '2026-01-15', expected: 'enrolled' },
    { sentence: 'the status that held between two changes', date: '2026-03-31', expected: 'withdrawn' },
    { sentence: 'the latest status after the last change', date: '2027-01-01', expected: 'enrolled' },
  ] as const;
  for (const c of cases) it(c.sentence, () => expect(statusOn(history, c.date)).toBe(c.expected));
  it('takes the last entry written on a day when two share it', () => {
    expect(
      statusOn(
        [
          { toStatus: 'prospect', changedOn: '2026-02-01' },
          { toStatus: 'enrolled', changedOn: '2026-02-01' },
        ],
        '2026-02-01',
      ),
    ).toBe('enrolled');
  });
});

describe('monthsOfPeriod and progressLine', () => {
  it('lists every month a period touches, over a new year', () => {
    expect(monthsOfPeriod('2025-11-20', '2026-02-03')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfPeriod('2026-03-01', '2026-03-31')).toEqual(['2026-03']);
  });
  it('starts the line at the companies taken up before the period and ends it at the total', () => {
    const line = progressLine(
      [
        { month: '2025-06', companies: 3 },
        { month: '2026-02', companies: 2 },
        { month: '2026-01', companies: 1 },
        { month: '2026-09', companies: 5 },
      ],
      '2026-01-01',
      '2026-03-31',
    );
    expect(line).toEqual([
      { month: '2026-01', takenUp: 1, cumulative: 4 },
      { month: '2026-02', takenUp: 2, cumulative: 6 },
      { month: '2026-03', takenUp: 0, cumulative: 6 },
    ]);
  });
  it('never falls: the cumulative line is the running sum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ month: fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-03'), companies: fc.nat(9) }),
        ),
        (rows) => {
          const line = progressLine(rows, '2026-01-01', '2026-03-31');
          for (let i = 1; i < line.length; i += 1)
            expect(line[i]!.cumulative).toBe(line[i - 1]!.cumulative + line[i]!.takenUp);
          expect(line.at(-1)!.cumulative).toBe(rows.reduce((n, r) => n + r.companies, 0));
        },
      ),
    );
  });
});

describe('countsByStatus', () => {
  it('has every status, 0 where no company has it', () => {
    expect(countsByStatus([{ status: 'active', companies: 4 }])).toEqual({
      prospect: 0,
      enrolled: 0,
      active: 4,
      completed: 0,
      withdrawn: 0,
    });
  });
});

describe('weightedMedian', () => {
  const cases = [
    { sentence: 'none: no median', values: [], expected: null },
    {
      sentence: 'an odd count: the middle value',
      values: [
        { value: 1, weight: 2 },
        { value: 3, weight: 1 },
      ],
      expected: 1,
    },
    {
      sentence: 'an even count: the mean of the two middle values',
      values: [
        { value: 0, weight: 1 },
        { value: 2, weight: 1 },
      ],
      expected: 1,
    },
    {
      sentence: 'in any order, negative values too',
      values: [
        { value: 2, weight: 1 },
        { value: -1, weight: 3 },
      ],
      expected: -1,
    },
  ];
  for (const c of cases) it(c.sentence, () => expect(weightedMedian(c.values)).toBe(c.expected));
  it('is the median of the values written out (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: -4, max: 4 }), weight: fc.nat(5) })), (values) => {
        const flat = values.flatMap((v) => Array<number>(v.weight).fill(v.value)).sort((a, b) => a - b);
        const expected =
          flat.length === 0
            ? null
            : (flat[Math.floor((flat.length - 1) / 2)]! + flat[Math.floor(flat.length / 2)]!) / 2;
        expect(weightedMedian(values)).toBe(expected);
      }),
    );
  });
});

describe('maturityByArea', () => {
  const pairs: StepPairCount[] = [
    { area: 'energy_transition', baselineStep: 1, latestStep: 3, companies: 1 },
    { area: 'energy_transition', baselineStep: 2, latestStep: 2, companies: 2 },
    { area: 'energy_transition', baselineStep: 2, latestStep: null, companies: 4 },
    { area: 'energy_transition', baselineStep: null, latestStep: 2, companies: 1 },
  ];
  const energy = maturityByArea(pairs).find((a) => a.area === 'energy_transition')!;
  it('counts baselines and follow-ups apart, and compares only companies with both', () => {
    expect(energy).toMatchObject({ withBaseline: 7, withFollowUp: 4, compared: 3, climbed: 1 });
  });
  it('gives the share that climbed a step and the median change over those compared', () => {
    expect(energy.climbedShare).toBeCloseTo(1 / 3);
    expect(energy.medianChange).toBe(0);
  });
  it('has every area, with no share and no median where nothing was compared', () => {
    const all = maturityByArea(pairs);
    expect(all.map((a) => a.area)).toHaveLength(5);
    expect(all.find((a) => a.area === 'digitalisation')).toMatchObject({
      compared: 0,
      climbedShare: null,
      medianChange: null,
    });
  });
});

describe('hoursBreakdown', () => {
  it('sums quarter hours into hours by organisation, area (general apart) and kind, each adding up to the total', () => {
    const result = hoursBreakdown([
      { organisationId: 'o1', area: 'energy_transition', kind: 'coaching', quarterHours: 6 },
      { organisationId: 'o1', area: null, kind: 'other', quarterHours: 1 },
      { organisationId: 'o2', area: 'energy_transition', kind: 'coaching', quarterHours: 8 },
    ]);
    expect(result.hours).toBe(3.75);
    expect(result.byOrganisation).toEqual([
      { organisationId: 'o1', hours: 1.75 },
      { organisationId: 'o2', hours: 2 },
    ]);
    expect(result.byArea.find((a) => a.area === 'energy_transition')!.hours).toBe(3.5);
    expect(result.byArea.find((a) => a.area === 'general')!.hours).toBe(0.25);
    expect(result.byKind.find((k) => k.kind === 'coaching')!.hours).toBe(3.5);
    for (const list of [result.byOrganisation, result.byArea, result.byKind]) {
      expect(list.reduce((sum, row) => sum + row.hours, 0)).toBe(result.hours);
    }
  });
});

describe('geographyOfMunicipalityCounts', () => {
  const geographyOf: GeographyOf = (code) =>
    ({
      '1384': { coFinancers: ['region_halland'], reportingAreas: ['halland', 'goteborgsregionen'] },
      '1496': {
        coFinancers: ['vastra_gotalandsregionen', 'skaraborgs_kommunalforbund'],
        reportingAreas: ['skaraborg'],
      },
    })[code] ?? { coFinancers: [], reportingAreas: [] };
  it('counts Kungsbacka in two reporting areas, and an unknown municipality apart', () => {
    expect(
      geographyOfMunicipalityCounts(
        [
          { municipalityCode: '1384', companies: 2 },
          { municipalityCode: '1496', companies: 1 },
          { municipalityCode: null, companies: 3 },
          { municipalityCode: '9999', companies: 1 },
        ],
        geographyOf,
      ),
    ).toEqual({
      unknown: 4,
      coFinancers: { region_halland: 2, vastra_gotalandsregionen: 1, skaraborgs_kommunalforbund: 1 },
      reportingAreas: { halland: 2, goteborgsregionen: 2, skaraborg: 1 },
    });
  });
});

describe('dashboardScope', () => {
  const coach = { kind: 'user', role: 'coach', userId: 'u', organisationId: 'o1' } as const;
  const admin = { kind: 'user', role: 'admin', userId: 'a' } as const;
  const company = { kind: 'user', role: 'company', userId: 'c', companyId: 'k' } as const;
  const cases = [
    { sentence: 'an admin sees the programme', actor: admin, asked: undefined, expected: { organisationId: null } },
    { sentence: 'an admin sees any organisation', actor: admin, asked: 'o2', expected: { organisationId: 'o2' } },
    {
      sentence: 'a coach sees their own organisation unasked',
      actor: coach,
      asked: undefined,
      expected: { organisationId: 'o1' },
    },
    {
      sentence: 'a coach sees their own organisation asked',
      actor: coach,
      asked: 'o1',
      expected: { organisationId: 'o1' },
    },
    {
      sentence: "another organisation is another tenant's record to a coach",
      actor: coach,
      asked: 'o2',
      expected: 'not_found',
    },
    { sentence: 'a company user has no programme dashboard', actor: company, asked: undefined, expected: 'forbidden' },
    {
      sentence: 'nor has anybody signed out',
      actor: { kind: 'anonymous' } as const,
      asked: undefined,
      expected: 'forbidden',
    },
  ];
  for (const c of cases) it(c.sentence, () => expect(dashboardScope(c.actor as never, c.asked)).toEqual(c.expected));
});
