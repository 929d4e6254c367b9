import { randomUUID } from 'node:crypto';
import {
  can,
  canSeeFullOrganisationNumber,
  companyAccess,
  companyRecordAbilities,
  companyScope,
  fullOrganisationNumberScope,
  type CompanyRef,
} from '../../../core/access';
import { calendarDate } from '../../../core/calendar';
import { nextStatuses, statusChangeProblem, statusDateProblem } from '../../../core/company-status';
import { isLegalPersonNumber, maskOrganisationNumber } from '../../../core/organisation-number';
import { isInCoFinancerGeography, municipalityByCode, municipalitiesInArea } from '../../../core/regions';
import type { Actor } from '../../../core/roles';
import { rateForYear, smeClassFromSek } from '../../../core/sme-class';
import { parseSniCode } from '../../../core/sni';
import { companyCountCap, companyFactFields } from '../../../contracts/companies';
import type {
  ChangeCompanyStatusBody,
  Company,
  CompanyListItem,
  CompanyListQuery,
  ThinCompany,
} from '../../../contracts/companies';
import type { z } from 'zod';
import type { createCompanyBodySchema, updateCompanyBodySchema } from '../../../contracts/companies';
import { coFinancers } from '../../content/co-financers';
import { municipalities } from '../../content/municipalities';
import { sniDivisions } from '../../content/sni';
import { sekPerEurRates } from '../../content/rates';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { AppError, forbidden, invalidField, notFound, staleVersion, unauthenticated } from '../../errors';
import { currentProgrammeId } from '../../programme';
import { recordAudit } from '../audit/audit.service';
import { listContactsOfCompany } from '../contacts/contacts.service';
import { getCompanyActorMayEdit } from '../company-access/company-access.service';
import * as q from './companies.queries';

type CreateInput = z.output<typeof createCompanyBodySchema>;
type UpdateInput = z.output<typeof updateCompanyBodySchema>;
type Facts = Omit<CreateInput, 'organisationNumber' | 'organisationId'>;

function signedInOnly(actor: Actor): asserts actor is Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'anonymous') throw unauthenticated();
}

/** The number as this actor may see it: a sole trader's personal number is masked for outsiders. */
function visibleNumber(
  actor: Actor,
  row: { id: string; organisationId: string; organisationNumber: string; isSoleTrader: boolean },
): string {
  return row.isSoleTrader && !canSeeFullOrganisationNumber(actor, row)
    ? maskOrganisationNumber(row.organisationNumber)
    : row.organisationNumber;
}

const sniDivisionNames = new Map(sniDivisions.map((d) => [d.code, { sv: d.nameSv, en: d.nameEn }]));

function sniDivisionName(code: string | null): { sv: string; en: string } | null {
  return code === null ? null : (sniDivisionNames.get(code) ?? null);
}

function municipalityName(code: string | null): string | null {
  return code ? (municipalityByCode(municipalities, code)?.name ?? null) : null;
}

/** The figures derived from the facts: SNI division and the EU SME class (docs/domain.md). */
function derivedFacts(facts: Partial<Facts> & { financialYear?: number | null }, now: Date) {
  const sni = facts.sniCode ? parseSniCode(facts.sniCode) : null;
  const year = facts.financialYear ?? now.getUTCFullYear() - 1;
  const rate = rateForYear(sekPerEurRates, year);
  const sizeClass =
    rate && facts.headcount !== undefined && facts.headcount !== null
      ? smeClassFromSek({
          headcount: facts.headcount,
          turnoverSek: facts.turnoverSek ?? null,
          balanceSheetSek: facts.balanceSheetSek ?? null,
          sekPerEur: rate.sekPerEur,
        })
      : null;
  return {
    sniCode: sni && 'code' in sni ? sni.code : null,
    sniDivision: sni && 'division' in sni ? sni.division : null,
    sniVersion: sni && 'code' in sni ? 'SNI 2007' : null,
    sizeClass,
  };
}

