import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { can, canSeeInternalNotes, interventionAbilities, type CompanyRef } from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import {
  interventionDateProblem,
  toHours,
  toQuarterHours,
  type InterventionArea,
  type InterventionKind,
} from '../../../core/interventions';
import type { Actor, SignedInActor } from '../../../core/roles';
import type {
  createInterventionBodySchema,
  Intervention,
  InterventionList,
  TimeReport,
  TimeReportQuery,
  updateInterventionBodySchema,
} from '../../../contracts/follow-up';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, invalidField, notFound, staleVersion, unauthenticated } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import { findWorkableCompany } from '../companies/companies.service';
import { writeXlsxSheets } from '../company-spreadsheets/spreadsheet';
import * as q from './interventions.queries';

type CreateInput = z.output<typeof createInterventionBodySchema>;
type UpdateInput = z.output<typeof updateInterventionBodySchema>;

export { listFollowUpsDue } from './interventions.queries';

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

/** The company if the actor may read its interventions: 404 for another tenant's company (and
 * for a coach's thin view), 403 for the company's own users (the log is internal). */
async function getCompanyForInterventions(db: Db, actor: SignedInActor, companyId: string): Promise<CompanyRef> {
  const company = await findWorkableCompany(db, actor, companyId);
  if (!company) throw notFound('The company');
  if (!canSeeInternalNotes(actor, company)) throw forbidden('The coaching log is internal to the programme');
  return company;
}

function toIntervention(actor: Actor, found: q.InterventionListRow): Intervention {
  const { row } = found;
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: found.companyName,
    coachId: row.coachId,
    coachName: found.coachName,
    occurredOn: row.occurredOn,
    kind: row.kind,
    area: row.area,
    hours: toHours(row.quarterHours),
    notes: row.notes,
    nextFollowUpOn: row.nextFollowUpOn,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: interventionAbilities(
      actor,
      { id: row.companyId, organisationId: found.companyOrganisationId },
      { companyId: row.companyId, coachId: row.coachId },
    ),
  };
}

function checkDates(occurredOn: string, nextFollowUpOn: string | null | undefined, today: string): void {
  const problem = interventionDateProblem(occurredOn, nextFollowUpOn, today);
  if (!problem) return;
  throw invalidField(
    problem.field,
    problem.problem,
    problem.problem === 'in_future' ? 'Log work once it has happened' : 'The next follow-up cannot be before the work',
  );
}

/** The interventions of a company, newest first, for staff who work on it. */
export async function listCompanyInterventions(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
): Promise<InterventionList> {
  const user = signedIn(actor);
  await getCompanyForInterventions(ctx.db, user, companyId);
  const rows = await q.listInterventions(ctx.db, { companyId });
  const items = rows.map((row) => toIntervention(user, row));
  return {
    items,
    totalHours: toHours(rows.reduce((sum, { row }) => sum + row.quarterHours, 0)),
    canLog: can(user, 'logInterventions'),
  };
}

/** Logs a piece of coaching for a company; the actor is its coach. A newly logged intervention
 * is the follow-up of earlier ones, so the company's open follow-up reminders are done. */
export async function logIntervention(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: CreateInput,
): Promise<Intervention> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    // Another tenant's company answers 404 before any role refusal (decision 003).
    const company = await getCompanyForInterventions(tx, user, companyId);
    if (!can(user, 'logInterventions')) throw forbidden();
    const now = ctx.now();
    checkDates(input.occurredOn, input.nextFollowUpOn, calendarDate(now));
    const values = {
      id,
      companyId,
      organisationId: company.organisationId,
      coachId: user.userId,
      occurredOn: input.occurredOn,
      kind: input.kind,
      area: input.area ?? null,
      quarterHours: toQuarterHours(input.hours),
      notes: input.notes ?? null,
      nextFollowUpOn: input.nextFollowUpOn ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertIntervention(tx, values);
    await q.closeFollowUpReminders(tx, companyId, now);
    await recordAudit(tx, user, now, {
      action: 'intervention.log',
      entityType: 'intervention',
      entityId: id,
      organisationId: company.organisationId,
      after: values,
    });
  });
  return toIntervention(user, (await q.findIntervention(ctx.db, id))!);
}

