import { effectKinds, type EffectKind } from '../../../core/effects';
import type { EffectTotalsBody, ProgrammeActionTotals } from '../../../contracts/action-plans';
import { areaLabels, effectKindLabels, investmentLabel } from '../../swedish-labels';
import {
  aboutSheet,
  writeXlsxSheets,
  type ExportCell,
  type ExportColumn,
  type ExportSheet,
} from '../../spreadsheets/spreadsheet';

// "Effekter av åtgärder" as an .xlsx (issue 16): a sheet that states the period, the rules and when
// it was made, then the totals per organisation, per area and per both, as the page shows them. In
// Swedish with the action form's words (swedish-labels.ts); numbers stay numbers, CO2e in tonnes.

const decimals = '#,##0.##';

/** A kind's figure as the sheet writes it: CO2e from kg to tonnes, the rest as kept. */
const inUnit = (kind: EffectKind, value: number) => (kind === 'co2eKg' ? value / 1000 : value);

const figureColumns: ExportColumn[] = [
  { header: 'Åtgärder', width: 10 },
  { header: 'Klara', width: 8 },
  { header: investmentLabel, width: 16, numFmt: '#,##0' },
  ...effectKinds.map((kind) => ({ header: `Förväntad: ${effectKindLabels[kind]}`, width: 24, numFmt: decimals })),
  ...effectKinds.map((kind) => ({ header: `Uppnådd: ${effectKindLabels[kind]}`, width: 24, numFmt: decimals })),
  ...effectKinds.map((kind) => ({ header: `Ej bekräftad: ${effectKindLabels[kind]}`, width: 24, numFmt: decimals })),
  { header: 'Förväntad återbetalningstid (år)', width: 16, numFmt: '0.0' },
  { header: 'Uppnådd återbetalningstid (år)', width: 16, numFmt: '0.0' },
];

const figureCells = (totals: EffectTotalsBody): ExportCell[] => [
  totals.actions,
  totals.done,
  totals.investmentSek,
  ...effectKinds.map((kind) => inUnit(kind, totals.expected[kind])),
  ...effectKinds.map((kind) => inUnit(kind, totals.realised[kind])),
  ...effectKinds.map((kind) => inUnit(kind, totals.realisedUnconfirmed[kind])),
  totals.expectedPaybackYears,
  totals.realisedPaybackYears,
];

/** The period as the sheet states it: both bounds, one of them, or every action as it stands. */
function periodText(period: ProgrammeActionTotals['period']): string {
  if (!period) return 'Ingen: alla åtgärder som de står i dag';
  if (period.from && period.to) return `${period.from} – ${period.to}`;
  return period.from ? `Från och med ${period.from}` : `Till och med ${period.to}`;
}

/** The page's sheets: what they are, then per organisation, per area and per organisation and area. */
export function effectTotalsSheets(totals: ProgrammeActionTotals, madeAt: string): ExportSheet[] {
  const name = (id: string) => totals.organisations.find((o) => o.id === id)?.name ?? id;
  const total: ExportCell[] = ['Hela programmet', ...figureCells(totals.overall)];
  const about = aboutSheet([
    ['Period', periodText(totals.period)],
    ['Gjord', madeAt],
    [
      'Vilka åtgärder',
      totals.period
        ? 'Åtgärder som blev klara under perioden (datum i svensk tid, första och sista dagen medräknade)'
        : 'Alla åtgärder i företagens handlingsplaner utom avbrutna',
    ],
    ['Förväntad effekt', 'Vad åtgärderna väntas ge per år, enligt handlingsplanerna'],
    ['Uppnådd effekt', 'Vad klara åtgärder har gett per år, när en industriutvecklare har bekräftat utfallet'],
    ['Ej bekräftad', 'Utfall som företaget har rapporterat men som ingen industriutvecklare har bekräftat ännu'],
    ['Organisation', 'Företagets ansvariga organisation i dag'],
    ['Återbetalningstid', 'Investering delad med kostnadsbesparing per år'],
  ]);
  const byOrganisation: ExportSheet = {
    name: 'Per organisation',
    columns: [{ header: 'Organisation', width: 34 }, ...figureColumns],
    rows: [...totals.byOrganisation.map((row) => [name(row.organisationId), ...figureCells(row.totals)]), total],
  };
  const byArea: ExportSheet = {
    name: 'Per område',
    columns: [{ header: 'Område', width: 28 }, ...figureColumns],
    rows: [...totals.byArea.map((row) => [areaLabels[row.area], ...figureCells(row.totals)]), total],
  };
  const byBoth: ExportSheet = {
    name: 'Organisation och område',
    columns: [{ header: 'Organisation', width: 34 }, { header: 'Område', width: 28 }, ...figureColumns],
    rows: totals.byOrganisationAndArea.map((row) => [
      name(row.organisationId),
      areaLabels[row.area],
      ...figureCells(row.totals),
    ]),
  };
  return [about, byOrganisation, byArea, byBoth];
}

export async function effectTotalsWorkbook(totals: ProgrammeActionTotals, madeAt: string): Promise<Buffer> {
  return writeXlsxSheets(effectTotalsSheets(totals, madeAt));
}