async function assertFacts(db: Db, facts: Partial<Facts>, organisationId: string): Promise<void> {
  if (facts.municipalityCode && !municipalityByCode(municipalities, facts.municipalityCode)) {
    throw invalidField('municipalityCode', 'not_found', 'Choose a municipality in Västra Götaland or Halland');
  }
  if (facts.sniCode && 'problem' in parseSniCode(facts.sniCode)) {
    throw invalidField('sniCode', 'invalid_format', 'An SNI code is 2–5 digits, e.g. 25.620');
  }
  if (facts.coachId) {
    const coach = await q.findCoach(db, facts.coachId);
    if (!coach || coach.role !== 'coach' || coach.organisationId !== organisationId || coach.status === 'deactivated') {
      throw invalidField('coachId', 'not_in_organisation', "Choose a coach of the company's responsible organisation");
    }
  }
}

function warningsOf(row: q.CompanyRow): string[] {
  const warnings: string[] = [];
  if (row.sniDivision && !parseSniCodeIsManufacturing(row.sniDivision)) warnings.push('sni_not_manufacturing');
  if (row.isSoleTrader) warnings.push('sole_trader_personal_number');
  if (row.headcount === null) warnings.push('size_unknown');
  return warnings;
}

function parseSniCodeIsManufacturing(division: string): boolean {
  const parsed = parseSniCode(division);
  return 'isManufacturing' in parsed && parsed.isManufacturing;
}

/** The thin view: enough for a coach elsewhere to see that a company is taken, and by whom. */
export function toThinCompany(
  actor: Actor,
  row: {
    id: string;
    name: string;
    organisationNumber: string;
    isSoleTrader: boolean;
    organisationId: string;
    organisationName: string;
    status: ThinCompany['status'];
    pendingHandovers?: number;
  },
): ThinCompany {
  return {
    id: row.id,
    name: row.name,
    organisationNumber: visibleNumber(actor, row),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    status: row.status,
    isOwn: companyAccess(actor, row) === 'full',
    hasPendingHandover: Number(row.pendingHandovers ?? 0) > 0,
  };
}

