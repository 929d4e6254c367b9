// Funder indicators (issue 12; docs/domain.md "ERDF indicators"): which companies count as
// supported in a period, in which size class and which geography, the participants of activities
// by gender, and the result indicators. Plain data in, plain data out: the service reads the facts
// per company from the records, the rules here decide (decision 027). Each indicator of the
// catalogue (content/indicators/) names one rule function below by its key.

import type { ActivityType, ParticipantGender } from './activities';
import { participantGenders } from './activities';
import type { Area } from './areas';
import { areas } from './areas';
import type { SmeClass } from './sme-class';
import { smeClasses } from './sme-class';
import { hasClimbed, stepChange } from './maturity-scoring';

/** The size breakdown of RCO01: the four EU classes, and `unknown` for a company without size data,
 * so that the five add up to the total (Regulation 2021/1058 Annex I: classes are exclusive). */
export const sizeBreakdown = [...smeClasses, 'unknown'] as const;
export type SizeBreakdownKey = (typeof sizeBreakdown)[number];

/** What makes a company count as having had structured and documented support (RCO04). */
export const supportRules = ['measurement', 'analysis', 'hours'] as const;
export type SupportRule = (typeof supportRules)[number];

/** The programme's setting of the RCO04 rule (admins keep it, decision 027). */
export type SupportRuleSettings = {
  /** Interventions of at least this many quarter hours in total in the period count. */
  minQuarterHours: number;
  /** A submitted coach-led measurement in the period counts. */
  countsMeasurement: boolean;
  /** An analysis performed in the period counts. */
  countsAnalysis: boolean;
};

/** The default rule: a measurement, an analysis, or 4 hours of logged coaching (half a working day:
 * a visit with preparation and notes; a short call of 15–30 minutes is far below it). */
export const defaultSupportRuleSettings: SupportRuleSettings = {
  minQuarterHours: 16,
  countsMeasurement: true,
  countsAnalysis: true,
};

/** One size record of a company: its class as recorded at a moment (the company register keeps
 * one each time the size facts change). */
export type SizeRecord = { recordedOn: string; sizeClass: SmeClass | null };

/**
 * The size class a company had on a date (docs/domain.md: keep the class as it was on each reporting
 * date): the last record on or before the date that has a class; when the size facts were first
 * entered after the date, the earliest record with a class (the accounts describe the company as it
 * was then); null when the company never had size data. Records oldest first, as they were made (two
 * on one day: the later one holds). The report applies it in SQL to every company at once
 * (sizeClassOnSql), held to this by `size-class-sql.test.ts`.
 */
export function sizeClassOn(records: readonly SizeRecord[], date: string): SmeClass | null {
  const known = records.filter((r): r is { recordedOn: string; sizeClass: SmeClass } => r.sizeClass !== null);
  const before = known.filter((r) => r.recordedOn <= date);
  return (before.at(-1) ?? known[0])?.sizeClass ?? null;
}

/** The support a company had in a period, as the service reads it from the records. */
export type CompanySupport = {
  companyId: string;
  /** The first and last day of any support in the period (intervention, submitted coach measurement,
   * analysis, attended activity); null when it had none. */
  firstSupportOn: string | null;
  lastSupportOn: string | null;
  /** Logged coaching in the period, in quarter hours. */
  quarterHours: number;
  hasMeasurement: boolean;
  hasAnalysis: boolean;
  /** The size class it had on `firstSupportOn` (sizeClassOn). */
  sizeClass: SmeClass | null;
  /** SCB code of its municipality, or null when not recorded. */
  municipalityCode: string | null;
};

/**
 * Why a company counts as supported with structured and documented support (RCO04), or null
 * (Regulation 2021/1058 Annex I RCO04; docs/domain.md: not one-off contacts). The rules are tried in a
 * fixed order, and the first that holds is the reason shown: a measurement, an analysis, then the
 * hours. A single short call gives neither a document nor the hours.
 */
export function supportReason(
  support: Pick<CompanySupport, 'hasMeasurement' | 'hasAnalysis' | 'quarterHours'>,
  settings: SupportRuleSettings,
): SupportRule | null {
  if (settings.countsMeasurement && support.hasMeasurement) return 'measurement';
  if (settings.countsAnalysis && support.hasAnalysis) return 'analysis';
  if (support.quarterHours > 0 && support.quarterHours >= settings.minQuarterHours) return 'hours';
  return null;
}

