// Industry classification (docs/domain.md "Industry classification"): SNI 2007, the Swedish version of
// NACE Rev. 2, has five levels; a code is written with two to five digits, a dot after the
// division ("25", "25.6", "25.62", "25.620"). Manufacturing is section C, divisions 10–33.

/** The classification versions a stored code may carry; each code is stored with its version. */
export const sniVersions = ['SNI 2007'] as const;
export type SniVersion = (typeof sniVersions)[number];

/** The manufacturing divisions, section C of SNI 2007 / NACE Rev. 2. */
export const manufacturingDivisionRange = { first: 10, last: 33 } as const;

export type SniCode = {
  /** Dotted form with only the digits given: "25", "25.6", "25.62" or "25.620". */
  code: string;
  /** The first two digits (huvudgrupp). */
  division: string;
  isManufacturing: boolean;
};

export type SniCodeProblem = 'format';

/** True for divisions 10–33, manufacturing (section C of SNI 2007 / NACE Rev. 2). */
export function isManufacturingDivision(division: string): boolean {
  const value = Number(division);
  return (
    /^\d{2}$/.test(division) && value >= manufacturingDivisionRange.first && value <= manufacturingDivisionRange.last
  );
}

/** Parses an SNI 2007 code written "25620", "25.620", "25.62", "25.6" or "25" (SCB's five levels
 * below the section letter) to its dotted form. Any division is accepted; the caller warns when
 * it is not manufacturing. */
export function parseSniCode(input: string): SniCode | { problem: SniCodeProblem } {
  const match = /^(\d{2})(?:\.?(\d{1,3}))?$/.exec(input.trim());
  if (!match) return { problem: 'format' };
  const [, division = '', rest] = match;
  return {
    code: rest ? `${division}.${rest}` : division,
    division,
    isManufacturing: isManufacturingDivision(division),
  };
}
