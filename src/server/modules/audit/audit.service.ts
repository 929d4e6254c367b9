import { randomUUID } from 'node:crypto';
import type { Actor } from '../../../core/roles';
import type { Db } from '../../db/client';
import { auditEntries } from '../../db/schema';

export type AuditInput = {
  action: string;
  entityType: string;
  entityId: string;
  organisationId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** Who did it: a signed-in actor, the user id of someone acting through a link, or nobody. */
export type AuditBy = Actor | { userId: string } | null;

/** Writes one audit row; call it inside the transaction of the change it records (S14). */
export async function recordAudit(db: Db, by: AuditBy, at: Date, input: AuditInput): Promise<void> {
  const actorUserId = by === null ? null : 'kind' in by ? (by.kind === 'user' ? by.userId : null) : by.userId;
  await db.insert(auditEntries).values({
    id: randomUUID(),
    at,
    actorUserId,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    organisationId: input.organisationId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}
