import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { analysisAbilities } from '../../../core/access';
import type { Actor, SignedInActor } from '../../../core/roles';
import type {
  Analysis,
  AnalysisList,
  createAnalysisBodySchema,
  updateAnalysisBodySchema,
} from '../../../contracts/analyses';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { forbidden, notFound, ruleViolated, staleVersion } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { findCompanyActorMaySeeInFull } from '../company-access/company-access.service';
import { findFactorSetEntry } from '../emission-factor-sets/emission-factor-sets.service';
import { getEditableAnalysis, getReadableAnalysis, signedIn, type Reachable } from './analysis-access';
import * as q from './analyses.queries';
import { toAttachment } from './attachments.service';
import { checkEnergyMapping, computeEnergy, toEnergyDto } from './energy-mappings.service';
import { toFinding } from './findings.service';

// Analyses (docs/decisions/020): an analysis as a whole, with its findings and files as it answers
// them. The findings, the files and the energy mapping's figures are services of their own beside
// this one; the emission factor sets the mappings use are the emission-factor-sets module's.

type CreateInput = z.output<typeof createAnalysisBodySchema>;
type UpdateInput = z.output<typeof updateAnalysisBodySchema>;

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
  const company = await findCompanyActorMaySeeInFull(ctx.db, user, companyId);
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
    const company = await findCompanyActorMaySeeInFull(tx, user, companyId);
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
