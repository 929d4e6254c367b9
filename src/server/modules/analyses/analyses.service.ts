import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { analysisAbilities, canDeleteAnalysisAttachment, type CompanyRef } from '../../../core/access';
import type { AnalysisKind } from '../../../core/analyses';
import { paybackYears } from '../../../core/effects';
import { actionCo2eFromFinding } from '../../../core/action-co2e';
import {
  energySavingEffect,
  mappingCarrierFactor,
  summariseEnergyMapping,
  type EmissionFactorSet,
  type EnergyMappingResult,
  type EnergyProblemCode,
} from '../../../core/energy';
import type { MaturityArea } from '../../../core/maturity-areas';
import type { Actor, SignedInActor } from '../../../core/roles';
import {
  analysisLimits,
  type Analysis,
  type AnalysisList,
  type Attachment,
  type createAnalysisBodySchema,
  type createFindingBodySchema,
  type EnergyMappingResultDto,
  type Finding,
  type UploadAttachmentBody,
  type updateAnalysisBodySchema,
  type updateFindingBodySchema,
} from '../../../contracts/analyses';
import type { EnergyMappingInput } from '../../../contracts/energy-mappings';
import type { AppContext } from '../../context';
import { energyCarriers } from '../../content/emission-factors';
import type { Db } from '../../db/client';
import {
  conflict,
  forbidden,
  invalidField,
  notFound,
  ruleViolated,
  staleVersion,
  unauthenticated,
} from '../../http/errors';
import { insertActionAudited } from '../action-plans/action-plans.service';
import { recordAudit } from '../audit/audit.service';
import { findWorkableCompany } from '../companies/companies.service';
import { findFactorSetEntry } from '../emission-factor-sets/emission-factor-sets.service';
import * as q from './analyses.queries';

// Analyses, their findings and files (docs/decisions/020); the emission factor sets they use are
// the emission-factor-sets module's.

type CreateInput = z.output<typeof createAnalysisBodySchema>;
type UpdateInput = z.output<typeof updateAnalysisBodySchema>;
type CreateFindingInput = z.output<typeof createFindingBodySchema>;
type UpdateFindingInput = z.output<typeof updateFindingBodySchema>;

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

/** The area a finding of each kind belongs to unless the coach names another. */
const kindAreas: Record<AnalysisKind, MaturityArea> = {
  energy_mapping: 'energy_transition',
  resource_flows: 'resource_efficiency',
  circular_business_model: 'circular_business',
  digital: 'digitalisation',
};

// ---------------------------------------------------------------------------------------------
// Energy mappings: computed by the core with the factors stored on the analysis.

const energyProblemMessages: Record<EnergyProblemCode, string> = {
  unknown_carrier: 'No such energy carrier',
  unknown_unit: 'This carrier is not given in this unit',
  invalid_quantity: 'Enter a quantity of 0 or more',
  invalid_cost: 'Enter a cost of 0 or more',
  invalid_emission_factor: 'Enter kg CO2e per kWh, 0 or more',
  no_emission_factor: 'The factor set has no factor for this carrier: give the line its own factor',
  unknown_category: 'No such category of use',
  invalid_part: 'Enter a share of 0 or more',
  split_not_100_percent: 'The shares must add up to 100 %',
  split_not_line_total: 'The parts must add up to the line’s kWh',
};

const snapshotSet = (row: Pick<q.AnalysisRow, 'factorSetKey' | 'factors'>): EmissionFactorSet => ({
  key: row.factorSetKey ?? '',
  validFrom: '',
  factors: row.factors ?? [],
});

type EnergyMappingRow = Pick<q.AnalysisRow, 'kind' | 'content' | 'factors' | 'factorSetKey'>;

function computeEnergy(row: EnergyMappingRow): EnergyMappingResult | null {
  if (row.kind !== 'energy_mapping' || !row.factors) return null;
  return summariseEnergyMapping(row.content as EnergyMappingInput, energyCarriers, snapshotSet(row));
}