/**
 * The hours above which supportReason cannot tell two companies apart: at least the rule's minimum,
 * and one quarter hour so that some hours stay apart from none. The report groups companies with
 * their hours capped here (decision 041), and every rule gives a group what it gives each member.
 */
export function distinguishableQuarterHours(settings: SupportRuleSettings): number {
  return Math.max(settings.minQuarterHours, 1);
}

/** Supported companies alike in every fact the rules read, and how many they are: the report reads
 * its figures as such groups (decision 041); one company is a group of one. */
export type SupportGroup = Pick<
  CompanySupport,
  'quarterHours' | 'hasMeasurement' | 'hasAnalysis' | 'sizeClass' | 'municipalityCode'
> & { companies: number };

export type CountedGroup = SupportGroup & { reason: SupportRule };
export type CountedCompany = CompanySupport & { reason: SupportRule; companies: 1 };

/** The groups that count as supported in the period, with the reason they count. */
export function countedGroups(groups: readonly SupportGroup[], settings: SupportRuleSettings): CountedGroup[] {
  return groups.flatMap((group) => {
    const reason = supportReason(group, settings);
    return reason ? [{ ...group, reason }] : [];
  });
}

/** The companies that count as supported in the period, each once, with the reason it counts. */
export function supportedCompanies(
  supports: readonly CompanySupport[],
  settings: SupportRuleSettings,
): CountedCompany[] {
  const seen = new Set<string>();
  const counted: CountedCompany[] = [];
  for (const support of supports) {
    if (seen.has(support.companyId)) continue;
    seen.add(support.companyId);
    const reason = supportReason(support, settings);
    if (reason) counted.push({ ...support, reason, companies: 1 });
  }
  return counted;
}

/**
 * RCO01 enterprises supported, by size class (Regulation 2021/1058 Annex I): each company once
 * however much support it got, in the class it had at its first support in the period; a company
 * without size data in `unknown`. The programme gives non-financial support only, so a company
 * counts as supported when its support meets the RCO04 rule: a short call is no support at all.
 */
export function rco01(counted: readonly CountedGroup[]): { total: number; bySize: Record<SizeBreakdownKey, number> } {
  const bySize = Object.fromEntries(sizeBreakdown.map((key) => [key, 0])) as Record<SizeBreakdownKey, number>;
  for (const group of counted) bySize[group.sizeClass ?? 'unknown'] += group.companies;
  return { total: companiesIn(counted), bySize };
}

const companiesIn = (groups: readonly { companies: number }[]) => groups.reduce((sum, g) => sum + g.companies, 0);

/** RCO04 enterprises with non-financial support, by the rule that made each count. */
export function rco04(counted: readonly CountedGroup[]): { total: number; byRule: Record<SupportRule, number> } {
  const byRule = Object.fromEntries(supportRules.map((rule) => [rule, 0])) as Record<SupportRule, number>;
  for (const group of counted) byRule[group.reason] += group.companies;
  return { total: companiesIn(counted), byRule };
}

/** The geography a municipality counts in: its co-financers' keys and its reporting areas. */
export type GeographyOf = (municipalityCode: string) => {
  coFinancers: readonly string[];
  reportingAreas: readonly string[];
};

/** Companies counted per slice of geography, from how many there are per municipality. */
export type GeographyCounts = {
  unknown: number;
  coFinancers: Record<string, number>;
  reportingAreas: Record<string, number>;
};

/**
 * Companies per co-financer and per reporting area from their number per municipality (docs/domain.md
 * "Geography"): a company counts in every slice its municipality belongs to (Kungsbacka: Region
 * Halland, and the reporting areas Halland and Göteborgsregionen); a company without a known
 * municipality (null, or a code in no slice) counts in `unknown` only. The slices may therefore add
 * up to more than the companies. The one rule behind the indicator report's geography and the
 * dashboard's (decision 034), which counts per municipality in SQL.
 */
export function geographyOfMunicipalityCounts(
  counts: readonly { municipalityCode: string | null; companies: number }[],
  geographyOf: GeographyOf,
): GeographyCounts {
  const coFinancers: Record<string, number> = {};
  const reportingAreas: Record<string, number> = {};
  let unknown = 0;
  for (const { municipalityCode, companies } of counts) {
    const geography = municipalityCode ? geographyOf(municipalityCode) : null;
    if (!geography || (geography.coFinancers.length === 0 && geography.reportingAreas.length === 0)) {
      unknown += companies;
      continue;
    }
    for (const key of new Set(geography.coFinancers)) coFinancers[key] = (coFinancers[key] ?? 0) + companies;
    for (const key of new Set(geography.reportingAreas)) reportingAreas[key] = (reportingAreas[key] ?? 0) + companies;
  }
  return { unknown, coFinancers, reportingAreas };
}

