import { can } from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import { paybackYears, type EffectTotals } from '../../../core/effects';
import { maturityAreas, type MaturityArea } from '../../../core/maturity-areas';
import type { Actor } from '../../../core/roles';
import type {
  CompanyActionTotals,
  ProgrammeActionTotals,
  ProgrammeActionTotalsQuery,
} from '../../../contracts/action-plans';
import type { AppContext } from '../../context';
import { forbidden } from '../../errors';
import { getPlanCompany, signedIn } from './action-plan-access';
import * as q from './action-plans.queries';
import { effectTotalsWorkbook } from './effect-totals-workbook';

// Effect totals: what the actions are expected to give and have given, summed in SQL per company
// and read from the rollup the writes keep for the programme (decision 026).

/** The core's EffectTotals from one SQL group's aggregates (payback by the core's rule). */
function toTotals(row: q.TotalsRow | undefined): EffectTotals {
  const n = (value: unknown) => Number(value ?? 0);
  const expected = {
    kwh: n(row?.expectedKwh),
    co2eKg: n(row?.expectedCo2eKg),
    sek: n(row?.expectedSek),
    materialTonnes: n(row?.expectedMaterialTonnes),
  };
  const realised = {
    kwh: n(row?.realisedKwh),
    co2eKg: n(row?.realisedCo2eKg),
    sek: n(row?.realisedSek),
    materialTonnes: n(row?.realisedMaterialTonnes),
  };
  const realisedUnconfirmed = {
    kwh: n(row?.unconfirmedKwh),
    co2eKg: n(row?.unconfirmedCo2eKg),
    sek: n(row?.unconfirmedSek),
    materialTonnes: n(row?.unconfirmedMaterialTonnes),
  };
  const investmentSek = n(row?.investmentSek);
  return {
    actions: n(row?.actions),
    done: n(row?.done),
    doneWithoutRealised: n(row?.doneWithoutRealised),
    doneUnconfirmed: n(row?.doneUnconfirmed),
    investmentSek,
    doneInvestmentSek: n(row?.doneInvestmentSek),
    expected,
    realised,
    realisedUnconfirmed,
    expectedPaybackYears: n(row?.withInvestment) > 0 ? paybackYears(investmentSek, expected.sek) : null,
    realisedPaybackYears:
      n(row?.confirmedWithInvestment) > 0 ? paybackYears(n(row?.confirmedInvestmentSek), realised.sek) : null,
  };
}

const byArea = (a: { area: MaturityArea }, b: { area: MaturityArea }) =>
  maturityAreas.indexOf(a.area) - maturityAreas.indexOf(b.area);

/** A company's totals, overall and by area (one SQL statement). */
export async function getCompanyTotals(ctx: AppContext, actor: Actor, companyId: string): Promise<CompanyActionTotals> {
  const user = signedIn(actor);
  await getPlanCompany(ctx.db, user, companyId);
  const rows = await q.sumCompanyActionEffects(ctx.db, companyId);
  return {
    companyId,
    overall: toTotals(rows.find((r) => Number(r.isAllAreas) === 1)),
    byArea: rows
      .filter((r) => Number(r.isAllAreas) === 0)
      .map((r) => ({ area: r.area!, totals: toTotals(r) }))
      .sort(byArea),
  };
}

/** The programme's totals by organisation, by area and by both. Staff see the aggregated figures of
 * every organisation: one programme, no company in them (decisions 019, 040). Without a period, every
 * action as it stands, from the rollup the writes keep (decision 026); with one, the actions done in
 * it (Stockholm dates, both included), summed in SQL since the rollup keeps no dates. */
export async function getProgrammeTotals(
  ctx: AppContext,
  actor: Actor,
  query: ProgrammeActionTotalsQuery = {},
): Promise<ProgrammeActionTotals> {
  const user = signedIn(actor);
  if (!can(user, 'viewProgrammeActionTotals')) throw forbidden();
  const period = query.from || query.to ? { from: query.from ?? null, to: query.to ?? null } : null;
  const [rows, organisations] = await Promise.all([
    period ? q.sumProgrammeActionEffectsDoneIn(ctx.db, period) : q.sumProgrammeActionEffects(ctx.db),
    q.listOrganisations(ctx.db),
  ]);
  const isAll = (value: number) => Number(value) === 1;
  const byOrganisation = (a: { organisationId: string }, b: { organisationId: string }) =>
    a.organisationId < b.organisationId ? -1 : a.organisationId > b.organisationId ? 1 : 0;
  return {
    period,
    overall: toTotals(rows.find((r) => isAll(r.isAllOrganisations) && isAll(r.isAllAreas))),
    organisations,
    byOrganisation: rows
      .filter((r) => !isAll(r.isAllOrganisations) && isAll(r.isAllAreas))
      .map((r) => ({ organisationId: r.organisationId!, totals: toTotals(r) }))
      .sort(byOrganisation),
    byArea: rows
      .filter((r) => isAll(r.isAllOrganisations) && !isAll(r.isAllAreas))
      .map((r) => ({ area: r.area!, totals: toTotals(r) }))
      .sort(byArea),
    byOrganisationAndArea: rows
      .filter((r) => !isAll(r.isAllOrganisations) && !isAll(r.isAllAreas))
      .map((r) => ({ organisationId: r.organisationId!, area: r.area!, totals: toTotals(r) }))
      .sort((a, b) => byOrganisation(a, b) || byArea(a, b)),
  };
}

/** The programme's totals of the query as an .xlsx, with the file's name: the period's dates, or
 * today's (Stockholm) for every action as it stands. */
export async function exportProgrammeTotals(
  ctx: AppContext,
  actor: Actor,
  query: ProgrammeActionTotalsQuery,
): Promise<{ fileName: string; file: Buffer }> {
  const totals = await getProgrammeTotals(ctx, actor, query);
  const now = ctx.now();
  const { period } = totals;
  const dates = !period
    ? calendarDate(now)
    : period.from && period.to
      ? `${period.from}-${period.to}`
      : period.from
        ? `fran-${period.from}`
        : `till-${period.to}`;
  return {
    fileName: `effekter-av-atgarder-${dates}.xlsx`,
    file: await effectTotalsWorkbook(totals, now.toISOString()),
  };
}
