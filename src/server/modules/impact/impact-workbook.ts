import { interventionKinds } from '../../../core/interventions';
import type { Impact, ImpactSummaryFigures } from '../../../contracts/impact';
import { areaLabels, interventionKindLabels } from '../../swedish-labels';
import { aboutSheet, writeXlsxSheets, type ExportCell, type ExportSheet } from '../../spreadsheets/spreadsheet';

// The impact view as an .xlsx for the final report's analysis and the evaluator (issue 12, item 5):
// a sheet that states the period, scope, rules and when it was made; the summary by area, by
// organisation and in total; a sheet per area with its companies. In Swedish; numbers stay numbers.

const decimals = '0.##';

const summaryColumns = [
  { header: 'Mätta två gånger', width: 16 },
  { header: 'Klättrat minst ett steg', width: 20 },
  { header: 'Median stegförändring', width: 20, numFmt: decimals },
  { header: 'Median timmar per steg', width: 20, numFmt: decimals },
  { header: 'Median åtgärder per steg', width: 22, numFmt: decimals },
];

const summaryCells = (summary: ImpactSummaryFigures): ExportCell[] => [
  summary.measured,
  summary.climbed,
  summary.medianStepChange,
  summary.medianHoursPerStep,
  summary.medianActionsPerStep,
];

/** The view's sheets: what it is, the summary, and one sheet per area with its companies. */
export function impactSheets(impact: Impact): ExportSheet[] {
  const about = aboutSheet([
    ['Period', `${impact.period.from} – ${impact.period.to}`],
    ['Organisation', impact.filters.organisationName ?? 'Hela programmet'],
    ['Gjord', impact.madeAt],
    [
      'Vilka företag',
      'Företag med en nollmätning och en uppföljning med industriutvecklare i området, där den senaste uppföljningen till och med periodens slut gjordes under perioden',
    ],
    ['Stegförändring', 'Steget vid den senaste uppföljningen minus steget vid den första nollmätningen'],
    [
      'Stöd mellan mätningarna',
      'Från nollmätningens dag till uppföljningens dag, båda medräknade: insatser i området eller utan område, aktiviteter i området eller utan område där någon från företaget deltog, företagets åtgärder i området som blev klara',
    ],
    [
      'Per steg',
      'Timmar och åtgärder delat med antal steg, för de företag som klättrat minst ett steg; medianen över dem',
    ],
    ['Organisation', 'Företagets ansvariga organisation i dag'],
  ]);
  const summary: ExportSheet = {
    name: 'Sammanfattning',
    columns: [{ header: 'Uppdelning', width: 16 }, { header: 'Grupp', width: 34 }, ...summaryColumns],
    rows: [
      ['Totalt', 'Totalt', ...summaryCells(impact.total)],
      ...impact.areas.map((a): ExportCell[] => ['Område', areaLabels[a.area], ...summaryCells(a.summary)]),
      ...impact.organisations.map((o): ExportCell[] => [
        'Organisation',
        o.organisationName,
        ...summaryCells(o.summary),
      ]),
    ],
  };
  const areaSheets = impact.areas.map((a): ExportSheet => ({
    name: areaLabels[a.area].slice(0, 31),
    columns: [
      { header: 'Företag', width: 34 },
      { header: 'Organisation', width: 28 },
      { header: 'Nollmätning', width: 12 },
      { header: 'Steg', width: 6 },
      { header: 'Uppföljning', width: 12 },
      { header: 'Steg', width: 6 },
      { header: 'Förändring', width: 10 },
      { header: 'Timmar', width: 10, numFmt: '0.00' },
      ...interventionKinds.map((kind) => ({
        header: `Timmar ${interventionKindLabels[kind].toLowerCase()}`,
        width: 16,
        numFmt: '0.00',
      })),
      { header: 'Aktiviteter', width: 11 },
      { header: 'Klara åtgärder', width: 14 },
    ],
    rows: a.companies.map((c) => [
      c.name,
      c.organisationName,
      c.baselineOn,
      c.baselineStep,
      c.followUpOn,
      c.followUpStep,
      c.stepChange,
      c.hours,
      ...interventionKinds.map((kind) => c.hoursByKind[kind]),
      c.activitiesAttended,
      c.actionsDone,
    ]),
  }));
  return [about, summary, ...areaSheets];
}

export async function impactWorkbook(impact: Impact): Promise<Buffer> {
  return writeXlsxSheets(impactSheets(impact));
}