/**
 * Supported companies per co-financer and per reporting area (docs/domain.md "Geography"): each company
 * in every slice its municipality belongs to and once in the total (geographyOfMunicipalityCounts).
 */
export function geographySlices(
  counted: readonly CountedGroup[],
  geographyOf: GeographyOf,
): { total: number } & GeographyCounts {
  const perMunicipality = new Map<string | null, number>();
  for (const group of counted) {
    perMunicipality.set(group.municipalityCode, (perMunicipality.get(group.municipalityCode) ?? 0) + group.companies);
  }
  const counts = [...perMunicipality].map(([municipalityCode, companies]) => ({ municipalityCode, companies }));
  return { total: companiesIn(counted), ...geographyOfMunicipalityCounts(counts, geographyOf) };
}

/** One attendance: a person (contact) marked present at an activity in the period. */
export type Attendance = {
  contactId: string;
  gender: ParticipantGender;
  activityType: ActivityType;
  /** The areas the activity was about; none: it counts under no area. */
  areas: readonly Area[];
};

export type GenderCounts = Record<ParticipantGender, number> & { total: number };

const zeroGenders = (): GenderCounts =>
  ({ ...Object.fromEntries(participantGenders.map((g) => [g, 0])), total: 0 }) as GenderCounts;

function countByGender(rows: readonly Attendance[]): { people: GenderCounts; attendances: GenderCounts } {
  const people = zeroGenders();
  const attendances = zeroGenders();
  const seen = new Set<string>();
  for (const row of rows) {
    attendances[row.gender] += 1;
    attendances.total += 1;
    if (seen.has(row.contactId)) continue;
    seen.add(row.contactId);
    people[row.gender] += 1;
    people.total += 1;
  }
  return { people, attendances };
}

/**
 * Participants of activities by gender (docs/domain.md: participants by gender): unique people (one
 * person at two activities is one participant) and attendances (that person is two), overall, by
 * activity type and by area. A person's gender is the one recorded now; not stated counts apart.
 */
export function participants(rows: readonly Attendance[]) {
  const byType = [...new Set(rows.map((r) => r.activityType))].sort().map((activityType) => ({
    activityType,
    ...countByGender(rows.filter((r) => r.activityType === activityType)),
  }));
  const byArea = areas
    .filter((area) => rows.some((r) => r.areas.includes(area)))
    .map((area) => ({ area, ...countByGender(rows.filter((r) => r.areas.includes(area))) }));
  return { ...countByGender(rows), byType, byArea };
}

/** How many companies have a pair of baseline and latest step in an area (one company is in one pair
 * per area). */
export type StepPairCount = { area: Area; baselineStep: number | null; latestStep: number | null; companies: number };

/** Companies that climbed at least one step per area (hasClimbed). */
export function climbedPerArea(pairs: readonly StepPairCount[]): Record<Area, number> {
  const result = Object.fromEntries(areas.map((area) => [area, 0])) as Record<Area, number>;
  for (const pair of pairs) {
    if (hasClimbed(stepChange(pair.baselineStep, pair.latestStep))) result[pair.area] += pair.companies;
  }
  return result;
}

/** How many companies have each largest step change over their areas (null: no area with both a
 * baseline and a follow-up). hasClimbed is a threshold, so a company climbed in some area exactly
 * when its largest change climbed. */
export type BestStepChangeCount = { change: number | null; companies: number };

/** Companies that climbed at least one step in any area: each company once however many areas. */
export function climbedAnywhere(best: readonly BestStepChangeCount[]): number {
  return best.filter((row) => hasClimbed(row.change)).reduce((sum, row) => sum + row.companies, 0);
}

// The catalogue's rules -----------------------------------------------------------------------

/** The rule keys an indicator of the catalogue (content/indicators/) may name: one function each. */
export const indicatorRuleKeys = [
  'rco01',
  'rco04',
  'participants',
  'geography',
  'realised_energy',
  'realised_ghg',
  'climbed_step',
  'action_plans',
] as const;
export type IndicatorRuleKey = (typeof indicatorRuleKeys)[number];

/** How an indicator is broken down, as the catalogue says and the report lays it out. */
export const indicatorBreakdowns = ['size_class', 'support_rule', 'gender', 'geography', 'area', 'none'] as const;
export type IndicatorBreakdown = (typeof indicatorBreakdowns)[number];

