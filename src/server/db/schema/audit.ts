import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// One row per mutation, written in the same transaction as the change (docs/quality.md S14).
// No foreign keys: the trail must outlive what it describes.
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    organisationId: uuid('organisation_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_entries_entity_idx').on(t.entityType, t.entityId),
    index('audit_entries_organisation_id_idx').on(t.organisationId),
    index('audit_entries_at_idx').on(t.at),
  ],
);
