import type { AppContext } from '../context';
import { deleteExpiredSessions } from '../modules/auth/auth.service';
import { deleteExpiredKeys } from '../modules/idempotency/idempotency.service';
import { deleteStaleSignUps } from '../modules/public-activities/public-activities.service';

/**
 * The cleanup job: removes what has expired and that nobody will ask for again, so the tables do
 * not grow with dead rows: sessions past their idle or absolute limit (S9) and idempotency keys
 * past their 24 hours (decision 018), public sign-ups whose links no longer work (decision 046). Each is one statement; a run that dies halfway loses
 * nothing, since the next run deletes the rest. Answers how many rows of each went.
 */
export async function cleanUpExpired(
  ctx: AppContext,
): Promise<{ sessions: number; idempotencyKeys: number; publicSignUps: number }> {
  const now = ctx.now();
  return {
    sessions: await deleteExpiredSessions(ctx.db, now),
    idempotencyKeys: await deleteExpiredKeys(ctx.db, now),
    publicSignUps: await deleteStaleSignUps(ctx.db, now),
  };
}
