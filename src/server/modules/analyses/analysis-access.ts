import { analysisAbilities, type CompanyRef } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { Db } from '../../db/client';
import { forbidden, notFound, unauthenticated } from '../../errors';
import * as q from './analyses.queries';

// Which analysis an actor reaches, shared by the analyses, their findings and their files: each
// part answers 404 for an analysis of a company out of reach, in the same words.

export function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

export type Reachable = {
  found: q.AnalysisWithCompany;
  company: CompanyRef;
  abilities: ReturnType<typeof analysisAbilities>;
};

/** The analysis if the actor may read it; 404 when its company is out of reach (decision 003). */
export async function getReadableAnalysis(db: Db, actor: SignedInActor, id: string): Promise<Reachable> {
  const found = await q.findAnalysis(db, id);
  if (!found) throw notFound('The analysis');
  const company = { id: found.row.companyId, organisationId: found.companyOrganisationId };
  const abilities = analysisAbilities(actor, company);
  if (!abilities.canRead) throw notFound('The analysis');
  return { found, company, abilities };
}

export async function getEditableAnalysis(db: Db, actor: SignedInActor, id: string): Promise<Reachable> {
  const reachable = await getReadableAnalysis(db, actor, id);
  if (!reachable.abilities.canEdit) throw forbidden('The coach makes and changes analyses');
  return reachable;
}
