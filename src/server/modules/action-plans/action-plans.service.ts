import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { actionAbilities, type CompanyRef } from '../../../core/access';
import {
  applyActionCo2e,
  type ActionCo2eChange,
  type ActionCo2eState,
  type CarrierFactor,
} from '../../../core/action-co2e';
import { actionStatusChangeProblem, nextActionStatuses, type ActionStatus } from '../../../core/action-status';
import { calendarDate } from '../../../core/calendar';
import { effectKinds, hasRealised, paybackYears, type EffectKind } from '../../../core/effects';
import { maturityAreas, type MaturityArea } from '../../../core/maturity-areas';
import type { Actor, SignedInActor } from '../../../core/roles';
import {
  progressFields,
  type Action,
  type ActionList,
  type ActionListQuery,
  type ConfirmRealisedBody,
  type createActionBodySchema,
  type EffectsInput,
  type EffectValues,
  type updateActionBodySchema,
  actionListLimit,
} from '../../../contracts/action-plans';
import type { FieldError } from '../../../contracts/common';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { energyCarriers } from '../../content/emission-factors';
import { AppError, forbidden, invalidInput, notFound, staleVersion } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { currentEmissionFactors } from '../emission-factor-sets/emission-factor-sets.service';
import { getPlanCompany, signedIn } from './action-plan-access';
import * as q from './action-plans.queries';

export { listActionsDue } from './action-plans.queries';

// A company's actions: the plan, an action made, changed and confirmed, and the one way an action
// is made (insertActionAudited), which the suggestions and the analyses' findings use too.

type CreateInput = z.output<typeof createActionBodySchema>;
type UpdateInput = z.output<typeof updateActionBodySchema>;

const effectColumns: Record<'expected' | 'realised', Record<EffectKind, keyof q.ActionRow>> = {
  expected: {
    kwh: 'expectedKwh',
    co2eKg: 'expectedCo2eKg',
    sek: 'expectedSek',
    materialTonnes: 'expectedMaterialTonnes',
  },
  realised: {
    kwh: 'realisedKwh',
    co2eKg: 'realisedCo2eKg',
    sek: 'realisedSek',
    materialTonnes: 'realisedMaterialTonnes',
  },
};

function effectsOf(row: q.ActionRow, which: 'expected' | 'realised'): EffectValues {
  return Object.fromEntries(
    effectKinds.map((kind) => [kind, (row[effectColumns[which][kind]] as number | null) ?? null]),
  ) as EffectValues;
}

/** The columns of an effects body: only the kinds it names change (null clears one). */
export function effectValues(
  which: 'expected' | 'realised',
  effects: EffectsInput | undefined,
): Partial<q.ActionInsert> {
  if (!effects) return {};
  return Object.fromEntries(
    effectKinds
      .filter((kind) => effects[kind] !== undefined)
      .map((kind) => [effectColumns[which][kind], effects[kind]]),
  );
}

export function toAction(actor: Actor, found: q.ActionListRow): Action {
  const { row } = found;
  const abilities = actionAbilities(actor, { id: row.companyId, organisationId: found.companyOrganisationId });
  const expected = effectsOf(row, 'expected');
  const realised = effectsOf(row, 'realised');
  return {
    id: row.id,
    companyId: row.companyId,
    area: row.area,
    targetStep: row.targetStep,
    dimensionKey: row.dimensionKey,
    catalogueKey: row.catalogueKey,
    title: row.title,
    description: row.description,
    owner: row.ownerContactId
      ? { kind: 'contact', id: row.ownerContactId, name: found.ownerContactName ?? '' }
      : row.ownerUserId
        ? { kind: 'coach', id: row.ownerUserId, name: found.ownerUserName ?? '' }
        : null,
    dueOn: row.dueOn,
    status: row.status,
    doneOn: row.doneOn,
    investmentSek: row.investmentSek,
    carrier: row.carrier,
    emissionFactorKgPerKwh: row.emissionFactorKgPerKwh,
    expected,
    realised,
    expectedPaybackYears: paybackYears(row.investmentSek, expected.sek),
    realisedConfirmation: row.realisedConfirmedAt
      ? {
          at: row.realisedConfirmedAt.toISOString(),
          by: row.realisedConfirmedBy ? { id: row.realisedConfirmedBy, name: found.confirmerName ?? '' } : null,
        }
      : null,
    realisedPaybackYears: row.status === 'done' ? paybackYears(row.investmentSek, realised.sek) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      canEdit: abilities.canEdit,
      canUpdateProgress: abilities.canUpdateProgress,
      canConfirmRealised: abilities.canEdit && hasRealised(realised) && !row.realisedConfirmedAt,
      nextStatuses: abilities.canUpdateProgress ? [...nextActionStatuses(row.status)] : [],
    },
  };
}

