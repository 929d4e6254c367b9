import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { legalBases } from '../../../core/state-aid';
import { companies } from './companies';
import { organisations } from './organisations';
import { programmes } from './programmes';

// State aid (issue 13; decisions 031, 032): what the programme's support is worth, the EUR rates it
// is converted with, the companies' declarations of earlier de minimis aid, and the grants
// (stödbeslut). Money is whole öre and cents (bigint), rates in ten-thousandths: never floats.

/** The hourly rate an organisation's support is valued at in a year (SEK, whole kronor), with the
 * date it was decided. Admins keep it. */
export const hourlyRates = pgTable(
  'hourly_rates',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    rateSek: integer('rate_sek').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('hourly_rates_organisation_year_key').on(t.organisationId, t.year),
    check('hourly_rates_rate_check', sql`${t.rateSek} > 0`),
  ],
);

/** SEK per EUR for a month (YYYY-MM), in ten-thousandths, with where it comes from. Admins keep it. */
export const eurRates = pgTable(
  'eur_rates',
  {
    id: uuid('id').primaryKey(),
    month: text('month').notNull(),
    sekPerEurE4: integer('sek_per_eur_e4').notNull(),
    source: text('source').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('eur_rates_month_key').on(t.month), check('eur_rates_rate_check', sql`${t.sekPerEurE4} > 0`)],
);

/** The programme's state aid settings (decision 032): the legal basis a new grant gets by default
 * and how many months a declaration of earlier aid counts. No row: the defaults. */
export const stateAidSettings = pgTable('state_aid_settings', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id),
  legalBasis: text('legal_basis', { enum: legalBases }).notNull().default('de_minimis'),
  declarationValidMonths: integer('declaration_valid_months').notNull().default(12),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** A company's declaration of earlier de minimis aid (de minimis-intyg), signed by a person on a
 * date. Entered by staff from the signed paper (confirmed at once) or by the company's own user,
 * and then confirmed by a coach. Never edited: a new declaration supersedes it. */
export const stateAidDeclarations = pgTable(
  'state_aid_declarations',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** false: the company declares it has had no earlier de minimis aid. */
    hasEarlierAid: boolean('has_earlier_aid').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signerName: text('signer_name').notNull(),
    enteredBy: uuid('entered_by'),
    enteredByRole: text('entered_by_role', { enum: ['staff', 'company'] }).notNull(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('state_aid_declarations_company_id_idx').on(t.companyId, t.signedOn)],
);

/** One earlier aid of a declaration: granting body, amount (öre), decision date, paid amount and
 * payment date. `company_id` repeats the declaration's, so the undertaking's aid is one query. */
export const stateAidDeclaredAids = pgTable(
  'state_aid_declared_aids',
  {
    id: uuid('id').primaryKey(),
    declarationId: uuid('declaration_id')
      .notNull()
      .references(() => stateAidDeclarations.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    grantingBody: text('granting_body').notNull(),
    amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    paidAmountOre: bigint('paid_amount_ore', { mode: 'number' }),
    paidOn: date('paid_on', { mode: 'string' }),
  },
  (t) => [
    index('state_aid_declared_aids_declaration_id_idx').on(t.declarationId, t.position),
    index('state_aid_declared_aids_company_id_idx').on(t.companyId),
    check('state_aid_declared_aids_amount_check', sql`${t.amountOre} > 0`),
  ],
);

/** A planned place at an activity, priced when the grant was made. */
export type PlannedActivity = {
  activityId: string;
  title: string;
  participants: number;
  costPerParticipantSek: number;
};

/**
 * A grant (stödbeslut): the planned support to a company, its value in SEK and EUR, the grant date
 * and legal basis, and the ceiling check it passed. Never edited: a correction is a new grant that
 * replaces it (`replaces_grant_id`, with a reason); the replaced one is marked and no longer counts.
 */
export const stateAidGrants = pgTable(
  'state_aid_grants',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** The granting organisation: the company's responsible organisation when granted. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    legalBasis: text('legal_basis', { enum: legalBases }).notNull(),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    plannedQuarterHours: integer('planned_quarter_hours').notNull(),
    /** The rate the hours were valued at (the organisation's for the grant's year), whole kronor. */
    hourlyRateSek: integer('hourly_rate_sek'),
    plannedActivities: jsonb('planned_activities').$type<PlannedActivity[]>().notNull().default([]),
    valueOre: bigint('value_ore', { mode: 'number' }).notNull(),
    rateMonth: text('rate_month').notNull(),
    sekPerEurE4: integer('sek_per_eur_e4').notNull(),
    valueCents: bigint('value_cents', { mode: 'number' }).notNull(),
    /** The declaration the grant relied on, and the undertaking's total in the window with it. */
    declarationId: uuid('declaration_id').references(() => stateAidDeclarations.id),
    windowTotalCents: bigint('window_total_cents', { mode: 'number' }).notNull(),
    replacesGrantId: uuid('replaces_grant_id'),
    replacementReason: text('replacement_reason'),
    replacedByGrantId: uuid('replaced_by_grant_id'),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('state_aid_grants_company_id_idx').on(t.companyId, t.grantedOn),
    index('state_aid_grants_granted_on_idx').on(t.grantedOn),
    index('state_aid_grants_organisation_id_idx').on(t.organisationId, t.grantedOn),
    // A grant is replaced at most once: two corrections of the same grant cannot both land.
    uniqueIndex('state_aid_grants_replaces_key').on(t.replacesGrantId),
    check('state_aid_grants_value_check', sql`${t.valueOre} >= 0 and ${t.valueCents} >= 0`),
    check('state_aid_grants_hours_check', sql`${t.plannedQuarterHours} >= 0`),
  ],
);