/** An energy mapping's total energy and CO2e, computed from its stored copy of the factors as every
 * response computes it (never stored totals); null for the other kinds. Pure: the timeline calls it
 * on rows it read itself. */
export function energyMappingTotals(row: EnergyMappingRow): { kwh: number; co2eKg: number | null } | null {
  const total = computeEnergy(row)?.total;
  return total ? { kwh: total.kwh, co2eKg: total.isCo2eComplete ? total.co2eKg : null } : null;
}

function toEnergyDto(result: EnergyMappingResult | null): EnergyMappingResultDto | null {
  if (!result) return null;
  const { problems: _problems, ...rest } = result;
  return rest;
}

/** Checks a mapping with the set it names and answers the factors to keep with it; every problem the
 * core finds refuses the save, named by its field (`content.lines.2.split`). */
async function checkEnergyMapping(
  db: Db,
  content: EnergyMappingInput,
  keptFactors: { key: string; factors: { carrier: string; value: number }[] } | null,
): Promise<{ carrier: string; value: number }[]> {
  let factors = keptFactors?.key === content.factorSetKey ? keptFactors.factors : null;
  if (!factors) {
    const entry = await findFactorSetEntry(db, content.factorSetKey);
    if (!entry) {
      throw ruleViolated('Choose a factor set', [
        { field: 'content.factorSetKey', code: 'unknown_factor_set', message: 'No such factor set' },
      ]);
    }
    factors = entry.set.factors.map((factor) => ({ carrier: factor.carrier, value: factor.value }));
  }
  const result = summariseEnergyMapping(content, energyCarriers, {
    key: content.factorSetKey,
    validFrom: '',
    factors,
  });
  if (result.problems.length > 0) {
    throw ruleViolated(
      'The energy mapping has problems',
      result.problems.map((problem) => ({
        field: `content.${problem.field}`,
        code: problem.code,
        message: energyProblemMessages[problem.code],
      })),
    );
  }
  return factors;
}

// ---------------------------------------------------------------------------------------------
// Analyses.

type Reachable = { found: q.AnalysisWithCompany; company: CompanyRef; abilities: ReturnType<typeof analysisAbilities> };

/** The analysis if the actor may read it; 404 when its company is out of reach (decision 003). */
async function getReadableAnalysis(db: Db, actor: SignedInActor, id: string): Promise<Reachable> {
  const found = await q.findAnalysis(db, id);
  if (!found) throw notFound('The analysis');
  const company = { id: found.row.companyId, organisationId: found.companyOrganisationId };
  const abilities = analysisAbilities(actor, company);
  if (!abilities.canRead) throw notFound('The analysis');
  return { found, company, abilities };
}

async function getEditableAnalysis(db: Db, actor: SignedInActor, id: string): Promise<Reachable> {
  const reachable = await getReadableAnalysis(db, actor, id);
  if (!reachable.abilities.canEdit) throw forbidden('The coach makes and changes analyses');
  return reachable;
}

function toFinding(row: q.FindingRow): Finding {
  return {
    id: row.id,
    analysisId: row.analysisId,
    position: row.position,
    area: row.area,
    title: row.title,
    description: row.description,
    energyCategory: row.energyCategory,
    carrier: row.carrier,
    investmentSek: row.investmentSek,
    expectedKwh: row.expectedKwh,
    expectedCo2eKg: row.expectedCo2eKg,
    expectedSek: row.expectedSek,
    expectedMaterialTonnes: row.expectedMaterialTonnes,
    paybackYears: paybackYears(row.investmentSek, row.expectedSek),
    actionId: row.actionId,
    version: row.version,
  };
}

