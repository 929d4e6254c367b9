import { and, desc, eq, gte, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { calendarDate, programmeTimeZone } from '../../../core/calendar';
import { toHours } from '../../../core/interventions';
import type { TimelineEvent, TimelineKind } from '../../../contracts/timeline';
import type { Db } from '../../db/client';
import { listActivitiesAttendedByCompany } from '../activities/activities.service';
import { energyMappingTotals } from '../analyses/energy-mappings.service';
import { listSubmittedAssessmentsForTimeline } from '../maturity/maturity.service';
import { actions, analyses, companies, companyStatusChanges, contacts, interventions, users } from '../../db/schema';

// The company timeline is a list of sources: each answers one kind of event for one company in
// one query. Another module adds its kind with one source here (`assessments`, `analyses`,
// `actions`, `activitiesAttended`), one value in `timelineKinds` (contracts/timeline.ts) and
// one sentence in the web's `timeline.kinds` (docs/decisions/015).

export type TimelineFilter = { companyId: string; from?: string; to?: string; limit: number };
export type TimelineSource = {
  kind: TimelineKind;
  /** Events newest first, at most `limit`; `notes` only when `withNotes` (staff). */
  list: (db: Db, filter: TimelineFilter, withNotes: boolean) => Promise<TimelineEvent[]>;
};

/** The date range on a date column or expression (dates compare as text in YYYY-MM-DD). */
function dateRange(column: PgColumn | SQL, filter: TimelineFilter): SQL | undefined {
  return and(
    filter.from ? sql`${column} >= ${filter.from}::date` : undefined,
    filter.to ? sql`${column} <= ${filter.to}::date` : undefined,
  );
}

/** The date range on a timestamp column, by the Stockholm calendar day boundaries (±1 day of
 * margin, then exact on the calendar date in the service). */
function instantRange(column: PgColumn, filter: TimelineFilter): SQL | undefined {
  return and(
    filter.from ? gte(column, new Date(`${filter.from}T00:00:00+02:00`)) : undefined,
    filter.to ? lte(column, new Date(`${filter.to}T23:59:59.999+01:00`)) : undefined,
  );
}

export const registered: TimelineSource = {
  kind: 'registered',
  list: async (db, filter) => {
    const rows = await db
      .select({ id: companies.id, createdAt: companies.createdAt })
      .from(companies)
      .where(and(eq(companies.id, filter.companyId), instantRange(companies.createdAt, filter)));
    return rows.map((row) => ({
      kind: 'registered',
      id: `registered-${row.id}`,
      date: calendarDate(row.createdAt),
      at: row.createdAt.toISOString(),
      data: {},
      notes: null,
    }));
  },
};

export const statusChanges: TimelineSource = {
  kind: 'status_change',
  list: async (db, filter) => {
    const rows = await db
      .select({
        id: companyStatusChanges.id,
        fromStatus: companyStatusChanges.fromStatus,
        toStatus: companyStatusChanges.toStatus,
        changedOn: companyStatusChanges.changedOn,
        reason: companyStatusChanges.reason,
        createdAt: companyStatusChanges.createdAt,
        byName: users.name,
      })
      .from(companyStatusChanges)
      .leftJoin(users, eq(users.id, companyStatusChanges.changedBy))
      .where(
        and(eq(companyStatusChanges.companyId, filter.companyId), dateRange(companyStatusChanges.changedOn, filter)),
      )
      .orderBy(desc(companyStatusChanges.changedOn), desc(companyStatusChanges.createdAt))
      .limit(filter.limit);
    return rows.map((row) => ({
      kind: 'status_change',
      id: row.id,
      date: String(row.changedOn),
      at: row.createdAt.toISOString(),
      // The reason for a status (e.g. why a company withdrew) is part of the register the company sees.
      data: { fromStatus: row.fromStatus, toStatus: row.toStatus, reason: row.reason, byName: row.byName },
      notes: null,
    }));
  },
};

export const contactsAdded: TimelineSource = {
  kind: 'contact_added',
  list: async (db, filter) => {
    const rows = await db
      .select({ id: contacts.id, name: contacts.name, createdAt: contacts.createdAt })
      .from(contacts)
      .where(
        and(
          eq(contacts.companyId, filter.companyId),
          isNull(contacts.erasedAt),
          instantRange(contacts.createdAt, filter),
        ),
      )
      .orderBy(desc(contacts.createdAt))
      .limit(filter.limit);
    return rows.map((row) => ({
      kind: 'contact_added',
      id: row.id,
      date: calendarDate(row.createdAt),
      at: row.createdAt.toISOString(),
      data: { name: row.name },
      notes: null,
    }));
  },
};

export const interventionsLogged: TimelineSource = {
  kind: 'intervention',
  list: async (db, filter, withNotes) => {
    const rows = await db
      .select({
        id: interventions.id,
        occurredOn: interventions.occurredOn,
        kind: interventions.kind,
        area: interventions.area,
        quarterHours: interventions.quarterHours,
        notes: interventions.notes,
        createdAt: interventions.createdAt,
        coachName: users.name,
      })
      .from(interventions)
      .innerJoin(users, eq(users.id, interventions.coachId))
      .where(and(eq(interventions.companyId, filter.companyId), dateRange(interventions.occurredOn, filter)))
      .orderBy(desc(interventions.occurredOn), desc(interventions.createdAt))
      .limit(filter.limit);
    return rows.map((row) => ({
      kind: 'intervention',
      id: row.id,
      date: row.occurredOn,
      at: row.createdAt.toISOString(),
      data: { interventionKind: row.kind, area: row.area, hours: toHours(row.quarterHours), coachName: row.coachName },
      notes: withNotes ? row.notes : null,
    }));
  },
};

export const assessmentsSubmitted: TimelineSource = {
  kind: 'assessment',
  list: async (db, filter) => {
    const rows = await listSubmittedAssessmentsForTimeline(db, filter);
    return rows.map((row) => ({
      kind: 'assessment',
      id: row.id,
      date: calendarDate(row.submittedAt!),
      at: row.submittedAt!.toISOString(),
      data: { area: row.area, assessmentKind: row.kind, mode: row.mode, step: row.step },
      notes: null,
    }));
  },
};

export const activitiesAttended: TimelineSource = {
  kind: 'activity_attended',
  list: async (db, filter) => {
    const rows = await listActivitiesAttendedByCompany(db, filter.companyId);
    return rows
      .map((row) => ({
        kind: 'activity_attended' as const,
        id: `activity-${row.activityId}`,
        date: calendarDate(row.startsAt),
        at: row.startsAt.toISOString(),
        data: { title: row.title, activityType: row.type, attendedCount: row.attendedCount },
        notes: null,
      }))
      .filter((event) => (!filter.from || event.date >= filter.from) && (!filter.to || event.date <= filter.to))
      .slice(0, filter.limit);
  },
};

// Actions and analyses are the company's own plan and studies: the company user reads them in
// full, so their events carry no internal notes (an action's description stays on the plan).

export const actionsCreated: TimelineSource = {
  kind: 'action_created',
  list: async (db, filter) => {
    const rows = await db
      .select({ id: actions.id, title: actions.title, area: actions.area, createdAt: actions.createdAt })
      .from(actions)
      .where(and(eq(actions.companyId, filter.companyId), instantRange(actions.createdAt, filter)))
      .orderBy(desc(actions.createdAt))
      .limit(filter.limit);
    return rows.map((row) => ({
      kind: 'action_created',
      id: `action-created-${row.id}`,
      date: calendarDate(row.createdAt),
      at: row.createdAt.toISOString(),
      data: { actionId: row.id, title: row.title, area: row.area },
      notes: null,
    }));
  },
};

export const actionsDone: TimelineSource = {
  kind: 'action_done',
  list: async (db, filter) => {
    const rows = await db
      .select({
        id: actions.id,
        title: actions.title,
        area: actions.area,
        doneOn: actions.doneOn,
        realisedKwh: actions.realisedKwh,
        realisedCo2eKg: actions.realisedCo2eKg,
        realisedSek: actions.realisedSek,
        realisedMaterialTonnes: actions.realisedMaterialTonnes,
      })
      .from(actions)
      .where(
        and(
          eq(actions.companyId, filter.companyId),
          eq(actions.status, 'done'),
          isNotNull(actions.doneOn),
          dateRange(actions.doneOn, filter),
        ),
      )
      .orderBy(desc(actions.doneOn), desc(actions.id))
      .limit(filter.limit);
    return rows.map(({ id, doneOn, ...data }) => ({
      kind: 'action_done',
      id: `action-done-${id}`,
      date: doneOn!,
      // Only the day is kept of when it was done.
      at: null,
      data: { actionId: id, ...data },
      notes: null,
    }));
  },
};

export const analysesRecorded: TimelineSource = {
  kind: 'analysis',
  list: async (db, filter) => {
    // The day it was performed, else the day it was recorded.
    const day = sql<string>`coalesce(${analyses.performedOn}, (${analyses.createdAt} at time zone ${programmeTimeZone})::date)`;
    const rows = await db
      .select({
        id: analyses.id,
        kind: analyses.kind,
        title: analyses.title,
        year: analyses.year,
        date: sql<string>`${day}::text`,
        createdAt: analyses.createdAt,
        // The content only where the event needs it (an energy mapping's totals).
        content: sql<Record<
          string,
          unknown
        > | null>`case when ${analyses.kind} = 'energy_mapping' then ${analyses.content} end`,
        factors: analyses.factors,
        factorSetKey: analyses.factorSetKey,
      })
      .from(analyses)
      .where(and(eq(analyses.companyId, filter.companyId), dateRange(day, filter)))
      .orderBy(desc(day), desc(analyses.createdAt))
      .limit(filter.limit);
    return rows.map((row) => {
      const energy = row.content ? energyMappingTotals({ ...row, content: row.content }) : null;
      return {
        kind: 'analysis',
        id: row.id,
        date: row.date,
        at: row.createdAt.toISOString(),
        data: {
          analysisKind: row.kind,
          title: row.title,
          year: row.year,
          totalKwh: energy?.kwh ?? null,
          totalCo2eKg: energy?.co2eKg ?? null,
        },
        notes: null,
      };
    });
  },
};

/** Every source of the timeline, in the order of the filter chips. */
export const timelineSources: readonly TimelineSource[] = [
  registered,
  statusChanges,
  contactsAdded,
  assessmentsSubmitted,
  activitiesAttended,
  analysesRecorded,
  actionsCreated,
  actionsDone,
  interventionsLogged,
];
