import { actionAbilities, type CompanyRef } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { Db } from '../../db/client';
import { notFound, unauthenticated } from '../../errors';
import { findCompanyActorMaySeeInFull } from '../company-access/company-access.service';

// Whose plan an actor sees, shared by the actions, the suggestions and the totals: each part
// answers 404 for a company out of reach, in the same words.

export function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

/** The company if the actor sees its plan: another tenant's company answers 404 (decision 003). */
export async function getPlanCompany(db: Db, actor: SignedInActor, companyId: string): Promise<CompanyRef> {
  const company = await findCompanyActorMaySeeInFull(db, actor, companyId);
  if (!company || !actionAbilities(actor, company).canRead) throw notFound('The company');
  return company;
}