function toAttachment(actor: SignedInActor, company: CompanyRef, row: q.AttachmentListRow): Attachment {
  return {
    id: row.id,
    analysisId: row.analysisId,
    filename: row.filename,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    uploadedByName: row.uploadedByName,
    uploadedAt: row.uploadedAt.toISOString(),
    canDelete: canDeleteAnalysisAttachment(actor, company, row.uploadedBy),
  };
}

async function toAnalysis(db: Db, actor: SignedInActor, reachable: Reachable): Promise<Analysis> {
  const { row, createdByName } = reachable.found;
  const [findings, attachments, factorSet] = await Promise.all([
    q.listFindings(db, row.id),
    q.listAttachments(db, row.id),
    row.factorSetKey ? findFactorSetEntry(db, row.factorSetKey) : Promise.resolve(undefined),
  ]);
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: reachable.found.companyName,
    organisationId: row.organisationId,
    kind: row.kind,
    title: row.title,
    year: row.year,
    performedOn: row.performedOn,
    summary: row.summary,
    content: row.content,
    factorSet: factorSet
      ? {
          key: factorSet.set.key,
          name: factorSet.set.name,
          validFrom: factorSet.set.validFrom,
          source: factorSet.set.source,
          origin: factorSet.origin,
        }
      : null,
    factors: row.factors,
    energy: toEnergyDto(computeEnergy(row)),
    findings: findings.map(toFinding),
    attachments: attachments.map((attachment) => toAttachment(actor, reachable.company, attachment)),
    version: row.version,
    createdByName,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      canEdit: reachable.abilities.canEdit,
      canUploadAttachments: reachable.abilities.canUploadAttachments,
      canConvertFindings: reachable.abilities.canConvertFindings,
    },
  };
}

/** A company's analyses for everyone who sees the company in full. */
export async function listCompanyAnalyses(ctx: AppContext, actor: Actor, companyId: string): Promise<AnalysisList> {
  const user = signedIn(actor);
  const company = await findWorkableCompany(ctx.db, user, companyId);
  if (!company) throw notFound('The company');
  const rows = await q.listCompanyAnalyses(ctx.db, companyId);
  return {
    companyName: await q.findCompanyName(ctx.db, companyId),
    items: rows.map(({ row, findingCount, convertedCount }) => {
      const energy = computeEnergy(row);
      return {
        id: row.id,
        kind: row.kind,
        title: row.title,
        year: row.year,
        performedOn: row.performedOn,
        findingCount,
        convertedCount,
        energyTotals: energy ? energy.total : null,
        version: row.version,
        updatedAt: row.updatedAt.toISOString(),
      };
    }),
    canCreate: analysisAbilities(user, company).canEdit,
  };
}

export async function getAnalysis(ctx: AppContext, actor: Actor, id: string): Promise<Analysis> {
  const user = signedIn(actor);
  return toAnalysis(ctx.db, user, await getReadableAnalysis(ctx.db, user, id));
}

async function readBack(ctx: AppContext, user: SignedInActor, id: string): Promise<Analysis> {
  return toAnalysis(ctx.db, user, await getReadableAnalysis(ctx.db, user, id));
}

/** Records an analysis of a company. An energy mapping is checked by the core and keeps a copy of
 * its factor set's factors, so a later edit of the set does not change its results. */
export async function createAnalysis(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: CreateInput,
): Promise<Analysis> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await findWorkableCompany(tx, user, companyId);
    if (!company) throw notFound('The company');
    if (!analysisAbilities(user, company).canEdit) throw forbidden('The coach makes and changes analyses');
    const energy =
      input.kind === 'energy_mapping'
        ? {
            factorSetKey: input.content.factorSetKey,
            factors: await checkEnergyMapping(tx, input.content, null),
            year: input.content.year,
          }
        : { factorSetKey: null, factors: null, year: input.year ?? null };
    const now = ctx.now();
    const values = {
      id,
      companyId,
      organisationId: company.organisationId,
      kind: input.kind,
      title: input.title,
      performedOn: input.performedOn ?? null,
      summary: input.summary ?? null,
      content: input.content as Record<string, unknown>,
      ...energy,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertAnalysis(tx, values);
    await recordAudit(tx, user, now, {
      action: 'analysis.create',
      entityType: 'analysis',
      entityId: id,
      organisationId: company.organisationId,
      after: values,
    });
  });
  return readBack(ctx, user, id);
}

