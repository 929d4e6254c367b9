import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companies } from './companies';
import { organisations } from './organisations';

// A user account with its sessions, one-time tokens (invitation, password reset) and second factor.
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'coach', 'company'] }).notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    companyId: uuid('company_id').references(() => companies.id),
    status: text('status', { enum: ['invited', 'active', 'deactivated'] }).notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['sv', 'en'] })
      .notNull()
      .default('sv'),
    version: integer('version').notNull().default(1),
    lastSignedInAt: timestamp('last_signed_in_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(sql`lower(${t.email})`),
    index('users_organisation_id_idx').on(t.organisationId),
    index('users_company_id_idx').on(t.companyId),
    // The tenant shape of each role, enforced by the database as well as by the core.
    check(
      'users_role_tenant_check',
      sql`(${t.role} = 'admin' and ${t.organisationId} is null and ${t.companyId} is null)
        or (${t.role} = 'coach' and ${t.organisationId} is not null and ${t.companyId} is null)
        or (${t.role} = 'company' and ${t.companyId} is not null and ${t.organisationId} is null)`,
    ),
  ],
);

// The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens nothing.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    // A session is only signed in after the second factor; before that it opens the code step or
    // the enrolment and nothing else (decision 021).
    stage: text('stage', { enum: ['signed_in', 'second_factor', 'enrolment'] })
      .notNull()
      .default('signed_in'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
);

export const userTokens = pgTable(
  'user_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['invitation', 'password_reset'] }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('user_tokens_user_id_idx').on(t.userId)],
);

// A user's TOTP secret (RFC 6238), sealed with AES-256-GCM under SECOND_FACTOR_KEY so that a copy
// of the database alone opens nothing. It signs in only once confirmed with a code; a secret
// waiting for confirmation is replaced by the next enrolment (decision 021).
export const secondFactors = pgTable('second_factors', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  sealedSecret: text('sealed_secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  // The 30-second step of the last accepted code: a code of that step or earlier is a replay.
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

// Single-use codes for a lost phone; only their SHA-256 is kept (80 random bits each).
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

// Password hashes already checked against the demo password the README publishes, by the SHA-256
// of the hash: a production start verifies only hashes it has not seen, so the check costs one
// argon2 verification per new password instead of one per account at every start.
export const passwordHashChecks = pgTable('password_hash_checks', {
  hashDigest: text('hash_digest').primaryKey(),
  checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
});

// The sign-in and code-check throttles (decision 029), in the database so that every app process
// behind a load balancer counts the same attempts. The columns are the ones rate-limiter-flexible's
// Drizzle store reads and writes. A key is the SHA-256 of what it counts (an address, an account),
// so the table holds no e-mail address or IP address.
export const throttleCounters = pgTable(
  'throttle_counters',
  {
    key: text('key').primaryKey(),
    points: integer('points').notNull(),
    expire: timestamp('expire', { withTimezone: true }),
  },
  (t) => [index('throttle_counters_expire_idx').on(t.expire)],
);
