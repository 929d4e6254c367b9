import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { withheldLinkMarker } from '../../../contracts/outbox';
import { isSealedWith } from '../../crypto/seal';
import { outboxMessages, secondFactors } from '../../db/schema';
import { outboxLinkKey } from '../../mail/mailer';
import { createTestApp, dropPersistentDatabase, fixtures } from '../../test/test-app';
import { resealUnderCurrentKey } from './key-rotation.service';

// Rotating SECOND_FACTOR_KEY (issue 14): what was sealed under the old key is resealed under the
// new one, after which an installation with only the new key signs the admin in with the code
// from the app and delivers a one-time link that waited in the outbox.

const name = `rotation_${randomBytes(4).toString('hex')}`;
afterAll(async () => {
  await dropPersistentDatabase(name);
});

describe('rotating the second-factor key', () => {
  it('reseals the second factors and the waiting links; the new key alone then opens them', async () => {
    const newKey = randomBytes(32);
    const subject = `Inbjudan som väntar ${name}`;

    const before = await createTestApp({ persistent: name });
    const oldKey = before.ctx.config.secondFactorKey;
    // A message with a one-time link, written but not yet delivered (no request delivers it).
    await before.ctx.mailer.send(
      before.ctx.db,
      {
        to: fixtures.emails.coachOwn,
        subject,
        body: `Välj lösenord: ${withheldLinkMarker}`,
        oneTimeLink: 'http://localhost/invitation?token=rotation-test-token',
      },
      before.ctx.now(),
    );
    const first = await resealUnderCurrentKey(before.database.db, [newKey, oldKey]);
    expect(first.unopened).toEqual([]);
    expect(first.secondFactors).toBeGreaterThanOrEqual(1);
    expect(first.outboxLinks).toBe(1);
    const factors = await before.database.db.select().from(secondFactors);
    expect(factors.every((f) => isSealedWith(newKey, f.userId, f.sealedSecret))).toBe(true);
    expect(factors.some((f) => isSealedWith(oldKey, f.userId, f.sealedSecret))).toBe(false);
    // Run again, nothing left to do.
    const second = await resealUnderCurrentKey(before.database.db, [newKey, oldKey]);
    expect(second).toMatchObject({ secondFactors: 0, outboxLinks: 0, unopened: [] });
    expect(second.alreadyCurrent).toBe(first.secondFactors + first.outboxLinks + first.alreadyCurrent);
    await before.close();

    // An installation with the new key only.
    const after = await createTestApp({ persistent: name, env: { SECOND_FACTOR_KEY: newKey.toString('hex') } });
    try {
      const cookie = await after.login('admin');
      expect((await after.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
        200,
      );
      const [waiting] = await after.database.db
        .select()
        .from(outboxMessages)
        .where(eq(outboxMessages.subject, subject));
      expect(isSealedWith(outboxLinkKey(newKey), waiting!.id, waiting!.sealedLink!)).toBe(true);
      expect(await after.ctx.mailer.deliverDue(after.ctx.now())).toMatchObject({ failed: 0 });
      expect(after.latestLinkTokenTo(fixtures.emails.coachOwn)).toBe('rotation-test-token');
    } finally {
      await after.close();
    }
  });
});
