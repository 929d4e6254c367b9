import { funderReportScope } from '../../../core/access';
import { areas } from '../../../core/areas';
import { impactByArea, impactByOrganisation, impactSummary, type ImpactPair } from '../../../core/impact';
import { interventionKinds, toHours } from '../../../core/interventions';
import { stepChange } from '../../../core/maturity-scoring';
import type { Actor } from '../../../core/roles';
import type { Impact, ImpactCompany, ImpactQuery } from '../../../contracts/impact';
import type { AppContext } from '../../context';
import { forbidden, invalidField, unauthenticated } from '../../errors';
import { currentProgrammeId } from '../../programme';
import * as q from './impact.queries';

// The impact view (issue 12, item 5; decision 035): whose figures by the funder reports' scope rule
// (an admin the programme or one organisation, a coach their own, a company user none), the facts
// per company and area from one statement, the figures from the core's rules.

/** The impact view of a period: per area the companies measured twice and their support, with the
 * medians behind one step gained by area, by organisation and for the whole scope. */
export async function buildImpact(ctx: AppContext, actor: Actor, query: ImpactQuery): Promise<Impact> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = funderReportScope(actor, query.organisationId);
  if (scope === 'forbidden') throw forbidden('The impact view is for project management and industry developers');
  const organisationName = scope.organisationId ? await q.findOrganisationName(ctx.db, scope.organisationId) : null;
  if (scope.organisationId && organisationName === undefined) {
    throw invalidField('organisationId', 'not_found', 'Choose one of the organisations');
  }
  const rows = await q.listImpactRows(ctx.db, {
    programmeId: await currentProgrammeId(ctx.db),
    organisationId: scope.organisationId,
    from: query.from,
    to: query.to,
  });
  const pairs: ImpactPair[] = rows.map((row) => ({
    companyId: row.companyId,
    organisationId: row.organisationId,
    area: row.area,
    baselineStep: row.baselineStep === null ? null : Number(row.baselineStep),
    followUpStep: row.followUpStep === null ? null : Number(row.followUpStep),
    quarterHours: Number(row.quarterHours),
    activitiesAttended: Number(row.activitiesAttended),
    actionsDone: Number(row.actionsDone),
  }));
  const companiesOf = new Map<string, ImpactCompany[]>(areas.map((area) => [area, []]));
  rows.forEach((row, index) => {
    const pair = pairs[index]!;
    const change = stepChange(pair.baselineStep, pair.followUpStep);
    // A measurement without a step (every question "not applicable") shows no change: left out.
    if (change === null) return;
    companiesOf.get(row.area)!.push({
      companyId: row.companyId,
      name: row.name,
      organisationId: row.organisationId,
      organisationName: row.organisationName,
      baselineOn: row.baselineOn,
      baselineStep: pair.baselineStep!,
      followUpOn: row.followUpOn,
      followUpStep: pair.followUpStep!,
      stepChange: change,
      hours: toHours(pair.quarterHours),
      hoursByKind: Object.fromEntries(
        interventionKinds.map((kind) => [kind, toHours(Number(row[`qh_${kind}`]))]),
      ) as ImpactCompany['hoursByKind'],
      activitiesAttended: pair.activitiesAttended,
      actionsDone: pair.actionsDone,
    });
  });
  const byArea = impactByArea(pairs);
  const names = new Map(rows.map((row) => [row.organisationId, row.organisationName]));
  return {
    period: { from: query.from, to: query.to },
    filters: { organisationId: scope.organisationId, organisationName: organisationName ?? null },
    madeAt: ctx.now().toISOString(),
    total: impactSummary(pairs),
    areas: areas.map((area) => ({
      area,
      summary: byArea[area],
      companies: companiesOf
        .get(area)!
        .sort(
          (a, b) =>
            b.stepChange - a.stepChange || a.name.localeCompare(b.name, 'sv') || (a.companyId < b.companyId ? -1 : 1),
        ),
    })),
    organisations: [...impactByOrganisation(pairs)]
      .map(([organisationId, summary]) => ({ organisationId, organisationName: names.get(organisationId)!, summary }))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv')),
  };
}
