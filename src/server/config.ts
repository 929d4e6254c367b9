import { createHash } from 'node:crypto';
import path from 'node:path';
import { z } from 'zod';

// Every setting the process reads lives here, parsed once at boot so that a typo fails fast
// with a message naming the variable instead of surfacing later as odd behaviour.
const booleanish = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.string().url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    // Unset: demo data outside production only. A production installation never carries the demo
    // accounts, whose password and second-factor secret are published, unless asked for (decision 023).
    SEED_DEMO_DATA: booleanish.optional(),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_SECURE: booleanish.default(false),
    MAIL_FROM: z.string().min(3).default('Industry In West <no-reply@industryinwest.example>'),
    MAILBOX_DIR: z.string().min(1).optional(),
    SECURE_COOKIES: booleanish.optional(),
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(5000).default(2000),
    ADMIN_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
    JOBS_ENABLED: booleanish.default(true),
    // The reverse proxies whose X-Forwarded-For is believed, as addresses or CIDR ranges separated
    // by commas (e.g. 127.0.0.1 for one on the same host): the sign-in throttle then counts each
    // client's address, not the proxy's (decision 029, docs/operations.md). Unset: none.
    TRUST_PROXY: z
      .string()
      .regex(
        /^[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*$/,
        'must be addresses or CIDR ranges separated by commas, e.g. 127.0.0.1',
      )
      .optional(),
    // Opens GET /metrics to whoever sends it as a bearer token (Prometheus); unset, there is no
    // /metrics at all. Long and random, like the other secrets: it guards a view of the traffic.
    METRICS_TOKEN: z
      .string()
      .regex(
        /^[\x21-\x7e]{32,}$/,
        'must be at least 32 visible characters without spaces, e.g. from `openssl rand -hex 32`',
      )
      .optional(),
    SECOND_FACTOR_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`')
      .optional(),
    // The key before SECOND_FACTOR_KEY while a rotation runs (docs/operations.md): what is sealed
    // under it still opens, and `npm run rotate-second-factor-key` reseals it under the new one.
    SECOND_FACTOR_KEY_PREVIOUS: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes): the key SECOND_FACTOR_KEY replaces')
      .optional(),
  })
  // The key that seals the TOTP secrets must be the installation's own in production; elsewhere a
  // fixed development key keeps `npm start` and the tests free of set-up (decision 021).
  .refine((c) => c.NODE_ENV !== 'production' || c.SECOND_FACTOR_KEY !== undefined, {
    path: ['SECOND_FACTOR_KEY'],
    message: 'is required in production (64 hexadecimal characters, e.g. from `openssl rand -hex 32`)',
  });

/** Seals TOTP secrets outside production only: it is in the source, so it protects nothing. */
const developmentSecondFactorKey = createHash('sha256').update('industry-in-west development key').digest();

export type Config = {
  env: 'development' | 'test' | 'production';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  logLevel: string;
  /** Demo people and companies: on by default outside production, off in production unless set. */
  seedDemoData: boolean;
  secureCookies: boolean;
  smtp:
    { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | undefined;
  mailFrom: string;
  /**
   * Without SMTP, where each e-mail is written as a file, whole and with its one-time link: the
   * developer's stand-in for the recipient's mail client. By default `DATA_DIR/mailbox` in
   * development, off elsewhere unless set (decision 030).
   */
  mailboxDir: string | undefined;
  /** How long a stopping server keeps serving, reported not ready, before it closes (R8). */
  shutdownDrainMs: number;
  /** Invited as the first admin when the database has none. */
  adminEmail: string | undefined;
  /** Whether this process runs the background jobs (reminders); off for a web-only replica. */
  jobsEnabled: boolean;
  /** The proxies whose X-Forwarded-For gives the client's address; undefined: the socket's. */
  trustProxy: string | undefined;
  /** 32 bytes: the AES-256-GCM key of the users' TOTP secrets (decision 021). */
  secondFactorKey: Buffer;
  /** The keys that open what is sealed: the current one first, then the previous one while a
   * rotation runs. Sealing always uses `secondFactorKey`. */
  secondFactorKeys: readonly Buffer[];
  /** The bearer token of GET /metrics; undefined: the route answers 404 (decision 037). */
  metricsToken: string | undefined;
};

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    logLevel: c.LOG_LEVEL,
    seedDemoData: c.SEED_DEMO_DATA ?? c.NODE_ENV !== 'production',
    secureCookies: c.SECURE_COOKIES ?? c.NODE_ENV === 'production',
    smtp: c.SMTP_HOST
      ? { host: c.SMTP_HOST, port: c.SMTP_PORT, secure: c.SMTP_SECURE, user: c.SMTP_USER, password: c.SMTP_PASSWORD }
      : undefined,
    mailFrom: c.MAIL_FROM,
    mailboxDir: c.MAILBOX_DIR ?? (c.NODE_ENV === 'development' ? path.join(c.DATA_DIR, 'mailbox') : undefined),
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    adminEmail: c.ADMIN_EMAIL?.toLowerCase(),
    jobsEnabled: c.JOBS_ENABLED,
    trustProxy: c.TRUST_PROXY?.replace(/\s+/g, ''),
    secondFactorKey: c.SECOND_FACTOR_KEY ? Buffer.from(c.SECOND_FACTOR_KEY, 'hex') : developmentSecondFactorKey,
    secondFactorKeys: [
      c.SECOND_FACTOR_KEY ? Buffer.from(c.SECOND_FACTOR_KEY, 'hex') : developmentSecondFactorKey,
      ...(c.SECOND_FACTOR_KEY_PREVIOUS ? [Buffer.from(c.SECOND_FACTOR_KEY_PREVIOUS, 'hex')] : []),
    ],
    metricsToken: c.METRICS_TOKEN,
  };
}