/** The owner must be a contact of the company or an active coach of its organisation (400 naming the field). */
async function checkOwner(
  db: Db,
  company: CompanyRef,
  owner: { ownerContactId: string | null; ownerUserId: string | null },
): Promise<void> {
  if (owner.ownerContactId) {
    const contacts = await q.listOwnerContacts(db, company.id);
    if (!contacts.some((c) => c.id === owner.ownerContactId)) {
      throw invalidInput([
        { field: 'ownerContactId', code: 'not_a_contact', message: 'Choose a contact person of this company' },
      ]);
    }
  }
  if (owner.ownerUserId) {
    const coaches = await q.listOwnerCoaches(db, company.organisationId);
    if (!coaches.some((c) => c.id === owner.ownerUserId)) {
      throw invalidInput([
        { field: 'ownerUserId', code: 'not_a_coach', message: "Choose a coach of the company's organisation" },
      ]);
    }
  }
}

function statusProblem(from: ActionStatus, to: ActionStatus): AppError | null {
  const problem = actionStatusChangeProblem(from, to);
  if (!problem || problem === 'same_status') return null;
  return new AppError('rule_violated', `An action cannot go from ${from} to ${to}`, {
    fields: [{ field: 'status', code: problem, message: `Allowed next: ${nextActionStatuses(from).join(', ')}` }],
  });
}

// CO2e from the energy carrier (decision 038) -------------------------------------------------

/** The year whose factor set an action takes when it names a carrier now (Stockholm calendar). */
const yearOf = (now: Date) => Number(calendarDate(now).slice(0, 4));

/**
 * The carrier a body names, with the factor of the set in use this year: undefined when the body
 * leaves it out, null when it clears it. The carrier the action already has keeps its snapshot (the
 * core's rule), so its factor is not looked up. An unknown carrier answers 400 naming `carrier`.
 */
async function chosenCarrier(
  db: Db,
  carrier: string | null | undefined,
  current: string | null,
  now: Date,
): Promise<CarrierFactor | null | undefined> {
  if (carrier === undefined || carrier === null) return carrier;
  if (!energyCarriers.some((candidate) => candidate.key === carrier)) {
    throw invalidInput([{ field: 'carrier', code: 'unknown_carrier', message: 'Choose one of the energy carriers' }]);
  }
  if (carrier === current) return undefined;
  const factor = (await currentEmissionFactors(db, yearOf(now))).factors.get(carrier);
  if (factor === undefined) {
    throw new AppError('rule_violated', 'The factor set in use has no factor for this carrier', {
      fields: [{ field: 'carrier', code: 'no_emission_factor', message: 'No emission factor for this carrier' }],
    });
  }
  return { carrier, factorKgPerKwh: factor };
}

const co2eProblemMessages = {
  computed_from_carrier:
    'With an energy carrier the CO2e is computed from the kWh: leave it out, or remove the carrier',
  co2e_out_of_bounds: `The CO2e this gives (kWh × the carrier's factor) is past the bounds of one action`,
} as const;

function co2eStateOf(row: q.ActionRow | null): ActionCo2eState {
  return {
    carrier:
      row?.carrier && row.emissionFactorKgPerKwh !== null
        ? { carrier: row.carrier, factorKgPerKwh: row.emissionFactorKgPerKwh }
        : null,
    expected: { kwh: row?.expectedKwh ?? null, co2eKg: row?.expectedCo2eKg ?? null },
    realised: { kwh: row?.realisedKwh ?? null, co2eKg: row?.realisedCo2eKg ?? null },
  };
}

/**
 * The carrier, factor, kWh and CO2e columns of an action after a write, by the core's rule
 * (applyActionCo2e): with a carrier, CO2e = kWh × factor, stored in the columns the rollup reads in
 * the same statement; a CO2e typed with a carrier answers 400 naming the field, so nothing typed is
 * overwritten without a word (decision 024).
 */
