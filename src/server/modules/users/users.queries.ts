import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { UserScope } from '../../../core/access';
import type { User, UserListQuery } from '../../../contracts/users';
import type { Db } from '../../db/client';
import { containsPattern } from '../../db/like';
import { companies, organisations, secondFactors, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;

// The organisation an account works in: a coach's own, or its company's responsible organisation.
const workingOrganisationId = sql<string | null>`coalesce(${users.organisationId}, ${companies.organisationId})`;

function scopeFilter(scope: UserScope): SQL | undefined {
  switch (scope.kind) {
    case 'all':
      return undefined;
    case 'organisation':
      return sql`${workingOrganisationId} = ${scope.organisationId}`;
    case 'self':
      return eq(users.id, scope.userId);
    case 'none':
      return sql`false`;
  }
}

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  status: users.status,
  organisationId: users.organisationId,
  organisationName: organisations.name,
  companyId: users.companyId,
  companyName: companies.name,
  workingOrganisationId,
  locale: users.locale,
  lastSignedInAt: users.lastSignedInAt,
  hasSecondFactor: sql<boolean>`exists (select 1 from ${secondFactors} where ${secondFactors.userId} = ${users.id} and ${secondFactors.confirmedAt} is not null)`,
  version: users.version,
  createdAt: users.createdAt,
};

function baseQuery(db: Db) {
  return db
    .select(columns)
    .from(users)
    .leftJoin(companies, eq(companies.id, users.companyId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId));
}

type Selected = Awaited<ReturnType<typeof baseQuery>>[number];

function toContract(row: Selected): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    status: row.status,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    companyId: row.companyId,
    companyName: row.companyName,
    locale: row.locale,
    lastSignedInAt: row.lastSignedInAt?.toISOString() ?? null,
    hasSecondFactor: Boolean(row.hasSecondFactor),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A page of the accounts in scope, filtered; one query for rows and one for the total. */
export async function listUsers(db: Db, scope: UserScope, query: UserListQuery) {
  const text = query.q ? containsPattern(query.q) : undefined;
  const where = and(
    scopeFilter(scope),
    text ? or(ilike(users.name, text), ilike(users.email, text)) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.status ? eq(users.status, query.status) : undefined,
    query.organisationId ? sql`${workingOrganisationId} = ${query.organisationId}` : undefined,
  );
  const [rows, [total]] = await Promise.all([
    baseQuery(db)
      .where(where)
      .orderBy(users.name, users.id)
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(users).leftJoin(companies, eq(companies.id, users.companyId)).where(where),
  ]);
  return { items: rows.map(toContract), total: Number(total?.value ?? 0), page: query.page, pageSize: query.pageSize };
}

/** The accounts of one company, by name (the users_company_id_idx index; a company has a few). */
export async function listUsersOfCompany(db: Db, companyId: string, limit: number): Promise<User[]> {
  const rows = await baseQuery(db).where(eq(users.companyId, companyId)).orderBy(users.name, users.id).limit(limit);
  return rows.map(toContract);
}

/** One account with the organisation it works in, for the access check. */
export async function findUser(db: Db, id: string) {
  const [row] = await baseQuery(db).where(eq(users.id, id)).limit(1);
  return row ? { user: toContract(row), workingOrganisationId: row.workingOrganisationId } : undefined;
}

export async function findUserRowByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.toLowerCase())).limit(1);
  return row;
}

export async function findUserRow(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function emailTaken(db: Db, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return row !== undefined;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(values);
}

/** Updates when the version still matches; undefined means someone else wrote first. */
export async function updateUserIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof users.$inferInsert>,
) {
  const [row] = await db
    .update(users)
    .set({ ...values, version: version + 1 })
    .where(and(eq(users.id, id), eq(users.version, version)))
    .returning();
  return row;
}

export async function countActiveAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.status, 'active')));
  return Number(row?.value ?? 0);
}

/** The organisation's coaches who can read e-mail from the platform (not deactivated), by name. */
export async function listCoachesOfOrganisation(db: Db, organisationId: string): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.role, 'coach'), eq(users.organisationId, organisationId), ne(users.status, 'deactivated')))
    .orderBy(asc(users.name));
}
