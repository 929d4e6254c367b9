import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { actionStatuses } from '../../../core/action-status';
import { maturityAreas } from '../../../core/maturity-areas';
import { analysisKinds } from '../../../core/analyses';
import type { EmissionFactorSetContent } from '../../../contracts/emission-factors';
import { companies } from './companies';
import { contacts } from './contacts';
import { organisations } from './organisations';
import { users } from './users';

// Action plans and analyses (issue 5, decision 016). Effects are yearly and signed (a saving is
// positive): kWh, kg CO2e (tonnes only on screen), SEK and tonnes of material, null where nobody
// gave a figure. They are double precision so the SQL totals add the same numbers the core's
// effectTotals adds; rounding is for presentation only.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

const at = (name: string) => timestamp(name, { withTimezone: true }).notNull();

/**
 * One action in a company's action plan. Tied to an area, the step it aims for and optionally the
 * dimension it lifts; comes from the catalogue (`catalogue_key`), from an analysis finding
 * (`analysis_finding_id`, see below) or is written freely. The owner is a contact of the company or
 * a coach (at most one of the two). `version` is bumped by every change (409 on a stale one), and
 * every change writes an audit row with before and after.
 */
export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    area: text('area', { enum: maturityAreas }).notNull(),
    targetStep: smallint('target_step'),
    dimensionKey: text('dimension_key'),
    catalogueKey: text('catalogue_key'),
    title: text('title').notNull(),
    description: text('description'),
    ownerContactId: uuid('owner_contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: actionStatuses }).notNull().default('planned'),
    /** When the status became done; the realised effects count from then. */
    doneOn: date('done_on', { mode: 'string' }),
    investmentSek: doublePrecision('investment_sek'),
    expectedKwh: doublePrecision('expected_kwh'),
    expectedCo2eKg: doublePrecision('expected_co2e_kg'),
    expectedSek: doublePrecision('expected_sek'),
    expectedMaterialTonnes: doublePrecision('expected_material_tonnes'),
    realisedKwh: doublePrecision('realised_kwh'),
    realisedCo2eKg: doublePrecision('realised_co2e_kg'),
    realisedSek: doublePrecision('realised_sek'),
    realisedMaterialTonnes: doublePrecision('realised_material_tonnes'),
    /**
     * The energy carrier whose use the action changes, and the factor (kg CO2e/kWh) its CO2e is
     * computed with, kept as it was (decision 038): an action made from a mapping's finding takes
     * the mapping's factor, any other the set in use when the carrier was chosen. With a carrier,
     * expected and realised CO2e are kWh × this factor, stored in the CO2e columns the rollup reads.
     */
    carrier: text('carrier'),
    emissionFactorKgPerKwh: doublePrecision('emission_factor_kg_per_kwh'),
    /**
     * When a coach or admin confirmed the realised figures, and who (decision 025): staff entering
     * them confirms them, a company user's change clears the confirmation. Only confirmed figures
     * go into the funders' figures. `by` is null where migration 0015 confirmed figures that no
     * company user had ever changed.
     */
    realisedConfirmedAt: timestamp('realised_confirmed_at', { withTimezone: true }),
    realisedConfirmedBy: uuid('realised_confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('actions_company_id_idx').on(t.companyId, t.area, t.dueOn),
    index('actions_owner_user_id_idx').on(t.ownerUserId, t.status, t.dueOn),
    // Open actions by company and due date: a coach's "my week" probes their companies' open
    // actions here instead of scanning every action of the programme (listActionsDue).
    index('actions_open_due_idx')
      .on(t.companyId, t.dueOn)
      .where(sql`${t.status} in ('planned', 'in_progress') and ${t.dueOn} is not null`),
    // The indicator report (decision 041): the actions done in a period, the companies with a plan by
    // the end of a period, and the (rare) energy savings that no carrier gives a CO2e.
    index('actions_done_on_idx')
      .on(t.doneOn)
      .where(sql`${t.status} = 'done'`),
    index('actions_done_without_realised_idx')
      .on(t.doneOn)
      .where(
        sql`${t.status} = 'done' and ${t.realisedKwh} is null and ${t.realisedCo2eKg} is null and ${t.realisedSek} is null and ${t.realisedMaterialTonnes} is null`,
      ),
    index('actions_plan_idx')
      .on(t.companyId, t.createdAt)
      .where(sql`${t.status} <> 'cancelled'`),
    index('actions_without_carrier_idx')
      .on(t.companyId)
      .where(
        sql`${t.status} <> 'cancelled' and ${t.carrier} is null and ((${t.expectedKwh} <> 0 and ${t.expectedCo2eKg} is null) or (${t.realisedKwh} <> 0 and ${t.realisedCo2eKg} is null))`,
      ),
    // A catalogue measure is adopted once per company; free actions have no key.
    uniqueIndex('actions_company_catalogue_key').on(t.companyId, t.catalogueKey),
    check('actions_target_step_check', sql`${t.targetStep} between 1 and 5`),
    check('actions_investment_check', sql`${t.investmentSek} >= 0`),
    check('actions_one_owner_check', sql`${t.ownerContactId} is null or ${t.ownerUserId} is null`),
    // A carrier always has its factor, and a factor belongs to a carrier.
    check('actions_carrier_factor_check', sql`(${t.carrier} is null) = (${t.emissionFactorKgPerKwh} is null)`),
    check('actions_emission_factor_check', sql`${t.emissionFactorKgPerKwh} >= 0`),
  ],
);

