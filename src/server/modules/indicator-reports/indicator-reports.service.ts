import { sql } from 'drizzle-orm';
import { can, funderReportScope } from '../../../core/access';
import {
  countedGroups,
  distinguishableQuarterHours,
  indicatorRules,
  supportReason,
  type Attendance,
  type GeographyOf,
  type SupportRuleSettings,
} from '../../../core/indicators';
import { coFinancersOf, isInCoFinancerGeography, municipalityByCode, reportingAreasOf } from '../../../core/regions';
import type { Actor } from '../../../core/roles';
import type {
  DataQuality,
  FullIndicatorReport,
  IndicatorReport,
  IndicatorReportQuery,
  ParticipantPage,
  ParticipantPageQuery,
  ParticipantRow,
  ProgrammeSettings,
  UpdateProgrammeSettingsBody,
} from '../../../contracts/indicator-reports';
import type { AppContext } from '../../context';
import type { Db } from '../../db/client';
import { isInRequestTransaction } from '../../db/request-transaction';
import { rowsOf } from '../../db/rows';
import { coFinancers, coFinancersVersion } from '../../content/co-financers';
import { indicatorCatalogue, indicatorCatalogueVersion } from '../../content/indicators';
import { municipalities, municipalitiesVersion } from '../../content/municipalities';
import { forbidden, invalidField, staleVersion, unauthenticated } from '../../errors';
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

/** A participant row's geography and municipality name, worked out once per municipality: the
 * whole list of a large programme has tens of thousands of rows and some fifty municipalities. */
const placeOf = (() => {
  const known = new Map<string, { name: string | null; coFinancers: string[]; reportingAreas: string[] }>();
  return (code: string) => {
    let place = known.get(code);
    if (!place) {
      const geography = geographyOf(code);
      place = {
        name: municipalityByCode(municipalities, code)?.name ?? null,
        coFinancers: [...geography.coFinancers],
        reportingAreas: [...geography.reportingAreas],
      };
      known.set(code, place);
    }
    return place;
  };
})();

/** The scope of a report the actor may make: 403 for a company user, or a coach asking for another
 * organisation; 400 naming `coFinancer` for an unknown key. */
function resolveScope(actor: Actor, query: IndicatorReportQuery, programme: ProgrammeRow): q.ReportScope {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = funderReportScope(actor, query.organisationId);
  if (scope === 'forbidden') throw forbidden('Funder reports are for project management and coaches');
  let municipalityCodes: string[] | null = null;
  if (query.coFinancer) {
    const coFinancer = coFinancers.find((c) => c.key === query.coFinancer);
    if (!coFinancer) throw invalidField('coFinancer', 'not_found', 'Choose one of the co-financers');
    municipalityCodes = municipalities.filter((m) => isInCoFinancerGeography(coFinancer, m)).map((m) => m.code);
  }
  return {
    programmeId: programme.id,
    organisationId: scope.organisationId,
    municipalityCodes,
    from: query.from,
    to: query.to,
    programmePeriod: { from: programme.startsOn, to: programme.endsOn },
  };
}

type PreparedReport = {
  scope: q.ReportScope;
  settings: SupportRuleSettings;
  organisationName: string | undefined;
};

/** The programme's rule settings and the scope the actor may report on, the organisation checked. */
async function prepareReport(ctx: AppContext, actor: Actor, query: IndicatorReportQuery): Promise<PreparedReport> {
  const programme = await getProgramme(ctx.db);
  const scope = resolveScope(actor, query, programme);
  const organisationName = scope.organisationId
    ? await q.findOrganisationName(ctx.db, scope.organisationId)
    : undefined;
  if (scope.organisationId && organisationName === undefined) {
    throw invalidField('organisationId', 'not_found', 'Choose one of the organisations');
  }
  return { scope, settings: settingsOf(programme), organisationName };
}

/** Runs a statement of a report: on the pool, or on one snapshot of the database. */
type Reader = <R>(statement: (db: Db) => Promise<R>) => Promise<R>;

/** The facts of a report's scope and period, counted by the catalogue's rules; the participant list
 * is read a page at a time (listParticipantPage) or whole (buildFullIndicatorReport). */
export async function buildIndicatorReport(
  ctx: AppContext,
  actor: Actor,
  query: IndicatorReportQuery,
): Promise<IndicatorReport> {
  const prepared = await prepareReport(ctx, actor, query);
  const read: Reader = (statement) => statement(ctx.db);
  const support = read((db) =>
    q.readSupportSummary(db, prepared.scope, distinguishableQuarterHours(prepared.settings)),
  );
  return reportOf(read, ctx.now(), query, prepared, support);
}

