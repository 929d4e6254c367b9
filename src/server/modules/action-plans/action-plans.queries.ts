import { aliasedTable, and, asc, eq, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { ActionStatus } from '../../../core/action-status';
import type { MaturityArea } from '../../../core/maturity-areas';
import type { Db } from '../../db/client';
import {
  actionEffectRollups,
  actions,
  actionSuggestionDismissals,
  companies,
  contacts,
  organisations,
  reminders,
  users,
} from '../../db/schema';

export type ActionRow = typeof actions.$inferSelect;
export type ActionInsert = typeof actions.$inferInsert;

const ownerContacts = aliasedTable(contacts, 'owner_contacts');
const ownerUsers = aliasedTable(users, 'owner_users');
const confirmers = aliasedTable(users, 'confirmers');

const listColumns = {
  row: actions,
  companyOrganisationId: companies.organisationId,
  ownerContactName: ownerContacts.name,
  ownerUserName: ownerUsers.name,
  confirmerName: confirmers.name,
};

export type ActionListRow = {
  row: ActionRow;
  companyOrganisationId: string;
  ownerContactName: string | null;
  ownerUserName: string | null;
  confirmerName: string | null;
};

function withOwners() {
  return {
    from: (db: Db) =>
      db
        .select(listColumns)
        .from(actions)
        .innerJoin(companies, eq(companies.id, actions.companyId))
        .leftJoin(ownerContacts, eq(ownerContacts.id, actions.ownerContactId))
        .leftJoin(ownerUsers, eq(ownerUsers.id, actions.ownerUserId))
        .leftJoin(confirmers, eq(confirmers.id, actions.realisedConfirmedBy)),
  };
}

/** A company's actions with their owners' names, by area (ladder order is the caller's), due date. */
export async function listActions(
  db: Db,
  filter: { companyId: string; area?: MaturityArea; status?: ActionStatus },
  limit: number,
): Promise<ActionListRow[]> {
  return withOwners()
    .from(db)
    .where(
      and(
        eq(actions.companyId, filter.companyId),
        filter.area ? eq(actions.area, filter.area) : undefined,
        filter.status ? eq(actions.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(actions.area), sql`${actions.dueOn} asc nulls last`, asc(actions.createdAt), asc(actions.id))
    .limit(limit);
}

export async function findAction(db: Db, id: string): Promise<ActionListRow | undefined> {
  const [row] = await withOwners().from(db).where(eq(actions.id, id)).limit(1);
  return row;
}

export async function insertAction(db: Db, values: ActionInsert): Promise<void> {
  await db.insert(actions).values(values);
}

export async function updateActionIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<ActionInsert>,
): Promise<ActionRow | undefined> {
  const [row] = await db
    .update(actions)
    .set({ ...values, version: version + 1 })
    .where(and(eq(actions.id, id), eq(actions.version, version)))
    .returning();
  return row;
}

/** The company's contacts who can own an action (erased people cannot). */
export async function listOwnerContacts(db: Db, companyId: string) {
  return db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.companyId, companyId), isNull(contacts.erasedAt)))
    .orderBy(asc(contacts.name));
}

/** The active coaches of an organisation, who can own an action of its companies. */
export async function listOwnerCoaches(db: Db, organisationId: string) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.organisationId, organisationId), eq(users.role, 'coach'), eq(users.status, 'active')))
    .orderBy(asc(users.name));
}

export async function findUserLocale(db: Db, userId: string): Promise<'sv' | 'en' | undefined> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.locale;
}

/** Catalogue keys the company adopted (an action carries the key) or dismissed. */
export async function listUsedCatalogueKeys(db: Db, companyId: string) {
  const adopted = await db
    .select({ key: actions.catalogueKey })
    .from(actions)
    .where(and(eq(actions.companyId, companyId), sql`${actions.catalogueKey} is not null`));
  return adopted.map((row) => row.key!);
}

export async function listDismissals(db: Db, companyId: string) {
  return db
    .select()
    .from(actionSuggestionDismissals)
    .where(eq(actionSuggestionDismissals.companyId, companyId))
    .orderBy(asc(actionSuggestionDismissals.dismissedAt));
}

export async function upsertDismissal(db: Db, values: typeof actionSuggestionDismissals.$inferInsert) {
  const [row] = await db
    .insert(actionSuggestionDismissals)
    .values(values)
    .onConflictDoUpdate({
      target: [actionSuggestionDismissals.companyId, actionSuggestionDismissals.catalogueKey],
      set: { reason: values.reason, dismissedBy: values.dismissedBy, dismissedAt: values.dismissedAt },
    })
    .returning();
  return row!;
}