function toListItem(actor: Actor, row: Awaited<ReturnType<typeof q.listCompanies>>['rows'][number]): CompanyListItem {
  return {
    id: row.id,
    name: row.name,
    organisationNumber: visibleNumber(actor, row),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    coachId: row.coachId,
    coachName: row.coachName,
    status: row.status,
    municipalityCode: row.municipalityCode,
    municipalityName: municipalityName(row.municipalityCode),
    sizeClass: row.sizeClass,
    sniCode: row.sniCode,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The list's filters as the queries take them: a reporting area and a co-financer become the
 * municipalities in them (content); an unknown co-financer or a period that ends before it starts
 * answers 400 naming the field. */
function listFilters(
  actor: Actor,
  query: Omit<CompanyListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
): q.ListFilters {
  const { reportingArea, coFinancer: coFinancerKey, ...rest } = query;
  if (rest.from && rest.to && rest.from > rest.to)
    throw invalidField('to', 'before_from', 'The period ends before it starts');
  const coFinancer = coFinancerKey ? coFinancers.find((c) => c.key === coFinancerKey) : undefined;
  if (coFinancerKey && !coFinancer) throw invalidField('coFinancer', 'not_found', 'Choose one of the co-financers');
  return {
    ...rest,
    fullNumberScope: fullOrganisationNumberScope(actor),
    ...(reportingArea && { municipalityCodes: municipalitiesInArea(municipalities, reportingArea).map((m) => m.code) }),
    ...(coFinancer && {
      coFinancerMunicipalityCodes: municipalities
        .filter((m) => isInCoFinancerGeography(coFinancer, m))
        .map((m) => m.code),
    }),
  };
}

/** The companies the actor works on, filtered, sorted and paged (admin all, coach own organisation's, company user their own). */
export async function listCompanies(ctx: AppContext, actor: Actor, query: CompanyListQuery) {
  signedInOnly(actor);
  const programmeId = await currentProgrammeId(ctx.db);
  const { page, pageSize, sort, order, ...filters } = query;
  const { rows, total, isTotalCapped } = await q.listCompanies(
    ctx.db,
    companyScope(actor),
    programmeId,
    listFilters(actor, filters),
    { page, pageSize, sort, order },
    companyCountCap,
  );
  return { items: rows.map((row) => toListItem(actor, row)), total, isTotalCapped, page, pageSize };
}

/** Up to `limit` companies in scope with the filters, as plain rows for the export file. */
export async function listCompaniesForExport(
  ctx: AppContext,
  actor: Actor,
  query: Omit<CompanyListQuery, 'page' | 'pageSize' | 'sort' | 'order'>,
  limit: number,
) {
  signedInOnly(actor);
  const programmeId = await currentProgrammeId(ctx.db);
  const rows = await q.listCompaniesForExport(
    ctx.db,
    companyScope(actor),
    programmeId,
    listFilters(actor, query),
    limit,
  );
  return rows.map((row) => ({
    ...toListItem(actor, row),
    streetAddress: row.streetAddress,
    postalCode: row.postalCode,
    city: row.city,
    headcount: row.headcount,
    turnoverSek: row.turnoverSek,
    balanceSheetSek: row.balanceSheetSek,
    financialYear: row.financialYear,
  }));
}

/** Thin views of companies anywhere in the programme, so a coach sees who already holds one. */
export async function lookUpCompanies(ctx: AppContext, actor: Actor, text: string): Promise<ThinCompany[]> {
  signedInOnly(actor);
  if (!can(actor, 'lookUpCompanies')) throw forbidden();
  const programmeId = await currentProgrammeId(ctx.db);
  const rows = await q.lookUpCompanies(ctx.db, programmeId, text, fullOrganisationNumberScope(actor), 20);
  return rows.map((row) => toThinCompany(actor, row));
}

/** A company the actor may see in full, with history, contacts and what they may do; otherwise 404. */
export async function getCompany(ctx: AppContext, actor: Actor, id: string, db: Db = ctx.db): Promise<Company> {
  signedInOnly(actor);
  const found = await q.findCompanyDetail(db, id);
  if (!found || companyAccess(actor, found.company) !== 'full') throw notFound('The company');
  const row = found.company;
  const [statusHistory, contacts] = await Promise.all([q.listStatusChanges(db, id), listContactsOfCompany(db, id)]);
  const abilities = companyRecordAbilities(actor, row);
  const sni = row.sniDivision ? parseSniCode(row.sniDivision) : null;
  return {
    id: row.id,
    organisationNumber: visibleNumber(actor, row),
    isSoleTrader: row.isSoleTrader,
    name: row.name,
    streetAddress: row.streetAddress,
    postalCode: row.postalCode,
    city: row.city,
    municipalityCode: row.municipalityCode,
    municipalityName: municipalityName(row.municipalityCode),
    reportingAreas: row.municipalityCode
      ? [...(municipalityByCode(municipalities, row.municipalityCode)?.reportingAreas ?? [])]
      : [],
    sniCode: row.sniCode,
    sniDivision: row.sniDivision,
    sniDivisionName: sniDivisionName(row.sniDivision),
    isManufacturing: sni && 'isManufacturing' in sni ? sni.isManufacturing : null,
    headcount: row.headcount,
    turnoverSek: row.turnoverSek,
    balanceSheetSek: row.balanceSheetSek,
    financialYear: row.financialYear,
    sizeClass: row.sizeClass,
    organisationId: row.organisationId,
    organisationName: found.organisationName,
    coachId: row.coachId,
    coachName: found.coachName,
    status: row.status,
    statusChangedOn: row.statusChangedOn,
    withdrawnReason: row.withdrawnReason,
    undertakingId: row.undertakingId,
    undertakingName: found.undertakingName,
    allowsColleagueInvites: row.allowsColleagueInvites,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    warnings: warningsOf(row),
    statusHistory: statusHistory.map((change) => ({ ...change, changedOn: String(change.changedOn) })),
    contacts,
    abilities: { ...abilities, nextStatuses: abilities.canChangeStatus ? [...nextStatuses(row.status)] : [] },
  };
}

/** A company the actor sees in full with what its portal needs (name, coach, the colleague
 * invite setting); otherwise 404 like one that does not exist. */
export async function getPortalCompany(
  db: Db,
  actor: Actor,
  companyId: string,
): Promise<
  CompanyRef & { name: string; organisationName: string; coachId: string | null; allowsColleagueInvites: boolean }
> {
  const found = await q.findCompanyDetail(db, companyId);
  if (!found || companyAccess(actor, found.company) !== 'full') throw notFound('The company');
  const { company } = found;
  return {
    id: company.id,
    organisationId: company.organisationId,
    name: company.name,
    organisationName: found.organisationName,
    coachId: company.coachId,
    allowsColleagueInvites: company.allowsColleagueInvites,
  };
}

/** True when a company with this id exists, whoever may see it. */
export async function companyExists(db: Db, companyId: string): Promise<boolean> {
  return (await q.findCompanyRow(db, companyId)) !== undefined;
}

/** The thin view of a company by id for a hand-over request, or 404 when it does not exist. */
export async function getThinCompany(db: Db, actor: Actor, companyId: string): Promise<ThinCompany & CompanyRef> {
  const found = await q.findCompanyDetail(db, companyId);
  if (!found) throw notFound('The company');
  return {
    ...toThinCompany(actor, { ...found.company, organisationName: found.organisationName }),
    organisationId: found.company.organisationId,
  };
}

/** Moves a company to another organisation (an approved hand-over), audited by the caller. */
export async function moveCompany(
  db: Db,
  companyId: string,
  organisationId: string,
  coachId: string | null,
  at: Date,
): Promise<void> {
  const row = await q.findCompanyRow(db, companyId);
  if (!row) throw notFound('The company');
  const moved = await q.updateCompanyIfVersion(db, companyId, row.version, { organisationId, coachId, updatedAt: at });
  if (!moved) throw staleVersion(row.version);
}

/** Inserts a new company as a prospect with the first row of its status history. */
async function insertProspect(
  tx: Db,
  /** Who registered it; null for a company that sent the public interest form (decision 045). */
  changedBy: string | null,
  p: {
    id: string;
    programmeId: string;
    organisationId: string;
    organisationNumber: string;
    facts: Facts;
    coachId: string | null;
    now: Date;
    reason?: string;
  },
): Promise<q.CompanyInsert> {
  const { facts, now } = p;
  const values: q.CompanyInsert = {
    id: p.id,
    programmeId: p.programmeId,
    organisationId: p.organisationId,
    organisationNumber: p.organisationNumber,
    isSoleTrader: !isLegalPersonNumber(p.organisationNumber),
    name: facts.name,
    streetAddress: facts.streetAddress ?? null,
    postalCode: facts.postalCode ?? null,
    city: facts.city ?? null,
    municipalityCode: facts.municipalityCode ?? null,
    headcount: facts.headcount ?? null,
    turnoverSek: facts.turnoverSek ?? null,
    balanceSheetSek: facts.balanceSheetSek ?? null,
    financialYear: facts.financialYear ?? null,
    coachId: p.coachId,
    ...derivedFacts(facts, now),
    status: 'prospect',
    statusChangedOn: calendarDate(now),
    createdAt: now,
    updatedAt: now,
  };
  await q.insertCompany(tx, values);
  await q.insertStatusChange(tx, {
    id: randomUUID(),
    companyId: p.id,
    fromStatus: null,
    toStatus: 'prospect',
    changedOn: values.statusChangedOn!,
    changedBy,
    reason: p.reason ?? null,
  });
  return values;
}

function responsibleOrganisation(actor: Extract<Actor, { kind: 'user' }>, requested: string | undefined): string {
  switch (actor.role) {
    case 'admin':
      if (!requested) throw invalidField('organisationId', 'required', 'Choose the responsible organisation');
      return requested;
    case 'coach':
      if (requested && requested !== actor.organisationId) {
        throw invalidField('organisationId', 'not_own', 'A coach registers companies for their own organisation');
      }
      return actor.organisationId;
    case 'company':
      throw forbidden();
  }
}

/**
 * Registers a company as a prospect. The organisation number is unique in the programme: a
 * number already held answers 409 with the thin view of the holder, so the coach can ask for a
 * hand-over instead of enrolling the company twice.
 */
export async function registerCompany(ctx: AppContext, actor: Actor, input: CreateInput): Promise<Company> {
  signedInOnly(actor);
  if (!can(actor, 'registerCompanies')) throw forbidden();
  const organisationId = responsibleOrganisation(actor, input.organisationId);
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const programmeId = await currentProgrammeId(tx);
    if (!(await q.findOrganisationName(tx, organisationId)))
      throw invalidField('organisationId', 'not_found', 'No such organisation');
    const existing = await q.findCompanyByOrganisationNumber(tx, programmeId, input.organisationNumber);
    if (existing) {
      const organisationName = (await q.findOrganisationName(tx, existing.organisationId)) ?? '';
      throw new AppError('conflict', 'The programme already has a company with this organisation number', {
        existingCompany: toThinCompany(actor, { ...existing, organisationName }),
      });
    }
    const { organisationNumber, organisationId: _ignored, ...facts } = input;
    await assertFacts(tx, facts, organisationId);
    const now = ctx.now();
    const values = await insertProspect(tx, actor.userId, {
      id,
      programmeId,
      organisationId,
      organisationNumber,
      facts,
      coachId: facts.coachId ?? (actor.role === 'coach' ? actor.userId : null),
      now,
    });
    await recordAudit(tx, actor, now, {
      action: 'company.register',
      entityType: 'company',
      entityId: id,
      organisationId,
      after: values,
    });
  });
  return getCompany(ctx, actor, id);
}

