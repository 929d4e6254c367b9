import type { DataQualityCheck, FullIndicatorReport } from '../../../contracts/indicator-reports';
import { activityTypeLabels, areaLabels } from '../../swedish-labels';
import { writeXlsxSheets, type ExportCell, type ExportSheet } from '../../spreadsheets/spreadsheet';

// The indicator report as the .xlsx a funder gets (issue 12, item 2): a sheet that states the
// period, filters, rules and when it was made; a sheet per indicator with its breakdowns; the
// participant list; the data quality counts. In Swedish, as it is sent; numbers stay numbers.

const keyLabels: Record<string, string> = {
  micro: 'Mikroföretag',
  small: 'Småföretag',
  medium: 'Medelstora företag',
  large: 'Stora företag',
  unknown: 'Okänd',
  measurement: 'Mätning med industriutvecklare',
  analysis: 'Analys',
  hours: 'Insatstimmar',
  total: 'Totalt',
  ...areaLabels,
  ...activityTypeLabels,
  fyrbodal: 'Fyrbodal',
  goteborgsregionen: 'Göteborgsregionen',
  skaraborg: 'Skaraborg',
  sjuharad: 'Sjuhärad',
  halland: 'Halland',
};

const byLabels: Record<string, string> = {
  size_class: 'Storleksklass',
  support_rule: 'Regel',
  total: 'Totalt',
  activity_type: 'Aktivitetstyp',
  area: 'Område',
  co_financer: 'Medfinansiär',
  reporting_area: 'Rapportområde',
  unknown_municipality: 'Kommun saknas',
};

const genderLabels: Record<string, string> = {
  woman: 'kvinnor',
  man: 'män',
  other: 'annat',
  not_stated: 'ej angivet',
  total: 'totalt',
};

/** "people.woman" → "Personer, kvinnor"; "value" → "Antal". */
function columnLabel(column: string): string {
  if (column === 'value') return 'Värde';
  const [what, gender] = column.split('.');
  return `${what === 'people' ? 'Personer' : 'Deltagartillfällen'}, ${genderLabels[gender!] ?? gender}`;
}

export const dataQualityLabels: Record<DataQualityCheck, string> = {
  missing_size: 'Företag med stöd som saknar storleksuppgifter',
  missing_municipality: 'Företag med stöd som saknar kommun',
  prospect_supported: 'Företag med stöd som fortfarande är intressenter',
  gender_not_stated: 'Deltagare utan angivet kön',
  activity_without_attendance: 'Aktiviteter som har börjat utan markerad närvaro',
  done_without_realised: 'Klara åtgärder utan uppnådd effekt',
  unconfirmed_realised: 'Klara åtgärder med obekräftat utfall',
  energy_without_carrier: 'Åtgärder med energibesparing men utan energibärare (ingen CO₂e räknas)',
};

const sizeLabels: Record<string, string> = { micro: 'Mikro', small: 'Litet', medium: 'Medelstort', large: 'Stort' };

/** The report's sheets: what it is, each indicator, the participant list and the data quality. */
export function reportSheets(report: FullIndicatorReport): ExportSheet[] {
  const coFinancerName = (key: string) => report.labels.coFinancers[key]?.sv ?? key;
  const label = (key: string) => keyLabels[key] ?? report.labels.coFinancers[key]?.sv ?? key;
  const support = report.rules.support;
  const about: ExportSheet = {
    name: 'Om rapporten',
    columns: [
      { header: 'Uppgift', width: 34 },
      { header: 'Värde', width: 90 },
    ],
    rows: [
      ['Period', `${report.period.from} – ${report.period.to}`],
      ['Organisation', report.filters.organisationName ?? 'Hela programmet'],
      ['Medfinansiärens geografi', report.filters.coFinancerName?.sv ?? 'Alla'],
      ['Gjord', report.madeAt],
      [
        'Regel för stöd (RCO01, RCO04)',
        [
          support.countsMeasurement ? 'en inlämnad mätning med industriutvecklare' : null,
          support.countsAnalysis ? 'en analys' : null,
          `insatser om minst ${String(support.minHours).replace('.', ',')} timmar`,
        ]
          .filter(Boolean)
          .join(', eller ') + ' under perioden',
      ],
      ['Storleksklass', 'Den klass företaget hade vid sitt första stöd under perioden; utan storleksuppgifter: Okänd'],
      ['Geografi', 'Ett företag räknas i varje del dess kommun hör till och en gång i totalen'],
      ['Uppnådda effekter', 'Bara utfall som en industriutvecklare har bekräftat, av åtgärder klara under perioden'],
      ['Indikatorkatalog', report.rules.catalogueVersion],
      ['Kommuner, medfinansiärer', `${report.rules.municipalitiesVersion}, ${report.rules.coFinancersVersion}`],
    ],
  };
  const indicatorSheets = report.order.map((code): ExportSheet => {
    const indicator = report.indicators[code]!;
    const widest = Math.max(1, ...indicator.tables.map((table) => table.columns.length));
    const rows: ExportCell[][] = [[indicator.name.sv, 'Totalt', indicator.total]];
    for (const table of indicator.tables) {
      if (table.columns.length > 1) rows.push([byLabels[table.by] ?? table.by, '', ...table.columns.map(columnLabel)]);
      for (const row of table.rows) rows.push([byLabels[table.by] ?? table.by, label(row.key), ...row.values]);
    }
    return {
      name: code.slice(0, 31),
      columns: [
        { header: 'Uppdelning', width: 26 },
        { header: 'Grupp', width: 34 },
        ...Array.from({ length: widest }, (_, i) => ({
          header: i === 0 ? indicator.unit.sv : '',
          width: 16,
          numFmt: '#,##0.##',
        })),
      ],
      rows,
    };
  });
  const participants: ExportSheet = {
    name: 'Deltagarlista',
    columns: [
      { header: 'Organisationsnummer', width: 16 },
      { header: 'Företag', width: 36 },
      { header: 'Storleksklass', width: 14 },
      { header: 'Kommun', width: 16 },
      { header: 'Medfinansiärer', width: 40 },
      { header: 'Rapportområden', width: 30 },
      { header: 'Organisation', width: 30 },
      { header: 'Första stöd', width: 12 },
      { header: 'Senaste stöd', width: 12 },
      { header: 'Timmar', width: 10, numFmt: '0.00' },
      { header: 'Räknas i RCO01', width: 14 },
      { header: 'Räknas i RCO04', width: 14 },
      { header: 'Regel', width: 22 },
    ],
    rows: report.participants.map((p) => [
      p.organisationNumber,
      p.name,
      p.sizeClass ? sizeLabels[p.sizeClass]! : 'Okänd',
      p.municipalityName,
      p.coFinancers.map(coFinancerName).join(', '),
      p.reportingAreas.map(label).join(', '),
      p.organisationName,
      p.firstSupportOn,
      p.lastSupportOn,
      p.hours,
      p.countsInRco01 ? 'Ja' : 'Nej',
      p.countsInRco04 ? 'Ja' : 'Nej',
      p.supportRule ? label(p.supportRule) : '',
    ]),
  };
  const quality: ExportSheet = {
    name: 'Datakvalitet',
    columns: [
      { header: 'Kontroll', width: 50 },
      { header: 'Antal', width: 10 },
    ],
    rows: report.dataQuality.map((check) => [dataQualityLabels[check.check], check.count]),
  };
  return [about, ...indicatorSheets, participants, quality];
}

/** The report as an .xlsx file. */
export async function reportWorkbook(report: FullIndicatorReport): Promise<Buffer> {
  return writeXlsxSheets(reportSheets(report));
}
