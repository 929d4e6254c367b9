import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  doublePrecision,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentKinds, assessmentModes, assessmentStatuses, maturityAreas } from '../../../core/maturity-areas';
import type { MaturityModelContent } from '../../../contracts/maturity';
import { companies } from './companies';
import { programmes } from './programmes';

// The maturity models as published (one row per area and version, synced from content/ at start
// and never changed), and the measurements made with them (docs/decisions/013). A measurement
// points at its model row, so a later version never re-scores it.

export const maturityModels = pgTable(
  'maturity_models',
  {
    id: uuid('id').primaryKey(),
    area: text('area', { enum: maturityAreas }).notNull(),
    version: integer('version').notNull(),
    content: jsonb('content').$type<MaturityModelContent>().notNull(),
    /** SHA-256 of the content as parsed: a changed file for a stored version stops the start. */
    contentHash: text('content_hash').notNull(),
    createdAt: timestampColumn('created_at'),
  },
  (t) => [uniqueIndex('maturity_models_area_version_key').on(t.area, t.version)],
);

function timestampColumn(name: string) {
  return timestamp(name, { withTimezone: true }).notNull().defaultNow();
}

export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    area: text('area', { enum: maturityAreas }).notNull(),
    kind: text('kind', { enum: assessmentKinds }).notNull(),
    mode: text('mode', { enum: assessmentModes }).notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => maturityModels.id),
    status: text('status', { enum: assessmentStatuses }).notNull().default('draft'),
    /** A coach measurement that confirms a company's self-assessment points at it. */
    confirmsAssessmentId: uuid('confirms_assessment_id'),
    startedBy: uuid('started_by'),
    startedAt: timestampColumn('started_at'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    nextDueOn: date('next_due_on'),
    /** The area score and step as scored at submit, kept so lists and peers need no re-scoring. */
    score: doublePrecision('score'),
    step: smallint('step'),
    version: integer('version').notNull().default(1),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [
    index('assessments_company_id_idx').on(t.companyId, t.area, t.submittedAt),
    // Peer medians: the latest submitted coach measurement per company and area.
    index('assessments_peer_idx')
      .on(t.area, t.companyId, t.submittedAt)
      .where(sql`${t.status} = 'submitted' and ${t.mode} = 'coach'`),
    index('assessments_model_id_idx').on(t.modelId),
    index('assessments_confirms_assessment_id_idx').on(t.confirmsAssessmentId),
    index('assessments_next_due_on_idx').on(t.nextDueOn),
  ],
);

/** Per company and area, the coach-led measurements the funder figures compare (decision 039): the
 * first submitted baseline and the latest submitted follow-up, with when they were submitted, and
 * when the first follow-up was. The assessments' trigger (migration 0029) recomputes a company's row
 * from its measurements in the writing transaction, so the dashboard and the indicator report read
 * one row per company and area instead of every measurement of the programme. */
export const companyAreaSteps = pgTable(
  'company_area_steps',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    area: text('area', { enum: maturityAreas }).notNull(),
    baselineStep: smallint('baseline_step'),
    baselineAt: timestamp('baseline_at', { withTimezone: true }),
    firstFollowUpAt: timestamp('first_follow_up_at', { withTimezone: true }),
    latestStep: smallint('latest_step'),
    latestAt: timestamp('latest_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.area] })],
);

/**
 * The step figures of every company counted by the company's programme, organisation and municipality
 * (migration 0032, decision 041): how many companies have each pair of baseline and latest step per
 * area, and each largest change over their areas, as stepChangesCte finds them for a period that ends
 * after every kept measurement. Kept by triggers on company_area_steps and on the companies' scope.
 */
export const stepPairCounts = pgTable(
  'step_pair_counts',
  {
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    municipalityCode: text('municipality_code'),
    area: text('area', { enum: maturityAreas }).notNull(),
    baselineStep: smallint('baseline_step'),
    latestStep: smallint('latest_step'),
    companies: integer('companies').notNull(),
  },
  (t) => [
    unique('step_pair_counts_key')
      .on(t.programmeId, t.organisationId, t.municipalityCode, t.area, t.baselineStep, t.latestStep)
      .nullsNotDistinct(),
  ],
);

export const bestStepChangeCounts = pgTable(
  'best_step_change_counts',
  {
    programmeId: uuid('programme_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    municipalityCode: text('municipality_code'),
    change: smallint('change'),
    companies: integer('companies').notNull(),
  },
  (t) => [
    unique('best_step_change_counts_key')
      .on(t.programmeId, t.organisationId, t.municipalityCode, t.change)
      .nullsNotDistinct(),
  ],
);

/** Where each company is counted in the two tables above, and its largest change (decision 041). */
export const companyStepCounts = pgTable('company_step_counts', {
  companyId: uuid('company_id').primaryKey(),
  programmeId: uuid('programme_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  municipalityCode: text('municipality_code'),
  /** Whether the company has a step in any area: it is then counted once in best_step_change_counts. */
  counted: boolean('counted').notNull(),
  bestChange: smallint('best_change'),
});

export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    questionKey: text('question_key').notNull(),
    level: smallint('level'),
    isNotApplicable: boolean('is_not_applicable').notNull().default(false),
    comment: text('comment'),
    answeredBy: uuid('answered_by'),
    updatedAt: timestampColumn('updated_at'),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.questionKey] })],
);

/** Dimension scores written at submit, so peer medians are one SQL aggregate. */
export const assessmentDimensionScores = pgTable(
  'assessment_dimension_scores',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    dimensionKey: text('dimension_key').notNull(),
    score: doublePrecision('score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.dimensionKey] })],
);
