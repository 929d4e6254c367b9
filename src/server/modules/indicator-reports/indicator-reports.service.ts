import { can, funderReportScope } from '../../../core/access';
import {
  indicatorRules,
  sizeClassOn,
  supportReason,
  type Attendance,
  type CompanySupport,
  type CountedCompany,
  type GeographyOf,
  type SupportRuleSettings,
} from '../../../core/indicators';
import { coFinancersOf, isInCoFinancerGeography, municipalityByCode, reportingAreasOf } from '../../../core/regions';
import type { Actor } from '../../../core/roles';
import type {
  DataQuality,
  IndicatorReport,
  IndicatorReportQuery,
  ParticipantRow,
  ProgrammeSettings,
  UpdateProgrammeSettingsBody,
} from '../../../contracts/indicator-reports';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { coFinancers, coFinancersVersion } from '../../content/co-financers';
import { indicatorCatalogue, indicatorCatalogueVersion } from '../../content/indicators';
import { municipalities, municipalitiesVersion } from '../../content/municipalities';
import { forbidden, invalidField, staleVersion, unauthenticated } from '../../http/errors';
import { recordAudit } from '../audit/audit.service';
import * as q from './indicator-reports.queries';

// The indicator report of a period (issue 12, item 2; decision 027): the service reads the facts of
// the companies in scope, the core's rules count them, the catalogue names and orders them.

type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof q.findProgramme>>>;

function settingsOf(programme: ProgrammeRow): SupportRuleSettings {
  return {
    minQuarterHours: programme.supportMinQuarterHours,
    countsMeasurement: programme.supportCountsMeasurement,
    countsAnalysis: programme.supportCountsAnalysis,
  };
}

async function getProgramme(db: Db): Promise<ProgrammeRow> {
  const programme = await q.findProgramme(db);
  if (!programme) throw new Error('No programme: the database has not been seeded');
  return programme;
}

/** Where a municipality counts: its co-financers (content) and its reporting areas. */
const geographyOf: GeographyOf = (code) => ({
  coFinancers: coFinancersOf(coFinancers, municipalities, code),
  reportingAreas: reportingAreasOf(municipalities, code),
});

/** The scope of a report the actor may make: 403 for a company user, or a coach asking for another
 * organisation; 400 naming `coFinancer` for an unknown key. */
function resolveScope(actor: Actor, query: IndicatorReportQuery, programmeId: string): q.ReportScope {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = funderReportScope(actor, query.organisationId);
  if (scope === 'forbidden') throw forbidden('Funder reports are for project management and coaches');
  let municipalityCodes: string[] | null = null;
  if (query.coFinancer) {
    const coFinancer = coFinancers.find((c) => c.key === query.coFinancer);
    if (!coFinancer) throw invalidField('coFinancer', 'not_found', 'Choose one of the co-financers');
    municipalityCodes = municipalities.filter((m) => isInCoFinancerGeography(coFinancer, m)).map((m) => m.code);
  }
  return { programmeId, organisationId: scope.organisationId, municipalityCodes, from: query.from, to: query.to };
}

