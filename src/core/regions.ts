// Geography of the programme (DOMAIN.md "Geography"): the municipalities of Västra Götaland
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
 * companies appear in both co-financers' figures (DOMAIN.md "Geography"). Unknown code: none. */
export function reportingAreasOf(list: readonly Municipality[], code: string): readonly ReportingArea[] {
  return municipalityByCode(list, code)?.reportingAreas ?? [];
}

/** The municipalities that count in a reporting area, in list order (DOMAIN.md "Geography"). */
export function municipalitiesInArea<M extends Municipality>(list: readonly M[], area: ReportingArea): M[] {
  return list.filter((municipality) => municipality.reportingAreas.includes(area));
}
