// The analyses a coach makes with a company (issue 5, items 3 and 4; docs/glossary.md
// "analysis"). The energy mapping is computed (src/core/energy.ts); the others are structured
// forms whose findings become actions.

export const analysisKinds = ['energy_mapping', 'resource_flows', 'circular_business_model', 'digital'] as const;
export type AnalysisKind = (typeof analysisKinds)[number];
