import { dashboardScope } from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import { countsByStatus, hoursBreakdown, maturityByArea, progressLine } from '../../../core/dashboard';
import { effectTotals } from '../../../core/effects';
import { geographyOfMunicipalityCounts, participants, type GeographyOf } from '../../../core/indicators';
import { coFinancersOf, reportingAreas, reportingAreasOf } from '../../../core/regions';
import type { Actor } from '../../../core/roles';
import { sizeBreakdown } from '../../../core/indicators';
import type { Dashboard, DashboardQuery } from '../../../contracts/dashboard';
import type { AppContext } from '../../context';
import { coFinancers } from '../../content/co-financers';
import { municipalities } from '../../content/municipalities';
import { sniDivisions } from '../../content/sni';
import { forbidden, invalidField, notFound, unauthenticated } from '../../errors';
import { getProgrammeTotals } from '../action-plans/effect-totals.service';
import { readAttendances, readStepPairCounts } from '../indicator-reports/indicator-reports.service';
import * as q from './dashboard.queries';

// The programme dashboard (issue 12, item 1; decision 034): the facts of the period are read in
// parallel, one grouped statement each, and the core's rules make the figures. Figures the
// indicator report also shows (maturity steps, participants, geography) are read and counted by
// the same queries and rules; the action plans' totals are the rollup the writes keep (decision 026).

const geographyOf: GeographyOf = (code) => ({
  coFinancers: coFinancersOf(coFinancers, municipalities, code),
  reportingAreas: reportingAreasOf(municipalities, code),
});

/** The scope the actor may see: 401 signed out, 403 for a company user, 404 for a coach asking for
 * another organisation (another tenant's record, decision 003). */
function resolveScope(actor: Actor, organisationId: string | undefined) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = dashboardScope(actor, organisationId);
  if (scope === 'forbidden') throw forbidden('The dashboard is for project management and industry developers');
  if (scope === 'not_found') throw notFound('The organisation');
  return scope;
}

/** The dashboard of a period (the programme's start to today by default) for the programme or one organisation. */
export async function getDashboard(ctx: AppContext, actor: Actor, query: DashboardQuery): Promise<Dashboard> {
  const { organisationId } = resolveScope(actor, query.organisationId);
  const [programme, organisations] = await Promise.all([q.findProgramme(ctx.db), q.listOrganisationNames(ctx.db)]);
  if (!programme) throw new Error('No programme: the database has not been seeded');
  const organisation = organisationId ? organisations.find((o) => o.id === organisationId) : undefined;
  if (organisationId && !organisation)
    throw invalidField('organisationId', 'not_found', 'Choose one of the organisations');
  const now = ctx.now();
  const from = query.from ?? programme.startsOn;
  const to = query.to ?? calendarDate(now);
  if (from > to) throw invalidField('from', 'after_to', 'The period ends before it starts');
  const scope: q.DashboardScope = { programmeId: programme.id, organisationId, from, to };

  const [byMonth, byStatus, breakdowns, stepPairs, hours, held, attendances, actionTotals] = await Promise.all([
    q.countTakenUpByMonth(ctx.db, scope),
    q.countTakenUpByStatusOn(ctx.db, scope),
    q.countTakenUpBreakdowns(ctx.db, scope),
    readStepPairCounts(ctx.db, scope),
    q.sumCoachingHours(ctx.db, scope),
    q.countActivitiesHeld(ctx.db, scope, now),
    readAttendances(ctx.db, scope),
    getProgrammeTotals(ctx, actor),
  ]);

  const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
  const line = progressLine(byMonth, from, to);
  const takenUp = line.at(-1)?.cumulative ?? 0;
  const rowsOf = (dimension: q.BreakdownRow['dimension']) => breakdowns.filter((row) => row.dimension === dimension);
  const geography = geographyOfMunicipalityCounts(rowsOf('municipality'), geographyOf);
  const sniName = new Map(sniDivisions.map((d) => [d.code, { sv: d.nameSv, en: d.nameEn }]));
  const bySize = new Map(rowsOf('size_class').map((row) => [row.sizeClass ?? 'unknown', row.companies]));
  const totals = organisationId
    ? (actionTotals.byOrganisation.find((row) => row.organisationId === organisationId)?.totals ?? effectTotals([]))
    : actionTotals.overall;
  const coaching = hoursBreakdown(hours);
  const people = participants(attendances);

  return {
    period: { from, to },
    organisation: organisation ? { id: organisation.id, name: organisation.name } : null,
    progress: {
      target: programme.targetCompanies,
      takenUp,
      takenUpInPeriod: byMonth.reduce((sum, row) => sum + row.inPeriod, 0),
      byStatus: countsByStatus(byStatus),
      byMonth: line,
    },
    companies: {
      total: takenUp,
      byOrganisation: rowsOf('organisation')
        .map((row) => ({
          organisationId: row.organisationId!,
          name: nameOf.get(row.organisationId!) ?? '',
          companies: row.companies,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      byReportingArea: reportingAreas.map((area) => ({
        reportingArea: area,
        companies: geography.reportingAreas[area] ?? 0,
      })),
      byCoFinancer: coFinancers.map((c) => ({
        coFinancer: c.key,
        name: c.name,
        companies: geography.coFinancers[c.key] ?? 0,
      })),
      unknownMunicipality: geography.unknown,
      bySizeClass: sizeBreakdown.map((key) => ({
        sizeClass: key === 'unknown' ? null : key,
        companies: bySize.get(key) ?? 0,
      })),
      bySniDivision: rowsOf('sni_division')
        .map((row) => ({
          sniDivision: row.sniDivision,
          name: row.sniDivision ? (sniName.get(row.sniDivision) ?? null) : null,
          companies: row.companies,
        }))
        // Most companies first; the division's code breaks a tie, and unknown comes last.
        .sort(
          (a, b) =>
            Number(a.sniDivision === null) - Number(b.sniDivision === null) ||
            b.companies - a.companies ||
            (a.sniDivision ?? '').localeCompare(b.sniDivision ?? ''),
        ),
    },
    maturity: maturityByArea(stepPairs),
    actions: { open: totals.actions - totals.done, totals },
    coaching: {
      hours: coaching.hours,
      byOrganisation: coaching.byOrganisation
        .map((row) => ({ ...row, name: nameOf.get(row.organisationId) ?? '' }))
        .sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      byArea: coaching.byArea,
      byKind: coaching.byKind,
    },
    activities: {
      held,
      people: people.people,
      attendances: people.attendances,
      byType: people.byType,
    },
  };
}
