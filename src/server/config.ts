import { createHash } from 'node:crypto';
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
    SEED_DEMO_DATA: booleanish.default(true),
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    SMTP_SECURE: booleanish.default(false),
    MAIL_FROM: z.string().min(3).default('Industry In West <no-reply@industryinwest.example>'),
    SECURE_COOKIES: booleanish.optional(),
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(5000).default(2000),
    ADMIN_EMAIL: z.email({ error: 'must be an e-mail address' }).optional(),
    JOBS_ENABLED: booleanish.default(true),
    SECOND_FACTOR_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters (32 bytes), e.g. from `openssl rand -hex 32`')
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
  seedDemoData: boolean;
  secureCookies: boolean;
  smtp:
    { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined } | undefined;
  mailFrom: string;
  /** How long a stopping server keeps serving, reported not ready, before it closes (R8). */
  shutdownDrainMs: number;
  /** Invited as the first admin when the database has none. */
  adminEmail: string | undefined;
  /** Whether this process runs the background jobs (reminders); off for a web-only replica. */
  jobsEnabled: boolean;
  /** 32 bytes: the AES-256-GCM key of the users' TOTP secrets (decision 021). */
  secondFactorKey: Buffer;
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
    seedDemoData: c.SEED_DEMO_DATA,
    secureCookies: c.SECURE_COOKIES ?? c.NODE_ENV === 'production',
    smtp: c.SMTP_HOST
      ? { host: c.SMTP_HOST, port: c.SMTP_PORT, secure: c.SMTP_SECURE, user: c.SMTP_USER, password: c.SMTP_PASSWORD }
      : undefined,
    mailFrom: c.MAIL_FROM,
    shutdownDrainMs: c.SHUTDOWN_DRAIN_MS,
    adminEmail: c.ADMIN_EMAIL?.toLowerCase(),
    jobsEnabled: c.JOBS_ENABLED,
    secondFactorKey: c.SECOND_FACTOR_KEY ? Buffer.from(c.SECOND_FACTOR_KEY, 'hex') : developmentSecondFactorKey,
  };
}
