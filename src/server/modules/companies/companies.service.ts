import { companyAccess, companyScope, type CompanyRef } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { CompanyListQuery } from '../../../contracts/companies';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { unauthenticated } from '../../http/errors';
import * as q from './companies.queries';

/** The companies the actor works on (admin all, coach their organisation's, company user their own). */
export async function listCompanies(ctx: AppContext, actor: Actor, query: CompanyListQuery) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return q.listCompanies(ctx.db, companyScope(actor), query);
}

/** A company the actor may work on fully, or undefined: other modules use it to check a company id. */
export async function findWorkableCompany(db: Db, actor: Actor, companyId: string): Promise<CompanyRef | undefined> {
  const company = await q.findCompanyRef(db, companyId);
  return company && companyAccess(actor, company) === 'full' ? company : undefined;
}

/** True when a company with this id exists, whoever may see it. */
export async function companyExists(db: Db, companyId: string): Promise<boolean> {
  return (await q.findCompanyRef(db, companyId)) !== undefined;
}