/** Everything the rules read, gathered once per report by the service. */
export type IndicatorFacts = {
  counted: readonly CountedGroup[];
  attendances: readonly Attendance[];
  geographyOf: GeographyOf;
  /** Confirmed realised effects of actions done in the period, per area (kWh and kg CO2e per year). */
  realisedByArea: readonly { area: Area; kwh: number; co2eKg: number }[];
  stepPairs: readonly StepPairCount[];
  bestStepChanges: readonly BestStepChangeCount[];
  companiesWithPlan: number;
};

/** A table of a breakdown: one row per key (a size class, a gender, an area …), one value per column. */
export type IndicatorTable = { by: string; columns: readonly string[]; rows: { key: string; values: number[] }[] };
/** An indicator's figure and its breakdowns; codes only, the report translates them. */
export type IndicatorResult = { total: number; tables: IndicatorTable[] };

const genderTable = (by: string, groups: { key: string; people: GenderCounts; attendances: GenderCounts }[]) => ({
  by,
  columns: [
    ...participantGenders.flatMap((g) => [`people.${g}`, `attendances.${g}`]),
    'people.total',
    'attendances.total',
  ],
  rows: groups.map((group) => ({
    key: group.key,
    values: [
      ...participantGenders.flatMap((g) => [group.people[g], group.attendances[g]]),
      group.people.total,
      group.attendances.total,
    ],
  })),
});

const areaTable = (values: Record<Area, number>): IndicatorTable => ({
  by: 'area',
  columns: ['value'],
  rows: areas.map((area) => ({ key: area, values: [values[area]] })),
});

function realisedPerArea(facts: IndicatorFacts, pick: (row: { kwh: number; co2eKg: number }) => number) {
  const values = Object.fromEntries(areas.map((area) => [area, 0])) as Record<Area, number>;
  for (const row of facts.realisedByArea) values[row.area] += pick(row) / 1000;
  return values;
}

const sumOf = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** One function per rule key: the figure of an indicator and its breakdowns (issue 12). */
export const indicatorRules: Record<IndicatorRuleKey, (facts: IndicatorFacts) => IndicatorResult> = {
  rco01: (facts) => {
    const { total, bySize } = rco01(facts.counted);
    return {
      total,
      tables: [
        { by: 'size_class', columns: ['value'], rows: sizeBreakdown.map((key) => ({ key, values: [bySize[key]] })) },
      ],
    };
  },
  rco04: (facts) => {
    const { total, byRule } = rco04(facts.counted);
    return {
      total,
      tables: [
        { by: 'support_rule', columns: ['value'], rows: supportRules.map((key) => ({ key, values: [byRule[key]] })) },
      ],
    };
  },
  participants: (facts) => {
    const result = participants(facts.attendances);
    return {
      total: result.people.total,
      tables: [
        genderTable('total', [{ key: 'total', people: result.people, attendances: result.attendances }]),
        genderTable(
          'activity_type',
          result.byType.map((t) => ({ key: t.activityType, ...t })),
        ),
        genderTable(
          'area',
          result.byArea.map((a) => ({ key: a.area, ...a })),
        ),
      ],
    };
  },
  geography: (facts) => {
    const slices = geographySlices(facts.counted, facts.geographyOf);
    const rows = (values: Record<string, number>) =>
      Object.keys(values)
        .sort()
        .map((key) => ({ key, values: [values[key]!] }));
    return {
      total: slices.total,
      tables: [
        { by: 'co_financer', columns: ['value'], rows: rows(slices.coFinancers) },
        { by: 'reporting_area', columns: ['value'], rows: rows(slices.reportingAreas) },
        { by: 'unknown_municipality', columns: ['value'], rows: [{ key: 'unknown', values: [slices.unknown] }] },
      ],
    };
  },
  realised_energy: (facts) => {
    const values = realisedPerArea(facts, (row) => row.kwh);
    return { total: sumOf(values), tables: [areaTable(values)] };
  },
  realised_ghg: (facts) => {
    const values = realisedPerArea(facts, (row) => row.co2eKg);
    return { total: sumOf(values), tables: [areaTable(values)] };
  },
  climbed_step: (facts) => {
    // A company that climbed in two areas is one company: the total counts companies.
    return { total: climbedAnywhere(facts.bestStepChanges), tables: [areaTable(climbedPerArea(facts.stepPairs))] };
  },
  action_plans: (facts) => ({ total: facts.companiesWithPlan, tables: [] }),
};
