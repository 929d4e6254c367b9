import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { activityTypes, registrationStatuses } from '../../../core/activities';
import { areas } from '../../../core/areas';
import { companies } from './companies';
import { contacts, genders } from './contacts';
import { organisations } from './organisations';
import { programmes } from './programmes';

// Activities (events) with their areas and organising organisations, and the registrations of
// contacts to them (docs/decisions/014). Registration and cancellation lock the activity row, so
// `sequence` (the queue order within one activity) is handed out without gaps or ties.

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    type: text('type', { enum: activityTypes }).notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    /** Places; null = no limit. */
    capacity: integer('capacity'),
    /** What one participant's place costs, whole SEK (for the support value). */
    costPerParticipantSek: integer('cost_per_participant_sek').notNull().default(0),
    /** Listed on the public page with a sign-up for people without an account (decision 046). */
    isPublic: boolean('is_public').notNull().default(false),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('activities_period_check', sql`${t.endsAt} > ${t.startsAt}`),
    check('activities_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 1`),
    check('activities_cost_check', sql`${t.costPerParticipantSek} >= 0`),
    index('activities_starts_at_idx').on(t.startsAt, t.id),
    index('activities_type_idx').on(t.type),
    index('activities_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

export const activityAreas = pgTable(
  'activity_areas',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    area: text('area', { enum: areas }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.area] }), index('activity_areas_area_idx').on(t.area)],
);

export const activityOrganisers = pgTable(
  'activity_organisers',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.organisationId] }),
    index('activity_organisers_organisation_id_idx').on(t.organisationId),
  ],
);

export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The contact's company when registered: access and counts follow it. */
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    status: text('status', { enum: registrationStatuses }).notNull(),
    /** Queue order within the activity (first come, first served). */
    sequence: integer('sequence').notNull(),
    registeredAt: timestamp('registered_at', { withTimezone: true }).notNull(),
    registeredBy: uuid('registered_by'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** null until attendance is marked after the activity. */
    attended: boolean('attended'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('registrations_live_contact_key')
      .on(t.activityId, t.contactId)
      .where(sql`${t.status} <> 'cancelled'`),
    index('registrations_activity_sequence_idx').on(t.activityId, t.sequence),
    index('registrations_contact_id_idx').on(t.contactId),
    index('registrations_company_id_idx').on(t.companyId),
  ],
);

// A sign-up from the public page by someone without an account (decision 046): pending until the
// e-mailed link confirms it, when it becomes an ordinary registration and its personal fields are
// blanked (they then live in the contact). The confirm and the cancel link carry one secret, of
// which only the SHA-256 is kept.
export const publicSignUps = pgTable(
  'public_sign_ups',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    tokenDigest: text('token_digest').notNull(),
    name: text('name'),
    email: text('email'),
    companyName: text('company_name'),
    organisationNumber: text('organisation_number'),
    gender: text('gender', { enum: genders }).notNull().default('not_stated'),
    consentTextVersion: text('consent_text_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** The confirm link works until then; an unconfirmed row is deleted after it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    registrationId: uuid('registration_id').references(() => registrations.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('public_sign_ups_token_digest_key').on(t.tokenDigest),
    index('public_sign_ups_activity_id_idx').on(t.activityId),
    index('public_sign_ups_registration_id_idx').on(t.registrationId),
    index('public_sign_ups_expires_at_idx').on(t.expiresAt),
  ],
);
