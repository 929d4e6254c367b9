import { createHash } from 'node:crypto';
import type { Db } from '../../db/client';
import { demoAdminTotpSecret, demoPassword } from '../../db/seed';
import { recordAudit } from '../audit/audit.service';
import { endSessionsOf } from './auth.service';
import { verifyPassword } from './passwords';
import * as q from './published-credentials.queries';
import { openTotpSecret } from './totp';

// The demo data's password and the demo admin's TOTP secret are published in the README, so an
// account that still holds either is open to anyone. A production start refuses to run while one
// exists, unless demo data was asked for explicitly (decision 023).

export type PublishedCredentialHolder = {
  id: string;
  email: string;
  role: 'admin' | 'coach' | 'company';
  credentials: ('password' | 'second_factor')[];
};

// Verifications run a few at a time: argon2 takes ~11 ms and 19 MiB each on the libuv pool.
const parallelChecks = 4;

/** Accounts that can sign in with the published demo password or second-factor secret. A hash
 * found clean is remembered by its digest, so the next start checks only new passwords. */
export async function findPublishedCredentialHolders(
  db: Db,
  secondFactorKeys: Buffer | readonly Buffer[],
  now: Date,
): Promise<PublishedCredentialHolder[]> {
  const holders = new Map<string, PublishedCredentialHolder>();
  const add = (
    row: { id: string; email: string; role: PublishedCredentialHolder['role'] },
    credential: 'password' | 'second_factor',
  ) => {
    const holder = holders.get(row.id) ?? { id: row.id, email: row.email, role: row.role, credentials: [] };
    holder.credentials.push(credential);
    holders.set(row.id, holder);
  };

  const unchecked = await q.listUncheckedPasswordHashes(db);
  const clean: string[] = [];
  for (let start = 0; start < unchecked.length; start += parallelChecks) {
    const batch = unchecked.slice(start, start + parallelChecks);
    const matches = await Promise.all(batch.map((row) => verifyPassword(row.passwordHash, demoPassword)));
    batch.forEach((row, index) => {
      if (matches[index]) add(row, 'password');
      else clean.push(createHash('sha256').update(row.passwordHash!, 'utf8').digest('hex'));
    });
  }
  await q.insertPasswordHashChecks(db, clean, now);
  await q.deleteStalePasswordHashChecks(db);

  for (const row of await q.listSecondFactorsOfActiveAccounts(db)) {
    let secret: string | undefined;
    try {
      secret = openTotpSecret(secondFactorKeys, row.id, row.sealedSecret);
    } catch {
      // Sealed under another key: not the published secret under this installation's key.
    }
    if (secret === demoAdminTotpSecret) add(row, 'second_factor');
  }
  return [...holders.values()].sort((a, b) => a.email.localeCompare(b.email));
}

/** Deactivates every account that holds a published credential and ends its sessions, audited;
 * an admin is then invited afresh with ADMIN_EMAIL (it invites when no admin can sign in). */
export async function revokePublishedCredentials(
  db: Db,
  secondFactorKeys: Buffer | readonly Buffer[],
  now: Date,
): Promise<PublishedCredentialHolder[]> {
  const holders = await findPublishedCredentialHolders(db, secondFactorKeys, now);
  await db.transaction(async (tx) => {
    for (const holder of holders) {
      const after = await q.deactivateUser(tx, holder.id, now);
      await endSessionsOf(tx, holder.id);
      await recordAudit(tx, null, now, {
        action: 'user.deactivate_published_credentials',
        entityType: 'user',
        entityId: holder.id,
        before: { credentials: holder.credentials },
        after,
      });
    }
  });
  return holders;
}
