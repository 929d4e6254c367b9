import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  can,
  canSeeInternalNotes,
  funderReportScope,
  interventionAbilities,
  type CompanyRef,
} from '../../../core/access';
import { calendarDate, monthsOfPeriod } from '../../../core/calendar';
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
  TimeAndCost,
  TimeAndCostQuery,
  TimeReport,
  TimeReportQuery,
  updateInterventionBodySchema,
} from '../../../contracts/interventions';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { areaLabels, generalAreaLabel, interventionKindLabels } from '../../swedish-labels';
import { forbidden, invalidField, notFound, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { findCompanyActorMaySeeInFull } from '../company-access/company-access.service';
import { writeXlsxSheets } from '../../spreadsheets/spreadsheet';
import { hasCurrentGrant } from '../state-aid/state-aid.service';
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
  const company = await findCompanyActorMaySeeInFull(db, actor, companyId);
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
  const logged = toIntervention(user, (await q.findIntervention(ctx.db, id))!);
  // Support without a state aid grant is recorded all the same (the records stay true); the coach
  // is told that the company needs one (issue 13).
  return (await hasCurrentGrant(ctx.db, companyId)) ? logged : { ...logged, warnings: ['no_state_aid_grant'] };
}

/** The intervention if the actor may change it: 404 when its company is out of reach, 403 when
 * it is a colleague's entry or the actor is a company user. */
async function getChangeableIntervention(db: Db, actor: SignedInActor, id: string): Promise<q.InterventionListRow> {
  const found = await q.findIntervention(db, id);
  if (!found) throw notFound('The intervention');
  const company = { id: found.row.companyId, organisationId: found.companyOrganisationId };
  const visible = await findCompanyActorMaySeeInFull(db, actor, company.id);
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
        interventionKindLabels[row.kind],
        row.area ? areaLabels[row.area] : generalAreaLabel,
        toHours(row.quarterHours),
        row.nextFollowUpOn,
      ]),
    },
  ]);
  return { fileName: `tidrapport-${report.from}-${report.to}.xlsx`, content };
}

// Time and cost (issue 12, item 6; decision 035) -------------------------------------------------

type MonthHours = { month: string; quarterHours: number; entryCount: number };

function addMonth(months: Map<string, MonthHours>, month: string, quarterHours: number, entryCount: number) {
  const known = months.get(month) ?? { month, quarterHours: 0, entryCount: 0 };
  months.set(month, {
    month,
    quarterHours: known.quarterHours + quarterHours,
    entryCount: known.entryCount + entryCount,
  });
}

const monthList = (months: Map<string, MonthHours>) =>
  [...months.values()]
    .sort((a, b) => (a.month < b.month ? -1 : 1))
    .map((m) => ({ month: m.month, hours: toHours(m.quarterHours), entryCount: m.entryCount }));

/** Hours per organisation, person and month in a period, for the organisation's cost claim: the
 * organisation is the one that gave the hours (the intervention's own). Whose: the funder reports'
 * rule (an admin any organisation or all, a coach their own, a company user none). */
export async function getTimeAndCost(ctx: AppContext, actor: Actor, query: TimeAndCostQuery): Promise<TimeAndCost> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = funderReportScope(actor, query.organisationId);
  if (scope === 'forbidden') throw forbidden('Time and cost is for project management and industry developers');
  const organisationName = scope.organisationId ? await q.findOrganisationName(ctx.db, scope.organisationId) : null;
  if (scope.organisationId && organisationName === undefined) {
    throw invalidField('organisationId', 'not_found', 'Choose one of the organisations');
  }
  const rows = await q.sumHoursByOrganisationPersonAndMonth(ctx.db, {
    organisationId: scope.organisationId,
    from: query.from,
    to: query.to,
  });
  type Person = { userId: string; name: string; quarterHours: number; months: Map<string, MonthHours> };
  type Organisation = {
    organisationName: string;
    quarterHours: number;
    months: Map<string, MonthHours>;
    people: Map<string, Person>;
  };
  const byOrganisation = new Map<string, Organisation>();
  for (const row of rows) {
    const organisation = byOrganisation.get(row.organisationId) ?? {
      organisationName: row.organisationName,
      quarterHours: 0,
      months: new Map<string, MonthHours>(),
      people: new Map<string, Person>(),
    };
    byOrganisation.set(row.organisationId, organisation);
    const person = organisation.people.get(row.userId) ?? {
      userId: row.userId,
      name: row.name,
      quarterHours: 0,
      months: new Map<string, MonthHours>(),
    };
    organisation.people.set(row.userId, person);
    organisation.quarterHours += row.quarterHours;
    person.quarterHours += row.quarterHours;
    addMonth(organisation.months, row.month, row.quarterHours, row.entryCount);
    addMonth(person.months, row.month, row.quarterHours, row.entryCount);
  }
  return {
    period: { from: query.from, to: query.to },
    filters: { organisationId: scope.organisationId, organisationName: organisationName ?? null },
    madeAt: ctx.now().toISOString(),
    months: monthsOfPeriod(query.from, query.to),
    totalHours: toHours(rows.reduce((sum, row) => sum + row.quarterHours, 0)),
    organisations: [...byOrganisation]
      .map(([organisationId, o]) => ({
        organisationId,
        organisationName: o.organisationName,
        totalHours: toHours(o.quarterHours),
        months: monthList(o.months),
        people: [...o.people.values()]
          .sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.userId < b.userId ? -1 : 1))
          .map((p) => ({
            userId: p.userId,
            name: p.name,
            totalHours: toHours(p.quarterHours),
            months: monthList(p.months),
          })),
      }))
      .sort((a, b) => a.organisationName.localeCompare(b.organisationName, 'sv')),
  };
}

