// Geography of the programme (docs/domain.md "Geography"): the municipalities of Västra Götaland
// (county 14) and Halland (county 13), keyed by SCB municipality code, and the reporting areas the
// co-financers want figures for. The list itself is content (content/municipalities.json) passed in
// as an argument, so a change of membership is a data change, not a code change.

/** The reporting areas, one per co-financer geography; a municipality may be in more than one. */
export const reportingAreas = ['fyrbodal', 'goteborgsregionen', 'skaraborg', 'sjuharad', 'halland'] as const;
export type ReportingArea = (typeof reportingAreas)[number];

/** The counties of the programme, as SCB county codes: 13 Halland, 14 Västra Götaland. */
export const countyCodes = ['13', '14'] as const;
export type CountyCode = (typeof countyCodes)[number];

/** A municipality: SCB code (four digits, the county code first), Swedish name, reporting areas. */
export type Municipality = {
  code: string;
  name: string;
  countyCode: CountyCode;
  reportingAreas: readonly ReportingArea[];
};

/** The municipality with this SCB municipality code (SCB kommunkoder), or undefined. */
export function municipalityByCode<M extends Municipality>(list: readonly M[], code: string): M | undefined {
  return list.find((municipality) => municipality.code === code);
}

/** The reporting areas a municipality counts in; Kungsbacka counts in both Halland and GR, so its
 * companies appear in both co-financers' figures (docs/domain.md "Geography"). Unknown code: none. */
export function reportingAreasOf(list: readonly Municipality[], code: string): readonly ReportingArea[] {
  return municipalityByCode(list, code)?.reportingAreas ?? [];
}

/** The municipalities that count in a reporting area, in list order (docs/domain.md "Geography"). */
export function municipalitiesInArea<M extends Municipality>(list: readonly M[], area: ReportingArea): M[] {
  return list.filter((municipality) => municipality.reportingAreas.includes(area));
}

/** A regional co-financer and the geography it wants figures for: whole counties (a region) or
 * reporting areas (a kommunalförbund). Content (content/co-financers.json), passed in. */
export type CoFinancer = {
  key: string;
  name: { sv: string; en: string };
  geography: { countyCodes: readonly CountyCode[] } | { reportingAreas: readonly ReportingArea[] };
};

/** Whether a municipality lies in a co-financer's geography (docs/domain.md "The programme": each
 * co-financer wants figures for its own geography). */
export function isInCoFinancerGeography(coFinancer: CoFinancer, municipality: Municipality): boolean {
  const geography = coFinancer.geography;
  if ('countyCodes' in geography) return geography.countyCodes.includes(municipality.countyCode);
  return geography.reportingAreas.some((area) => municipality.reportingAreas.includes(area));
}

/** The keys of the co-financers whose figures a company in this municipality counts in, in list
 * order: Skövde counts for Västra Götalandsregionen and Skaraborg, Kungsbacka for Region Halland
 * only (GR is a reporting area, not a co-financer). Unknown code: none. */
export function coFinancersOf(
  coFinancers: readonly CoFinancer[],
  municipalities: readonly Municipality[],
  code: string,
): string[] {
  const municipality = municipalityByCode(municipalities, code);
  if (!municipality) return [];
  return coFinancers.filter((c) => isInCoFinancerGeography(c, municipality)).map((c) => c.key);
}

/** The county each reporting area lies in (docs/domain.md "Geography"): only Halland is in county 13. */
export const countyOfReportingArea: Record<ReportingArea, CountyCode> = {
  fyrbodal: '14',
  goteborgsregionen: '14',
  skaraborg: '14',
  sjuharad: '14',
  halland: '13',
};

/** An organisation and the reporting areas it covers (`organisations.reporting_areas`). */
export type CoveringOrganisation = { id: string; reportingAreas: readonly string[] };

/**
 * The organisation that takes a company of this municipality (the public interest form, decision
 * 045): the one covering one of the municipality's reporting areas. Where two do (Kungsbacka: GR
 * and Halland), the one covering the area of the municipality's own county wins, then list order;
 * undefined when no organisation covers it (which organisation covers what is editable data).
 */
export function coveringOrganisationOf<O extends CoveringOrganisation>(
  organisations: readonly O[],
  municipality: Municipality,
): O | undefined {
  const covering = organisations.filter((o) => municipality.reportingAreas.some((a) => o.reportingAreas.includes(a)));
  const inOwnCounty = covering.find((o) =>
    municipality.reportingAreas.some(
      (area) => o.reportingAreas.includes(area) && countyOfReportingArea[area] === municipality.countyCode,
    ),
  );
  return inOwnCounty ?? covering[0];
}
