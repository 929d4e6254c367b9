import { randomUUID } from 'node:crypto';
import { can } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import type { CreateOrganisationBody, Organisation, UpdateOrganisationBody } from '../../../contracts/organisations';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, invalidField, notFound, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import * as q from './organisations.queries';

// The partners are public facts: every signed-in user may read them; only admins change them.

function assertSignedIn(actor: Actor): void {
  if (actor.kind === 'anonymous') throw unauthenticated();
}

function assertManager(actor: Actor): void {
  assertSignedIn(actor);
  if (!can(actor, 'manageOrganisations')) throw forbidden();
}

export async function listOrganisations(ctx: AppContext, actor: Actor): Promise<Organisation[]> {
  assertSignedIn(actor);
  return q.listOrganisations(ctx.db);
}

export async function getOrganisation(ctx: AppContext, actor: Actor, id: string): Promise<Organisation> {
  assertSignedIn(actor);
  const organisation = await q.findOrganisation(ctx.db, id);
  if (!organisation) throw notFound('The organisation');
  return organisation;
}

export async function createOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: CreateOrganisationBody,
): Promise<Organisation> {
  assertManager(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (await q.findOrganisationByName(tx, input.name)) {
      throw invalidField('name', 'taken', 'An organisation with this name already exists');
    }
    const now = ctx.now();
    const values = {
      id,
      name: input.name,
      shortName: input.shortName,
      reportingAreas: [...new Set(input.reportingAreas)],
      createdAt: now,
      updatedAt: now,
    };
    await q.insertOrganisation(tx, values);
    await recordAudit(tx, actor, now, {
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      after: values,
    });
  });
  return getOrganisation(ctx, actor, id);
}

export async function updateOrganisation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateOrganisationBody,
): Promise<Organisation> {
  assertManager(actor);
  await ctx.db.transaction(async (tx) => {
    const before = await q.findOrganisationRow(tx, id);
    if (!before) throw notFound('The organisation');
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.name !== undefined) {
      const sameName = await q.findOrganisationByName(tx, input.name);
      if (sameName && sameName.id !== id)
        throw invalidField('name', 'taken', 'An organisation with this name already exists');
    }
    const now = ctx.now();
    const after = await q.updateOrganisationIfVersion(tx, id, input.version, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.shortName !== undefined && { shortName: input.shortName }),
      ...(input.reportingAreas !== undefined && { reportingAreas: [...new Set(input.reportingAreas)] }),
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, actor, now, {
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      organisationId: id,
      before,
      after,
    });
  });
  return getOrganisation(ctx, actor, id);
}

/** True when an organisation with this id exists. */
export async function organisationExists(db: Db, organisationId: string): Promise<boolean> {
  return (await q.findOrganisationRow(db, organisationId)) !== undefined;
}

/** The partners and the reporting areas each covers, for the public programme page (decision 045):
 * public facts, so no actor is asked for. */
export async function listPartnerOrganisations(db: Db) {
  const rows = await q.listOrganisations(db);
  return rows.map(({ id, name, shortName, reportingAreas }) => ({ id, name, shortName, reportingAreas }));
}