/** The company holding this organisation number in the current programme, if any, and its coach. */
export async function findCompanyByNumber(db: Db, organisationNumber: string) {
  const row = await q.findCompanyByOrganisationNumber(db, await currentProgrammeId(db), organisationNumber);
  return row && { id: row.id, name: row.name, organisationId: row.organisationId, coachId: row.coachId };
}

/**
 * Registers a company that sent the public interest form as a prospect of the organisation
 * covering its municipality, with no coach yet (decision 045). The caller has checked that the
 * number is not in the programme, in the same transaction; the unique index holds if two race.
 */
export async function registerInterestedCompany(
  tx: Db,
  now: Date,
  input: { organisationId: string; organisationNumber: string; name: string; municipalityCode: string | null },
  reason = 'Intresseanmälan',
): Promise<{ id: string }> {
  const id = randomUUID();
  const values = await insertProspect(tx, null, {
    id,
    programmeId: await currentProgrammeId(tx),
    organisationId: input.organisationId,
    organisationNumber: input.organisationNumber,
    facts: { name: input.name, municipalityCode: input.municipalityCode },
    coachId: null,
    now,
    reason,
  });
  await recordAudit(tx, null, now, {
    action: 'company.register_interest',
    entityType: 'company',
    entityId: id,
    organisationId: input.organisationId,
    after: values,
  });
  return { id };
}

