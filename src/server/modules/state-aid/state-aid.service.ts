import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { can, stateAidAbilities } from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import { toHours, toQuarterHours } from '../../../core/interventions';
import type { Actor, SignedInActor } from '../../../core/roles';
import {
  checkDeMinimisCeiling,
  declarationState,
  declarationValidUntil,
  deMinimisCeilingCents,
  deMinimisPosition,
  deMinimisWindow,
  formatSekPerEur,
  needsNewGrant,
  oreToCents,
  parseSekPerEur,
  rateMonthOf,
  supportValue,
  type Cents,
  type CeilingCheck,
  type CountedAid,
  type DeclarationState,
  type LegalBasis,
  type Ore,
  type SekPerEurE4,
} from '../../../core/state-aid';
import type {
  CompanyStateAid,
  createDeclarationBodySchema,
  createEurRateBodySchema,
  createHourlyRateBodySchema,
  Declaration,
  EurRate,
  Grant,
  grantBodySchema,
  GrantCreated,
  GrantExceeded,
  GrantPeriodQuery,
  GrantRefusalReason,
  GrantValuation,
  HourlyRate,
  LedgerEntry,
  RealisedSupport,
  StateAidSettings,
  UndertakingStateAid,
  updateEurRateBodySchema,
  updateHourlyRateBodySchema,
  updateStateAidSettingsBodySchema,
} from '../../../contracts/state-aid';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, conflict, forbidden, invalidField, notFound, staleVersion, unauthenticated } from '../../errors';
import { currentProgrammeId } from '../../programme';
import { recordAudit } from '../audit/audit.service';
import { findCompanyActorMaySeeInFull } from '../company-access/company-access.service';
import { writeXlsxSheets } from '../../spreadsheets/spreadsheet';
import { declarationFormPdf, noticePdf } from './state-aid-documents';
import * as q from './state-aid.queries';

// State aid (issue 13; decisions 031, 032): rates, settings, declarations, grants with the ceiling
// check, the ledgers and realised support against the grant. The rules are in src/core/state-aid.ts.

type CreateHourlyRateInput = z.output<typeof createHourlyRateBodySchema>;
type UpdateHourlyRateInput = z.output<typeof updateHourlyRateBodySchema>;
type CreateEurRateInput = z.output<typeof createEurRateBodySchema>;
type UpdateEurRateInput = z.output<typeof updateEurRateBodySchema>;
type UpdateSettingsInput = z.output<typeof updateStateAidSettingsBodySchema>;
type CreateDeclarationInput = z.output<typeof createDeclarationBodySchema>;
type GrantInput = z.output<typeof grantBodySchema>;

const defaultSettings = { legalBasis: 'de_minimis' as LegalBasis, declarationValidMonths: 12, version: 1 };

function signedIn(actor: Actor): SignedInActor {
  if (actor.kind === 'anonymous') throw unauthenticated();
  return actor;
}

/** A grant refused by a rule: 422 with the reason and its figures for the web to translate. */
function refused(reason: GrantRefusalReason, message: string, figures: Record<string, unknown> = {}): AppError {
  return new AppError('rule_violated', message, { stateAid: { reason, ...figures } });
}

// Hourly rates.

function toHourlyRate(found: { row: q.HourlyRateRow; organisationName: string }): HourlyRate {
  const { row } = found;
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: found.organisationName,
    year: row.year,
    rateSek: row.rateSek,
    decidedOn: row.decidedOn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listHourlyRates(ctx: AppContext, actor: Actor): Promise<{ items: HourlyRate[] }> {
  const user = signedIn(actor);
  if (!can(user, 'viewStateAidRates')) throw forbidden();
  return { items: (await q.listHourlyRates(ctx.db)).map(toHourlyRate) };
}

/** Sets an organisation's hourly rate for a year (admins). One rate per organisation and year. */
export async function createHourlyRate(ctx: AppContext, actor: Actor, input: CreateHourlyRateInput) {
  const user = signedIn(actor);
  if (!can(user, 'manageStateAidRates')) throw forbidden();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (!(await q.organisationName(tx, input.organisationId))) {
      throw invalidField('organisationId', 'not_found', 'No such organisation');
    }
    if (await q.findHourlyRateFor(tx, input.organisationId, input.year)) {
      throw invalidField('year', 'exists', 'The organisation already has a rate for this year; change it instead');
    }
    const now = ctx.now();
    const values = { id, ...input, createdAt: now, updatedAt: now };
    await q.insertHourlyRate(tx, values);
    await recordAudit(tx, user, now, {
      action: 'hourly_rate.create',
      entityType: 'hourly_rate',
      entityId: id,
      organisationId: input.organisationId,
      after: values,
    });
  });
  return toHourlyRate((await q.findHourlyRate(ctx.db, id))!);
}

export async function updateHourlyRate(ctx: AppContext, actor: Actor, id: string, input: UpdateHourlyRateInput) {
  const user = signedIn(actor);
  if (!can(user, 'manageStateAidRates')) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await q.findHourlyRate(tx, id);
    if (!before) throw notFound('The hourly rate');
    if (before.row.version !== input.version) throw staleVersion(before.row.version);
    const now = ctx.now();
    const after = await q.updateHourlyRateIfVersion(tx, id, input.version, {
      ...(input.rateSek !== undefined && { rateSek: input.rateSek }),
      ...(input.decidedOn !== undefined && { decidedOn: input.decidedOn }),
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.row.version);
    await recordAudit(tx, user, now, {
      action: 'hourly_rate.update',
      entityType: 'hourly_rate',
      entityId: id,
      organisationId: before.row.organisationId,
      before: before.row,
      after,
    });
  });
  return toHourlyRate((await q.findHourlyRate(ctx.db, id))!);
}

