import { createHash, randomUUID } from 'node:crypto';
import { can, funderReportScope } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import {
  fullIndicatorReportSchema,
  type FreezeReportBody,
  type FullIndicatorReport,
  type FrozenReport,
  type FrozenReportChanges,
  type FrozenReportList,
  type FrozenReportMeta,
  type NewReportVersionBody,
} from '../../../contracts/indicator-reports';
import type { AppContext } from '../../context';
import { forbidden, notFound, unauthenticated } from '../../errors';
import { currentProgrammeId } from '../../programme';
import { recordAudit } from '../audit/audit.service';
import * as q from './frozen-reports.queries';
import { buildFullIndicatorReport } from './indicator-reports.service';
import { reportWorkbook } from './report-workbook';

// Frozen reports (issue 12, item 3; decision 028): a report sent to a funder is kept exactly as
// sent, the JSON text and the .xlsx bytes with their SHA-256, and never made again from the records.
// A correction is a new version with a reason; what changed since is the report made now against it.

const sha256 = (content: string | Buffer) => createHash('sha256').update(content).digest('hex');

const frozenListLimit = 500;

/** A frozen report's JSON as kept; one frozen before the participant count was part of the report
 * (decision 041) has it from its list. */
function parseFrozenJson(json: string): FullIndicatorReport {
  const parsed = JSON.parse(json) as { participants?: unknown[]; participantCount?: number };
  return fullIndicatorReportSchema.parse({
    ...parsed,
    participantCount: parsed.participantCount ?? parsed.participants?.length,
  });
}

function toMeta(row: q.FrozenReportMetaRow): FrozenReportMeta {
  return {
    id: row.id,
    seriesId: row.seriesId,
    version: row.version,
    isLatest: Boolean(row.isLatest),
    title: row.title,
    reason: row.reason,
    period: { from: row.periodFrom, to: row.periodTo },
    organisationId: row.organisationId,
    coFinancer: row.coFinancer,
    jsonSha256: row.jsonSha256,
    xlsxSha256: row.xlsxSha256,
    frozenBy: row.frozenBy ? { id: row.frozenBy, name: row.frozenByName ?? '' } : null,
    frozenAt: row.frozenAt.toISOString(),
  };
}

/** The organisation whose frozen reports the actor sees: null for an admin (all); 403 for others. */
function readerScope(actor: Actor): { organisationId: string | null } {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const scope = funderReportScope(actor, undefined);
  if (scope === 'forbidden') throw forbidden('Funder reports are for project management and coaches');
  return scope;
}

/** A frozen report the actor may read: a coach only their own organisation's (else 404). */
async function getReadable(ctx: AppContext, actor: Actor, id: string) {
  const scope = readerScope(actor);
  const row = await q.findFrozenReport(ctx.db, id);
  if (!row || (scope.organisationId !== null && row.organisationId !== scope.organisationId)) {
    throw notFound('The report');
  }
  return row;
}

/** Makes the report now, and keeps it with its .xlsx as the given version of a series (admins). */
async function freeze(
  ctx: AppContext,
  actor: Actor,
  query: Omit<FreezeReportBody, 'title'>,
  series: { seriesId: string; version: number; title: string; reason: string | null },
): Promise<string> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (!can(actor, 'freezeFunderReports')) throw forbidden('Project management freezes the reports it sends');
  const report = await buildFullIndicatorReport(ctx, actor, query);
  const reportJson = JSON.stringify(report);
  const xlsx = await reportWorkbook(report);
  const id = series.version === 1 ? series.seriesId : randomUUID();
  const values = {
    id,
    programmeId: await currentProgrammeId(ctx.db),
    seriesId: series.seriesId,
    version: series.version,
    title: series.title,
    reason: series.reason,
    periodFrom: query.from,
    periodTo: query.to,
    organisationId: query.organisationId ?? null,
    coFinancer: query.coFinancer ?? null,
    reportJson,
    jsonSha256: sha256(reportJson),
    xlsx,
    xlsxSha256: sha256(xlsx),
    frozenBy: actor.userId,
    frozenAt: ctx.now(),
  };
  await ctx.db.transaction(async (tx) => {
    await q.insertFrozenReport(tx, values);
    const { reportJson: _json, xlsx: _xlsx, ...audited } = values;
    await recordAudit(tx, actor, values.frozenAt, {
      action: series.version === 1 ? 'frozen_report.freeze' : 'frozen_report.new_version',
      entityType: 'frozen_report',
      entityId: id,
      organisationId: values.organisationId,
      after: audited,
    });
  });
  return id;
}