/** Changes a company's facts (its responsible organisation's coaches and admins); a stale version answers 409. */
export async function updateCompany(ctx: AppContext, actor: Actor, id: string, input: UpdateInput): Promise<Company> {
  signedInOnly(actor);
  await ctx.db.transaction(async (tx) => {
    await getCompanyActorMayEdit(tx, actor, id);
    const before = (await q.findCompanyRow(tx, id))!;
    if (before.version !== input.version) throw staleVersion(before.version);
    const { version, undertakingId, ...changes } = input;
    await assertFacts(tx, changes, before.organisationId);
    if (undertakingId && !(await q.findUndertaking(tx, undertakingId)))
      throw invalidField('undertakingId', 'not_found', 'No such undertaking');
    const merged = {
      ...before,
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
    } as q.CompanyRow;
    const now = ctx.now();
    const after = await q.updateCompanyIfVersion(tx, id, version, {
      ...Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)),
      ...(undertakingId !== undefined && { undertakingId }),
      ...derivedFacts(merged, now),
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await recordAudit(tx, actor, now, {
      action: 'company.update',
      entityType: 'company',
      entityId: id,
      organisationId: before.organisationId,
      before,
      after,
    });
  });
  return getCompany(ctx, actor, id);
}

/** Moves a company along prospect → enrolled → active → completed, or withdraws it with a reason; kept as history. */
export async function changeCompanyStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ChangeCompanyStatusBody,
): Promise<Company> {
  signedInOnly(actor);
  await ctx.db.transaction(async (tx) => {
    await getCompanyActorMayEdit(tx, actor, id);
    const before = (await q.findCompanyRow(tx, id))!;
    if (before.version !== input.version) throw staleVersion(before.version);
    const problem = statusChangeProblem(before.status, input.status, input.reason);
    if (problem === 'reason_required') throw invalidField('reason', 'required', 'Say why the company withdraws');
    if (problem) throw invalidField('status', problem, `A ${before.status} company cannot become ${input.status}`);
    const now = ctx.now();
    const dateProblem = statusDateProblem(input.changedOn, before.statusChangedOn, calendarDate(now));
    if (dateProblem === 'in_future') throw invalidField('changedOn', dateProblem, 'The date cannot be in the future');
    if (dateProblem)
      throw invalidField(
        'changedOn',
        dateProblem,
        `The date cannot be before the previous change (${before.statusChangedOn})`,
      );
    const after = await q.updateCompanyIfVersion(tx, id, input.version, {
      status: input.status,
      statusChangedOn: input.changedOn,
      withdrawnReason: input.status === 'withdrawn' ? (input.reason ?? null) : null,
      updatedAt: now,
    });
    if (!after) throw staleVersion(before.version);
    await q.insertStatusChange(tx, {
      id: randomUUID(),
      companyId: id,
      fromStatus: before.status,
      toStatus: input.status,
      changedOn: input.changedOn,
      changedBy: actor.userId,
      reason: input.reason ?? null,
    });
    await recordAudit(tx, actor, now, {
      action: 'company.change_status',
      entityType: 'company',
      entityId: id,
      organisationId: before.organisationId,
      before: { status: before.status },
      after: { status: input.status, changedOn: input.changedOn, reason: input.reason },
    });
  });
  return getCompany(ctx, actor, id);
}