export async function co2eColumns(
  db: Db,
  before: q.ActionRow | null,
  input: { carrier?: string | null; expected?: EffectsInput; realised?: EffectsInput },
  now: Date,
): Promise<Partial<q.ActionInsert>> {
  const change: ActionCo2eChange = {
    carrier: await chosenCarrier(db, input.carrier, before?.carrier ?? null, now),
    ...(input.expected && { expected: { kwh: input.expected.kwh, co2eKg: input.expected.co2eKg } }),
    ...(input.realised && { realised: { kwh: input.realised.kwh, co2eKg: input.realised.co2eKg } }),
  };
  const result = applyActionCo2e(co2eStateOf(before), change);
  if ('problems' in result) {
    throw invalidInput(
      result.problems.map((problem) => ({
        field: problem.field,
        code: problem.code,
        message: co2eProblemMessages[problem.code],
      })),
    );
  }
  const { carrier, expected, realised } = result.state;
  return {
    carrier: carrier?.carrier ?? null,
    emissionFactorKgPerKwh: carrier?.factorKgPerKwh ?? null,
    expectedKwh: expected.kwh,
    expectedCo2eKg: expected.co2eKg,
    realisedKwh: realised.kwh,
    realisedCo2eKg: realised.co2eKg,
  };
}

/** The carriers the action form offers, each with the factor it takes when chosen now. */
async function carrierOptions(db: Db, now: Date): Promise<ActionList['carriers']> {
  const { factors } = await currentEmissionFactors(db, yearOf(now));
  return energyCarriers.flatMap((carrier) => {
    const factor = factors.get(carrier.key);
    return factor === undefined ? [] : [{ key: carrier.key, name: carrier.name, emissionFactorKgPerKwh: factor }];
  });
}

/** A company's action plan, filterable by area and status, capped at `actionListLimit`. */
export async function listCompanyActions(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  query: ActionListQuery,
): Promise<ActionList> {
  const user = signedIn(actor);
  const company = await getPlanCompany(ctx.db, user, companyId);
  const abilities = actionAbilities(user, company);
  const [rows, contacts, coaches, name, carriers] = await Promise.all([
    q.listActions(ctx.db, { companyId, ...query }, actionListLimit + 1),
    abilities.canCreate ? q.listOwnerContacts(ctx.db, companyId) : [],
    abilities.canCreate ? q.listOwnerCoaches(ctx.db, company.organisationId) : [],
    q.findCompanyName(ctx.db, companyId),
    abilities.canCreate ? carrierOptions(ctx.db, ctx.now()) : [],
  ]);
  const byArea = (a: q.ActionListRow, b: q.ActionListRow) =>
    maturityAreas.indexOf(a.row.area) - maturityAreas.indexOf(b.row.area);
  return {
    companyId,
    companyName: name ?? '',
    items: rows
      .slice(0, actionListLimit)
      .sort(byArea)
      .map((row) => toAction(user, row)),
    isTruncated: rows.length > actionListLimit,
    owners: { contacts, coaches },
    carriers,
    abilities: { canCreate: abilities.canCreate, canSeeSuggestions: abilities.canSeeSuggestions },
  };
}

/** A company's open actions due by the date, earliest first, for its portal (the caller has
 * checked that the actor reads the plan). */
export async function listActionsDueOfCompany(db: Db, companyId: string, until: string, limit: number) {
  const rows = await q.listOpenActionsDueOfCompany(db, companyId, until, limit);
  return rows.map((row) => ({ ...row, dueOn: String(row.dueOn) }));
}

/** An action and its company if the actor sees the plan; else 404 for the action, whichever it is. */
async function findActionOf(db: Db, user: SignedInActor, id: string) {
  const found = await q.findAction(db, id);
  if (!found) throw notFound('The action');
  const company = await getPlanCompany(db, user, found.row.companyId).catch(() => {
    throw notFound('The action');
  });
  return { found, company };
}

/** Writes an action's audit row of a change, with before and after. */
async function auditActionChange(
  tx: Db,
  user: SignedInActor,
  now: Date,
  action: string,
  company: CompanyRef,
  before: q.ActionRow,
  after: q.ActionRow,
): Promise<void> {
  await recordAudit(tx, user, now, {
    action,
    entityType: 'action',
    entityId: before.id,
    organisationId: company.organisationId,
    before,
    after,
  });
}

