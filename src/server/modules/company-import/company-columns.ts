import type { ImportField } from '../../../contracts/company-import';
import { normaliseHeader, type ExportColumn } from '../../spreadsheets/spreadsheet';

// The company register's columns in a spreadsheet: the header each field is exported under and
// the headers an imported column is recognised by, so that an exported file imports again
// unchanged. The reading and writing of the files themselves is shared (src/server/spreadsheets).

/** The column each company field has in an export: its Swedish header, as people read it in Excel. */
export const fieldColumns: Record<ImportField, ExportColumn> = {
  organisationNumber: { header: 'Organisationsnummer', width: 20 },
  name: { header: 'Företag', width: 36 },
  streetAddress: { header: 'Adress', width: 28 },
  postalCode: { header: 'Postnummer', width: 12 },
  city: { header: 'Ort', width: 16 },
  municipality: { header: 'Kommun', width: 16 },
  sniCode: { header: 'SNI', width: 9 },
  headcount: { header: 'Anställda', width: 11 },
  turnoverSek: { header: 'Omsättning (kr)', width: 18, isAmount: true },
  balanceSheetSek: { header: 'Balansomslutning (kr)', width: 22, isAmount: true },
  financialYear: { header: 'Räkenskapsår', width: 13 },
};

/** Header names, Swedish and English, normalised, that a column of each field is likely to have.
 * The export's own header (fieldColumns) counts too, so an exported file imports again unchanged. */
const headerSynonyms: Record<ImportField, readonly string[]> = {
  organisationNumber: [
    'organisationsnummer',
    'orgnr',
    'orgnummer',
    'organisationsnr',
    'organisationnumber',
    'organizationnumber',
    'orgno',
    'orgnumber',
    'registrationnumber',
  ],
  name: ['foretagsnamn', 'foretag', 'namn', 'name', 'companyname', 'company', 'bolagsnamn', 'firmanamn', 'firma'],
  streetAddress: [
    'adress',
    'besoksadress',
    'gatuadress',
    'utdelningsadress',
    'address',
    'streetaddress',
    'visitingaddress',
  ],
  postalCode: ['postnummer', 'postnr', 'postalcode', 'postcode', 'zipcode', 'zip'],
  city: ['ort', 'postort', 'stad', 'city', 'town'],
  municipality: ['kommun', 'kommunnamn', 'kommunkod', 'municipality', 'municipalitycode'],
  sniCode: ['sni', 'snikod', 'sni2007', 'snicode', 'branschkod', 'nace', 'nacecode'],
  headcount: ['antalanstallda', 'anstallda', 'headcount', 'employees', 'numberofemployees'],
  turnoverSek: ['omsattning', 'nettoomsattning', 'turnover', 'revenue', 'netsales'],
  balanceSheetSek: ['balansomslutning', 'balancesheettotal', 'balancesheet', 'totalassets'],
  financialYear: ['ar', 'rakenskapsar', 'bokslutsar', 'financialyear', 'fiscalyear', 'year'],
};

const moneyFields: readonly ImportField[] = ['turnoverSek', 'balanceSheetSek'];
/** Amounts in thousands or millions ("Omsättning (tkr)") would be stored 1000 times too small:
 * such a column is never guessed, the person maps it knowingly or converts it first. */
const scaledAmount = /\b(tkr|tsek|ksek|mkr|msek|mnkr|tusental)\b/i;

/** The column each field most likely sits in, by its header; each column is used once. */
export function guessMapping(columns: readonly string[]): Partial<Record<ImportField, string>> {
  const mapping: Partial<Record<ImportField, string>> = {};
  const used = new Set<string>();
  for (const [field, synonyms] of Object.entries(headerSynonyms) as [ImportField, readonly string[]][]) {
    const column = columns.find(
      (name) =>
        !used.has(name) &&
        [normaliseHeader(fieldColumns[field].header), ...synonyms].includes(normaliseHeader(name)) &&
        !(moneyFields.includes(field) && scaledAmount.test(name)),
    );
    if (column !== undefined) {
      mapping[field] = column;
      used.add(column);
    }
  }
  return mapping;
}

/** Comparable form of a municipality name: "Borås kommun", "BORAS" → "boras". */
function normaliseName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+(kommun|stad)$/, '')
    .replace(/[^a-z0-9]/g, '');
}

/** The SCB code of a municipality given as its code ("1490") or its name ("Borås", "boras",
 * "Borås kommun", "Göteborgs stad"), or undefined when the list has no such municipality. */
export function findMunicipalityCode(
  list: readonly { code: string; name: string }[],
  text: string,
): string | undefined {
  const trimmed = text.trim();
  if (/^\d{4}$/.test(trimmed)) return list.find((m) => m.code === trimmed)?.code;
  const wanted = normaliseName(trimmed);
  if (!wanted) return undefined;
  const byName = (name: string) => list.find((m) => normaliseName(m.name) === name)?.code;
  // "Göteborgs stad", "Uddevalla kommun": the genitive s is dropped only when the name itself has none.
  return byName(wanted) ?? (wanted.endsWith('s') ? byName(wanted.slice(0, -1)) : undefined);
}