/** The facts of a report's scope and period, counted by the catalogue's rules. */
export async function buildIndicatorReport(
  ctx: AppContext,
  actor: Actor,
  query: IndicatorReportQuery,
): Promise<IndicatorReport> {
  const programme = await getProgramme(ctx.db);
  const scope = resolveScope(actor, query, programme.id);
  const settings = settingsOf(programme);
  const organisationName = scope.organisationId
    ? await q.findOrganisationName(ctx.db, scope.organisationId)
    : undefined;
  if (scope.organisationId && organisationName === undefined) {
    throw invalidField('organisationId', 'not_found', 'Choose one of the organisations');
  }
  const [
    supportRows,
    attendanceRows,
    realisedByArea,
    stepChanges,
    companiesWithPlan,
    activitiesWithoutAttendance,
    doneWithoutRealised,
    unconfirmedRealised,
    withoutCarrier,
  ] = await Promise.all([
    q.listSupport(ctx.db, scope),
    q.listAttendances(ctx.db, scope),
    q.sumRealisedByArea(ctx.db, scope),
    q.listStepChanges(ctx.db, scope),
    q.countCompaniesWithPlan(ctx.db, scope),
    q.listActivitiesWithoutAttendance(ctx.db, scope, ctx.now()),
    q.listDoneActionsToFollowUp(ctx.db, scope, 'no_realised'),
    q.listDoneActionsToFollowUp(ctx.db, scope, 'unconfirmed'),
    q.listActionsWithoutCarrier(ctx.db, scope),
  ]);
  const companyIds = supportRows.map((row) => row.companyId);
  const [sizeRecords, facts] = await Promise.all([
    q.listSizeRecords(ctx.db, companyIds),
    q.listCompanyFacts(ctx.db, companyIds),
  ]);
  const recordsOf = new Map<string, typeof sizeRecords>();
  for (const record of sizeRecords) {
    const list = recordsOf.get(record.companyId);
    if (list) list.push(record);
    else recordsOf.set(record.companyId, [record]);
  }
  const factsOf = new Map(facts.map((fact) => [fact.companyId, fact]));
  const supports: CompanySupport[] = supportRows.map((row) => ({
    companyId: row.companyId,
    firstSupportOn: row.firstSupportOn,
    lastSupportOn: row.lastSupportOn,
    quarterHours: Number(row.quarterHours),
    hasMeasurement: row.hasMeasurement,
    hasAnalysis: row.hasAnalysis,
    sizeClass: sizeClassOn(recordsOf.get(row.companyId) ?? [], row.firstSupportOn),
    municipalityCode: factsOf.get(row.companyId)?.municipalityCode ?? null,
  }));
  const counted: CountedCompany[] = supports.flatMap((support) => {
    const reason = supportReason(support, settings);
    return reason ? [{ ...support, reason }] : [];
  });
  const attendances = toAttendances(attendanceRows);
  const indicatorFacts = {
    counted,
    attendances,
    geographyOf,
    realisedByArea: realisedByArea.map((row) => ({ area: row.area, kwh: Number(row.kwh), co2eKg: Number(row.co2eKg) })),
    stepChanges,
    companiesWithPlan,
  };
  const indicators = Object.fromEntries(
    indicatorCatalogue.map((definition) => [
      definition.code,
      {
        code: definition.code,
        kind: definition.kind,
        euReference: definition.euReference ?? null,
        name: definition.name,
        unit: definition.unit,
        breakdown: definition.breakdown,
        rule: definition.rule,
        description: definition.description,
        ...indicatorRules[definition.rule](indicatorFacts),
      },
    ]),
  );
  const coFinancer = query.coFinancer ? coFinancers.find((c) => c.key === query.coFinancer) : undefined;
  return {
    period: { from: query.from, to: query.to },
    filters: {
      organisationId: scope.organisationId,
      organisationName: organisationName ?? null,
      coFinancer: coFinancer?.key ?? null,
      coFinancerName: coFinancer?.name ?? null,
    },
    rules: {
      support: {
        minHours: settings.minQuarterHours / 4,
        countsMeasurement: settings.countsMeasurement,
        countsAnalysis: settings.countsAnalysis,
      },
      catalogueVersion: indicatorCatalogueVersion,
      municipalitiesVersion,
      coFinancersVersion,
    },
    madeAt: ctx.now().toISOString(),
    indicators,
    order: indicatorCatalogue.map((definition) => definition.code),
    participants: participantList(supports, counted, factsOf),
    dataQuality: [
      ...companyChecks(supports, factsOf),
      contactCheck(attendanceRows),
      {
        check: 'activity_without_attendance',
        count: activitiesWithoutAttendance[0]?.count ?? 0,
        items: activitiesWithoutAttendance.map((row) => ({
          kind: 'activity' as const,
          id: row.id,
          name: row.name,
          companyId: null,
          companyName: null,
        })),
      },
      actionCheck('done_without_realised', doneWithoutRealised),
      actionCheck('unconfirmed_realised', unconfirmedRealised),
      actionCheck('energy_without_carrier', withoutCarrier),
    ],
    labels: { coFinancers: Object.fromEntries(coFinancers.map((c) => [c.key, c.name])) },
  };
}

function toAttendances(rows: Awaited<ReturnType<typeof q.listAttendances>>): Attendance[] {
  return rows.map((row) => ({
    contactId: row.contactId,
    gender: row.gender,
    activityType: row.activityType,
    areas: typeof row.areas === 'string' ? (JSON.parse(row.areas) as Attendance['areas']) : row.areas,
  }));
}

// The same facts for the programme dashboard (decision 034), so that a figure both show is read by
// one rule: the dashboard's service checks the actor and passes the scope.

/** The scope of a dashboard: the programme's companies, or one organisation's, and a period. */
export type FactScope = { programmeId: string; organisationId: string | null; from: string; to: string };

/** Every attendance in the period of a person of a company in scope (as the participants indicator). */
export async function readAttendances(db: Db, scope: FactScope): Promise<Attendance[]> {
  return toAttendances(await q.listAttendances(db, { ...scope, municipalityCodes: null }));
}

/** Companies in scope per area and pair of baseline and latest follow-up step (as climbed_step). */
export async function readStepPairCounts(db: Db, scope: FactScope) {
  return q.countStepPairs(db, { ...scope, municipalityCodes: null });
}