export async function listUndertakings(ctx: AppContext, actor: Actor, text: string | undefined) {
  signedInOnly(actor);
  if (!can(actor, 'registerCompanies')) throw forbidden();
  return (await q.listUndertakings(ctx.db, text)).map((row) => ({ ...row, companyCount: Number(row.companyCount) }));
}

/** Creates a named group of linked companies (a single undertaking, for de minimis). */
export async function createUndertaking(ctx: AppContext, actor: Actor, name: string) {
  signedInOnly(actor);
  if (!can(actor, 'registerCompanies')) throw forbidden();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await q.insertUndertaking(tx, { id, name, createdAt: ctx.now() });
    await recordAudit(tx, actor, ctx.now(), {
      action: 'undertaking.create',
      entityType: 'undertaking',
      entityId: id,
      after: { name },
    });
  });
  return { id, name, companyCount: 0 };
}

// Import from spreadsheets: the company-import module parses and validates rows, then
// classifies and saves each through these two functions, so the register's rules live here.

export type ImportAction = 'create' | 'update' | 'unchanged';

function importChanges(existing: q.CompanyRow, input: Facts, now: Date): Partial<q.CompanyInsert> {
  const derived = derivedFacts({ ...existing, ...definedOnly(input) }, now);
  const changes: Partial<q.CompanyInsert> = {};
  for (const field of companyFactFields) {
    const value = field === 'sniCode' ? derived.sniCode : input[field];
    if (value !== undefined && value !== null && value !== existing[field]) Object.assign(changes, { [field]: value });
  }
  return changes;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

/**
 * What importing one row would do: create, update (an own company's facts differ) or leave it
 * unchanged. A number another organisation holds is an error for the row, never an overwrite.
 * Empty cells never blank a stored value, so re-importing the same file changes nothing.
 */
export type ImportClassification =
  | { action: ImportAction; existing: q.CompanyRow | null }
  | { problem: 'held_by_other_organisation'; organisationName: string };

export async function classifyImportedCompanies(
  db: Db,
  organisationId: string,
  inputs: readonly CreateInput[],
  now: Date,
): Promise<ImportClassification[]> {
  const programmeId = await currentProgrammeId(db);
  const numbers = [...new Set(inputs.map((input) => input.organisationNumber))];
  const existingByNumber = new Map<string, q.CompanyRow>();
  // One lookup per thousand rows instead of one per row.
  for (let start = 0; start < numbers.length; start += 1000) {
    for (const row of await q.findCompaniesByOrganisationNumbers(db, programmeId, numbers.slice(start, start + 1000))) {
      existingByNumber.set(row.organisationNumber, row);
    }
  }
  const otherOrganisations = [...new Set([...existingByNumber.values()].map((row) => row.organisationId))].filter(
    (id) => id !== organisationId,
  );
  const names = new Map<string, string>();
  for (const id of otherOrganisations) names.set(id, (await q.findOrganisationName(db, id)) ?? '');
  return inputs.map((input) => {
    const existing = existingByNumber.get(input.organisationNumber);
    if (!existing) return { action: 'create', existing: null };
    if (existing.organisationId !== organisationId) {
      return { problem: 'held_by_other_organisation', organisationName: names.get(existing.organisationId) ?? '' };
    }
    const { organisationNumber: _n, organisationId: _o, ...facts } = input;
    return { action: Object.keys(importChanges(existing, facts, now)).length === 0 ? 'unchanged' : 'update', existing };
  });
}

/** Saves one classified row inside the caller's transaction, audited like a manual change. */
export async function saveImportedCompany(
  tx: Db,
  actor: Actor,
  organisationId: string,
  input: CreateInput,
  now: Date,
  classified: ImportClassification,
): Promise<ImportAction> {
  signedInOnly(actor);
  if (!can(actor, 'importCompanies')) throw forbidden();
  if ('problem' in classified)
    throw invalidField('organisationNumber', classified.problem, `Held by ${classified.organisationName}`);
  const { organisationNumber, organisationId: _o, ...facts } = input;
  await assertFacts(tx, { ...facts, coachId: undefined }, organisationId);
  const programmeId = await currentProgrammeId(tx);
  if (classified.action === 'unchanged') return 'unchanged';
  if (classified.action === 'update') {
    const existing = classified.existing!;
    const changes = importChanges(existing, facts, now);
    const after = await q.updateCompanyIfVersion(tx, existing.id, existing.version, {
      ...changes,
      ...derivedFacts({ ...existing, ...changes }, now),
      updatedAt: now,
    });
    if (!after) throw staleVersion(existing.version);
    await recordAudit(tx, actor, now, {
      action: 'company.import_update',
      entityType: 'company',
      entityId: existing.id,
      organisationId,
      before: existing,
      after,
    });
    return 'update';
  }
  const id = randomUUID();
  const values = await insertProspect(tx, actor.userId, {
    id,
    programmeId,
    organisationId,
    organisationNumber,
    facts,
    coachId: null,
    now,
    reason: 'import',
  });
  await recordAudit(tx, actor, now, {
    action: 'company.import_create',
    entityType: 'company',
    entityId: id,
    organisationId,
    after: values,
  });
  return 'create';
}