/** Changes an analysis; a stale version answers 409. A mapping keeps its stored factors while it
 * names the same set; choosing another set copies that set's factors as they are now. */
export async function updateAnalysis(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<Analysis> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { found } = await getEditableAnalysis(tx, user, id);
    const before = found.row;
    if (before.version !== input.version) throw staleVersion(before.version);
    if (input.kind !== before.kind) {
      throw ruleViolated('An analysis keeps its kind', [
        { field: 'kind', code: 'kind_changed', message: `This analysis is a ${before.kind}` },
      ]);
    }
    let energy = {};
    if (input.kind === 'energy_mapping' && input.content) {
      const kept = before.factorSetKey && before.factors ? { key: before.factorSetKey, factors: before.factors } : null;
      energy = {
        factorSetKey: input.content.factorSetKey,
        factors: await checkEnergyMapping(tx, input.content, kept),
        year: input.content.year,
      };
    }
    const now = ctx.now();
    const changes = {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.kind !== 'energy_mapping' && input.year !== undefined && { year: input.year }),
      ...(input.performedOn !== undefined && { performedOn: input.performedOn }),
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(input.content !== undefined && { content: input.content as Record<string, unknown> }),
      ...energy,
      updatedAt: now,
    };
    const after = await q.updateAnalysisIfVersion(tx, id, input.version, changes);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'analysis.update',
      entityType: 'analysis',
      entityId: id,
      organisationId: found.companyOrganisationId,
      before,
      after,
    });
  });
  return readBack(ctx, user, id);
}

