import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { companyStatuses } from '../../../core/company-status';
import { organisations } from './organisations';
import { programmes } from './programmes';

// The company register: a company, its status history, and the undertaking (group of linked
// companies) it may belong to. The responsible coach is a plain uuid (no FK to users) so the
// users aggregate does not depend on companies twice.

export const undertakings = pgTable('undertakings', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const companies = pgTable(
  'companies',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    coachId: uuid('coach_id'),
    organisationNumber: text('organisation_number').notNull(),
    isSoleTrader: boolean('is_sole_trader').notNull().default(false),
    name: text('name').notNull(),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    city: text('city'),
    municipalityCode: text('municipality_code'),
    sniCode: text('sni_code'),
    sniDivision: text('sni_division'),
    sniVersion: text('sni_version'),
    headcount: integer('headcount'),
    turnoverSek: bigint('turnover_sek', { mode: 'number' }),
    balanceSheetSek: bigint('balance_sheet_sek', { mode: 'number' }),
    financialYear: integer('financial_year'),
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }),
    status: text('status', { enum: companyStatuses }).notNull().default('prospect'),
    statusChangedOn: date('status_changed_on'),
    withdrawnReason: text('withdrawn_reason'),
    /**
     * The day the company was taken up into the programme: the first day it entered `enrolled`
     * (takenUpOn in src/core/company-status.ts), null while it never was. Kept by a trigger on
     * `company_status_changes` (migration 0024, decision 034), so every path that writes a status
     * keeps it; the dashboard's progress and the company list's `takenUp` filter read it.
     */
    enrolledOn: date('enrolled_on'),
    undertakingId: uuid('undertaking_id').references(() => undertakings.id),
    /** Whether the company's own users may invite colleagues to its portal; only its coaches and
     * project management change it (companyUserAbilities in src/core/access.ts, decision 043). */
    allowsColleagueInvites: boolean('allows_colleague_invites').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One programme, one company per organisation number: no double enrolment.
    uniqueIndex('companies_programme_organisation_number_key').on(t.programmeId, t.organisationNumber),
    index('companies_organisation_id_idx').on(t.organisationId, t.name),
    index('companies_name_idx').on(sql`lower(${t.name})`),
    index('companies_coach_id_idx').on(t.coachId),
    index('companies_status_idx').on(t.status),
    index('companies_municipality_code_idx').on(t.municipalityCode),
    index('companies_size_class_idx').on(t.sizeClass),
    index('companies_sni_division_idx').on(t.sniDivision),
    // The peer group of a company in the maturity comparison (docs/decisions/013).
    index('companies_peer_group_idx').on(t.programmeId, t.sizeClass, t.sniDivision),
    index('companies_undertaking_id_idx').on(t.undertakingId),
    index('companies_enrolled_on_idx').on(t.programmeId, t.enrolledOn),
    // companies_report_scope_idx (programme, organisation, municipality, with id and status) is created
    // in migration 0031: drizzle cannot state included columns.
  ],
);

/** Every status change with its date, who made it and why: the company's status history. */
export const companyStatusChanges = pgTable(
  'company_status_changes',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: companyStatuses }),
    toStatus: text('to_status', { enum: companyStatuses }).notNull(),
    changedOn: date('changed_on').notNull(),
    changedBy: uuid('changed_by'),
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('company_status_changes_company_id_idx').on(t.companyId, t.changedOn)],
);

/** A coach's request to take over a company another organisation holds; an admin decides. */
export const handoverRequests = pgTable(
  'handover_requests',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id),
    requestedBy: uuid('requested_by').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['pending', 'approved', 'refused'] })
      .notNull()
      .default('pending'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('handover_requests_company_id_idx').on(t.companyId),
    index('handover_requests_to_organisation_id_idx').on(t.toOrganisationId),
    index('handover_requests_status_idx').on(t.status),
  ],
);

/**
 * The company's size facts each time they changed, with the class derived from them (docs/domain.md:
 * keep the class as it was on each reporting date). Written by a trigger on `companies` (migration
 * 0018), so no path that writes a company can forget it; `recorded_at` is the company row's
 * `updated_at`, the service's clock. RCO01 counts a company in the class it had at its first
 * support in the period (sizeClassOn in src/core/indicators.ts).
 */
export const companySizeRecords = pgTable(
  'company_size_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    financialYear: integer('financial_year'),
    headcount: integer('headcount'),
    turnoverSek: bigint('turnover_sek', { mode: 'number' }),
    balanceSheetSek: bigint('balance_sheet_sek', { mode: 'number' }),
    sizeClass: text('size_class', { enum: ['micro', 'small', 'medium', 'large'] }),
  },
  (t) => [index('company_size_records_company_id_idx').on(t.companyId, t.recordedAt)],
);
