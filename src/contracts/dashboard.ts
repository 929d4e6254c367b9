import { z } from 'zod';
import { activityTypes, participantGenders } from '../core/activities';
import { areas } from '../core/areas';
import { companyStatuses } from '../core/company-status';
import { generalArea } from '../core/dashboard';
import { interventionKinds } from '../core/interventions';
import { effectTotalsSchema } from './action-plans';
import { idSchema } from './common';
import { type actionFilters, type companyRecordFilters, type maturityFilters } from './companies';
import { reportingAreaSchema } from './organisations';

// The programme dashboard (issue 12, item 1; decision 034): the figures of a period for the
// programme or one organisation, as codes and numbers; the web translates and draws them.

const isoDate = z.iso.date({ error: 'A date, e.g. 2026-06-30' });

/** The longest period the dashboard covers: the programme runs a little over three years. */
export const dashboardPeriodMaxDays = 366 * 5;

export const dashboardQuerySchema = z
  .strictObject({
    /** The period's first day; the programme's start when left out. */
    from: isoDate.optional(),
    /** The period's last day; today when left out. */
    to: isoDate.optional(),
    /** One organisation's companies (a coach's dashboard is always their own organisation's). */
    organisationId: idSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'The period ends before it starts',
    path: ['to'],
  })
  .refine(
    (query) =>
      !query.from || !query.to || Date.parse(query.to) - Date.parse(query.from) <= dashboardPeriodMaxDays * 86_400_000,
    { error: `At most ${dashboardPeriodMaxDays} days`, path: ['to'] },
  );
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

const count = z.number().int().nonnegative();
const genderCountsSchema = z.object({
  ...Object.fromEntries(participantGenders.map((g) => [g, count])),
  total: count,
}) as z.ZodObject<Record<(typeof participantGenders)[number] | 'total', typeof count>>;

export const dashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  organisation: z.object({ id: idSchema, name: z.string() }).nullable(),
  /** Progress against the target: companies taken up (first enrolled) by the period's end. */
  progress: z.object({
    target: count,
    takenUp: count,
    takenUpInPeriod: count,
    /** The companies taken up, by their status at the period's end. */
    byStatus: z.object(
      Object.fromEntries(companyStatuses.map((s) => [s, count])) as Record<
        (typeof companyStatuses)[number],
        typeof count
      >,
    ),
    byMonth: z.array(z.object({ month: z.string(), takenUp: count, cumulative: count })),
  }),
  /** The companies taken up by the period's end, by where and what they are. The geography's
   * slices may add up to more than `total` (Kungsbacka counts in two reporting areas). */
  companies: z.object({
    total: count,
    byOrganisation: z.array(z.object({ organisationId: idSchema, name: z.string(), companies: count })),
    byReportingArea: z.array(z.object({ reportingArea: reportingAreaSchema, companies: count })),
    byCoFinancer: z.array(
      z.object({ coFinancer: z.string(), name: z.object({ sv: z.string(), en: z.string() }), companies: count }),
    ),
    unknownMunicipality: count,
    bySizeClass: z.array(
      z.object({ sizeClass: z.enum(['micro', 'small', 'medium', 'large']).nullable(), companies: count }),
    ),
    bySniDivision: z.array(
      z.object({
        sniDivision: z.string().nullable(),
        name: z.object({ sv: z.string(), en: z.string() }).nullable(),
        companies: count,
      }),
    ),
  }),
  /** Per area, as at the period's end: coach-led baseline and latest follow-up (decision 027's rule). */
  maturity: z.array(
    z.object({
      area: z.enum(areas),
      withBaseline: count,
      withFollowUp: count,
      compared: count,
      climbed: count,
      climbedShare: z.number().nullable(),
      medianChange: z.number().nullable(),
    }),
  ),
  /** The action plans' totals today (the rollup of decision 026): not narrowed by the period. */
  actions: z.object({ open: count, totals: effectTotalsSchema }),
  /** Logged coaching in the period, by the organisation that gave it. */
  coaching: z.object({
    hours: z.number(),
    byOrganisation: z.array(z.object({ organisationId: idSchema, name: z.string(), hours: z.number() })),
    byArea: z.array(z.object({ area: z.enum([...areas, generalArea]), hours: z.number() })),
    byKind: z.array(z.object({ kind: z.enum(interventionKinds), hours: z.number() })),
  }),
  /** Activities held in the period, and the people of the companies in scope who attended them. */
  activities: z.object({
    held: count,
    people: genderCountsSchema,
    attendances: genderCountsSchema,
    byType: z.array(
      z.object({ activityType: z.enum(activityTypes), people: genderCountsSchema, attendances: genderCountsSchema }),
    ),
  }),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