export async function deleteDismissal(db: Db, companyId: string, catalogueKey: string) {
  const [row] = await db
    .delete(actionSuggestionDismissals)
    .where(
      and(
        eq(actionSuggestionDismissals.companyId, companyId),
        eq(actionSuggestionDismissals.catalogueKey, catalogueKey),
      ),
    )
    .returning();
  return row;
}

export async function listOrganisations(db: Db) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name));
}

/** One group's aggregates as SQL returns them; payback is derived from them by the core's rule. */
export type TotalsRow = {
  organisationId: string | null;
  area: MaturityArea | null;
  /** 1 where the column is rolled up in this row (every organisation, every area). */
  isAllOrganisations: number;
  isAllAreas: number;
} & Record<(typeof totalsColumns)[number], number>;

/** The additive aggregates of a group of actions, as the rollup table and the company query name them. */
const totalsColumns = [
  'actionRows',
  'actions',
  'done',
  'doneWithoutRealised',
  'doneUnconfirmed',
  'withInvestment',
  'confirmedWithInvestment',
  'investmentSek',
  'doneInvestmentSek',
  'confirmedInvestmentSek',
  'expectedKwh',
  'expectedCo2eKg',
  'expectedSek',
  'expectedMaterialTonnes',
  'realisedKwh',
  'realisedCo2eKg',
  'realisedSek',
  'realisedMaterialTonnes',
  'unconfirmedKwh',
  'unconfirmedCo2eKg',
  'unconfirmedSek',
  'unconfirmedMaterialTonnes',
] as const;

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * The aggregates of effectTotals (src/core/effects.ts) over the actions `a` of a group: cancelled
 * actions count nowhere, expected effects count for every other action, realised ones only for done
 * actions, confirmed apart from unconfirmed (decision 024); a missing figure adds 0. The same sums
 * per action as the rollup trigger of migration 0016 (`action_effect_rollup_add`), which keeps the
 * programme's totals.
 */
function totalsAggregates(): SQL {
  const counted = sql`a.status <> 'cancelled'`;
  const done = sql`a.status = 'done'`;
  const hasRealised = sql`(a.realised_kwh is not null or a.realised_co2e_kg is not null
    or a.realised_sek is not null or a.realised_material_tonnes is not null)`;
  const confirmed = sql`${done} and ${hasRealised} and a.realised_confirmed_at is not null`;
  const unconfirmed = sql`${done} and a.realised_confirmed_at is null`;
  const sum = (column: string, when: SQL) => sql`coalesce(sum(a.${sql.raw(column)}) filter (where ${when}), 0)::float8`;
  const count = (when: SQL) => sql`(count(*) filter (where ${when}))::int`;
  return sql`count(*)::int as "actionRows",
           ${count(counted)} as "actions",
           ${count(done)} as "done",
           ${count(sql`${done} and not ${hasRealised}`)} as "doneWithoutRealised",
           ${count(sql`${unconfirmed} and ${hasRealised}`)} as "doneUnconfirmed",
           ${count(sql`${counted} and a.investment_sek is not null`)} as "withInvestment",
           ${count(sql`${confirmed} and a.investment_sek is not null`)} as "confirmedWithInvestment",
           ${sum('investment_sek', counted)} as "investmentSek",
           ${sum('investment_sek', done)} as "doneInvestmentSek",
           ${sum('investment_sek', confirmed)} as "confirmedInvestmentSek",
           ${sum('expected_kwh', counted)} as "expectedKwh",
           ${sum('expected_co2e_kg', counted)} as "expectedCo2eKg",
           ${sum('expected_sek', counted)} as "expectedSek",
           ${sum('expected_material_tonnes', counted)} as "expectedMaterialTonnes",
           ${sum('realised_kwh', confirmed)} as "realisedKwh",
           ${sum('realised_co2e_kg', confirmed)} as "realisedCo2eKg",
           ${sum('realised_sek', confirmed)} as "realisedSek",
           ${sum('realised_material_tonnes', confirmed)} as "realisedMaterialTonnes",
           ${sum('realised_kwh', unconfirmed)} as "unconfirmedKwh",
           ${sum('realised_co2e_kg', unconfirmed)} as "unconfirmedCo2eKg",
           ${sum('realised_sek', unconfirmed)} as "unconfirmedSek",
           ${sum('realised_material_tonnes', unconfirmed)} as "unconfirmedMaterialTonnes"`;
}

