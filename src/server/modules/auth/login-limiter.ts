import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

// Sign-in throttling, QUALITY.md S8: a burst answers 429 before any password is hashed, per IP
// and per account; a lockout only after many failures. Counters live in the process; with
// several app processes each keeps its own (docs/decisions/005).
export const loginLimits = {
  perAccount: { points: 4, duration: 60 },
  perIp: { points: 30, duration: 60 },
  // 20 failed passwords within an hour lock the account until that hour has passed.
  failuresBeforeLockout: { points: 20, duration: 60 * 60 },
} as const;

// The code step, enrolment and every other check of a code or password of a signed-in person,
// per user (decision 021): six digits are guessed one in 333 333 with the ±1 step window, so ten
// wrong codes lock the account's code checks for the hour. Only someone with the password, or a
// session, reaches these checks at all.
export const secondFactorLimits = {
  perAccount: { points: 5, duration: 60 },
  perIp: { points: 30, duration: 60 },
  failuresBeforeLockout: { points: 10, duration: 60 * 60 },
} as const;

type Limits = {
  perAccount: { points: number; duration: number };
  perIp: { points: number; duration: number };
  failuresBeforeLockout: { points: number; duration: number };
};

export type LoginLimiter = {
  /** Spends one attempt; returns the seconds to wait when the attempt is refused. */
  attempt: (ip: string, email: string) => Promise<number | null>;
  /** Counts a failed password towards the lockout. */
  fail: (email: string) => Promise<void>;
  /** A successful sign-in clears the account's counters. */
  succeed: (email: string) => Promise<void>;
};

export function createLoginLimiter(limits: Limits = loginLimits): LoginLimiter {
  const perAccount = new RateLimiterMemory({ keyPrefix: 'account', ...limits.perAccount });
  const perIp = new RateLimiterMemory({ keyPrefix: 'ip', ...limits.perIp });
  const failures = new RateLimiterMemory({ keyPrefix: 'fail', ...limits.failuresBeforeLockout });
  const waitSeconds = (error: unknown) => {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000));
    throw error;
  };
  return {
    attempt: async (ip, email) => {
      const locked = await failures.get(email);
      if (locked && locked.remainingPoints <= 0) return Math.max(1, Math.ceil(locked.msBeforeNext / 1000));
      try {
        await perIp.consume(ip);
        await perAccount.consume(email);
        return null;
      } catch (error) {
        return waitSeconds(error);
      }
    },
    fail: async (email) => {
      await failures.consume(email).catch(() => {});
    },
    succeed: async (email) => {
      await Promise.all([perAccount.delete(email), failures.delete(email)]);
    },
  };
}