// EUR rates.

function toEurRate(row: q.EurRateRow): EurRate {
  return {
    id: row.id,
    month: row.month,
    sekPerEur: formatSekPerEur(row.sekPerEurE4 as SekPerEurE4),
    source: row.source,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function listEurRates(ctx: AppContext, actor: Actor): Promise<{ items: EurRate[] }> {
  const user = signedIn(actor);
  if (!can(user, 'viewStateAidRates')) throw forbidden();
  return { items: (await q.listEurRates(ctx.db)).map(toEurRate) };
}

/** Adds the SEK/EUR rate of a month with its source (admins). One rate per month. */
export async function createEurRate(ctx: AppContext, actor: Actor, input: CreateEurRateInput): Promise<EurRate> {
  const user = signedIn(actor);
  if (!can(user, 'manageStateAidRates')) throw forbidden();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if ((await q.listEurRatesOfMonths(tx, [input.month])).length > 0) {
      throw invalidField('month', 'exists', 'The month already has a rate; change it instead');
    }
    const now = ctx.now();
    const values = {
      id,
      month: input.month,
      sekPerEurE4: parseSekPerEur(input.sekPerEur)!,
      source: input.source,
      createdAt: now,
      updatedAt: now,
    };
    await q.insertEurRate(tx, values);
    await recordAudit(tx, user, now, {
      action: 'eur_rate.create',
      entityType: 'eur_rate',
      entityId: id,
      after: values,
    });
  });
  return toEurRate((await q.findEurRate(ctx.db, id))!);
}

/** Changes a month's rate or source. Grants already made keep the rate they were converted with. */
export async function updateEurRate(ctx: AppContext, actor: Actor, id: string, input: UpdateEurRateInput) {
  const user = signedIn(actor);
  if (!can(user, 'manageStateAidRates')) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const before = await q.findEurRate(tx, id);
    if (!before) throw notFound('The EUR rate');
    if (before.version !== input.version) throw staleVersion(before.version);
    const now = ctx.now();
    const after = await q.updateEurRateIfVersion(tx, id, input.version, {
      ...(input.sekPerEur !== undefined && { sekPerEurE4: parseSekPerEur(input.sekPerEur)! }),
      ...(input.source !== undefined && { source: input.source }),
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'eur_rate.update',
      entityType: 'eur_rate',
      entityId: id,
      before,
      after,
    });
  });
  return toEurRate((await q.findEurRate(ctx.db, id))!);
}

// Settings.

async function readSettings(db: Db, programmeId: string): Promise<StateAidSettings> {
  const row = await q.findSettings(db, programmeId);
  return row
    ? { legalBasis: row.legalBasis, declarationValidMonths: row.declarationValidMonths, version: row.version }
    : defaultSettings;
}

export async function getStateAidSettings(ctx: AppContext, actor: Actor): Promise<StateAidSettings> {
  const user = signedIn(actor);
  if (!can(user, 'viewStateAidRates')) throw forbidden();
  return readSettings(ctx.db, await currentProgrammeId(ctx.db));
}

/** Changes the default legal basis of new grants or the validity of declarations (admins). */
export async function updateStateAidSettings(
  ctx: AppContext,
  actor: Actor,
  input: UpdateSettingsInput,
): Promise<StateAidSettings> {
  const user = signedIn(actor);
  if (!can(user, 'manageStateAidRates')) throw forbidden();
  const programmeId = await currentProgrammeId(ctx.db);
  await ctx.db.transaction(async (tx) => {
    const before = await readSettings(tx, programmeId);
    if (before.version !== input.version) throw staleVersion(before.version);
    const now = ctx.now();
    const after = await q.upsertSettings(
      tx,
      {
        programmeId,
        legalBasis: input.legalBasis ?? before.legalBasis,
        declarationValidMonths: input.declarationValidMonths ?? before.declarationValidMonths,
        updatedAt: now,
      },
      input.version,
    );
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'state_aid_settings.update',
      entityType: 'state_aid_settings',
      entityId: programmeId,
      before,
      after,
    });
  });
  return readSettings(ctx.db, programmeId);
}

// Companies, undertakings and their aid.

type CompanyFacts = NonNullable<Awaited<ReturnType<typeof q.findCompanyFacts>>>;

/** The company if the actor sees it in full (404 otherwise), with its facts and state aid abilities. */
async function getCompanyForStateAid(db: Db, actor: SignedInActor, companyId: string) {
  const ref = await findCompanyActorMaySeeInFull(db, actor, companyId);
  if (!ref) throw notFound('The company');
  const facts = (await q.findCompanyFacts(db, companyId))!;
  return { facts, abilities: stateAidAbilities(actor, ref) };
}

type Member = { id: string; name: string; organisationNumber: string };

async function membersOf(db: Db, facts: CompanyFacts): Promise<Member[]> {
  if (!facts.undertakingId) return [{ id: facts.id, name: facts.name, organisationNumber: facts.organisationNumber }];
  return q.listUndertakingCompanies(db, facts.undertakingId);
}

/** An aid of the single undertaking as the ledgers list it, before the rolling sums. */
type AidEntry = Omit<LedgerEntry, 'rollingCents' | 'roomCents'>;

