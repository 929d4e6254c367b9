import { aliasedTable, and, asc, eq, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { ActionStatus } from '../../../core/action-status';
import type { MaturityArea } from '../../../core/maturity-areas';
import type { Db } from '../../db/client';
import {
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

const listColumns = {
  row: actions,
  companyOrganisationId: companies.organisationId,
  ownerContactName: ownerContacts.name,
  ownerUserName: ownerUsers.name,
};

export type ActionListRow = {
  row: ActionRow;
  companyOrganisationId: string;
  ownerContactName: string | null;
  ownerUserName: string | null;
};

function withOwners() {
  return {
    from: (db: Db) =>
      db
        .select(listColumns)
        .from(actions)
        .innerJoin(companies, eq(companies.id, actions.companyId))
        .leftJoin(ownerContacts, eq(ownerContacts.id, actions.ownerContactId))
        .leftJoin(ownerUsers, eq(ownerUsers.id, actions.ownerUserId)),
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

/** One group's aggregates as SQL returns them; payback is derived from them by the core. */
export type TotalsRow = {
  organisationId: string | null;
  area: MaturityArea | null;
  /** grouping() bits: 1 where the column is rolled up in this row's grouping set. */
  isAllOrganisations: number;
  isAllAreas: number;
  actions: number;
  done: number;
  doneWithoutRealised: number;
  investmentSek: number;
  doneInvestmentSek: number;
  hasInvestment: boolean;
  hasDoneInvestment: boolean;
  expectedKwh: number;
  expectedCo2eKg: number;
  expectedSek: number;
  expectedMaterialTonnes: number;
  realisedKwh: number;
  realisedCo2eKg: number;
  realisedSek: number;
  realisedMaterialTonnes: number;
};

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * effectTotals (src/core/effects.ts) in one SQL statement: cancelled actions count nowhere,
 * expected effects count for every other action, realised ones only for done actions; a missing
 * figure adds 0. The organisation is the company's current responsible organisation. A company's
 * totals come overall and by area (GROUPING SETS). The programme's are summed in SQL by
 * organisation and area only, which PostgreSQL aggregates in parallel, and rolled up here (every
 * aggregate is a sum, a count or an "any"): 80 ms instead of 200 ms over 300 000 actions, where
 * grouping sets would aggregate in one process (bench/README.md).
 */
export async function sumActionEffects(
  db: Db,
  scope: { companyId?: string },
  groupingSets: 'company' | 'programme',
): Promise<TotalsRow[]> {
  const counted = sql`a.status <> 'cancelled'`;
  const done = sql`a.status = 'done'`;
  const sum = (column: string, when: SQL) => sql`coalesce(sum(a.${sql.raw(column)}) filter (where ${when}), 0)::float8`;
  const sets = groupingSets === 'company' ? sql`grouping sets ((), (a.area))` : sql`c.organisation_id, a.area`;
  const organisation =
    groupingSets === 'company'
      ? sql`null::uuid as "organisationId", 1 as "isAllOrganisations"`
      : sql`c.organisation_id as "organisationId", 0 as "isAllOrganisations"`;
  const areaFlag = groupingSets === 'company' ? sql`grouping(a.area)::int` : sql`0`;
  const where = scope.companyId ? sql`where a.company_id = ${scope.companyId}` : sql``;
  const result = await db.execute(sql`
    select ${organisation}, a.area as "area", ${areaFlag} as "isAllAreas",
           (count(*) filter (where ${counted}))::int as "actions",
           (count(*) filter (where ${done}))::int as "done",
           (count(*) filter (where ${done} and a.realised_kwh is null and a.realised_co2e_kg is null
                               and a.realised_sek is null and a.realised_material_tonnes is null))::int
             as "doneWithoutRealised",
           ${sum('investment_sek', counted)} as "investmentSek",
           ${sum('investment_sek', done)} as "doneInvestmentSek",
           coalesce(bool_or(a.investment_sek is not null) filter (where ${counted}), false) as "hasInvestment",
           coalesce(bool_or(a.investment_sek is not null) filter (where ${done}), false) as "hasDoneInvestment",
           ${sum('expected_kwh', counted)} as "expectedKwh",
           ${sum('expected_co2e_kg', counted)} as "expectedCo2eKg",
           ${sum('expected_sek', counted)} as "expectedSek",
           ${sum('expected_material_tonnes', counted)} as "expectedMaterialTonnes",
           ${sum('realised_kwh', done)} as "realisedKwh",
           ${sum('realised_co2e_kg', done)} as "realisedCo2eKg",
           ${sum('realised_sek', done)} as "realisedSek",
           ${sum('realised_material_tonnes', done)} as "realisedMaterialTonnes"
      from actions a
      join companies c on c.id = a.company_id
      ${where}
     group by ${sets}`);
  const rows = rowsOf<TotalsRow>(result);
  return groupingSets === 'company' ? rows : [...rows, ...rollUp(rows)];
}

const additive = [
  'actions',
  'done',
  'doneWithoutRealised',
  'investmentSek',
  'doneInvestmentSek',
  'expectedKwh',
  'expectedCo2eKg',
  'expectedSek',
  'expectedMaterialTonnes',
  'realisedKwh',
  'realisedCo2eKg',
  'realisedSek',
  'realisedMaterialTonnes',
] as const satisfies readonly (keyof TotalsRow)[];

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
    for (const name of additive) group[name] += Number(row[name]);
    group.hasInvestment ||= row.hasInvestment;
    group.hasDoneInvestment ||= row.hasDoneInvestment;
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
    hasInvestment: false,
    hasDoneInvestment: false,
    ...(Object.fromEntries(additive.map((name) => [name, 0])) as Record<(typeof additive)[number], number>),
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