export async function getAction(ctx: AppContext, actor: Actor, id: string): Promise<Action> {
  const user = signedIn(actor);
  const { found } = await findActionOf(ctx.db, user, id);
  return toAction(user, found);
}

/** Writes a new action and its audit row inside the caller's transaction, checking the owner: the
 * one way an action is made, whether typed, adopted from the catalogue or turned from a finding. */
export async function insertActionAudited(
  tx: Db,
  user: SignedInActor,
  company: CompanyRef,
  values: q.ActionInsert,
  auditAction: string,
): Promise<void> {
  await checkOwner(tx, company, {
    ownerContactId: values.ownerContactId ?? null,
    ownerUserId: values.ownerUserId ?? null,
  });
  await q.insertAction(tx, values);
  await recordAudit(tx, user, values.createdAt, {
    action: auditAction,
    entityType: 'action',
    entityId: values.id,
    organisationId: company.organisationId,
    after: values,
  });
}

/** Adds an action to a company's plan (staff of the company). */
export async function createAction(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: CreateInput,
): Promise<Action> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const company = await getPlanCompany(tx, user, companyId);
    if (!actionAbilities(user, company).canCreate) throw forbidden('The coach writes the action plan');
    const now = ctx.now();
    const status = input.status ?? 'planned';
    await insertActionAudited(
      tx,
      user,
      company,
      {
        id,
        companyId,
        area: input.area,
        targetStep: input.targetStep ?? null,
        dimensionKey: input.dimensionKey ?? null,
        title: input.title,
        description: input.description ?? null,
        ownerContactId: input.ownerContactId ?? null,
        ownerUserId: input.ownerUserId ?? null,
        dueOn: input.dueOn ?? null,
        status,
        doneOn: status === 'done' ? calendarDate(now) : null,
        investmentSek: input.investmentSek ?? null,
        ...effectValues('expected', input.expected),
        ...effectValues('realised', input.realised),
        ...(await co2eColumns(tx, null, input, now)),
        // Only staff create actions: the realised figures they enter are confirmed (decision 025).
        ...(input.realised &&
          hasRealised(input.realised) && { realisedConfirmedAt: now, realisedConfirmedBy: user.userId }),
        createdBy: user.userId,
        createdAt: now,
        updatedAt: now,
      },
      'action.create',
    );
  });
  return toAction(user, (await q.findAction(ctx.db, id))!);
}

/**
 * Changes an action. Staff change every field; the company's own user only the status and the
 * realised effect (403 naming the other fields). A new status must be a move the core allows
 * (422 naming `status`); done sets `done_on` to today, reopening clears it. Stale version: 409.
 */
