import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { AnalysisKind } from '../../../core/analyses';
import { actionCo2eFromFinding } from '../../../core/action-co2e';
import { paybackYears } from '../../../core/effects';
import { energySavingEffect, mappingCarrierFactor } from '../../../core/energy';
import type { MaturityArea } from '../../../core/maturity-areas';
import type { Actor, SignedInActor } from '../../../core/roles';
import type { createFindingBodySchema, Finding, updateFindingBodySchema } from '../../../contracts/analyses';
import type { AppContext } from '../../context';
import { energyCarriers } from '../../content/emission-factors';
import type { Db } from '../../db/client';
import { conflict, forbidden, invalidField, notFound, staleVersion } from '../../errors';
import { insertActionAudited } from '../action-plans/action-plans.service';
import { recordAudit } from '../audit/audit.service';
import { getEditableAnalysis, getReadableAnalysis, signedIn } from './analysis-access';
import * as q from './analyses.queries';
import { computeEnergy, snapshotSet } from './energy-mappings.service';

// Findings (an energy mapping's measures) and turning one into an action.

type CreateFindingInput = z.output<typeof createFindingBodySchema>;
type UpdateFindingInput = z.output<typeof updateFindingBodySchema>;

/** The area a finding of each kind belongs to unless the coach names another. */
const kindAreas: Record<AnalysisKind, MaturityArea> = {
  energy_mapping: 'energy_transition',
  resource_flows: 'resource_efficiency',
  circular_business_model: 'circular_business',
  digital: 'digitalisation',
};

export function toFinding(row: q.FindingRow): Finding {
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
