import { luhnCheckDigit } from '../../core/organisation-number';
import { municipalitiesInArea, type ReportingArea } from '../../core/regions';
import { rateForYear, smeClassFromSek } from '../../core/sme-class';
import { parseSniCode } from '../../core/sni';
import type { CompanyStatus } from '../../core/company-status';
import { municipalities } from '../content/municipalities';
import { sekPerEurRates } from '../content/rates';
import type { companies, companyStatusChanges, contacts } from './schema';

// About forty invented companies spread over the five organisations, their municipalities, sizes
// and statuses, each with two contacts and a status history that matches its status. Everything
// is derived from the index, so every start and every test sees the same data.

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A valid-looking number in a range kept for demo data (5599 00…). */
export function demoOrganisationNumber(serial: number): string {
  const nine = `5599${String(serial).padStart(5, '0')}`;
  return `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;
}

const firstWords = [
  'Exempel',
  'Påhittade',
  'Fiktiva',
  'Demo',
  'Låtsas',
  'Prov',
  'Testar',
  'Modell',
  'Mönster',
  'Skiss',
  'Utkast',
  'Förebild',
  'Tänkta',
  'Skenbara',
];
const trades = [
  { word: 'verken', sni: '25.620' },
  { word: 'Plåt', sni: '25.110' },
  { word: 'Textil', sni: '13.200' },
  { word: 'Gjuteri', sni: '24.530' },
  { word: 'Trä', sni: '16.230' },
  { word: 'mekano', sni: '28.290' },
  { word: 'Plast', sni: '22.290' },
  { word: 'Livs', sni: '10.890' },
  { word: 'Elektronik', sni: '27.900' },
  { word: 'Möbler', sni: '31.010' },
  { word: 'Fordonsdelar', sni: '29.320' },
  { word: 'Service', sni: '33.120' },
  { word: 'Kemi', sni: '20.590' },
  { word: 'Logistik', sni: '52.100' },
];
const headcounts = [4, 8, 12, 18, 25, 35, 48, 60, 85, 120, 160, 230, 9, 42, 7, 70, 15, 260];
const statusCycle: CompanyStatus[] = [
  'active',
  'enrolled',
  'active',
  'prospect',
  'completed',
  'active',
  'enrolled',
  'withdrawn',
  'active',
  'prospect',
];
const path: CompanyStatus[] = ['prospect', 'enrolled', 'active', 'completed'];

const people = [
  { first: 'Anna', gender: 'woman' },
  { first: 'Erik', gender: 'man' },
  { first: 'Karin', gender: 'woman' },
  { first: 'Lars', gender: 'man' },
  { first: 'Maria', gender: 'woman' },
  { first: 'Johan', gender: 'man' },
  { first: 'Sara', gender: 'woman' },
  { first: 'Per', gender: 'man' },
  { first: 'Linnea', gender: 'woman' },
  { first: 'Kim', gender: 'not_stated' },
] as const;
const surnames = ['Påhittsson', 'Exempeldal', 'Låtsasberg', 'Demoqvist', 'Provlund', 'Fiktivgren', 'Testström'];
const roles = ['VD', 'Produktionschef', 'Hållbarhetsansvarig', 'Ekonomichef', 'Kvalitetschef'];

export type DemoOrganisation = { id: string; area: ReportingArea; coachId: string };

/** The fixed demo companies that tests and screenshots refer to by id. */
export const fixedDemoCompanies = [
  { n: 201, name: 'Exempelverken i Skövde AB', municipalityCode: '1496' },
  { n: 202, name: 'Påhittade Plåt i Uddevalla AB', municipalityCode: '1485' },
  { n: 203, name: 'Fiktiva Textil i Borås AB', municipalityCode: '1490' },
  { n: 204, name: 'Demo Gjuteri Göteborg AB', municipalityCode: '1480' },
  { n: 205, name: 'Låtsas Trä i Halmstad AB', municipalityCode: '1380' },
  { n: 206, name: 'Provmekano i Lidköping AB', municipalityCode: '1494' },
];

/** Rows for 40 demo companies, their status history and contacts (the maturity seed adds 5 peers). */
export function demoCompanyRows(programmeId: string, organisationsInOrder: readonly DemoOrganisation[], now: Date) {
  const companyRows: (typeof companies.$inferInsert)[] = [];
  const statusRows: (typeof companyStatusChanges.$inferInsert)[] = [];
  const contactRows: (typeof contacts.$inferInsert)[] = [];
  // The fixed six keep their organisations: IDC, IUC Väst, Sjuhärad, GTC, TEK, IDC.
  const fixedOrganisation = [0, 1, 2, 3, 4, 0];
  for (let i = 0; i < 40; i += 1) {
    const organisation = organisationsInOrder[i < 6 ? fixedOrganisation[i]! : i % organisationsInOrder.length]!;
    const area = municipalitiesInArea(municipalities, organisation.area);
    const fixedCode = i < 6 ? fixedDemoCompanies[i]!.municipalityCode : undefined;
    const municipality = area.find((m) => m.code === fixedCode) ?? area[(i * 7) % area.length]!;
    const trade = trades[i % trades.length]!;
    const name =
      i < 6
        ? fixedDemoCompanies[i]!.name
        : `${firstWords[i % firstWords.length]} ${trade.word} i ${municipality.name} AB`;
    const headcount = headcounts[i % headcounts.length]!;
    const turnoverSek = Math.round(headcount * (1_400_000 + ((i * 137_000) % 900_000)));
    const balanceSheetSek = Math.round(turnoverSek * (0.45 + (i % 5) * 0.08));
    const rate = rateForYear(sekPerEurRates, 2025);
    const sni = parseSniCode(trade.sni);
    const status = i < 2 ? 'active' : statusCycle[i % statusCycle.length]!;
    const companyId = i < 6 ? id(fixedDemoCompanies[i]!.n) : id(1000 + i);
    const steps =
      status === 'withdrawn'
        ? (['prospect', 'enrolled', 'withdrawn'] as CompanyStatus[])
        : path.slice(0, path.indexOf(status) + 1);
    const start = new Date(Date.UTC(2023, 9 + (i % 12), 2 + (i % 20)));
    let day = start;
    steps.forEach((step, index) => {
      statusRows.push({
        id: id(20_000 + i * 10 + index),
        companyId,
        fromStatus: index === 0 ? null : steps[index - 1]!,
        toStatus: step,
        changedOn: day.toISOString().slice(0, 10),
        changedBy: organisation.coachId,
        reason: step === 'withdrawn' ? 'Företaget prioriterar om sina resurser' : null,
      });
      day = new Date(day.getTime() + (40 + ((i * 11) % 60)) * 86_400_000);
    });
    companyRows.push({
      id: companyId,
      programmeId,
      organisationId: organisation.id,
      coachId: organisation.coachId,
      organisationNumber: demoOrganisationNumber(i + 1),
      isSoleTrader: false,
      name,
      streetAddress: `Industrigatan ${1 + ((i * 3) % 40)}`,
      postalCode: `${500 + ((i * 13) % 90)} ${String(10 + (i % 80)).padStart(2, '0')}`,
      city: municipality.name,
      municipalityCode: municipality.code,
      sniCode: 'code' in sni ? sni.code : null,
      sniDivision: 'division' in sni ? sni.division : null,
      sniVersion: 'SNI 2007',
      headcount,
      turnoverSek,
      balanceSheetSek,
      financialYear: 2025,
      sizeClass: rate ? smeClassFromSek({ headcount, turnoverSek, balanceSheetSek, sekPerEur: rate.sekPerEur }) : null,
      status,
      statusChangedOn: statusRows[statusRows.length - 1]!.changedOn,
      withdrawnReason: status === 'withdrawn' ? 'Företaget prioriterar om sina resurser' : null,
      createdAt: start,
      updatedAt: now,
    });
    for (let k = 0; k < 2; k += 1) {
      const person = people[(i * 2 + k) % people.length]!;
      const surname = surnames[(i + k * 3) % surnames.length]!;
      contactRows.push({
        id: id(30_000 + i * 10 + k),
        companyId,
        name: `${person.first} ${surname}`,
        email: `${person.first.toLowerCase()}.${surname.toLowerCase().replace('å', 'a').replace('ö', 'o')}@foretag${i + 1}.example`,
        phone: `070-${String(1_000_000 + i * 9_137 + k * 71).slice(0, 3)} ${String(10 + i).slice(0, 2)} ${String(10 + k * 11)}`,
        role: roles[(i + k) % roles.length]!,
        gender: person.gender,
        createdAt: start,
        updatedAt: start,
      });
    }
  }
  return { companyRows, statusRows, contactRows };
}