export async function updateAction(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<Action> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { found, company } = await findActionOf(tx, user, id);
    const abilities = actionAbilities(user, company);
    const named = Object.keys(input).filter((key) => key !== 'version');
    if (!abilities.canEdit) {
      const refused = named.filter((key) => !(progressFields as readonly string[]).includes(key));
      if (refused.length > 0 || !abilities.canUpdateProgress) {
        throw new AppError('forbidden', 'Company users change only the status and the realised effect', {
          fields: refused.map((field): FieldError => ({
            field,
            code: 'not_allowed',
            message: 'Only the coach changes this',
          })),
        });
      }
    }
    const before = found.row;
    if (before.version !== input.version) throw staleVersion(before.version);
    const now = ctx.now();
    const status = input.status ?? before.status;
    const problem = statusProblem(before.status, status);
    if (problem) throw problem;
    const owner = {
      ownerContactId: input.ownerContactId === undefined ? before.ownerContactId : input.ownerContactId,
      ownerUserId: input.ownerUserId === undefined ? before.ownerUserId : input.ownerUserId,
    };
    // Naming one kind of owner replaces the other.
    if (input.ownerContactId) owner.ownerUserId = null;
    if (input.ownerUserId) owner.ownerContactId = null;
    if (input.ownerContactId !== undefined || input.ownerUserId !== undefined) await checkOwner(tx, company, owner);
    const co2e = await co2eColumns(tx, before, input, now);
    // The confirmation looks at the realised figures as they will be stored: with a carrier the form
    // sends no CO2e, and that repeat of the figures must not read as a change (decision 025).
    const realised = input.realised && { ...input.realised, co2eKg: co2e.realisedCo2eKg };
    const changes: Partial<q.ActionInsert> = {
      ...(input.area !== undefined && { area: input.area as MaturityArea }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.targetStep !== undefined && { targetStep: input.targetStep }),
      ...(input.dimensionKey !== undefined && { dimensionKey: input.dimensionKey }),
      ...owner,
      ...(input.dueOn !== undefined && { dueOn: input.dueOn }),
      ...(input.investmentSek !== undefined && { investmentSek: input.investmentSek }),
      ...effectValues('expected', input.expected),
      ...effectValues('realised', input.realised),
      ...co2e,
      ...realisedConfirmationChange(before, realised, abilities.canEdit ? user.userId : null, now),
      status,
      doneOn: status === 'done' ? (before.status === 'done' ? before.doneOn : calendarDate(now)) : null,
      updatedAt: now,
    };
    const after = await q.updateActionIfVersion(tx, id, input.version, changes);
    if (!after) throw staleVersion(before.version);
    // A reminder is about this action at this date: done or cancelled closes them all, a new date
    // the ones for the old date (the scan writes one for the new date).
    if (status !== before.status && (status === 'done' || status === 'cancelled')) {
      await q.closeActionReminders(tx, id, null, status === 'done' ? 'done' : 'dismissed', now);
    } else if (after.dueOn !== before.dueOn) {
      await q.closeActionReminders(tx, id, { dueOn: after.dueOn }, 'dismissed', now);
    }
    await auditActionChange(tx, user, now, 'action.update', company, before, after);
  });
  return toAction(user, (await q.findAction(ctx.db, id))!);
}

/**
 * What a change of the realised figures does to their confirmation (decision 025): figures staff
 * enter are confirmed by them; a company user's change clears the confirmation, so the coach sees
 * it again; a body that repeats the figures unchanged leaves it as it was (the coach's edit form
 * sends them with every save, and editing a title must not confirm what the company reported).
 */
function realisedConfirmationChange(
  before: q.ActionRow,
  realised: EffectsInput | undefined,
  staffUserId: string | null,
  now: Date,
): Pick<q.ActionInsert, 'realisedConfirmedAt' | 'realisedConfirmedBy'> | Record<string, never> {
  if (!realised) return {};
  const beforeValues = effectsOf(before, 'realised');
  const afterValues = {
    ...beforeValues,
    ...Object.fromEntries(Object.entries(realised).filter(([, v]) => v !== undefined)),
  };
  if (effectKinds.every((kind) => afterValues[kind] === beforeValues[kind])) return {};
  if (!hasRealised(afterValues) || !staffUserId) return { realisedConfirmedAt: null, realisedConfirmedBy: null };
  return { realisedConfirmedAt: now, realisedConfirmedBy: staffUserId };
}

/**
 * A coach or admin confirms the realised figures of an action as they stand, typically ones the
 * company's own user reported: from then on they count in the totals and the funders' figures.
 * Staff with full access only (403 for the company user); nothing to confirm answers 422 naming
 * `realised`; a stale version 409. Audited as `action.confirm_realised`.
 */
export async function confirmRealised(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ConfirmRealisedBody,
): Promise<Action> {
  const user = signedIn(actor);
  await ctx.db.transaction(async (tx) => {
    const { found, company } = await findActionOf(tx, user, id);
    if (!actionAbilities(user, company).canEdit) throw forbidden('The coach confirms realised effects');
    const before = found.row;
    if (before.version !== input.version) throw staleVersion(before.version);
    if (!hasRealised(effectsOf(before, 'realised'))) {
      throw new AppError('rule_violated', 'The action has no realised figures to confirm', {
        fields: [{ field: 'realised', code: 'nothing_to_confirm', message: 'Enter the realised effect first' }],
      });
    }
    const now = ctx.now();
    const after = await q.updateActionIfVersion(tx, id, input.version, {
      realisedConfirmedAt: now,
      realisedConfirmedBy: user.userId,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await auditActionChange(tx, user, now, 'action.confirm_realised', company, before, after);
  });
  return toAction(user, (await q.findAction(ctx.db, id))!);
}
