import { eq } from 'drizzle-orm';
import type { CompanyRef } from '../../../core/access';
import type { Db } from '../../db/client';
import { companies } from '../../db/schema';

/** The two columns the access rules read, or undefined when no company has this id. */
export async function findCompanyRef(db: Db, id: string): Promise<CompanyRef | undefined> {
  const [row] = await db
    .select({ id: companies.id, organisationId: companies.organisationId })
    .from(companies)
    .where(eq(companies.id, id))
    .limit(1);
  return row;
}
