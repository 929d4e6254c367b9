/** The programme's areas: the foundation step and the four focus areas (docs/domain.md, "company journey"). */
export const areas = [
  'foundation',
  'resource_efficiency',
  'circular_business',
  'energy_transition',
  'digitalisation',
] as const;
export type Area = (typeof areas)[number];
