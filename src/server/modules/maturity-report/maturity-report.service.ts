import { calendarDate } from '../../../core/calendar';
import type { Actor } from '../../../core/roles';
import type { MaturityReportQuery } from '../../../contracts/maturity-report';
import type { AnalysisSummary } from '../../../contracts/analyses';
import type { AppContext } from '../../context';
import { energyCarriers } from '../../content/emission-factors';
import { listCompanyActions } from '../action-plans/action-plans.service';
import { getCompanyTotals } from '../action-plans/effect-totals.service';
import { getAnalysis, listCompanyAnalyses } from '../analyses/analyses.service';
import { getCompany } from '../companies/companies.service';
import { getAssessment, getMaturityResults } from '../maturity/maturity.service';
import { maturityReportPdf, type MaturityReportComment } from './maturity-report-document';
import { reportText } from './maturity-report-text';
import { winAnsi } from './win-ansi';

// The maturity report (issue 15, decision 042): the answers of the services behind the company's
// pages, laid out as a PDF. Nothing is counted here: the steps, changes and medians are
// getMaturityResults's, the totals and payback getCompanyTotals's, the energy figures the latest
// mapping's as getAnalysis computes them, so the report says what the API says.

/** The newest energy mapping: the latest year, then the latest made, then the latest changed. */
function latestMapping(items: readonly AnalysisSummary[]): AnalysisSummary | undefined {
  const key = (a: AnalysisSummary) => `${String(a.year ?? 0).padStart(4, '0')} ${a.performedOn ?? ''} ${a.updatedAt}`;
  return items
    .filter((item) => item.kind === 'energy_mapping')
    .sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0))[0];
}

/** A company's name as a file name's part: ASCII letters and digits, words joined by "-". */
function fileNamePart(name: string): string {
  return (
    winAnsi(name)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'foretag'
  );
}

/** The report of a company for whoever may see its maturity results (the company's organisation,
 * admins, its own users); anyone else gets the 404 getMaturityResults answers. */
export async function maturityReportOf(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  query: MaturityReportQuery,
): Promise<{ fileName: string; content: Buffer }> {
  const results = await getMaturityResults(ctx, actor, companyId);
  const coachMeasurementIds = results.areas.flatMap((area) =>
    [area.baseline, ...area.followUps].flatMap((point) => (point ? [point.assessmentId] : [])),
  );
  const [company, actions, totals, analyses, measurements] = await Promise.all([
    getCompany(ctx, actor, companyId),
    listCompanyActions(ctx, actor, companyId, {}),
    getCompanyTotals(ctx, actor, companyId),
    listCompanyAnalyses(ctx, actor, companyId),
    Promise.all([...new Set(coachMeasurementIds)].map((id) => getAssessment(ctx, actor, id))),
  ]);
  const mappingSummary = latestMapping(analyses.items);
  const mapping = mappingSummary ? await getAnalysis(ctx, actor, mappingSummary.id) : undefined;

  const comments: Record<string, MaturityReportComment[]> = {};
  for (const measurement of measurements) {
    const byKey = new Map(measurement.answers.map((answer) => [answer.questionKey, answer.comment]));
    comments[measurement.id] = measurement.model.content.dimensions.flatMap((dimension) =>
      dimension.questions.flatMap((question) => {
        const comment = byKey.get(question.key);
        return comment ? [{ question: question.text, comment }] : [];
      }),
    );
  }
  const madeOn = calendarDate(ctx.now());
  const content = await maturityReportPdf({
    locale: query.locale,
    madeOn,
    company: {
      name: company.name,
      organisationNumber: company.organisationNumber,
      organisationName: company.organisationName,
      coachName: company.coachName,
      sizeClass: company.sizeClass,
    },
    results,
    comments,
    actions: { items: actions.items, isTruncated: actions.isTruncated },
    totals,
    energy:
      mapping?.energy && mapping.year !== null
        ? {
            title: mapping.title,
            year: mapping.year,
            factorSetName: mapping.factorSet ? mapping.factorSet.name[query.locale] : mapping.energy.factorSetKey,
            energy: mapping.energy,
          }
        : null,
    carrierNames: Object.fromEntries(energyCarriers.map((carrier) => [carrier.key, carrier.name])),
  });
  return { fileName: `${reportText[query.locale].fileWord}-${fileNamePart(company.name)}-${madeOn}.pdf`, content };
}
