import { eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { outboxMessages, secondFactors } from '../../db/schema';
import { isSealedWith, openText, sealText } from '../../crypto/seal';
import { outboxLinkKey } from '../../mail/mailer';

// Rotating SECOND_FACTOR_KEY (issue 14; docs/operations.md "Rotating the second-factor key"): every
// process runs with the new key and the old one as SECOND_FACTOR_KEY_PREVIOUS, so both open; this
// reseals under the new key whatever is still sealed under another: the users' TOTP secrets and
// the one-time links waiting in the outbox (decision 036). Then the old key can go.

export type RotationResult = {
  /** Resealed under the new key. */
  secondFactors: number;
  outboxLinks: number;
  /** Sealed under the new key already: nothing to do (a second run does nothing). */
  alreadyCurrent: number;
  /** Opened with none of the keys: the id of the row, for the operator to look into. */
  unopened: string[];
};

/** Reseals under `keys[0]` everything that opens with one of `keys`, in one transaction. */
export async function resealUnderCurrentKey(db: Db, keys: readonly Buffer[]): Promise<RotationResult> {
  const [current] = keys;
  if (!current) throw new Error('No key to seal with');
  const result: RotationResult = { secondFactors: 0, outboxLinks: 0, alreadyCurrent: 0, unopened: [] };
  const linkKeys = keys.map(outboxLinkKey);
  await db.transaction(async (tx) => {
    for (const row of await tx.select().from(secondFactors)) {
      if (isSealedWith(current, row.userId, row.sealedSecret)) {
        result.alreadyCurrent += 1;
        continue;
      }
      let secret: string;
      try {
        secret = openText(keys, row.userId, row.sealedSecret);
      } catch {
        result.unopened.push(`second_factors ${row.userId}`);
        continue;
      }
      await tx
        .update(secondFactors)
        .set({ sealedSecret: sealText(current, row.userId, secret) })
        .where(eq(secondFactors.userId, row.userId));
      result.secondFactors += 1;
    }
    const waiting = await tx
      .select({ id: outboxMessages.id, sealedLink: outboxMessages.sealedLink })
      .from(outboxMessages)
      .where(isNotNull(outboxMessages.sealedLink));
    for (const row of waiting) {
      const sealed = row.sealedLink!;
      if (isSealedWith(linkKeys[0]!, row.id, sealed)) {
        result.alreadyCurrent += 1;
        continue;
      }
      let link: string;
      try {
        link = openText(linkKeys, row.id, sealed);
      } catch {
        result.unopened.push(`outbox_messages ${row.id}`);
        continue;
      }
      await tx
        .update(outboxMessages)
        .set({ sealedLink: sealText(linkKeys[0]!, row.id, link) })
        .where(eq(outboxMessages.id, row.id));
      result.outboxLinks += 1;
    }
  });
  return result;
}