/** The intervention if the actor may change it: 404 when its company is out of reach, 403 when
 * it is a colleague's entry or the actor is a company user. */
async function getChangeableIntervention(db: Db, actor: SignedInActor, id: string): Promise<q.InterventionListRow> {
  const found = await q.findIntervention(db, id);
  if (!found) throw notFound('The intervention');
  const company = { id: found.row.companyId, organisationId: found.companyOrganisationId };
  const visible = await findWorkableCompany(db, actor, company.id);
  if (!visible) throw notFound('The intervention');
  if (!interventionAbilities(actor, company, found.row).canEdit) {
    throw forbidden('Only the coach who logged it (or project management) changes an intervention');
  }
  return found;
}

export async function updateIntervention(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateInput,
): Promise<Intervention> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { row: before, companyOrganisationId } = await getChangeableIntervention(tx, user, id);
    if (before.version !== input.version) throw staleVersion(before.version);
    const now = ctx.now();
    const occurredOn = input.occurredOn ?? before.occurredOn;
    const nextFollowUpOn = input.nextFollowUpOn === undefined ? before.nextFollowUpOn : input.nextFollowUpOn;
    checkDates(occurredOn, nextFollowUpOn, calendarDate(now));
    const changes = {
      occurredOn,
      nextFollowUpOn,
      ...(input.kind !== undefined && { kind: input.kind as InterventionKind }),
      ...(input.area !== undefined && { area: input.area as InterventionArea | null }),
      ...(input.hours !== undefined && { quarterHours: toQuarterHours(input.hours) }),
      ...(input.notes !== undefined && { notes: input.notes }),
      updatedAt: now,
    };
    const after = await q.updateInterventionIfVersion(tx, id, input.version, changes);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'intervention.update',
      entityType: 'intervention',
      entityId: id,
      organisationId: companyOrganisationId,
      before,
      after,
    });
  });
  return toIntervention(user, (await q.findIntervention(ctx.db, id))!);
}

export async function deleteIntervention(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { row: before, companyOrganisationId } = await getChangeableIntervention(tx, user, id);
    if (before.version !== version) throw staleVersion(before.version);
    if (!(await q.deleteInterventionIfVersion(tx, id, version))) throw staleVersion(before.version);
    await recordAudit(tx, user, ctx.now(), {
      action: 'intervention.delete',
      entityType: 'intervention',
      entityId: id,
      organisationId: companyOrganisationId,
      before,
    });
  });
}

/** Interventions a person logged in a period, newest first (their "my week"). */
export async function listInterventionsOfCoach(ctx: AppContext, actor: SignedInActor, from: string, to: string) {
  const rows = await q.listInterventions(ctx.db, { coachId: actor.userId, from, to });
  return rows.map((row) => toIntervention(actor, row));
}

/** Whose report and which period: the actor's own by default; admins may name any coach. The
 * default period is the calendar year up to today. */
async function resolveReport(ctx: AppContext, actor: SignedInActor, query: TimeReportQuery) {
  if (!can(actor, 'viewTimeReport')) throw forbidden();
  const coachId = query.coachId ?? actor.userId;
  if (coachId !== actor.userId && !can(actor, 'viewTimeReportsOfOthers')) {
    throw forbidden('Coaches see their own time report');
  }
  const coach = await q.findUserName(ctx.db, coachId);
  if (!coach || coach.role === 'company') throw notFound('The coach');
  const today = calendarDate(ctx.now());
  return { coachId, coachName: coach.name, from: query.from ?? `${today.slice(0, 4)}-01-01`, to: query.to ?? today };
}

