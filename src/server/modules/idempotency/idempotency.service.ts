import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { conflict, ruleViolated } from '../../errors';
import * as q from './idempotency.queries';

// Idempotency keys of create requests (docs/quality.md R4, docs/decisions/018). The HTTP layer
// (src/server/http/idempotency.ts) calls these inside the request's transaction.

/** How long a key answers with its first result; after that the same key starts afresh. */
export const idempotencyKeyLifetimeMs = 24 * 60 * 60 * 1000;

export type KeyedRequest = { userId: string; key: string; route: string; requestHash: string };
export type StoredResponse = { statusCode: number; body: string };

/** A stable fingerprint of what was asked: the route, its path parameters and the validated body. */
export function requestHashOf(route: string, params: unknown, body: unknown): string {
  return createHash('sha256')
    .update(stableJson([route, params ?? null, body ?? null]))
    .digest('hex');
}

/** JSON with object keys sorted, so the same request always hashes the same. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) && !(inner instanceof Date)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Takes the key for a new request (undefined: go ahead and store the answer with `storeResponse`),
 * or returns the first answer to a retry. The same key for another request is refused (422).
 */
export async function claimOrReplay(db: Db, request: KeyedRequest, now: Date): Promise<StoredResponse | undefined> {
  await q.deleteExpiredKeysOf(db, request.userId, now);
  const isClaimed = await q.claimKey(db, {
    ...request,
    createdAt: now,
    expiresAt: new Date(now.getTime() + idempotencyKeyLifetimeMs),
  });
  if (isClaimed) return undefined;
  const first = await q.findKey(db, request.userId, request.key);
  if (!first) throw conflict('A request with this Idempotency-Key was just made; send it again.');
  if (first.route !== request.route || first.requestHash !== request.requestHash) {
    throw ruleViolated(
      'This Idempotency-Key was already used for a different request. Send a new key for a new request.',
    );
  }
  if (first.statusCode === null || first.responseBody === null) {
    throw conflict(
      'The first answer to this request is no longer kept (it held personal data that has since been erased).',
    );
  }
  return { statusCode: first.statusCode, body: first.responseBody };
}

/** The cleanup job (src/server/jobs): keys past their 24 hours, of users who sent no keyed create
 * since, which the lazy clean-up of claimOrReplay would never reach. Answers how many went. */
export async function deleteExpiredKeys(db: Db, now: Date): Promise<number> {
  return q.deleteExpiredKeys(db, now);
}

export async function storeResponse(db: Db, request: KeyedRequest, response: StoredResponse): Promise<void> {
  await q.storeResponse(db, request.userId, request.key, response);
}

/** Erasure (GDPR art. 17): stored answers that name the erased record lose their body. */
export async function forgetResponsesNaming(db: Db, id: string): Promise<void> {
  await q.blankResponsesNaming(db, id);
}