/** A suggested catalogue measure the coach dismissed for a company: it is not suggested again. */
export const actionSuggestionDismissals = pgTable(
  'action_suggestion_dismissals',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    catalogueKey: text('catalogue_key').notNull(),
    reason: text('reason'),
    dismissedBy: uuid('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: at('dismissed_at'),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.catalogueKey] })],
);

/**
 * An analysis of a company: an energy mapping, a resource and waste flow analysis, a circular
 * business model analysis or a digital analysis. Its form's answers are `content` (the shape per
 * kind is in src/contracts/analyses.ts). An energy mapping also keeps the factor set it is computed
 * with (`factor_set_key`) and that set's factors as they were (`factors`), so a later edit of the
 * set never changes a stored result.
 */
export const analyses = pgTable(
  'analyses',
  {
    id: uuid('id').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    /** The responsible organisation when it was made, as for interventions (funder reports). */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: analysisKinds }).notNull(),
    title: text('title').notNull(),
    /** The year the analysis describes (an energy mapping's year of use). */
    year: smallint('year'),
    performedOn: date('performed_on', { mode: 'string' }),
    summary: text('summary'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull().default({}),
    factorSetKey: text('factor_set_key'),
    factors: jsonb('factors').$type<{ carrier: string; value: number }[]>(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('analyses_company_id_idx').on(t.companyId, t.kind, t.year),
    check('analyses_factor_set_check', sql`${t.kind} <> 'energy_mapping' or ${t.factorSetKey} is not null`),
  ],
);

/**
 * A finding of an analysis: for an energy mapping a measure with its saving, investment and
 * payback; for the other analyses what was found and what to do. Turning it into an action in one
 * click sets `action_id`; the action keeps its own copy of the figures from then on.
 */
export const analysisFindings = pgTable(
  'analysis_findings',
  {
    id: uuid('id').primaryKey(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    area: text('area', { enum: maturityAreas }).notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** For an energy mapping: the balance category the measure concerns (src/core/energy.ts). */
    energyCategory: text('energy_category'),
    /** For an energy measure: the carrier whose use it saves; its CO2e is the kWh × that carrier's factor. */
    carrier: text('carrier'),
    investmentSek: doublePrecision('investment_sek'),
    expectedKwh: doublePrecision('expected_kwh'),
    expectedCo2eKg: doublePrecision('expected_co2e_kg'),
    expectedSek: doublePrecision('expected_sek'),
    expectedMaterialTonnes: doublePrecision('expected_material_tonnes'),
    actionId: uuid('action_id').references(() => actions.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at'),
    updatedAt: at('updated_at'),
  },
  (t) => [
    index('analysis_findings_analysis_id_idx').on(t.analysisId, t.position),
    uniqueIndex('analysis_findings_action_id_key').on(t.actionId),
    check('analysis_findings_investment_check', sql`${t.investmentSek} >= 0`),
  ],
);

/** A file kept with an analysis (a meter export, an invoice summary, a photo). Stored in the
 * database so the backup holds it; the size limit is in src/contracts/analyses.ts. */
export const analysisAttachments = pgTable(
  'analysis_attachments',
  {
    id: uuid('id').primaryKey(),
    analysisId: uuid('analysis_id')
      .notNull()
      .references(() => analyses.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    /** SHA-256 of the content, hex: shown to the user and checked by the backup drill. */
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: at('uploaded_at'),
  },
  (t) => [index('analysis_attachments_analysis_id_idx').on(t.analysisId)],
);

/**
 * Emission factor sets an admin added or edited in the platform, next to the dated sets under
 * content/emission-factors/sets/ (which are read-only). A set used by a mapping is copied into the
 * mapping (`analyses.factors`), so editing a set here changes only mappings computed afterwards.
 */
export const emissionFactorSets = pgTable('emission_factor_sets', {
  key: text('key').primaryKey(),
  /** The set in the shape of a file under content/emission-factors/sets/ (name, source, factors). */
  content: jsonb('content').$type<EmissionFactorSetContent>().notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
});

const rollupNumber = (name: string) => numeric(name).notNull().default('0');
const rollupCount = (name: string) => integer(name).notNull().default(0);

/**
 * The programme's effect totals per organisation (the company's current one) and area, kept by
 * the writes themselves (decision 026): row triggers on `actions` add each action's part and take
 * its old part away in the writing transaction, and a company that moves to another organisation
 * takes its actions' parts along (migration 0016). So the programme's totals read 25 rows however
 * large the programme is, and are never stale. The parts are the same as the company query's
 * (sumCompanyActionEffects): counts, and sums in `numeric`, so adding and taking away leaves no
 * rounding behind.
 */
export const actionEffectRollups = pgTable(
  'action_effect_rollups',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    area: text('area', { enum: maturityAreas }).notNull(),
    /** Actions of any status, cancelled ones too: the group exists while this is above 0. */
    actionRows: rollupCount('action_rows'),
    actions: rollupCount('actions'),
    done: rollupCount('done'),
    doneWithoutRealised: rollupCount('done_without_realised'),
    doneUnconfirmed: rollupCount('done_unconfirmed'),
    withInvestment: rollupCount('with_investment'),
    confirmedWithInvestment: rollupCount('confirmed_with_investment'),
    investmentSek: rollupNumber('investment_sek'),
    doneInvestmentSek: rollupNumber('done_investment_sek'),
    confirmedInvestmentSek: rollupNumber('confirmed_investment_sek'),
    expectedKwh: rollupNumber('expected_kwh'),
    expectedCo2eKg: rollupNumber('expected_co2e_kg'),
    expectedSek: rollupNumber('expected_sek'),
    expectedMaterialTonnes: rollupNumber('expected_material_tonnes'),
    realisedKwh: rollupNumber('realised_kwh'),
    realisedCo2eKg: rollupNumber('realised_co2e_kg'),
    realisedSek: rollupNumber('realised_sek'),
    realisedMaterialTonnes: rollupNumber('realised_material_tonnes'),
    unconfirmedKwh: rollupNumber('unconfirmed_kwh'),
    unconfirmedCo2eKg: rollupNumber('unconfirmed_co2e_kg'),
    unconfirmedSek: rollupNumber('unconfirmed_sek'),
    unconfirmedMaterialTonnes: rollupNumber('unconfirmed_material_tonnes'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.area] })],
);

/**
 * The done actions per programme, organisation and municipality (the company's current ones), area
 * and calendar month, quarter and year of their done day (core/support-blocks.ts), kept by row
 * triggers on actions and companies (migration 0034, decision 041): what the indicator report sums
 * for a period's whole blocks, reading only its ragged days from the actions. Counts, and sums in
 * `numeric`, so adding and taking away leaves no rounding behind.
 */
export const doneActionSums = pgTable(
  'done_action_sums',
  {
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    municipalityCode: text('municipality_code'),
    area: text('area', { enum: maturityAreas }).notNull(),
    /** 1, 3 or 12 (core/support-blocks.ts). */
    months: smallint('months').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Done actions in the block: the area is in the report while this is above 0. */
    actions: rollupCount('actions'),
    /** Confirmed realised effects (decision 025). */
    realisedKwh: rollupNumber('realised_kwh'),
    realisedCo2eKg: rollupNumber('realised_co2e_kg'),
    /** doneActionProblems of the indicator report's queries. */
    noRealised: rollupCount('no_realised'),
    unconfirmed: rollupCount('unconfirmed'),
  },
  (t) => [
    unique('done_action_sums_key')
      .on(t.programmeId, t.organisationId, t.municipalityCode, t.area, t.months, t.startsOn)
      .nullsNotDistinct(),
    check('done_action_sums_months_check', sql`${t.months} in (1, 3, 12)`),
    // A period's blocks of the programme, without walking its other blocks.
    index('done_action_sums_block_idx').on(t.programmeId, t.months, t.startsOn),
  ],
);

/**
 * When each company's first action that is not cancelled was made, with the company's programme,
 * organisation and municipality: the indicator report counts the companies with a plan by the end of
 * a period from it. A row trigger on actions recomputes a company's row from its actions (a handful);
 * one on companies moves it (migration 0034, decision 041). A company with no such action has no row.
 */
export const companyPlanStarts = pgTable('company_plan_starts', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id, { onDelete: 'cascade' }),
  programmeId: uuid('programme_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  municipalityCode: text('municipality_code'),
  firstActionAt: timestamp('first_action_at', { withTimezone: true }).notNull(),
});
