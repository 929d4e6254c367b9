import type { Db } from '../../db/client';
import type { reminderSourceKinds } from '../../db/schema';
import { listActionsDue } from '../action-plans/action-plans.service';
import { listFollowUpsDue } from '../interventions/interventions.service';
import { listAssessmentsDueForReminders } from '../maturity/maturity.service';

// What can fall due for a person. Each source is one function answering, in a fixed number of
// queries, what is due up to a date (optionally for one recipient). The reminder scan writes a
// reminder per item; "my week" shows the items live. Another module adds its kind with one
// function here (`assessmentsDue` from measurements' next_due_on, `actionsDue` from action plans)
// and one line in `dueSources` (docs/decisions/015).

export type ReminderSourceKind = (typeof reminderSourceKinds)[number];

export type DueItem = {
  sourceKind: ReminderSourceKind;
  sourceId: string;
  companyId: string;
  companyName: string;
  dueOn: string;
  recipientId: string;
};

export type DueFilter = { until: string; recipientId?: string };
export type DueSource = (db: Db, filter: DueFilter) => Promise<DueItem[]>;

/** Follow-ups due: the next follow-up date of each company's latest intervention, for the coach
 * who set it. */
export const followUpsDue: DueSource = async (db, filter) =>
  (await listFollowUpsDue(db, filter)).map((row) => ({ sourceKind: 'follow_up' as const, ...row }));

/** Follow-up measurements due: the next measurement date set on a company's latest coach
 * measurement of an area, for the company's coach. */
export const assessmentsDue: DueSource = async (db, filter) =>
  (await listAssessmentsDueForReminders(db, filter)).map((row) => ({ sourceKind: 'assessment' as const, ...row }));

/** Actions due: an open action's due date, for the coach who owns it, else for the company's coach. */
export const actionsDue: DueSource = async (db, filter) =>
  (await listActionsDue(db, filter)).map((row) => ({ sourceKind: 'action' as const, ...row }));

/** Every source the scan and "my week" read. */
export const dueSources: readonly DueSource[] = [followUpsDue, assessmentsDue, actionsDue];

/** Everything due up to the date from every source, earliest first. */
export async function listDue(db: Db, filter: DueFilter, sources: readonly DueSource[] = dueSources) {
  const lists = await Promise.all(sources.map((source) => source(db, filter)));
  return lists
    .flat()
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.companyName.localeCompare(b.companyName, 'sv'));
}
