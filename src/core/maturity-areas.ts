// The areas a company is measured in (DESIGN.md glossary: "area"): the foundation step and the
// four focus areas of the programme, in the order the ladder view shows them.

export const maturityAreas = [
  'foundation',
  'resource_efficiency',
  'circular_business',
  'energy_transition',
  'digitalisation',
] as const;
export type MaturityArea = (typeof maturityAreas)[number];

/** T0 is the baseline; every later measurement of the same area is a follow-up (T1, T2 …). */
export const assessmentKinds = ['baseline', 'follow_up'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

/** Led by a coach with the company, or filled in by the company on its own (a self-assessment). */
export const assessmentModes = ['coach', 'self'] as const;
export type AssessmentMode = (typeof assessmentModes)[number];

export const assessmentStatuses = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