/** Freezes the report of a period as it is sent now (version 1 of a new series). */
export async function freezeReport(ctx: AppContext, actor: Actor, input: FreezeReportBody): Promise<FrozenReport> {
  const { title, ...query } = input;
  const seriesId = randomUUID();
  const id = await freeze(ctx, actor, query, { seriesId, version: 1, title, reason: null });
  return getFrozenReport(ctx, actor, id);
}

/** A corrected report: the same query made now, as the next version with the reason; the old stays. */
export async function freezeNewVersion(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: NewReportVersionBody,
): Promise<FrozenReport> {
  const previous = await getReadable(ctx, actor, id);
  const latest = (await q.findLatestVersion(ctx.db, previous.seriesId)) ?? previous.version;
  const newId = await freeze(
    ctx,
    actor,
    {
      from: previous.periodFrom,
      to: previous.periodTo,
      ...(previous.organisationId && { organisationId: previous.organisationId }),
      ...(previous.coFinancer && { coFinancer: previous.coFinancer }),
    },
    { seriesId: previous.seriesId, version: latest + 1, title: previous.title, reason: input.reason },
  );
  return getFrozenReport(ctx, actor, newId);
}

export async function listFrozenReports(ctx: AppContext, actor: Actor): Promise<FrozenReportList> {
  const scope = readerScope(actor);
  return { items: (await q.listFrozenReports(ctx.db, scope.organisationId, frozenListLimit)).map(toMeta) };
}

/** A frozen report as it was sent: its stored JSON, never made again. */
export async function getFrozenReport(ctx: AppContext, actor: Actor, id: string): Promise<FrozenReport> {
  const row = await getReadable(ctx, actor, id);
  const versions = (await q.listSeries(ctx.db, row.seriesId)).map(toMeta);
  return {
    meta: versions.find((version) => version.id === id)!,
    versions,
    report: parseFrozenJson(row.reportJson),
  };
}

/** The stored .xlsx, byte for byte. */
export async function getFrozenReportFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ fileName: string; content: Buffer }> {
  const row = await getReadable(ctx, actor, id);
  return { fileName: `indikatorrapport-${row.periodFrom}-${row.periodTo}-v${row.version}.xlsx`, content: row.xlsx };
}

/** What differs between the frozen report and the same report made from the records now. */
export async function getFrozenReportChanges(ctx: AppContext, actor: Actor, id: string): Promise<FrozenReportChanges> {
  const row = await getReadable(ctx, actor, id);
  const frozen = parseFrozenJson(row.reportJson);
  const now = await buildFullIndicatorReport(ctx, actor, {
    from: row.periodFrom,
    to: row.periodTo,
    ...(row.organisationId && { organisationId: row.organisationId }),
    ...(row.coFinancer && { coFinancer: row.coFinancer }),
  });
  return { comparedAt: now.madeAt, ...compareReports(frozen, now) };
}

/** Companies counted in one and not the other, and every figure that differs. */
export function compareReports(
  frozen: FullIndicatorReport,
  now: FullIndicatorReport,
): Omit<FrozenReportChanges, 'comparedAt'> {
  const counted = (report: FullIndicatorReport) =>
    new Map(report.participants.filter((p) => p.countsInRco01).map((p) => [p.companyId, p.name]));
  const before = counted(frozen);
  const after = counted(now);
  const only = (a: Map<string, string>, b: Map<string, string>) =>
    [...a].filter(([companyId]) => !b.has(companyId)).map(([companyId, name]) => ({ companyId, name }));
  const figures: FrozenReportChanges['figures'] = [];
  for (const code of new Set([...frozen.order, ...now.order])) {
    const was = frozen.indicators[code];
    const is = now.indicators[code];
    if ((was?.total ?? 0) !== (is?.total ?? 0)) {
      figures.push({ code, by: null, key: null, column: null, frozen: was?.total ?? 0, now: is?.total ?? 0 });
    }
    const cells = (indicator: typeof was) =>
      new Map(
        (indicator?.tables ?? []).flatMap((table) =>
          table.rows.flatMap((r) =>
            table.columns.map((column, i) => [`${table.by}\u0000${r.key}\u0000${column}`, r.values[i] ?? 0] as const),
          ),
        ),
      );
    const wasCells = cells(was);
    const isCells = cells(is);
    for (const key of new Set([...wasCells.keys(), ...isCells.keys()])) {
      const a = wasCells.get(key) ?? 0;
      const b = isCells.get(key) ?? 0;
      if (a === b) continue;
      const [by, rowKey, column] = key.split('\u0000') as [string, string, string];
      figures.push({ code, by, key: rowKey, column, frozen: a, now: b });
    }
  }
  return { companiesAdded: only(after, before), companiesRemoved: only(before, after), figures };
}