/** A company's effectTotals in one SQL statement over its actions, overall and by area (GROUPING SETS). */
export async function sumCompanyActionEffects(db: Db, companyId: string): Promise<TotalsRow[]> {
  const result = await db.execute(sql`
    select null::uuid as "organisationId", 1 as "isAllOrganisations", a.area as "area",
           grouping(a.area)::int as "isAllAreas",
           ${totalsAggregates()}
      from actions a
     where a.company_id = ${companyId}
     group by grouping sets ((), (a.area))`);
  return rowsOf<TotalsRow>(result);
}

/** A period of Stockholm calendar dates, both included; a bound left out is open. */
export type DonePeriod = { from: string | null; to: string | null };

/**
 * The programme's totals of the actions done in a period (`done_on`, the Stockholm date the status
 * became done, both bounds included: the indicator report's rule for realised effects), per the
 * company's current organisation and area as the rollup groups them, then rolled up like it. The
 * rollup keeps no dates, so a period is summed here; `actions_done_on_idx` (done actions by
 * `done_on`, written as its predicate) finds the period's actions without reading the others.
 */
export async function sumProgrammeActionEffectsDoneIn(db: Db, period: DonePeriod): Promise<TotalsRow[]> {
  const result = await db.execute(sql`
    select c.organisation_id as "organisationId", a.area as "area", 0 as "isAllOrganisations", 0 as "isAllAreas",
           ${totalsAggregates()}
      from actions a
      join companies c on c.id = a.company_id
     where a.status = 'done'
       ${period.from === null ? sql`` : sql`and a.done_on >= ${period.from}`}
       ${period.to === null ? sql`` : sql`and a.done_on <= ${period.to}`}
     group by c.organisation_id, a.area`);
  const groups = rowsOf<TotalsRow>(result).map((row): TotalsRow => ({
    ...row,
    ...(Object.fromEntries(totalsColumns.map((name) => [name, Number(row[name])])) as Record<
      (typeof totalsColumns)[number],
      number
    >),
  }));
  return [...groups, ...rollUp(groups)];
}

/**
 * The programme's totals per organisation and area, read from the rollup the writes keep
 * (`action_effect_rollups`, maintained by triggers in the writing transaction, decision 026),
 * then rolled up here per organisation, per area and overall: 25 rows, whatever the size of the
 * programme. A group exists while an action of any status is in it, as in effectTotalsBy*.
 */
export async function sumProgrammeActionEffects(db: Db): Promise<TotalsRow[]> {
  const rows = await db
    .select({
      organisationId: actionEffectRollups.organisationId,
      area: actionEffectRollups.area,
      ...(Object.fromEntries(totalsColumns.map((name) => [name, actionEffectRollups[name]])) as {
        [K in (typeof totalsColumns)[number]]: (typeof actionEffectRollups)[K];
      }),
    })
    .from(actionEffectRollups)
    .where(sql`${actionEffectRollups.actionRows} > 0`);
  const groups = rows.map((row): TotalsRow => ({
    ...row,
    isAllOrganisations: 0,
    isAllAreas: 0,
    ...(Object.fromEntries(totalsColumns.map((name) => [name, Number(row[name])])) as Record<
      (typeof totalsColumns)[number],
      number
    >),
  }));
  return [...groups, ...rollUp(groups)];
}

/** The rows per organisation, per area and overall, from the rows per organisation and area. */
function rollUp(rows: readonly TotalsRow[]): TotalsRow[] {
  const groups = new Map<string, TotalsRow>();
  const add = (key: string, organisationId: string | null, area: MaturityArea | null, row: TotalsRow) => {
    const group = groups.get(key) ?? {
      ...emptyTotalsRow(),
      organisationId,
      area,
      isAllOrganisations: organisationId === null ? 1 : 0,
      isAllAreas: area === null ? 1 : 0,
    };
    for (const name of totalsColumns) group[name] += row[name];
    groups.set(key, group);
  };
  // As GROUPING SETS would: the overall row exists even when there is no action at all.
  groups.set('all', { ...emptyTotalsRow(), isAllOrganisations: 1, isAllAreas: 1 });
  for (const row of rows) {
    add(`organisation:${row.organisationId}`, row.organisationId, null, row);
    add(`area:${row.area}`, null, row.area, row);
    add('all', null, null, row);
  }
  return [...groups.values()];
}