/** Time and cost as the .xlsx behind a payment claim: what it is and how it was counted; one row per
 * organisation, person and month with totals per person, per organisation and in all; and per
 * organisation a sheet of people × months. */
export async function exportTimeAndCost(
  ctx: AppContext,
  actor: Actor,
  query: TimeAndCostQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const report = await getTimeAndCost(ctx, actor, query);
  const rows: (string | number | null)[][] = [];
  for (const o of report.organisations) {
    for (const p of o.people) {
      for (const m of p.months) rows.push([o.organisationName, p.name, m.month, m.hours, m.entryCount]);
      rows.push([o.organisationName, p.name, 'Summa', p.totalHours, p.months.reduce((n, m) => n + m.entryCount, 0)]);
    }
    rows.push([o.organisationName, 'Summa', null, o.totalHours, o.months.reduce((n, m) => n + m.entryCount, 0)]);
  }
  rows.push([
    'Totalt',
    null,
    null,
    report.totalHours,
    report.organisations.reduce((n, o) => n + o.months.reduce((k, m) => k + m.entryCount, 0), 0),
  ]);
  // Sheet names are at most 31 characters and unique; two organisations whose names start alike get a number.
  const used = new Set<string>();
  const sheetName = (name: string) => {
    const base = name
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 28)
      .trim();
    let candidate = base;
    for (let n = 2; used.has(candidate.toLowerCase()); n += 1) candidate = `${base} ${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  };
  for (const reserved of ['Om rapporten', 'Timmar']) used.add(reserved.toLowerCase());
  const content = await writeXlsxSheets([
    {
      name: 'Om rapporten',
      columns: [
        { header: 'Uppgift', width: 30 },
        { header: 'Värde', width: 90 },
      ],
      rows: [
        ['Period', `${report.period.from} – ${report.period.to}`],
        ['Organisation', report.filters.organisationName ?? 'Alla organisationer'],
        ['Gjord', report.madeAt],
        [
          'Vad som räknas',
          'Loggade insatser (timmar, i kvartstimmar) med datum i perioden, per person som loggade dem och månad',
        ],
        [
          'Organisation för timmarna',
          'Den organisation som gav insatsen: företagets ansvariga organisation när insatsen loggades',
        ],
        ['Kostnad', 'Timmarna gånger organisationens egen timkostnad; timkostnaden finns inte i plattformen'],
      ],
    },
    {
      name: 'Timmar',
      columns: [
        { header: 'Organisation', width: 34 },
        { header: 'Person', width: 30 },
        { header: 'Månad', width: 22 },
        { header: 'Timmar', width: 10, numFmt: hoursFormat },
        { header: 'Antal insatser', width: 16 },
      ],
      rows,
    },
    ...report.organisations.map((o) => ({
      name: sheetName(o.organisationName),
      columns: [
        { header: 'Person', width: 30 },
        ...report.months.map((month) => ({ header: month, width: 10, numFmt: hoursFormat })),
        { header: 'Summa', width: 10, numFmt: hoursFormat },
      ],
      rows: [
        ...o.people.map((p) => {
          const hoursOf = new Map(p.months.map((m) => [m.month, m.hours]));
          return [p.name, ...report.months.map((month) => hoursOf.get(month) ?? 0), p.totalHours];
        }),
        (() => {
          const hoursOf = new Map(o.months.map((m) => [m.month, m.hours]));
          return ['Summa', ...report.months.map((month) => hoursOf.get(month) ?? 0), o.totalHours];
        })(),
      ],
    })),
  ]);
  // The file name stays ASCII (a header value): "Göteborgs Tekniska College" → "goteborgs-tekniska-college".
  const slug = (report.filters.organisationName ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const who = slug ? `-${slug}` : '';
  return { fileName: `tid-och-kostnad${who}-${report.period.from}-${report.period.to}.xlsx`, content };
}
