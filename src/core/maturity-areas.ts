import { areas, type Area } from './areas';

// A company is measured in every area of the programme (core/areas.ts), in that order on the ladder.
export const maturityAreas = areas;
export type MaturityArea = Area;

/** T0 is the baseline; every later measurement of the same area is a follow-up (T1, T2 …). */
export const assessmentKinds = ['baseline', 'follow_up'] as const;
export type AssessmentKind = (typeof assessmentKinds)[number];

/** Led by a coach with the company, or filled in by the company on its own (a self-assessment). */
export const assessmentModes = ['coach', 'self'] as const;
export type AssessmentMode = (typeof assessmentModes)[number];

export const assessmentStatuses = ['draft', 'submitted'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