function emptyTotalsRow(): TotalsRow {
  return {
    organisationId: null,
    area: null,
    isAllOrganisations: 0,
    isAllAreas: 0,
    ...(Object.fromEntries(totalsColumns.map((name) => [name, 0])) as Record<(typeof totalsColumns)[number], number>),
  };
}

export async function findCompanyName(db: Db, companyId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row?.name;
}

/**
 * Actions due up to `until`, for the coach who owns them, else for the company's coach; companies
 * that completed or withdrew are not reminded. An owner counts while they are an active coach of
 * the company's responsible organisation (a hand-over or a deactivation moves the action to the
 * company's coach). One statement in two branches, each starting from an index when a recipient is
 * given: the owner's (`actions_owner_user_id_idx`) and the coach's companies
 * (`companies_coach_id_idx`, then `actions_open_due_idx` per company), so a coach's "my week" reads
 * their own actions, never every action of the programme.
 */
/** One company's open actions due by the date, earliest first (the partial index actions_open_due_idx). */
export async function listOpenActionsDueOfCompany(db: Db, companyId: string, until: string, limit: number) {
  return db
    .select({ id: actions.id, title: actions.title, area: actions.area, status: actions.status, dueOn: actions.dueOn })
    .from(actions)
    .where(
      and(
        eq(actions.companyId, companyId),
        // Written as the partial index's predicate (literals, not parameters) so the planner uses it.
        sql`${actions.status} in ('planned', 'in_progress')`,
        isNotNull(actions.dueOn),
        lte(actions.dueOn, until),
      ),
    )
    .orderBy(asc(actions.dueOn), asc(actions.id))
    .limit(limit);
}

export async function listActionsDue(db: Db, filter: { until: string; recipientId?: string }) {
  const isOpenAndDue = and(
    // Written as the partial index's predicate (literals, not parameters) so the planner uses it.
    sql`${actions.status} in ('planned', 'in_progress')`,
    isNotNull(actions.dueOn),
    lte(actions.dueOn, filter.until),
    sql`${companies.status} not in ('completed', 'withdrawn')`,
  );
  const ownerIsCoach = sql`exists (select 1 from "users" "owner" where "owner"."id" = ${actions.ownerUserId}
    and "owner"."role" = 'coach' and "owner"."status" = 'active'
    and "owner"."organisation_id" = ${companies.organisationId})`;
  // The join order is the planner's: each branch starts from the index its recipient condition has.
  const branch = (recipient: SQL.Aliased<string>, isRecipient: SQL, isTheirs: SQL) =>
    db
      .select({
        sourceId: actions.id,
        companyId: actions.companyId,
        companyName: companies.name,
        recipientId: recipient,
        dueOn: sql<string>`${actions.dueOn}`.as('due_on'),
      })
      .from(actions)
      .innerJoin(companies, eq(companies.id, actions.companyId))
      .where(and(isRecipient, isOpenAndDue, isTheirs));
  const ofOwner = branch(
    sql<string>`${actions.ownerUserId}`.as('recipient_id'),
    filter.recipientId ? eq(actions.ownerUserId, filter.recipientId) : isNotNull(actions.ownerUserId),
    ownerIsCoach,
  );
  const ofCoach = branch(
    sql<string>`${companies.coachId}`.as('recipient_id'),
    filter.recipientId ? eq(companies.coachId, filter.recipientId) : isNotNull(companies.coachId),
    sql`not ${ownerIsCoach}`,
  );
  return unionAll(ofOwner, ofCoach).orderBy(sql`"due_on"`, sql`"name"`);
}

/** An action done, cancelled or moved to another date: its open reminders for another date (all of
 * them when it is no longer open) are closed, done when the action is done, else dismissed. */
export async function closeActionReminders(
  db: Db,
  actionId: string,
  keep: { dueOn: string | null } | null,
  status: 'done' | 'dismissed',
  now: Date,
): Promise<void> {
  await db
    .update(reminders)
    .set({ status, resolvedAt: now })
    .where(
      and(
        eq(reminders.sourceKind, 'action'),
        eq(reminders.sourceId, actionId),
        eq(reminders.status, 'open'),
        keep?.dueOn ? sql`${reminders.dueOn} <> ${keep.dueOn}` : undefined,
      ),
    );
}