/** One row per company with support in the period, counted or not, by name. */
function participantList(
  supports: readonly CompanySupport[],
  counted: readonly CountedCompany[],
  factsOf: Map<string, Awaited<ReturnType<typeof q.listCompanyFacts>>[number]>,
): ParticipantRow[] {
  const reasons = new Map(counted.map((company) => [company.companyId, company.reason]));
  return supports
    .flatMap((support) => {
      const fact = factsOf.get(support.companyId);
      if (!fact) return [];
      const geography = support.municipalityCode ? geographyOf(support.municipalityCode) : null;
      const reason = reasons.get(support.companyId) ?? null;
      return [
        {
          companyId: support.companyId,
          organisationNumber: fact.organisationNumber,
          name: fact.name,
          organisationId: fact.organisationId,
          organisationName: fact.organisationName,
          sizeClass: support.sizeClass,
          municipalityCode: support.municipalityCode,
          municipalityName: support.municipalityCode
            ? (municipalityByCode(municipalities, support.municipalityCode)?.name ?? null)
            : null,
          coFinancers: [...(geography?.coFinancers ?? [])],
          reportingAreas: [...(geography?.reportingAreas ?? [])],
          firstSupportOn: support.firstSupportOn!,
          lastSupportOn: support.lastSupportOn!,
          hours: support.quarterHours / 4,
          countsInRco01: reason !== null,
          countsInRco04: reason !== null,
          supportRule: reason,
        },
      ];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv') || (a.companyId < b.companyId ? -1 : 1));
}

// Data quality (issue 12, item 4) -----------------------------------------------------------------

type CompanyFacts = Awaited<ReturnType<typeof q.listCompanyFacts>>[number];

const limited = <T>(items: readonly T[]) => items.slice(0, q.dataQualityListLimit);

/** Supported companies (any support in the period) without size data or municipality, or still prospects. */
function companyChecks(supports: readonly CompanySupport[], factsOf: Map<string, CompanyFacts>): DataQuality {
  const check = (name: DataQuality[number]['check'], isProblem: (s: CompanySupport, f: CompanyFacts) => boolean) => {
    const found = supports
      .flatMap((support) => {
        const fact = factsOf.get(support.companyId);
        return fact && isProblem(support, fact) ? [fact] : [];
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    return {
      check: name,
      count: found.length,
      items: limited(found).map((fact) => ({
        kind: 'company' as const,
        id: fact.companyId,
        name: fact.name,
        companyId: fact.companyId,
        companyName: fact.name,
      })),
    };
  };
  return [
    check('missing_size', (support) => support.sizeClass === null),
    check('missing_municipality', (support) => support.municipalityCode === null),
    check('prospect_supported', (_, fact) => fact.status === 'prospect'),
  ];
}

/** People at activities in the period whose gender is not recorded: they count apart by gender. */
function contactCheck(rows: Awaited<ReturnType<typeof q.listAttendances>>): DataQuality[number] {
  const people = new Map(rows.filter((row) => row.gender === 'not_stated').map((row) => [row.contactId, row]));
  const found = [...people.values()].sort((a, b) => a.contactName.localeCompare(b.contactName, 'sv'));
  return {
    check: 'gender_not_stated',
    count: found.length,
    items: limited(found).map((row) => ({
      kind: 'contact' as const,
      id: row.contactId,
      name: row.contactName,
      companyId: row.companyId,
      companyName: null,
    })),
  };
}

function actionCheck(
  check: 'done_without_realised' | 'unconfirmed_realised' | 'energy_without_carrier',
  rows: Awaited<ReturnType<typeof q.listDoneActionsToFollowUp>>,
): DataQuality[number] {
  return {
    check,
    count: rows[0]?.count ?? 0,
    items: rows.map((row) => ({
      kind: 'action' as const,
      id: row.id,
      name: row.name,
      companyId: row.companyId,
      companyName: row.companyName,
    })),
  };
}

// Settings ---------------------------------------------------------------------------------------

function toSettings(programme: ProgrammeRow): ProgrammeSettings {
  return {
    targetCompanies: programme.targetCompanies,
    supportMinHours: programme.supportMinQuarterHours / 4,
    supportCountsMeasurement: programme.supportCountsMeasurement,
    supportCountsAnalysis: programme.supportCountsAnalysis,
    version: programme.settingsVersion,
  };
}

/** The programme's rule settings: readable by those who make reports. */
export async function getProgrammeSettings(ctx: AppContext, actor: Actor): Promise<ProgrammeSettings> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'viewFunderReports')) throw forbidden();
  return toSettings(await getProgramme(ctx.db));
}

/** Admins change the RCO04 rule and the target (audited, version-checked: 409 on a stale one). */
export async function updateProgrammeSettings(
  ctx: AppContext,
  actor: Actor,
  input: UpdateProgrammeSettingsBody,
): Promise<ProgrammeSettings> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'manageProgrammeSettings')) throw forbidden();
  return ctx.db.transaction(async (tx) => {
    const before = await getProgramme(tx);
    if (before.settingsVersion !== input.version) throw staleVersion(before.settingsVersion);
    const now = ctx.now();
    const after = await q.updateProgrammeSettingsIfVersion(tx, before.id, input.version, {
      ...(input.targetCompanies !== undefined && { targetCompanies: input.targetCompanies }),
      ...(input.supportMinHours !== undefined && { supportMinQuarterHours: Math.round(input.supportMinHours * 4) }),
      ...(input.supportCountsMeasurement !== undefined && { supportCountsMeasurement: input.supportCountsMeasurement }),
      ...(input.supportCountsAnalysis !== undefined && { supportCountsAnalysis: input.supportCountsAnalysis }),
    });
    if (!after) throw staleVersion(before.settingsVersion);
    await recordAudit(tx, actor, now, {
      action: 'programme.update_settings',
      entityType: 'programme',
      entityId: before.id,
      organisationId: null,
      before: toSettings(before),
      after: toSettings(after),
    });
    return toSettings(after);
  });
}