/** Deletes an analysis with its findings and files; actions made from its findings stay in the plan. */
export async function deleteAnalysis(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { found } = await getEditableAnalysis(tx, user, id);
    if (found.row.version !== version) throw staleVersion(found.row.version);
    if (!(await q.deleteAnalysisIfVersion(tx, id, version))) throw staleVersion(found.row.version);
    await recordAudit(tx, user, ctx.now(), {
      action: 'analysis.delete',
      entityType: 'analysis',
      entityId: id,
      organisationId: found.companyOrganisationId,
      before: found.row,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Findings (an energy mapping's measures) and turning one into an action.

type FindingFigures = {
  carrier: string | null;
  expectedKwh: number | null;
  expectedCo2eKg: number | null;
  expectedSek: number | null;
};

/**
 * An energy measure that names a carrier gets its CO2e (kWh × the carrier's factor, the mapping's
 * line factor first, else the stored set's) and its SEK (kWh × the mapping's average price) unless
 * the coach typed them (decision 020). Other findings keep the figures as typed.
 */
function energyFigures(analysis: q.AnalysisRow, figures: FindingFigures, typed: { co2e: boolean; sek: boolean }) {
  if (figures.carrier === null) return figures;
  if (analysis.kind !== 'energy_mapping') {
    throw invalidField('carrier', 'not_energy_mapping', 'Only an energy mapping’s measures name a carrier');
  }
  if (!energyCarriers.some((carrier) => carrier.key === figures.carrier)) {
    throw invalidField('carrier', 'unknown_carrier', 'No such energy carrier');
  }
  if (figures.expectedKwh === null) {
    throw invalidField('expectedKwh', 'required_with_carrier', 'Enter the kWh the measure saves per year');
  }
  const result = computeEnergy(analysis);
  if (!result) return figures;
  const effect = energySavingEffect(
    { carrier: figures.carrier, kwh: figures.expectedKwh },
    result,
    snapshotSet(analysis),
  );
  return {
    ...figures,
    expectedCo2eKg: typed.co2e ? figures.expectedCo2eKg : effect.co2eKg,
    expectedSek: typed.sek ? figures.expectedSek : effect.sek,
  };
}

const typedNumber = (value: number | null | undefined) => typeof value === 'number';

export async function addFinding(
  ctx: AppContext,
  actor: Actor,
  analysisId: string,
  input: CreateFindingInput,
): Promise<Finding> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { found } = await getEditableAnalysis(tx, user, analysisId);
    const figures = energyFigures(
      found.row,
      {
        carrier: input.carrier ?? null,
        expectedKwh: input.expectedKwh ?? null,
        expectedCo2eKg: input.expectedCo2eKg ?? null,
        expectedSek: input.expectedSek ?? null,
      },
      { co2e: typedNumber(input.expectedCo2eKg), sek: typedNumber(input.expectedSek) },
    );
    const now = ctx.now();
    const values = {
      id,
      analysisId,
      position: await q.nextFindingPosition(tx, analysisId),
      area: input.area ?? kindAreas[found.row.kind],
      title: input.title,
      description: input.description ?? null,
      energyCategory: input.energyCategory ?? null,
      investmentSek: input.investmentSek ?? null,
      expectedMaterialTonnes: input.expectedMaterialTonnes ?? null,
      ...figures,
      createdBy: user.userId,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertFinding(tx, values);
    await q.touchAnalysis(tx, analysisId, now);
    await recordAudit(tx, user, now, {
      action: 'analysis_finding.create',
      entityType: 'analysis_finding',
      entityId: id,
      organisationId: found.companyOrganisationId,
      after: values,
    });
  });
  return toFinding((await q.findFinding(ctx.db, id))!);
}

async function getEditableFinding(db: Db, actor: SignedInActor, id: string) {
  const finding = await q.findFinding(db, id);
  if (!finding) throw notFound('The finding');
  const reachable = await getReadableAnalysis(db, actor, finding.analysisId).catch(() => {
    throw notFound('The finding');
  });
  return { finding, reachable };
}

export async function updateFinding(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateFindingInput,
): Promise<Finding> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { finding: before, reachable } = await getEditableFinding(tx, user, id);
    if (!reachable.abilities.canEdit) throw forbidden('The coach makes and changes analyses');
    if (before.version !== input.version) throw staleVersion(before.version);
    const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
    const figures = energyFigures(
      reachable.found.row,
      {
        carrier: pick(input.carrier, before.carrier),
        expectedKwh: pick(input.expectedKwh, before.expectedKwh),
        expectedCo2eKg: pick(input.expectedCo2eKg, before.expectedCo2eKg),
        expectedSek: pick(input.expectedSek, before.expectedSek),
      },
      { co2e: typedNumber(input.expectedCo2eKg), sek: typedNumber(input.expectedSek) },
    );
    const now = ctx.now();
    const after = await q.updateFindingIfVersion(tx, id, input.version, {
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.area !== undefined && { area: input.area }),
      ...(input.energyCategory !== undefined && { energyCategory: input.energyCategory }),
      ...(input.investmentSek !== undefined && { investmentSek: input.investmentSek }),
      ...(input.expectedMaterialTonnes !== undefined && { expectedMaterialTonnes: input.expectedMaterialTonnes }),
      ...figures,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await q.touchAnalysis(tx, before.analysisId, now);
    await recordAudit(tx, user, now, {
      action: 'analysis_finding.update',
      entityType: 'analysis_finding',
      entityId: id,
      organisationId: reachable.found.companyOrganisationId,
      before,
      after,
    });
  });
  return toFinding((await q.findFinding(ctx.db, id))!);
}