/** A figure of the dashboard that counts companies, or work behind which there are companies. */
export type DashboardFigure =
  | { kind: 'taken_up' }
  | { kind: 'taken_up_in_period' }
  | { kind: 'status'; status: (typeof companyStatuses)[number] }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'reporting_area'; reportingArea: z.infer<typeof reportingAreaSchema> }
  | { kind: 'co_financer'; coFinancer: string }
  | { kind: 'unknown_municipality' }
  | { kind: 'size_class'; sizeClass: SizeClass | null }
  | { kind: 'sni_division'; sniDivision: string | null }
  | { kind: 'maturity'; area: (typeof areas)[number]; maturity: (typeof maturityFilters)[number] }
  | { kind: 'actions'; actions: (typeof actionFilters)[number] }
  | {
      kind: 'coaching';
      organisationId?: string;
      area?: (typeof areas)[number] | typeof generalArea;
      coachingKind?: (typeof interventionKinds)[number];
    }
  | { kind: 'attended' };

type SizeClass = 'micro' | 'small' | 'medium' | 'large';
type ListFilters = Partial<
  Record<
    keyof typeof companyRecordFilters | 'organisationId' | 'status' | 'reportingArea' | 'sizeClass' | 'sniDivision',
    string
  >
>;

/**
 * The company list's filters that show the companies behind a figure (issue 12: every number links
 * to the records behind it), for the dashboard's period and organisation. Counted companies open
 * the same companies; work (coaching hours, attendances, actions) opens the companies it was for.
 * The web links with it and the tests hold each link's count to the figure.
 */
export function companiesBehind(
  figure: DashboardFigure,
  dashboard: { period: { from: string; to: string }; organisation: { id: string } | null },
): ListFilters {
  const { from, to } = dashboard.period;
  const organisation = dashboard.organisation ? { organisationId: dashboard.organisation.id } : {};
  const takenUp = { ...organisation, takenUp: 'true', to };
  switch (figure.kind) {
    case 'taken_up':
      return takenUp;
    case 'taken_up_in_period':
      return { ...takenUp, from };
    case 'status':
      return { ...takenUp, status: figure.status };
    case 'organisation':
      return { ...takenUp, organisationId: figure.organisationId };
    case 'reporting_area':
      return { ...takenUp, reportingArea: figure.reportingArea };
    case 'co_financer':
      return { ...takenUp, coFinancer: figure.coFinancer };
    case 'unknown_municipality':
      return { ...takenUp, missing: 'municipality' };
    case 'size_class':
      return figure.sizeClass ? { ...takenUp, sizeClass: figure.sizeClass } : { ...takenUp, missing: 'size_class' };
    case 'sni_division':
      return figure.sniDivision
        ? { ...takenUp, sniDivision: figure.sniDivision }
        : { ...takenUp, missing: 'sni_division' };
    case 'maturity':
      return { ...organisation, to, maturityArea: figure.area, maturity: figure.maturity };
    case 'actions':
      return { ...organisation, actions: figure.actions };
    case 'coaching': {
      // Hours belong to the organisation that logged them, which may differ from the company's now.
      const by = figure.organisationId ?? dashboard.organisation?.id;
      return {
        from,
        to,
        coaching: figure.coachingKind ?? 'any',
        ...(figure.area && { coachingArea: figure.area }),
        ...(by && { coachingOrganisationId: by }),
      };
    }
    case 'attended':
      return { ...organisation, from, to, attended: 'true' };
  }
}
