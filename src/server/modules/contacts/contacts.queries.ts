import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Contact } from '../../../contracts/contacts';
import type { Db } from '../../db/client';
import { auditEntries, companies, consents, contacts } from '../../db/schema';

export type ContactRow = typeof contacts.$inferSelect;

type ConsentRow = typeof consents.$inferSelect;

function toContract(row: ContactRow, rowConsents: ConsentRow[]): Contact {
  return {
    id: row.id,
    companyId: row.companyId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role,
    gender: row.gender,
    isErased: row.erasedAt !== null,
    consents: rowConsents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      textVersion: c.textVersion,
      givenOn: c.givenOn.toISOString(),
      withdrawnOn: c.withdrawnOn?.toISOString() ?? null,
    })),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The company's contacts with their consents: two queries however many contacts. */
export async function listContactsOfCompany(db: Db, companyId: string): Promise<Contact[]> {
  const rows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.companyId, companyId))
    .orderBy(asc(contacts.erasedAt), asc(contacts.name));
  if (rows.length === 0) return [];
  const consentRows = await db
    .select()
    .from(consents)
    .where(
      inArray(
        consents.contactId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(consents.givenOn));
  return rows.map((row) =>
    toContract(
      row,
      consentRows.filter((c) => c.contactId === row.id),
    ),
  );
}

export async function findContactRow(db: Db, id: string): Promise<ContactRow | undefined> {
  const [row] = await db.select().from(contacts).where(eq(contacts.id, id)).limit(1);
  return row;
}

export async function findContact(db: Db, id: string): Promise<Contact | undefined> {
  const row = await findContactRow(db, id);
  if (!row) return undefined;
  const consentRows = await db.select().from(consents).where(eq(consents.contactId, id)).orderBy(asc(consents.givenOn));
  return toContract(row, consentRows);
}

export async function insertContact(db: Db, values: typeof contacts.$inferInsert): Promise<void> {
  await db.insert(contacts).values(values);
}

export async function insertConsent(db: Db, values: typeof consents.$inferInsert): Promise<void> {
  await db.insert(consents).values(values);
}

export async function updateContactIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof contacts.$inferInsert>,
) {
  const [row] = await db
    .update(contacts)
    .set({ ...values, version: version + 1 })
    .where(and(eq(contacts.id, id), eq(contacts.version, version)))
    .returning();
  return row;
}

/** Consent texts are personal too (they may name the person): erased with the contact. */
export async function deleteConsentsOf(db: Db, contactId: string): Promise<void> {
  await db.delete(consents).where(eq(consents.contactId, contactId));
}

/** Audit rows about the contact: their before/after copies hold personal data. */
export async function listAuditOfContact(db: Db, contactId: string) {
  return db
    .select({ at: auditEntries.at, action: auditEntries.action })
    .from(auditEntries)
    .where(and(eq(auditEntries.entityType, 'contact'), eq(auditEntries.entityId, contactId)))
    .orderBy(asc(auditEntries.at));
}

/** Erasure also blanks the personal copies in the audit trail, keeping who did what and when. */
export async function blankAuditOfContact(db: Db, contactId: string): Promise<void> {
  await db
    .update(auditEntries)
    .set({ before: sql`null`, after: sql`null` })
    .where(and(eq(auditEntries.entityType, 'contact'), eq(auditEntries.entityId, contactId)));
}

export async function findCompanyName(db: Db, companyId: string): Promise<string | undefined> {
  const [row] = await db.select({ name: companies.name }).from(companies).where(eq(companies.id, companyId)).limit(1);
  return row?.name;
}

export async function findConsent(db: Db, contactId: string, consentId: string) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.contactId, contactId)))
    .limit(1);
  return row;
}

/** Marks a consent withdrawn unless it already is. */
export async function withdrawConsentRow(db: Db, consentId: string, at: Date): Promise<void> {
  await db
    .update(consents)
    .set({ withdrawnOn: at })
    .where(and(eq(consents.id, consentId), isNull(consents.withdrawnOn)));
}