export async function deleteFinding(ctx: AppContext, actor: Actor, id: string, version: number): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { finding, reachable } = await getEditableFinding(tx, user, id);
    if (!reachable.abilities.canEdit) throw forbidden('The coach makes and changes analyses');
    if (finding.version !== version) throw staleVersion(finding.version);
    if (!(await q.deleteFindingIfVersion(tx, id, version))) throw staleVersion(finding.version);
    await recordAudit(tx, user, ctx.now(), {
      action: 'analysis_finding.delete',
      entityType: 'analysis_finding',
      entityId: id,
      organisationId: reachable.found.companyOrganisationId,
      before: finding,
    });
  });
}

/** "Turn into action" (issue 5): one action with the finding's area, title, description, investment and
 * expected effects, linked from the finding in the same transaction; a finding becomes one action (409 after).
 * An energy measure's carrier goes along with the mapping's factor for it, so the action's CO2e
 * follows its kWh from then on (decision 038), unless the coach typed the finding's CO2e. */
export async function convertFindingToAction(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ finding: Finding; actionId: string }> {
  const user = signedIn(actor);
  const actionId = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { finding, reachable } = await getEditableFinding(tx, user, id);
    if (!reachable.abilities.canConvertFindings) throw forbidden('The coach turns findings into actions');
    if (finding.actionId) throw conflict('This finding is already an action');
    const now = ctx.now();
    const analysis = reachable.found.row;
    const energy = finding.carrier ? computeEnergy(analysis) : null;
    const co2e = actionCo2eFromFinding(
      finding,
      finding.carrier && energy ? mappingCarrierFactor(finding.carrier, energy, snapshotSet(analysis)) : null,
    );
    await insertActionAudited(
      tx,
      user,
      reachable.company,
      {
        id: actionId,
        companyId: reachable.company.id,
        area: finding.area,
        title: finding.title,
        description: finding.description,
        investmentSek: finding.investmentSek,
        carrier: co2e.carrier?.carrier ?? null,
        emissionFactorKgPerKwh: co2e.carrier?.factorKgPerKwh ?? null,
        expectedKwh: finding.expectedKwh,
        expectedCo2eKg: co2e.expectedCo2eKg,
        expectedSek: finding.expectedSek,
        expectedMaterialTonnes: finding.expectedMaterialTonnes,
        status: 'planned',
        createdBy: user.userId,
        createdAt: now,
        updatedAt: now,
      },
      'action.created',
    );
    const linked = await q.linkFindingToAction(tx, id, actionId, now);
    if (!linked) throw conflict('This finding is already an action');
    await recordAudit(tx, user, now, {
      action: 'analysis_finding.converted',
      entityType: 'analysis_finding',
      entityId: id,
      organisationId: reachable.found.companyOrganisationId,
      before: finding,
      after: linked,
    });
  });
  return { finding: toFinding((await q.findFinding(ctx.db, id))!), actionId };
}

// ---------------------------------------------------------------------------------------------
// Attachments: files kept with an analysis, in the database (so the backup holds them).

const typesByExtension: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  csv: 'text/csv',
  txt: 'text/plain',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** Images a browser shows inline without running anything; SVG is left out (it can carry script). */
const inlineTypes = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
/** Types a browser would render as a page: always served as a plain download. */
const activeTypes = /html|xml|javascript|ecmascript|svg/i;

function cleanFilename(name: string): string {
  // Only the last part of a path; no control characters; a name stays a name.
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return cleaned.length > 0 ? cleaned : 'fil';
}

function decodeBase64(text: string): Buffer | null {
  const compact = text.replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0) return null;
  return Buffer.from(compact, 'base64');
}

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

export async function listAttachments(ctx: AppContext, actor: Actor, analysisId: string): Promise<Attachment[]> {
  const user = signedIn(actor);
  const reachable = await getReadableAnalysis(ctx.db, user, analysisId);
  const rows = await q.listAttachments(ctx.db, analysisId);
  return rows.map((row) => toAttachment(user, reachable.company, row));
}

