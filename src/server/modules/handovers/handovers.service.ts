import { randomUUID } from 'node:crypto';
import { can, canSeeFullOrganisationNumber } from '../../../core/access';
import { maskOrganisationNumber } from '../../../core/organisation-number';
import type { Actor } from '../../../core/roles';
import type { DecideHandoverBody, HandoverRequest } from '../../../contracts/companies';
import type { AppContext } from '../../context';
import { forbidden, invalidField, notFound, ruleViolated, staleVersion, unauthenticated } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { getThinCompany, moveCompany } from '../companies/companies.service';
import { findCoachOf } from '../users/users.service';
import * as q from './handovers.queries';

// A coach who finds that another organisation holds a company asks for it; an admin decides.
// Approval moves the company, with its history, to the asking organisation.

function numberFor(actor: Actor) {
  // A sole trader's personal number follows the company's masking rule (decision 008).
  return (row: {
    organisationNumber: string;
    isSoleTrader: boolean;
    companyOrganisationId: string;
    request: { companyId: string };
  }) =>
    row.isSoleTrader &&
    !canSeeFullOrganisationNumber(actor, { id: row.request.companyId, organisationId: row.companyOrganisationId })
      ? maskOrganisationNumber(row.organisationNumber)
      : row.organisationNumber;
}

export async function listHandovers(
  ctx: AppContext,
  actor: Actor,
  query: { status?: HandoverRequest['status']; page: number; pageSize: number },
) {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'viewHandovers')) throw forbidden();
  const organisationId = actor.role === 'coach' ? actor.organisationId : undefined;
  return q.listHandovers(ctx.db, organisationId, query.status, query.page, query.pageSize, numberFor(actor));
}

/** A coach asks to take over a company another organisation holds. */
export async function requestHandover(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  reason: string,
): Promise<HandoverRequest> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (actor.role !== 'coach' || !can(actor, 'viewHandovers'))
    throw forbidden('Only a coach asks for a hand-over to their organisation');
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await getThinCompany(tx, actor, companyId);
    if (company.organisationId === actor.organisationId)
      throw ruleViolated('Your organisation already holds this company');
    if (await q.findPendingHandover(tx, companyId, actor.organisationId))
      throw ruleViolated('Your organisation has already asked for this company');
    const now = ctx.now();
    const values = {
      id,
      companyId,
      fromOrganisationId: company.organisationId,
      toOrganisationId: actor.organisationId,
      requestedBy: actor.userId,
      reason,
      createdAt: now,
    };
    await q.insertHandover(tx, values);
    await recordAudit(tx, actor, now, {
      action: 'handover.request',
      entityType: 'handover_request',
      entityId: id,
      organisationId: actor.organisationId,
      after: values,
    });
  });
  return (await q.findHandover(ctx.db, id, numberFor(actor)))!;
}

/** An admin approves (the company moves to the asking organisation) or refuses a pending request. */
export async function decideHandover(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: DecideHandoverBody,
): Promise<HandoverRequest> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'decideHandovers')) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await q.findHandoverRow(tx, id);
    if (!before) throw notFound('The hand-over request');
    if (before.status !== 'pending') throw ruleViolated('The request has already been decided');
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.coachId && !(await findCoachOf(tx, input.coachId, before.toOrganisationId))) {
      throw invalidField('coachId', 'not_in_organisation', 'Choose a coach of the organisation taking over');
    }
    const now = ctx.now();
    const after = await q.decideHandoverIfVersion(tx, id, input.version, {
      status: input.decision === 'approve' ? 'approved' : 'refused',
      decidedBy: actor.userId,
      decidedAt: now,
      decisionNote: input.note ?? null,
    });
    if (!after) throw staleVersion(before.version);
    if (input.decision === 'approve') {
      await moveCompany(tx, before.companyId, before.toOrganisationId, input.coachId ?? null, now);
      const refused = await q.refuseOtherPendingHandovers(tx, before.companyId, id, actor.userId, now);
      for (const otherId of refused) {
        await recordAudit(tx, actor, now, {
          action: 'handover.refuse',
          entityType: 'handover_request',
          entityId: otherId,
          after: { status: 'refused', reason: 'another_request_approved' },
        });
      }
    }
    await recordAudit(tx, actor, now, {
      action: `handover.${input.decision}`,
      entityType: 'handover_request',
      entityId: id,
      organisationId: before.toOrganisationId,
      before,
      after,
    });
  });
  return (await q.findHandover(ctx.db, id, numberFor(actor)))!;
}
