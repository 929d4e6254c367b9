import { canExportCompanyData } from '../../../core/access';
import type { Actor } from '../../../core/roles';
import { companyDataSchema, type CompanyData, type CompanyDataExportQuery } from '../../../contracts/company-data';
import type { AppContext } from '../../context';
import { notFound, unauthenticated } from '../../errors';
import type { ExportFile } from '../../spreadsheets/spreadsheet';
import { listCompanyActions } from '../action-plans/action-plans.service';
import { listCompanyAnalyses } from '../analyses/analyses.service';
import { getCompany, getPortalCompany } from '../companies/companies.service';
import { getMaturityResults } from '../maturity/maturity.service';
import { companyDataWorkbook } from './company-data-workbook';

/**
 * Everything a company's own users may take away about it (issue 15, decision 043): what the
 * actor reads of the company through the API, gathered once; the JSON file is this object and the
 * .xlsx its sheets. Another tenant's company answers 404, as everywhere.
 */
export async function getCompanyData(ctx: AppContext, actor: Actor, companyId: string): Promise<CompanyData> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  const ref = await getPortalCompany(ctx.db, actor, companyId);
  if (!canExportCompanyData(actor, ref)) throw notFound('The company');
  const [company, results, plan, analyses] = await Promise.all([
    getCompany(ctx, actor, companyId),
    getMaturityResults(ctx, actor, companyId),
    listCompanyActions(ctx, actor, companyId, {}),
    listCompanyAnalyses(ctx, actor, companyId),
  ]);
  const { contacts, statusHistory: _history, abilities: _abilities, warnings: _warnings, ...registerRow } = company;
  // Parsed by the export's contract, so a field the contract does not name (an ability, an
  // internal column) never reaches the file.
  return companyDataSchema.parse({
    exportedAt: ctx.now().toISOString(),
    company: registerRow,
    // An erased person is no longer the company's data to take away (decision 012).
    contacts: contacts.filter((contact) => !contact.isErased),
    measurements: results.assessments,
    actions: plan.items.map(({ abilities: _a, ...action }) => action),
    analyses: analyses.items,
  });
}

/** The company's data as a file: the JSON of getCompanyData, or an .xlsx with a sheet each. */
export async function exportCompanyData(
  ctx: AppContext,
  actor: Actor,
  companyId: string,
  query: CompanyDataExportQuery,
): Promise<ExportFile> {
  const data = await getCompanyData(ctx, actor, companyId);
  // The date in the file name is the Swedish calendar day, not UTC's.
  const day = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(ctx.now());
  const baseName = `foretagsdata-${day}`;
  return query.format === 'json'
    ? {
        fileName: `${baseName}.json`,
        contentType: 'application/json; charset=utf-8',
        content: Buffer.from(JSON.stringify(data, null, 2), 'utf8'),
        isTruncated: false,
      }
    : {
        fileName: `${baseName}.xlsx`,
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: await companyDataWorkbook(data),
        isTruncated: false,
      };
}