/** Keeps a file with an analysis: at most 10 MB, at most 20 files per analysis (422 naming the limit). */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  analysisId: string,
  input: UploadAttachmentBody,
): Promise<Attachment> {
  const user = signedIn(actor);
  const content = decodeBase64(input.contentBase64);
  if (!content || content.length === 0) {
    throw invalidField('contentBase64', 'invalid_base64', 'The file could not be read: its content is not base64');
  }
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { found, abilities } = await getReadableAnalysis(tx, user, analysisId);
    if (!abilities.canUploadAttachments) throw forbidden();
    if (content.length > analysisLimits.attachmentMaxBytes) {
      throw ruleViolated(`A file may be at most ${megabytes(analysisLimits.attachmentMaxBytes)}`, [
        {
          field: 'contentBase64',
          code: 'too_large',
          message: `At most ${megabytes(analysisLimits.attachmentMaxBytes)}`,
        },
      ]);
    }
    if ((await q.countAttachments(tx, analysisId)) >= analysisLimits.attachmentsPerAnalysis) {
      throw ruleViolated(`An analysis keeps at most ${analysisLimits.attachmentsPerAnalysis} files`, [
        {
          field: 'contentBase64',
          code: 'too_many_files',
          message: `At most ${analysisLimits.attachmentsPerAnalysis} files per analysis`,
        },
      ]);
    }
    const filename = cleanFilename(input.filename);
    const extension = filename.includes('.') ? filename.split('.').pop()!.toLowerCase() : '';
    const contentType = (input.contentType ?? typesByExtension[extension] ?? 'application/octet-stream').toLowerCase();
    const now = ctx.now();
    const meta = {
      id,
      analysisId,
      filename,
      contentType,
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      uploadedBy: user.userId,
      uploadedAt: now,
    };
    await q.insertAttachment(tx, { ...meta, content });
    await q.touchAnalysis(tx, analysisId, now);
    // The audit row names the file and its checksum, never its content.
    await recordAudit(tx, user, now, {
      action: 'analysis_attachment.upload',
      entityType: 'analysis_attachment',
      entityId: id,
      organisationId: found.companyOrganisationId,
      after: meta,
    });
  });
  const reachable = await getReadableAnalysis(ctx.db, user, analysisId);
  return toAttachment(user, reachable.company, (await q.findAttachment(ctx.db, id))!);
}

async function getReachableAttachment(db: Db, actor: SignedInActor, id: string) {
  const attachment = await q.findAttachment(db, id);
  if (!attachment) throw notFound('The file');
  const reachable = await getReadableAnalysis(db, actor, attachment.analysisId).catch(() => {
    throw notFound('The file');
  });
  return { attachment, reachable };
}

/** A file to download: images inline, everything else as an attachment; types a browser would run as a page are sent as bytes. */
export async function downloadAttachment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ filename: string; contentType: string; isInline: boolean; content: Buffer }> {
  const user = signedIn(actor);
  const { attachment } = await getReachableAttachment(ctx.db, user, id);
  const content = (await q.readAttachmentContent(ctx.db, id)) ?? Buffer.alloc(0);
  const isInline = inlineTypes.has(attachment.contentType);
  const contentType = activeTypes.test(attachment.contentType) ? 'application/octet-stream' : attachment.contentType;
  return { filename: attachment.filename, contentType, isInline, content };
}

export async function deleteAttachment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { attachment, reachable } = await getReachableAttachment(tx, user, id);
    if (!canDeleteAnalysisAttachment(user, reachable.company, attachment.uploadedBy)) {
      throw forbidden('The coach, or whoever uploaded it, deletes a file');
    }
    await q.deleteAttachment(tx, id);
    await recordAudit(tx, user, ctx.now(), {
      action: 'analysis_attachment.delete',
      entityType: 'analysis_attachment',
      entityId: id,
      organisationId: reachable.found.companyOrganisationId,
      before: attachment,
    });
  });
}
