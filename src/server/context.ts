import type { Config } from './config';
import type { Database, Db } from './db/client';
import type { LoginLimiter } from './modules/auth/login-limiter';
import type { Mailer } from './mail/mailer';

/** What services need from the outside world, passed as arguments (no container). */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  mailer: Mailer;
  loginLimiter: LoginLimiter;
  /** Throttles checks of second-factor codes, keyed by user (decision 021). */
  secondFactorLimiter: LoginLimiter;
  /** Throttles the public interest form, per address (decision 045). */
  interestLimiter: LoginLimiter;
  /** Throttles the public activities' sign-up, per address (decision 046). */
  publicSignUpLimiter: LoginLimiter;
  commonPasswords: ReadonlySet<string>;
  /** The clock; tests move it to prove expiry rules. */
  now: () => Date;
  /** Set when shutdown begins: /readyz answers 503 so a load balancer stops sending (R8). */
  lifecycle: { isDraining: boolean };
};