/** One whole report at a time per process: each holds up to seven of the pool's connections. */
let fullReports: Promise<unknown> = Promise.resolve();

/** The report with its whole participant list, all read in one snapshot of the database so that they
 * agree: what the .xlsx holds and a frozen report keeps. The figures of support are counted from the
 * list itself. */
export async function buildFullIndicatorReport(
  ctx: AppContext,
  actor: Actor,
  query: IndicatorReportQuery,
): Promise<FullIndicatorReport> {
  const prepared = await prepareReport(ctx, actor, query);
  const build = fullReports.then(() =>
    onOneSnapshot(ctx, async (read) => {
      const rows = read((db) => q.listSupportedCompanies(db, prepared.scope, 'all'));
      const support = rows.then((list) => summariseSupport(list, prepared.settings));
      const report = await reportOf(read, ctx.now(), query, prepared, support);
      return { ...report, participants: (await rows).map((row) => participantRow(row, prepared.settings)) };
    }),
  );
  fullReports = build.catch(() => undefined);
  return build;
}

/** A page of the participant list, by name. */
export async function listParticipantPage(
  ctx: AppContext,
  actor: Actor,
  query: ParticipantPageQuery,
): Promise<ParticipantPage> {
  const { page, pageSize, ...reportQuery } = query;
  const prepared = await prepareReport(ctx, actor, reportQuery);
  const rows = await q.listSupportedCompanies(ctx.db, prepared.scope, {
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  // Past the last page no row tells the count: the first page does.
  const total =
    rows[0]?.total ??
    (page > 1 ? ((await q.listSupportedCompanies(ctx.db, prepared.scope, { limit: 1, offset: 0 }))[0]?.total ?? 0) : 0);
  return { items: rows.map((row) => participantRow(row, prepared.settings)), total, page, pageSize };
}

const snapshotOptions = { isolationLevel: 'repeatable read', accessMode: 'read only' } as const;

/**
 * Gives `body` a reader whose statements all see one snapshot. On PostgreSQL each statement runs at
 * once in a transaction of its own that takes over the first transaction's snapshot
 * (`pg_export_snapshot`). PGlite is one connection, and a request kept in one transaction (an
 * idempotent create, decision 018) has one: there they run one after the other in it.
 */
async function onOneSnapshot<T>(ctx: AppContext, body: (read: Reader) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (leader) => {
    if (ctx.database.kind !== 'postgres' || isInRequestTransaction()) {
      let queue: Promise<unknown> = Promise.resolve();
      const inTurn: Reader = (statement) => {
        const result = queue.then(() => statement(leader));
        queue = result.catch(() => undefined);
        return result;
      };
      return body(inTurn);
    }
    const [exported] = rowsOf<{ snapshot: string }>(await leader.execute(sql`select pg_export_snapshot() as snapshot`));
    // SET TRANSACTION SNAPSHOT takes no parameter; the id comes from the server (hex digits and dashes).
    const snapshot = exported!.snapshot.replace(/[^0-9A-F-]/gi, '');
    const onSnapshot: Reader = (statement) =>
      ctx.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set transaction snapshot '${snapshot}'`));
        return statement(tx);
      }, snapshotOptions);
    return body(onSnapshot);
  }, snapshotOptions);
}

/** The support summary (readSupportSummary) of a whole participant list, sorted as it is read. */
function summariseSupport(rows: readonly q.SupportedCompanyRow[], settings: SupportRuleSettings): q.SupportSummary {
  const cap = distinguishableQuarterHours(settings);
  const groups = new Map<string, q.SupportSummary['groups'][number]>();
  for (const row of rows) {
    const group = {
      quarterHours: Math.min(row.quarterHours, cap),
      hasMeasurement: row.hasMeasurement,
      hasAnalysis: row.hasAnalysis,
      sizeClass: row.sizeClass,
      municipalityCode: row.municipalityCode,
      prospect: row.prospect,
    };
    const key = JSON.stringify(group);
    const found = groups.get(key);
    if (found) found.companies += 1;
    else groups.set(key, { ...group, companies: 1 });
  }
  const first = (isProblem: (row: q.SupportedCompanyRow) => boolean) =>
    rows
      .filter(isProblem)
      .slice(0, q.dataQualityListLimit)
      .map((row) => ({ id: row.companyId, name: row.name }));
  return {
    groups: [...groups.values()],
    missingSize: first((row) => row.sizeClass === null),
    missingMunicipality: first((row) => row.municipalityCode === null),
    prospects: first((row) => row.prospect),
  };
}

/** The report of a prepared query, its statements run by `read`, its support summary given. */
async function reportOf(
  read: Reader,
  now: Date,
  query: IndicatorReportQuery,
  { scope, settings, organisationName }: PreparedReport,
  supportSummary: Promise<q.SupportSummary>,
): Promise<IndicatorReport> {
  const [support, attendanceRows, doneActions, steps, companiesWithPlan, activitiesWithoutAttendance, withoutCarrier] =
    await Promise.all([
      supportSummary,
      read((db) => q.listAttendances(db, scope)),
      read((db) => q.readDoneActions(db, scope)),
      read((db) => q.readStepSummary(db, scope)),
      read((db) => q.countCompaniesWithPlan(db, scope)),
      read((db) => q.listActivitiesWithoutAttendance(db, scope, now)),
      read((db) => q.listActionsWithoutCarrier(db, scope)),
    ]);
  const [noRealised, unconfirmed] = await Promise.all(
    (['no_realised', 'unconfirmed'] as const).map(async (problem) => ({
      count: doneActions.counts[problem],
      items: await read((db) => q.listDoneActionItems(db, scope, problem, doneActions.counts[problem])),
    })),
  );
  const attendances = toAttendances(attendanceRows);
  const indicatorFacts = {
    counted: countedGroups(support.groups, settings),
    attendances,
    geographyOf,
    realisedByArea: doneActions.realisedByArea.map((row) => ({
      area: row.area,
      kwh: Number(row.kwh),
      co2eKg: Number(row.co2eKg),
    })),
    stepPairs: steps.pairs,
    bestStepChanges: steps.best,
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
    madeAt: now.toISOString(),
    indicators,
    order: indicatorCatalogue.map((definition) => definition.code),
    participantCount: support.groups.reduce((sum, group) => sum + group.companies, 0),
    dataQuality: [
      ...companyChecks(support),
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
      actionCheck('done_without_realised', noRealised!),
      actionCheck('unconfirmed_realised', unconfirmed!),
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

/** A row of the participant list: a company with support in the period, counted or not. */
function participantRow(row: q.SupportedCompanyRow, settings: SupportRuleSettings): ParticipantRow {
  const place = row.municipalityCode ? placeOf(row.municipalityCode) : null;
  const reason = supportReason(row, settings);
  return {
    companyId: row.companyId,
    organisationNumber: row.organisationNumber,
    name: row.name,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    sizeClass: row.sizeClass,
    municipalityCode: row.municipalityCode,
    municipalityName: place?.name ?? null,
    coFinancers: [...(place?.coFinancers ?? [])],
    reportingAreas: [...(place?.reportingAreas ?? [])],
    firstSupportOn: row.firstSupportOn,
    lastSupportOn: row.lastSupportOn,
    hours: row.quarterHours / 4,
    countsInRco01: reason !== null,
    countsInRco04: reason !== null,
    supportRule: reason,
  };
}

// Data quality (issue 12, item 4) -----------------------------------------------------------------

const limited = <T>(items: readonly T[]) => items.slice(0, q.dataQualityListLimit);

/** Supported companies (any support in the period) without size data or municipality, or still prospects. */
function companyChecks(support: q.SupportSummary): DataQuality {
  const check = (
    name: DataQuality[number]['check'],
    isProblem: (group: q.SupportSummary['groups'][number]) => boolean,
    first: readonly q.SupportedCompanyItem[],
  ) => ({
    check: name,
    count: support.groups.filter(isProblem).reduce((sum, group) => sum + group.companies, 0),
    items: first.map((company) => ({
      kind: 'company' as const,
      id: company.id,
      name: company.name,
      companyId: company.id,
      companyName: company.name,
    })),
  });
  return [
    check('missing_size', (group) => group.sizeClass === null, support.missingSize),
    check('missing_municipality', (group) => group.municipalityCode === null, support.missingMunicipality),
    check('prospect_supported', (group) => group.prospect, support.prospects),
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
  found: q.ActionCheck,
): DataQuality[number] {
  return {
    check,
    count: found.count,
    items: found.items.map((item) => ({
      kind: 'action' as const,
      id: item.id,
      name: item.name,
      companyId: item.companyId,
      companyName: item.companyName,
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