/** Every aid of the companies: their grants (replaced ones listed, not counted) and the earlier aid
 * of each company's latest confirmed declaration, converted at its decision month's rate. */
async function gatherAid(db: Db, members: readonly Member[], excludeGrantId?: string) {
  const ids = members.map((m) => m.id);
  const names = new Map(members.map((m) => [m.id, m.name]));
  const [grants, declarations] = await Promise.all([
    q.listGrantsOfCompanies(db, ids),
    q.listLatestConfirmedDeclarations(db, ids),
  ]);
  const declared = await q.listDeclaredAids(
    db,
    declarations.map((d) => d.id),
  );
  const rates = new Map(
    (
      await q.listEurRatesOfMonths(
        db,
        declared.map((aid) => rateMonthOf(aid.decidedOn)),
      )
    ).map((r) => [r.month, r.sekPerEurE4 as SekPerEurE4]),
  );
  const entries: AidEntry[] = [
    ...grants
      .filter(({ row }) => row.id !== excludeGrantId)
      .map(({ row, organisationName }): AidEntry => ({
        id: row.id,
        kind: 'grant',
        companyId: row.companyId,
        companyName: names.get(row.companyId) ?? '',
        grantingBody: organisationName,
        legalBasis: row.legalBasis,
        grantedOn: row.grantedOn,
        amountOre: row.valueOre,
        amountCents: row.valueCents,
        rateMonth: row.rateMonth,
        isCounted: row.legalBasis === 'de_minimis' && row.replacedByGrantId === null,
      })),
    ...declared.map((aid): AidEntry => {
      const rate = rates.get(rateMonthOf(aid.decidedOn));
      return {
        id: aid.id,
        kind: 'declared',
        companyId: aid.companyId,
        companyName: names.get(aid.companyId) ?? '',
        grantingBody: aid.grantingBody,
        legalBasis: 'de_minimis',
        grantedOn: aid.decidedOn,
        amountOre: aid.amountOre,
        amountCents: rate ? oreToCents(aid.amountOre as Ore, rate) : null,
        rateMonth: rateMonthOf(aid.decidedOn),
        isCounted: true,
      };
    }),
  ].sort((a, b) => a.grantedOn.localeCompare(b.grantedOn) || a.id.localeCompare(b.id));
  return { entries, grants };
}

function countedOf(entries: readonly AidEntry[]): CountedAid[] {
  return entries
    .filter((e) => e.isCounted && e.amountCents !== null)
    .map((e) => ({ id: e.id, grantedOn: e.grantedOn, cents: e.amountCents as Cents }));
}

/** The ledger: each aid with the rolling three-year sum of the counted aid at its date. */
function ledgerOf(entries: readonly AidEntry[]): LedgerEntry[] {
  const counted = countedOf(entries);
  return entries.map((entry) => {
    const position = deMinimisPosition(counted, entry.grantedOn);
    return { ...entry, rollingCents: position.totalCents, roomCents: position.roomCents };
  });
}

function positionOn(entries: readonly AidEntry[], onDate: string) {
  const position = deMinimisPosition(countedOf(entries), onDate);
  return {
    onDate,
    windowFrom: position.window.from,
    windowTo: position.window.to,
    totalCents: position.totalCents,
    roomCents: position.roomCents,
    ceilingCents: deMinimisCeilingCents,
    percentOfCeiling: position.percentOfCeiling,
  };
}

/** Months of counted aid whose EUR rate is missing, from a first day on. */
function missingMonths(entries: readonly AidEntry[], from = '0000-01-01'): string[] {
  return [
    ...new Set(
      entries.filter((e) => e.isCounted && e.amountCents === null && e.grantedOn >= from).map((e) => e.rateMonth),
    ),
  ].sort();
}

// Declarations.

