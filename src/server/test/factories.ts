import type { Action } from '../../contracts/action-plans';
import type { Company } from '../../contracts/companies';
import { freshOrganisationNumber } from './access-matrix';
import { ok, type requestsAs } from './requests';
import type { ActorName } from './test-app';

// Records a test needs, made through the API as a person would make them, so a test owns what it
// checks instead of leaning on the demo data (which other tests change too). Each takes the
// test's `call` (requestsAs) and only the fields the test cares about; the rest are plain defaults.

type Call = ReturnType<typeof requestsAs>;

/** A company registered by the actor, with a fresh organisation number: a coach's company is their
 * organisation's, a prospect, and theirs to coach. */
export async function createCompany(
  call: Call,
  actor: ActorName = 'coachOwn',
  facts: Record<string, unknown> = {},
): Promise<Company> {
  const response = await call(actor, 'POST', '/api/companies', {
    organisationNumber: freshOrganisationNumber(),
    name: 'Testverkstaden AB',
    ...facts,
  });
  return ok<Company>(response, 201);
}

/** An action on a company's plan, planned in the energy transition unless the fields say otherwise. */
export async function createAction(
  call: Call,
  actor: ActorName,
  companyId: string,
  fields: Record<string, unknown> = {},
): Promise<Action> {
  const response = await call(actor, 'POST', `/api/companies/${companyId}/actions`, {
    area: 'energy_transition',
    title: 'Byt till LED-belysning',
    ...fields,
  });
  return ok<Action>(response, 201);
}
