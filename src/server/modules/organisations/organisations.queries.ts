import { asc, eq, sql } from 'drizzle-orm';
import type { Organisation } from '../../../contracts/organisations';
import type { Db } from '../../db/client';
import { organisations } from '../../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;

// Counts come from correlated sub-selects so the list stays one query however many rows it has.
// Names are qualified by hand: drizzle drops the table name of columns when one table is selected,
// which inside a sub-select would bind to the inner table.
const userCount = sql<number>`(select count(*)::int from users u where u.organisation_id = "organisations"."id")`;
const companyCount = sql<number>`(select count(*)::int from companies c where c.organisation_id = "organisations"."id")`;

const columns = {
  id: organisations.id,
  name: organisations.name,
  shortName: organisations.shortName,
  reportingAreas: organisations.reportingAreas,
  version: organisations.version,
  updatedAt: organisations.updatedAt,
  userCount,
  companyCount,
};

function baseQuery(db: Db) {
  return db.select(columns).from(organisations);
}

type Selected = Awaited<ReturnType<typeof baseQuery>>[number];

function toContract(row: Selected): Organisation {
  return {
    ...row,
    reportingAreas: row.reportingAreas as Organisation['reportingAreas'],
    updatedAt: row.updatedAt.toISOString(),
    userCount: Number(row.userCount),
    companyCount: Number(row.companyCount),
  };
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await baseQuery(db).orderBy(asc(organisations.name));
  return rows.map(toContract);
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const [row] = await baseQuery(db).where(eq(organisations.id, id));
  return row ? toContract(row) : undefined;
}

export async function findOrganisationRow(db: Db, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function findOrganisationByName(db: Db, name: string): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.name}) = ${name.toLowerCase()}`);
  return row;
}

export async function insertOrganisation(db: Db, values: typeof organisations.$inferInsert): Promise<void> {
  await db.insert(organisations).values(values);
}

/** Updates when the version still matches; undefined means someone else wrote first. */
export async function updateOrganisationIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, version: version + 1 })
    .where(sql`${organisations.id} = ${id} and ${organisations.version} = ${version}`)
    .returning();
  return row;
}