async function declarationsOf(db: Db, companyId: string, today: string, validMonths: number): Promise<Declaration[]> {
  const rows = await q.listDeclarations(db, companyId);
  const aids = await q.listDeclaredAids(
    db,
    rows.map(({ row }) => row.id),
  );
  return rows.map(({ row, enteredByName, confirmedByName }) => ({
    id: row.id,
    companyId: row.companyId,
    hasEarlierAid: row.hasEarlierAid,
    aids: aids
      .filter((aid) => aid.declarationId === row.id)
      .map((aid) => ({
        id: aid.id,
        grantingBody: aid.grantingBody,
        amountOre: aid.amountOre,
        decidedOn: aid.decidedOn,
        paidAmountOre: aid.paidAmountOre,
        paidOn: aid.paidOn,
      })),
    signedOn: row.signedOn,
    signerName: row.signerName,
    enteredByRole: row.enteredByRole,
    enteredByName,
    isConfirmed: row.confirmedAt !== null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    confirmedByName,
    validUntil: declarationValidUntil(row.signedOn, validMonths),
    state: declarationState({ signedOn: row.signedOn, isConfirmed: row.confirmedAt !== null }, today, validMonths),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Which declaration counts for a grant on a date, or why none does: a valid one if any (the
 * latest); else the state of the newest, so the coach is told what to do. */
function declarationFor(
  declarations: readonly Pick<Declaration, 'id' | 'signedOn' | 'isConfirmed'>[],
  grantedOn: string,
  validMonths: number,
): { id: string | null; state: DeclarationState } {
  const states = declarations.map((d) => ({ id: d.id, state: declarationState(d, grantedOn, validMonths) }));
  const valid = states.find((s) => s.state === 'valid');
  if (valid) return valid;
  return states[0] ? { id: null, state: states[0].state } : { id: null, state: 'none' };
}

/** Records a company's declaration of earlier de minimis aid. Staff enter it from the signed paper
 * and it counts at once; the company's own user fills it in, and a coach confirms it. */
export async function declareEarlierAid(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: CreateDeclarationInput,
): Promise<Declaration> {
  const user = signedIn(actor);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const { facts, abilities } = await getCompanyForStateAid(tx, user, companyId);
    if (!abilities.canDeclare) throw forbidden();
    const now = ctx.now();
    const today = calendarDate(now);
    if (input.signedOn > today)
      throw invalidField('signedOn', 'in_future', 'A declaration is signed on or before today');
    input.aids.forEach((aid, index) => {
      if (aid.decidedOn > input.signedOn) {
        throw invalidField(`aids.${index}.decidedOn`, 'after_signing', 'Earlier aid is decided before the signing');
      }
    });
    const isStaff = user.role !== 'company';
    const declaration = {
      id,
      companyId,
      hasEarlierAid: input.hasEarlierAid,
      signedOn: input.signedOn,
      signerName: input.signerName,
      enteredBy: user.userId,
      enteredByRole: isStaff ? ('staff' as const) : ('company' as const),
      confirmedBy: isStaff ? user.userId : null,
      confirmedAt: isStaff ? now : null,
      createdAt: now,
    };
    const aids = input.aids.map((aid, position) => ({
      id: randomUUID(),
      declarationId: id,
      companyId,
      position,
      grantingBody: aid.grantingBody,
      amountOre: aid.amountOre,
      decidedOn: aid.decidedOn,
      paidAmountOre: aid.paidAmountOre ?? null,
      paidOn: aid.paidOn ?? null,
    }));
    await q.insertDeclaration(tx, declaration, aids);
    await recordAudit(tx, user, now, {
      action: 'state_aid_declaration.declare',
      entityType: 'state_aid_declaration',
      entityId: id,
      organisationId: facts.organisationId,
      after: { ...declaration, aids },
    });
  });
  return findDeclarationOf(ctx, companyId, id);
}

async function findDeclarationOf(ctx: AppContext, companyId: string, id: string): Promise<Declaration> {
  const facts = (await q.findCompanyFacts(ctx.db, companyId))!;
  const settings = await readSettings(ctx.db, facts.programmeId);
  const all = await declarationsOf(ctx.db, companyId, calendarDate(ctx.now()), settings.declarationValidMonths);
  return all.find((d) => d.id === id)!;
}

/** A coach confirms a declaration the company's user filled in: from then on it counts. */
export async function confirmDeclaration(
  ctx: AppContext,
  actor: Actor,
  id: string,
  version: number,
): Promise<Declaration> {
  const user = signedIn(actor);
  const companyId = await ctx.db.transaction(async (tx) => {
    const before = await q.findDeclaration(tx, id);
    if (!before) throw notFound('The declaration');
    const ref = await findCompanyActorMaySeeInFull(tx, user, before.companyId);
    if (!ref) throw notFound('The declaration');
    if (!stateAidAbilities(user, ref).canConfirmDeclarations) throw forbidden('A coach confirms a declaration');
    if (before.confirmedAt) throw conflict('The declaration is already confirmed');
    if (before.version !== version) throw staleVersion(before.version);
    const now = ctx.now();
    const after = await q.confirmDeclarationIfVersion(tx, id, version, user.userId, now);
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, user, now, {
      action: 'state_aid_declaration.confirm',
      entityType: 'state_aid_declaration',
      entityId: id,
      organisationId: ref.organisationId,
      before,
      after,
    });
    return before.companyId;
  });
  return findDeclarationOf(ctx, companyId, id);
}

// Realised support.

async function realisedOf(db: Db, companyIds: readonly string[]) {
  const [hours, places] = await Promise.all([q.sumRealisedHours(db, companyIds), q.sumRealisedPlaces(db, companyIds)]);
  return new Map(
    companyIds.map((companyId) => {
      const ownHours = hours.filter((h) => h.companyId === companyId);
      const ownPlaces = places.filter((p) => p.companyId === companyId);
      const value = supportValue(
        ownHours.map((h) => ({
          organisationId: h.organisationId,
          year: h.year,
          quarterHours: h.quarterHours,
          hourlyRateSek: h.rateSek,
        })),
        ownPlaces.map((p) => ({ participants: p.participants, costPerParticipantSek: p.costPerParticipantSek })),
      );
      const organisationNames = new Map(ownHours.map((h) => [h.organisationId, h.organisationName]));
      return [
        companyId,
        {
          value,
          hours: toHours(ownHours.reduce((sum, h) => sum + h.quarterHours, 0)),
          attendedPlaces: ownPlaces.reduce((sum, p) => sum + p.participants, 0),
          missingRates: value.missingRates.map((m) => ({
            ...m,
            organisationName: organisationNames.get(m.organisationId)!,
          })),
        },
      ] as const;
    }),
  );
}

// The company's state aid.

function toGrant(found: q.GrantListRow): Grant {
  const { row } = found;
  return {
    id: row.id,
    companyId: row.companyId,
    companyName: found.companyName,
    organisationNumber: found.organisationNumber,
    organisationId: row.organisationId,
    organisationName: found.organisationName,
    legalBasis: row.legalBasis,
    grantedOn: row.grantedOn,
    plannedHours: toHours(row.plannedQuarterHours),
    hourlyRateSek: row.hourlyRateSek,
    plannedActivities: row.plannedActivities,
    valueOre: row.valueOre,
    rateMonth: row.rateMonth,
    sekPerEur: formatSekPerEur(row.sekPerEurE4 as SekPerEurE4),
    valueCents: row.valueCents,
    windowTotalCents: row.windowTotalCents,
    declarationId: row.declarationId,
    replacesGrantId: row.replacesGrantId,
    replacementReason: row.replacementReason,
    replacedByGrantId: row.replacedByGrantId,
    isCurrent: row.replacedByGrantId === null,
    createdByName: found.createdByName,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A company's state aid: declarations, grants, its own ledger, the single undertaking's position
 * today, and realised support against the granted value. The company's own user reads it too. */
export async function getCompanyStateAid(ctx: AppContext, actor: Actor, companyId: string): Promise<CompanyStateAid> {
  const user = signedIn(actor);
  const { facts, abilities } = await getCompanyForStateAid(ctx.db, user, companyId);
  const today = calendarDate(ctx.now());
  const settings = await readSettings(ctx.db, facts.programmeId);
  const members = await membersOf(ctx.db, facts);
  const [declarations, aid, realised] = await Promise.all([
    declarationsOf(ctx.db, companyId, today, settings.declarationValidMonths),
    gatherAid(ctx.db, members),
    realisedOf(ctx.db, [companyId]),
  ]);
  const own = aid.entries.filter((e) => e.companyId === companyId);
  const grants = aid.grants.filter(({ row }) => row.companyId === companyId).map(toGrant);
  const current = declarationFor(declarations, today, settings.declarationValidMonths);
  const grantedValueOre = grants.filter((g) => g.isCurrent).reduce((sum, g) => sum + g.valueOre, 0);
  const companyRealised = realised.get(companyId)!;
  return {
    companyId,
    companyName: facts.name,
    organisationNumber: facts.organisationNumber,
    today,
    settings: { legalBasis: settings.legalBasis, declarationValidMonths: settings.declarationValidMonths },
    undertaking: facts.undertakingId
      ? {
          id: facts.undertakingId,
          name: facts.undertakingName ?? '',
          // The company's own user sees the group's total, not which other companies it holds (S2).
          companies: members
            .filter((m) => abilities.canSeeUndertakingLedger || m.id === companyId)
            .map((m) => ({ id: m.id, name: m.name, organisationNumber: m.organisationNumber })),
        }
      : null,
    declarations,
    currentDeclarationId: current.id,
    declarationState: current.state,
    grants,
    hasGrant: grants.some((g) => g.isCurrent),
    ledger: ledgerOf(own),
    position: positionOn(aid.entries, today),
    missingRateMonths: missingMonths(aid.entries),
    realised: {
      valueOre: companyRealised.value.valueOre,
      hoursOre: companyRealised.value.hoursOre,
      activitiesOre: companyRealised.value.activitiesOre,
      hours: companyRealised.hours,
      attendedPlaces: companyRealised.attendedPlaces,
      missingRates: companyRealised.missingRates,
      grantedValueOre,
      needsNewGrant: grantedValueOre > 0 && needsNewGrant(companyRealised.value.valueOre, grantedValueOre as Ore),
    } satisfies RealisedSupport,
    abilities: {
      canDeclare: abilities.canDeclare,
      canConfirmDeclarations: abilities.canConfirmDeclarations,
      canGrant: abilities.canGrant,
      canSeeUndertakingLedger: abilities.canSeeUndertakingLedger,
    },
  };
}

/** The ledger of a single undertaking (every linked company's aid), for staff who work on at least
 * one of its companies; another organisation's undertaking answers 404, company users 403. */
export async function getUndertakingStateAid(
  ctx: AppContext,
  actor: Actor,
  undertakingId: string,
): Promise<UndertakingStateAid> {
  const user = signedIn(actor);
  if (user.role === 'company') throw forbidden('The undertaking’s ledger holds other companies’ aid');
  const undertaking = await q.findUndertaking(ctx.db, undertakingId);
  if (!undertaking) throw notFound('The undertaking');
  const members = await q.listUndertakingCompanies(ctx.db, undertakingId);
  const visible = members.some(
    (m) => stateAidAbilities(user, { id: m.id, organisationId: m.organisationId }).canSeeUndertakingLedger,
  );
  if (!visible) throw notFound('The undertaking');
  const aid = await gatherAid(ctx.db, members);
  return {
    undertaking: {
      id: undertaking.id,
      name: undertaking.name,
      companies: members.map((m) => ({ id: m.id, name: m.name, organisationNumber: m.organisationNumber })),
    },
    ledger: ledgerOf(aid.entries),
    position: positionOn(aid.entries, calendarDate(ctx.now())),
    missingRateMonths: missingMonths(aid.entries),
  };
}

// Grants.

/**
 * Values a planned grant and checks it against the rules (decision 031): a valid declaration, the
 * hourly rate of the organisation for the grant's year, the EUR rate of the grant's month and of
 * every declared aid it counts, and (for de minimis) the ceiling of the single undertaking.
 * Throws the refusal as a 422 naming the reason and the figures; a ceiling refusal only when
 * `refuseOverCeiling` (the preview answers it as the outcome instead).
 */
async function valueGrant(
  db: Db,
  user: SignedInActor,
  companyId: string,
  input: GrantInput,
  today: string,
  refuseOverCeiling: boolean,
) {
  const { facts, abilities } = await getCompanyForStateAid(db, user, companyId);
  if (!abilities.canGrant) throw forbidden('Staff who work on the company make its grants');
  if (input.grantedOn > today) {
    throw invalidField('grantedOn', 'in_future', 'A grant is recorded on or after its date');
  }
  const plannedQuarterHours = toQuarterHours(input.plannedHours);
  if (plannedQuarterHours === 0 && input.plannedActivities.length === 0) {
    throw invalidField('plannedHours', 'nothing_planned', 'Plan hours or places at activities');
  }
  const settings = await readSettings(db, facts.programmeId);
  const legalBasis = input.legalBasis ?? settings.legalBasis;
  const members = await membersOf(db, facts);

  let replaced: q.GrantListRow | undefined;
  if (input.replacesGrantId) {
    replaced = await q.findGrant(db, input.replacesGrantId);
    if (!replaced || replaced.row.companyId !== companyId) {
      throw invalidField('replacesGrantId', 'not_found', 'Not a grant of this company');
    }
    if (replaced.row.replacedByGrantId) {
      throw refused('replaced_already', 'The grant has already been replaced; correct the grant that replaced it');
    }
  }

  const declarations = await declarationsOf(db, companyId, input.grantedOn, settings.declarationValidMonths);
  const declaration = declarationFor(declarations, input.grantedOn, settings.declarationValidMonths);
  if (!declaration.id) {
    throw refused(
      `declaration_${declaration.state as Exclude<DeclarationState, 'valid'>}`,
      'The company has no valid declaration of earlier de minimis aid for the grant date',
      { declarationValidMonths: settings.declarationValidMonths },
    );
  }

  const year = Number(input.grantedOn.slice(0, 4));
  const hourlyRate = plannedQuarterHours > 0 ? await q.findHourlyRateFor(db, facts.organisationId, year) : undefined;
  if (plannedQuarterHours > 0 && !hourlyRate) {
    throw refused('hourly_rate_missing', `No hourly rate for ${facts.organisationName} in ${year}`, {
      organisationName: facts.organisationName,
      year,
    });
  }

  const activityRows = await q.activitiesForGrant(
    db,
    input.plannedActivities.map((a) => a.activityId),
  );
  const plannedActivities = input.plannedActivities.map((planned, index) => {
    const activity = activityRows.find((a) => a.id === planned.activityId);
    if (!activity) throw invalidField(`plannedActivities.${index}.activityId`, 'not_found', 'No such activity');
    return {
      activityId: activity.id,
      title: activity.title,
      participants: planned.participants,
      costPerParticipantSek: activity.costPerParticipantSek,
    };
  });
  const value = supportValue(
    plannedQuarterHours > 0
      ? [
          {
            organisationId: facts.organisationId,
            year,
            quarterHours: plannedQuarterHours,
            hourlyRateSek: hourlyRate!.rateSek,
          },
        ]
      : [],
    plannedActivities.map((a) => ({ participants: a.participants, costPerParticipantSek: a.costPerParticipantSek })),
  );

  const aid = await gatherAid(db, members, undefined);
  // The grant being replaced no longer counts: its correction takes its place.
  const entries = aid.entries.filter((e) => e.id !== replaced?.row.id);
  const rateMonth = rateMonthOf(input.grantedOn);
  const [grantRate] = await q.listEurRatesOfMonths(db, [rateMonth]);
  const missing = [
    ...new Set([...(grantRate ? [] : [rateMonth]), ...missingMonths(entries, deMinimisWindow(input.grantedOn).from)]),
  ].sort();
  if (missing.length > 0) {
    throw refused('eur_rate_missing', `No EUR rate for ${missing.join(', ')}`, { months: missing });
  }
  const sekPerEurE4 = grantRate!.sekPerEurE4 as SekPerEurE4;
  const valueCents = oreToCents(value.valueOre, sekPerEurE4);
  const ceiling: CeilingCheck | null =
    legalBasis === 'de_minimis'
      ? checkDeMinimisCeiling(countedOf(entries), { grantedOn: input.grantedOn, cents: valueCents })
      : null;
  const valuation: GrantValuation = {
    legalBasis,
    grantedOn: input.grantedOn,
    plannedHours: toHours(plannedQuarterHours),
    hourlyRateSek: hourlyRate?.rateSek ?? null,
    hoursOre: value.hoursOre,
    activitiesOre: value.activitiesOre,
    plannedActivities,
    valueOre: value.valueOre,
    rateMonth,
    sekPerEur: formatSekPerEur(sekPerEurE4),
    valueCents,
    ceiling: ceiling ? ceilingFigures(ceiling) : null,
  };
  if (refuseOverCeiling && ceiling?.outcome === 'refused') {
    throw refused(
      'ceiling_exceeded',
      `The grant would bring the single undertaking to EUR ${euro(ceiling.laterBreach?.totalCents ?? ceiling.totalCents)} ` +
        `of the EUR ${euro(ceiling.ceilingCents)} ceiling in the three years ${ceiling.window.from} – ${ceiling.window.to} ` +
        `(earlier aid EUR ${euro(ceiling.earlierCents)}, this grant EUR ${euro(ceiling.grantCents)})`,
      { ceiling: valuation.ceiling, valueOre: value.valueOre, valueCents },
    );
  }
  return { facts, valuation, ceiling, declarationId: declaration.id, replaced, members, plannedQuarterHours };
}

function euro(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

function ceilingFigures(check: CeilingCheck): NonNullable<GrantValuation['ceiling']> {
  return {
    outcome: check.outcome,
    windowFrom: check.window.from,
    windowTo: check.window.to,
    earlierCents: check.earlierCents,
    grantCents: check.grantCents,
    totalCents: check.totalCents,
    ceilingCents: check.ceilingCents,
    roomBeforeCents: check.roomBeforeCents,
    roomAfterCents: check.roomAfterCents,
    percentOfCeiling: check.percentOfCeiling,
    laterBreach: check.laterBreach,
  };
}

/** The value and the ceiling check of a planned grant, without making it (the form's preview). */
export async function previewGrant(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: GrantInput,
): Promise<GrantValuation> {
  const user = signedIn(actor);
  const { valuation } = await valueGrant(ctx.db, user, companyId, input, calendarDate(ctx.now()), false);
  return valuation;
}

/**
 * Makes a grant (stödbeslut) after the checks of `valueGrant`, in one transaction that locks the
 * single undertaking's companies, so two grants to it are checked one after the other. A
 * correction replaces an earlier grant, which is kept and marked; grants are never edited.
 */
export async function makeGrant(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  input: GrantInput,
): Promise<GrantCreated> {
  const user = signedIn(actor);
  const id = randomUUID();
  const valuation = await ctx.db.transaction(async (tx) => {
    const first = await getCompanyForStateAid(tx, user, companyId);
    await q.lockCompanies(
      tx,
      (await membersOf(tx, first.facts)).map((m) => m.id),
    );
    const now = ctx.now();
    const checked = await valueGrant(tx, user, companyId, input, calendarDate(now), true);
    const values: q.GrantInsert = {
      id,
      programmeId: checked.facts.programmeId,
      companyId,
      organisationId: checked.facts.organisationId,
      legalBasis: checked.valuation.legalBasis,
      grantedOn: input.grantedOn,
      plannedQuarterHours: checked.plannedQuarterHours,
      hourlyRateSek: checked.valuation.hourlyRateSek,
      plannedActivities: checked.valuation.plannedActivities,
      valueOre: checked.valuation.valueOre,
      rateMonth: checked.valuation.rateMonth,
      sekPerEurE4: parseSekPerEur(checked.valuation.sekPerEur)!,
      valueCents: checked.valuation.valueCents,
      declarationId: checked.declarationId,
      windowTotalCents: checked.ceiling?.totalCents ?? 0,
      replacesGrantId: input.replacesGrantId ?? null,
      replacementReason: input.replacesGrantId ? (input.replacementReason ?? null) : null,
      createdBy: user.userId,
      createdAt: now,
    };
    await q.insertGrant(tx, values);
    if (checked.replaced) {
      const marked = await q.markGrantReplaced(tx, checked.replaced.row.id, id, now);
      if (!marked) throw refused('replaced_already', 'The grant has already been replaced');
      await recordAudit(tx, user, now, {
        action: 'state_aid_grant.replace',
        entityType: 'state_aid_grant',
        entityId: checked.replaced.row.id,
        organisationId: checked.facts.organisationId,
        before: checked.replaced.row,
        after: marked,
      });
    }
    await recordAudit(tx, user, now, {
      action: 'state_aid_grant.grant',
      entityType: 'state_aid_grant',
      entityId: id,
      organisationId: checked.facts.organisationId,
      after: { ...values, ceiling: checked.valuation.ceiling },
    });
    return checked.valuation;
  });
  return { grant: toGrant((await q.findGrant(ctx.db, id))!), valuation };
}

/** A grant the actor may read (its company in full), or 404. */
export async function getGrant(ctx: AppContext, actor: Actor, id: string) {
  const user = signedIn(actor);
  const found = await q.findGrant(ctx.db, id);
  if (!found) throw notFound('The grant');
  const ref = await findCompanyActorMaySeeInFull(ctx.db, user, found.row.companyId);
  if (!ref) throw notFound('The grant');
  return found;
}

// Documents.

function addressOf(facts: CompanyFacts): string | null {
  const place = [facts.postalCode, facts.city].filter(Boolean).join(' ');
  const parts = [facts.streetAddress, place].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

/** The notice of aid as a PDF (Swedish), for whoever sees the company in full; its figures are the
 * stored grant's, so the notice made today and in ten years say the same. */
export async function noticeOf(ctx: AppContext, actor: Actor, grantId: string) {
  const found = await getGrant(ctx, actor, grantId);
  const { row } = found;
  const facts = (await q.findCompanyFacts(ctx.db, row.companyId))!;
  const replaced = row.replacesGrantId ? await q.findGrant(ctx.db, row.replacesGrantId) : undefined;
  const content = await noticePdf({
    programmeName: await q.programmeName(ctx.db, row.programmeId),
    organisationName: found.organisationName,
    company: { name: facts.name, organisationNumber: facts.organisationNumber, address: addressOf(facts) },
    grant: {
      id: row.id,
      grantedOn: row.grantedOn,
      legalBasis: row.legalBasis,
      plannedHours: toHours(row.plannedQuarterHours),
      hourlyRateSek: row.hourlyRateSek,
      plannedActivities: row.plannedActivities,
      valueOre: row.valueOre,
      valueCents: row.valueCents,
      rateMonth: row.rateMonth,
      sekPerEur: formatSekPerEur(row.sekPerEurE4 as SekPerEurE4),
      windowTotalCents: row.windowTotalCents,
      replaces: replaced ? { grantedOn: replaced.row.grantedOn, reason: row.replacementReason ?? '' } : null,
    },
    madeOn: calendarDate(ctx.now()),
  });
  return { fileName: `stodbeslut-${row.grantedOn}.pdf`, content };
}

/** The declaration form as a PDF, pre-filled with the company, the planned amount, the programme's
 * grants on record and the earlier aid of its latest confirmed declaration. */
export async function declarationFormOf(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  plannedAmountOre: number | undefined,
) {
  const user = signedIn(actor);
  const { facts } = await getCompanyForStateAid(ctx.db, user, companyId);
  const [grants, [latest]] = await Promise.all([
    q.listGrantsOfCompanies(ctx.db, [companyId]),
    q.listLatestConfirmedDeclarations(ctx.db, [companyId]),
  ]);
  const declared = latest ? await q.listDeclaredAids(ctx.db, [latest.id]) : [];
  const content = await declarationFormPdf({
    programmeName: await q.programmeName(ctx.db, facts.programmeId),
    organisationName: facts.organisationName,
    company: { name: facts.name, organisationNumber: facts.organisationNumber, address: addressOf(facts) },
    plannedAmountOre: plannedAmountOre ?? null,
    programmeGrants: grants
      .filter(({ row }) => row.replacedByGrantId === null)
      .map(({ row }) => ({ grantedOn: row.grantedOn, valueOre: row.valueOre, valueCents: row.valueCents })),
    declaredAids: declared.map((aid) => ({
      grantingBody: aid.grantingBody,
      amountOre: aid.amountOre,
      decidedOn: aid.decidedOn,
      paidAmountOre: aid.paidAmountOre,
      paidOn: aid.paidOn,
    })),
    declaredOn: latest?.signedOn ?? null,
    madeOn: calendarDate(ctx.now()),
  });
  return { fileName: `de-minimis-intyg-${facts.organisationNumber}.pdf`, content };
}

// The programme export.

const exportCap = 100_000;
const legalBasisLabels: Record<LegalBasis, string> = {
  de_minimis: 'Stöd av mindre betydelse (förordning (EU) 2023/2831)',
  gber_article_28: 'Gruppundantag, artikel 28 (förordning (EU) nr 651/2014)',
};

/**
 * Every grant dated in a period as .xlsx (issue 13, item 5): organisation number, name, amount in
 * SEK and EUR, grant date, legal basis and granting organisation, the list that goes to the
 * managing authority and the national aid register. Admins export the programme; a coach the
 * grants of their own organisation. Replaced grants are listed with what replaced them.
 */
export async function exportGrants(ctx: AppContext, actor: Actor, query: GrantPeriodQuery) {
  const user = signedIn(actor);
  if (!can(user, 'exportStateAidGrants')) throw forbidden();
  const organisationId = user.role === 'coach' ? user.organisationId : null;
  const rows = await q.listGrantsInPeriod(ctx.db, { from: query.from, to: query.to, organisationId }, exportCap + 1);
  const isTruncated = rows.length > exportCap;
  const kept = rows.slice(0, exportCap);
  const content = await writeXlsxSheets([
    {
      name: 'Stödbeslut',
      columns: [
        { header: 'Organisationsnummer', width: 16 },
        { header: 'Företag', width: 36 },
        { header: 'Belopp (kr)', width: 14, numFmt: '#,##0.00' },
        { header: 'Belopp (euro)', width: 14, numFmt: '#,##0.00' },
        { header: 'Eurokurs', width: 10, numFmt: '0.0000' },
        { header: 'Beslutsdatum', width: 13 },
        { header: 'Rättslig grund', width: 44 },
        { header: 'Stödgivande organisation', width: 30 },
        { header: 'Status', width: 10 },
        { header: 'Rättelse av beslut', width: 38 },
        { header: 'Beslutets nummer', width: 38 },
      ],
      rows: kept.map((row) => [
        row.organisationNumber,
        row.companyName,
        row.valueOre / 100,
        row.valueCents / 100,
        row.sekPerEurE4 / 10_000,
        row.grantedOn,
        legalBasisLabels[row.legalBasis],
        row.organisationName,
        row.replacedByGrantId ? 'Ersatt' : 'Gäller',
        row.replacesGrantId,
        row.id,
      ]),
    },
  ]);
  return { fileName: `stodbeslut-${query.from}-${query.to}.xlsx`, content, isTruncated, count: kept.length };
}

// For other modules.

/** Whether the company has a current grant: a coach logging support without one is warned. */
export async function hasCurrentGrant(db: Db, companyId: string): Promise<boolean> {
  return q.hasCurrentGrant(db, companyId);
}

/** Of the companies, those without a current grant (a registration's warning). */
export async function listCompaniesWithoutGrant(db: Db, companyIds: readonly string[]) {
  return q.listCompaniesWithoutGrant(db, companyIds);
}

/** The coach's companies whose realised support passed their granted value: "my week" tells the
 * coach a new grant is needed (issue 13, item 3). */
export async function listGrantsExceeded(db: Db, coachId: string): Promise<GrantExceeded[]> {
  const candidates = await q.listGrantedValueOfCoachCompanies(db, coachId);
  if (candidates.length === 0) return [];
  const realised = await realisedOf(
    db,
    candidates.map((c) => c.companyId),
  );
  return candidates
    .map((c) => ({
      companyId: c.companyId,
      companyName: c.companyName,
      grantedValueOre: Number(c.grantedValueOre),
      realisedValueOre: realised.get(c.companyId)!.value.valueOre as number,
    }))
    .filter((c) => needsNewGrant(c.realisedValueOre as Ore, c.grantedValueOre as Ore));
}
