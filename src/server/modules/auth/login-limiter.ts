import { createHash } from 'node:crypto';
import { lt } from 'drizzle-orm';
import { RateLimiterDrizzle, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Db } from '../../db/client';
import { throttleCounters } from '../../db/schema';

// Sign-in throttling (docs/quality.md S8, decision 029): bursts answer 429 before any password is
// hashed, per address and per account from that address; failures slow an address down for the
// hour. Failures at one account never lock its owner out: what they do is up to the caller (the
// sign-in asks for a reset of an account without a second factor, decision 029). The counters
// live in the application's database, so several app processes count together.

type Window = { points: number; duration: number };

export type ThrottleLimits = {
  /** Attempts a minute from one address, whatever the account. */
  perAddress: Window;
  /** Attempts a minute at one account from one address: a burst is refused before any hashing. */
  perAccountAndAddress: Window;
  /** Failures an hour from one address: beyond them the address waits for the hour. */
  addressFailures: Window;
  /** Failures an hour at one account, from every address: the caller decides what they mean. */
  accountFailures: Window;
};

export const loginLimits = {
  perAddress: { points: 30, duration: 60 },
  perAccountAndAddress: { points: 4, duration: 60 },
  addressFailures: { points: 100, duration: 60 * 60 },
  // Ten failed passwords within an hour: an account without a second factor then signs in only
  // after a password reset (or when the hour is over); one with a second factor is not held.
  accountFailures: { points: 10, duration: 60 * 60 },
} as const satisfies ThrottleLimits;

// The code step, enrolment and every other check of a code or password of a signed-in person,
// per user (decision 021): six digits are guessed one in 333 333 with the ±1 step window, so ten
// wrong codes stop the account's code checks for the hour. Only someone with the password, or a
// session, reaches these checks at all, and a password reset clears them.
export const secondFactorLimits = {
  perAddress: { points: 30, duration: 60 },
  perAccountAndAddress: { points: 5, duration: 60 },
  addressFailures: { points: 100, duration: 60 * 60 },
  accountFailures: { points: 10, duration: 60 * 60 },
} as const satisfies ThrottleLimits;

// The public interest form (decision 045): a few sends an hour from one address, which an office
// sharing one address does not reach and a bot does at once. It counts sends, not failures, and
// keys every send of an address alike (one "account"), so the failure windows are never used.
export const interestLimits = {
  perAddress: { points: 10, duration: 60 * 60 },
  perAccountAndAddress: { points: 10, duration: 60 * 60 },
  addressFailures: { points: 10, duration: 60 * 60 },
  accountFailures: { points: 10, duration: 60 * 60 },
} as const satisfies ThrottleLimits;

export type LoginLimiter = {
  /** Spends one attempt of the address and of the account from it; the seconds to wait when refused. */
  attempt: (address: string, account: string) => Promise<number | null>;
  /** The seconds until the hour of the account's failures is over, when it has used them all. */
  accountHeld: (account: string) => Promise<number | null>;
  /** Counts a failure of the address and of the account. */
  fail: (address: string, account: string) => Promise<void>;
  /**
   * Forgets the account's failures, and its attempts from the address when one is given: a right
   * password, a right code, a password reset.
   */
  clear: (account: string, address?: string) => Promise<void>;
};

/** Keys are digests: the table holds no address or account name (S14). */
function keyOf(kind: string, ...parts: string[]): string {
  return createHash('sha256')
    .update([kind, ...parts].join('\u0000'))
    .digest('base64url');
}

const secondsOf = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));

function waitSeconds(error: unknown): number {
  if (error instanceof RateLimiterRes) return secondsOf(error);
  throw error;
}

/** Every how many failures the expired counters are swept away. */
const sweepEvery = 200;

/**
 * The throttle on the application's database (PostgreSQL or PGlite), through rate-limiter-flexible's
 * Drizzle store: one upsert per counter and attempt, atomic, so processes sharing the database
 * share the counts. `name` keeps the sign-in's and the code checks' counters apart.
 */
export function createLoginLimiter(db: Db, name: string, limits: ThrottleLimits = loginLimits): LoginLimiter {
  const store = (window: Window): RateLimiterAbstract =>
    new RateLimiterDrizzle({
      storeClient: db,
      schema: throttleCounters,
      // Our sweep below instead of the store's timer, which outlives a closed database.
      clearExpiredByTimeout: false,
      ...window,
    });
  const perAddress = store(limits.perAddress);
  const perAccountAndAddress = store(limits.perAccountAndAddress);
  const addressFailures = store(limits.addressFailures);
  const accountFailures = store(limits.accountFailures);
  const key = {
    address: (address: string) => keyOf(name, 'address', address),
    accountAndAddress: (account: string, address: string) => keyOf(name, 'account-address', account, address),
    addressFailures: (address: string) => keyOf(name, 'address-failures', address),
    accountFailures: (account: string) => keyOf(name, 'account-failures', account),
  };
  let failures = 0;

  return {
    attempt: async (address, account) => {
      const failed = await addressFailures.get(key.addressFailures(address));
      if (failed && failed.consumedPoints >= limits.addressFailures.points) return secondsOf(failed);
      try {
        await perAddress.consume(key.address(address));
        await perAccountAndAddress.consume(key.accountAndAddress(account, address));
        return null;
      } catch (error) {
        return waitSeconds(error);
      }
    },
    accountHeld: async (account) => {
      const failed = await accountFailures.get(key.accountFailures(account));
      return failed && failed.consumedPoints >= limits.accountFailures.points ? secondsOf(failed) : null;
    },
    fail: async (address, account) => {
      // Past the limit the counters keep counting until their hour is over; that is all they do.
      await addressFailures.consume(key.addressFailures(address)).catch(waitSeconds);
      await accountFailures.consume(key.accountFailures(account)).catch(waitSeconds);
      failures += 1;
      if (failures % sweepEvery === 0) {
        await db.delete(throttleCounters).where(lt(throttleCounters.expire, new Date()));
      }
    },
    clear: async (account, address) => {
      await accountFailures.delete(key.accountFailures(account));
      if (address !== undefined) await perAccountAndAddress.delete(key.accountAndAddress(account, address));
    },
  };
}
