// Which company an actor reaches, for every module that works on a company's records (contacts,
// analyses, action plans, interventions, state aid, the timeline). It sits apart from the
// companies module so that those modules depend on it and the companies module depends on
// contacts, one way, without a circle between companies and contacts.
import { companyAccess, companyRecordAbilities, type CompanyRef } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { Db } from '../../db/client';
import { forbidden, notFound } from '../../errors';
import * as q from './company-access.queries';

/**
 * The company behind an id if the actor may edit it and its records (contacts, register facts):
 * 404 when they may not see it in full, 403 when they see it but may not edit it (a company user).
 */
export async function getCompanyActorMayEdit(db: Db, actor: Actor, companyId: string): Promise<CompanyRef> {
  const company = await q.findCompanyRef(db, companyId);
  if (!company || companyAccess(actor, company) !== 'full') throw notFound('The company');
  if (!companyRecordAbilities(actor, company).canEdit) throw forbidden('Company users cannot change the register');
  return company;
}

/** The company whose contact persons the actor keeps: staff with full access and the company's
 * own users (decision 043); another tenant's company answers 404. */
export async function getCompanyForContacts(db: Db, actor: Actor, companyId: string): Promise<CompanyRef> {
  const company = await q.findCompanyRef(db, companyId);
  if (!company || companyAccess(actor, company) !== 'full') throw notFound('The company');
  if (!companyRecordAbilities(actor, company).canManageContacts) throw forbidden();
  return company;
}

/** The company behind an id if the actor may see it in full (not only its thin view), or undefined. */
export async function findCompanyActorMaySeeInFull(
  db: Db,
  actor: Actor,
  companyId: string,
): Promise<CompanyRef | undefined> {
  const company = await q.findCompanyRef(db, companyId);
  return company && companyAccess(actor, company) === 'full' ? company : undefined;
}
