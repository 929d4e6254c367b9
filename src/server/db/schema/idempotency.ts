import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users';

// The first answer to a create sent with an `Idempotency-Key` (docs/quality.md R4, decision 018).
// Written in the same transaction as the create, so an acknowledged create and its key are both
// there or neither is. A retry with the same key by the same user gets this answer again.
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    /** `POST /api/companies/:id/contacts`: a key belongs to one route. */
    route: text('route').notNull(),
    /** SHA-256 of the route, its path parameters and the validated body. */
    requestHash: text('request_hash').notNull(),
    /** Filled before the transaction commits; no other transaction ever sees it empty. */
    statusCode: integer('status_code'),
    responseBody: text('response_body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  // Expired keys go lazily, user by user, at that user's next keyed create (on this index).
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