/** A coach's hours per month and per company in a period, summed in SQL (issue 6, scope 2). */
export async function getTimeReport(ctx: AppContext, actor: Actor, query: TimeReportQuery): Promise<TimeReport> {
  const user = signedIn(actor);
  const { coachId, coachName, from, to } = await resolveReport(ctx, user, query);
  const cells = await q.sumHoursByMonthAndCompany(ctx.db, { coachId, from, to });
  const months = new Map<string, { hours: number; entryCount: number }>();
  const companies = new Map<string, { companyName: string; hours: number; entryCount: number }>();
  for (const cell of cells) {
    const month = months.get(cell.month) ?? { hours: 0, entryCount: 0 };
    months.set(cell.month, { hours: month.hours + cell.quarterHours, entryCount: month.entryCount + cell.entryCount });
    const company = companies.get(cell.companyId) ?? { companyName: cell.companyName, hours: 0, entryCount: 0 };
    companies.set(cell.companyId, {
      companyName: cell.companyName,
      hours: company.hours + cell.quarterHours,
      entryCount: company.entryCount + cell.entryCount,
    });
  }
  const totalQuarters = cells.reduce((sum, cell) => sum + cell.quarterHours, 0);
  return {
    coachId,
    coachName,
    from,
    to,
    totalHours: toHours(totalQuarters),
    entryCount: cells.reduce((sum, cell) => sum + cell.entryCount, 0),
    months: [...months].map(([month, value]) => ({ month, hours: toHours(value.hours), entryCount: value.entryCount })),
    companies: [...companies]
      .map(([companyId, value]) => ({ companyId, ...value, hours: toHours(value.hours) }))
      .sort((a, b) => b.hours - a.hours || a.companyName.localeCompare(b.companyName, 'sv')),
    cells: cells.map((cell) => ({ month: cell.month, companyId: cell.companyId, hours: toHours(cell.quarterHours) })),
  };
}

const kindLabels: Record<InterventionKind, string> = {
  foundation_analysis: 'Grundanalys',
  measurement: 'Mätning',
  analysis: 'Analys',
  action_planning: 'Åtgärdsplanering',
  follow_up_visit: 'Uppföljningsbesök',
  coaching: 'Coachning',
  other: 'Övrigt',
};
const areaLabels: Record<InterventionArea, string> = {
  foundation: 'Grund',
  resource_efficiency: 'Resurseffektivitet',
  circular_business: 'Cirkulära affärsmodeller',
  energy_transition: 'Energiomställning',
  digitalisation: 'Digitalisering',
};
const hoursFormat = '0.00';

/** The time report as an .xlsx: per month, per company, and every entry (Swedish headers). */
export async function exportTimeReport(
  ctx: AppContext,
  actor: Actor,
  query: TimeReportQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const user = signedIn(actor);
  const report = await getTimeReport(ctx, user, query);
  const entries = await q.listInterventions(
    ctx.db,
    { coachId: report.coachId, from: report.from, to: report.to },
    10_000,
  );
  const content = await writeXlsxSheets([
    {
      name: 'Per månad',
      columns: [
        { header: 'Månad', width: 12 },
        { header: 'Timmar', width: 10, numFmt: hoursFormat },
        { header: 'Antal insatser', width: 16 },
      ],
      rows: [
        ...report.months.map((m) => [m.month, m.hours, m.entryCount]),
        ['Totalt', report.totalHours, report.entryCount],
      ],
    },
    {
      name: 'Per företag',
      columns: [
        { header: 'Företag', width: 40 },
        { header: 'Timmar', width: 10, numFmt: hoursFormat },
        { header: 'Antal insatser', width: 16 },
      ],
      rows: report.companies.map((c) => [c.companyName, c.hours, c.entryCount]),
    },
    {
      name: 'Insatser',
      columns: [
        { header: 'Datum', width: 12 },
        { header: 'Företag', width: 40 },
        { header: 'Typ', width: 22 },
        { header: 'Område', width: 26 },
        { header: 'Timmar', width: 10, numFmt: hoursFormat },
        { header: 'Nästa uppföljning', width: 18 },
      ],
      rows: entries.map(({ row, companyName }) => [
        row.occurredOn,
        companyName,
        kindLabels[row.kind],
        row.area ? areaLabels[row.area] : 'Allmänt',
        toHours(row.quarterHours),
        row.nextFollowUpOn,
      ]),
    },
  ]);
  return { fileName: `tidrapport-${report.from}-${report.to}.xlsx`, content };
}
