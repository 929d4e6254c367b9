import type { CompanyData } from '../../../contracts/company-data';
import {
  actionStatusLabels,
  analysisKindLabels,
  areaLabels,
  assessmentKindLabels,
  assessmentModeLabels,
  assessmentStatusLabels,
  genderLabels,
} from '../../swedish-labels';
import { writeXlsxSheets, type ExportCell, type ExportColumn, type ExportSheet } from '../../spreadsheets/spreadsheet';
import { fieldColumns } from '../company-import/company-import.service';

// The .xlsx of a company's data (decision 043): a sheet each for the company, its contact persons,
// measurements, action plan and analyses, in Swedish, with the same values as the JSON file.

/** The sheets' names, as a person finds them in Excel and the tests look them up. */
export const companyDataSheetNames = {
  company: 'Företag',
  contacts: 'Kontaktpersoner',
  measurements: 'Mätningar',
  actions: 'Handlingsplan',
  analyses: 'Analyser',
} as const;

type Column<T> = ExportColumn & { value: (item: T) => ExportCell };

function sheet<T>(name: string, columns: readonly Column<T>[], items: readonly T[]): ExportSheet {
  return { name, columns, rows: items.map((item) => columns.map((column) => column.value(item))) };
}

/** A moment as the Swedish day it fell on, as people read dates in the sheets. */
const swedishDay = (timestamp: string | null) =>
  timestamp ? new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(timestamp)) : null;

type Company = CompanyData['company'];
/** The register row as field and value: one company, read down rather than across. */
function companyRows(company: Company): [string, ExportCell][] {
  return [
    [fieldColumns.name.header, company.name],
    [fieldColumns.organisationNumber.header, company.organisationNumber],
    [fieldColumns.streetAddress.header, company.streetAddress],
    [fieldColumns.postalCode.header, company.postalCode],
    [fieldColumns.city.header, company.city],
    [fieldColumns.municipality.header, company.municipalityName],
    [fieldColumns.sniCode.header, company.sniCode],
    [fieldColumns.headcount.header, company.headcount],
    [fieldColumns.turnoverSek.header, company.turnoverSek],
    [fieldColumns.balanceSheetSek.header, company.balanceSheetSek],
    [fieldColumns.financialYear.header, company.financialYear],
    ['Ansvarig organisation', company.organisationName],
    ['Industriutvecklare', company.coachName],
    ['Koncern', company.undertakingName],
  ];
}

const contactColumns: readonly Column<CompanyData['contacts'][number]>[] = [
  { header: 'Namn', width: 28, value: (c) => c.name },
  { header: 'E-postadress', width: 32, value: (c) => c.email },
  { header: 'Telefon', width: 16, value: (c) => c.phone },
  { header: 'Roll', width: 20, value: (c) => c.role },
  { header: 'Kön', width: 14, value: (c) => genderLabels[c.gender] },
  {
    header: 'Samtycken',
    width: 40,
    value: (c) =>
      c.consents
        .filter((consent) => !consent.withdrawnOn)
        .map((consent) => `${consent.purpose} (${swedishDay(consent.givenOn)})`)
        .join('; ') || null,
  },
];

const measurementColumns: readonly Column<CompanyData['measurements'][number]>[] = [
  { header: 'Område', width: 28, value: (m) => areaLabels[m.area] },
  { header: 'Mätning', width: 14, value: (m) => assessmentKindLabels[m.kind] },
  { header: 'Sätt', width: 22, value: (m) => assessmentModeLabels[m.mode] },
  { header: 'Status', width: 12, value: (m) => assessmentStatusLabels[m.status] },
  { header: 'Påbörjad', width: 12, value: (m) => swedishDay(m.startedAt) },
  { header: 'Inskickad', width: 12, value: (m) => swedishDay(m.submittedAt) },
  { header: 'Poäng', width: 8, numFmt: '0.0', value: (m) => m.score },
  { header: 'Steg', width: 6, value: (m) => m.step },
  { header: 'Nästa mätning', width: 14, value: (m) => m.nextDueOn },
];

const actionColumns: readonly Column<CompanyData['actions'][number]>[] = [
  { header: 'Område', width: 28, value: (a) => areaLabels[a.area] },
  { header: 'Åtgärd', width: 40, value: (a) => a.title },
  { header: 'Beskrivning', width: 40, value: (a) => a.description },
  { header: 'Status', width: 12, value: (a) => actionStatusLabels[a.status] },
  { header: 'Klar senast', width: 12, value: (a) => a.dueOn },
  { header: 'Klar', width: 12, value: (a) => a.doneOn },
  { header: 'Investering (kr)', width: 16, isAmount: true, value: (a) => a.investmentSek },
  { header: 'Väntad besparing (kr/år)', width: 22, isAmount: true, value: (a) => a.expected.sek },
  { header: 'Väntad energi (kWh/år)', width: 22, isAmount: true, value: (a) => a.expected.kwh },
  { header: 'Väntad CO2e (kg/år)', width: 20, isAmount: true, value: (a) => a.expected.co2eKg },
  { header: 'Uppnådd besparing (kr/år)', width: 24, isAmount: true, value: (a) => a.realised.sek },
  { header: 'Uppnådd energi (kWh/år)', width: 22, isAmount: true, value: (a) => a.realised.kwh },
  { header: 'Uppnådd CO2e (kg/år)', width: 20, isAmount: true, value: (a) => a.realised.co2eKg },
];

const analysisColumns: readonly Column<CompanyData['analyses'][number]>[] = [
  { header: 'Analys', width: 26, value: (a) => analysisKindLabels[a.kind] },
  { header: 'Titel', width: 36, value: (a) => a.title },
  { header: 'År', width: 8, value: (a) => a.year },
  { header: 'Utförd', width: 12, value: (a) => a.performedOn },
  { header: 'Fynd', width: 8, value: (a) => a.findingCount },
  { header: 'Varav blivit åtgärder', width: 20, value: (a) => a.convertedCount },
];

/** The .xlsx of a company's data: a sheet each, numbers kept as numbers. */
export async function companyDataWorkbook(data: CompanyData): Promise<Buffer> {
  return writeXlsxSheets([
    {
      name: companyDataSheetNames.company,
      columns: [
        { header: 'Uppgift', width: 24 },
        // No number format: the year and the amounts share this column.
        { header: 'Värde', width: 40 },
      ],
      rows: companyRows(data.company),
    },
    sheet(companyDataSheetNames.contacts, contactColumns, data.contacts),
    sheet(companyDataSheetNames.measurements, measurementColumns, data.measurements),
    sheet(companyDataSheetNames.actions, actionColumns, data.actions),
    sheet(companyDataSheetNames.analyses, analysisColumns, data.analyses),
  ]);
}
