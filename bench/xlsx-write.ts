// How much CPU the indicator report's .xlsx takes to write, without a database (issue 12: "the
// .xlsx of a year within 3 s" at 100×). It builds a FullIndicatorReport with `--rows` participants
// of made-up but realistic values (Swedish names, organisation numbers, dates, hours), times
// `reportWorkbook` by the CPU of this process (the machine may be shared: wall time would count the
// neighbours' work too) `--runs` times and prints the median, then reads the file back with
// ExcelJS and checks what a funder relies on: the sheets, the header row, a number as a number with
// its format, the frozen header and the filter.
// Usage: npx tsx bench/xlsx-write.ts [--rows 60000] [--runs 3] [--profile file.cpuprofile] [--out file.xlsx]
// `--profile` writes a CPU profile of the timed runs only (not of loading or reading back), for
// Chrome's DevTools or any .cpuprofile viewer.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import ExcelJS from 'exceljs';
import type { FullIndicatorReport, ParticipantRow } from '../src/contracts/indicator-reports';
import { reportWorkbook } from '../src/server/modules/indicator-reports/report-workbook';
import { listOption, numberOption } from './bench-kit';

const rowCount = numberOption('rows', 60_000);
const runs = numberOption('runs', 3);
const profileFile = listOption('profile', [])[0];
const outFile = listOption('out', [])[0];

const firstWords = ['Svensson', 'Lindqvist', 'Åkesson', 'Bergström', 'Öhman', 'Karlsson', 'Fägerström', 'Nyberg'];
const secondWords = ['Mekaniska', 'Plåt', 'Verkstad', 'Gjuteri', 'Trä', 'Plast', 'Svets', 'Elektronik'];
const forms = ['AB', 'Aktiebolag', 'HB', 'i Borås AB', 'Industri AB'];
const municipalities = ['Göteborg', 'Borås', 'Trollhättan', 'Skövde', 'Halmstad', 'Uddevalla', 'Alingsås', 'Lidköping'];
const organisations = ['IDC West Sweden', 'Innovatum', 'Science Park Borås', 'Almi Väst', 'Högskolan i Halmstad'];
const coFinancers = ['vastra_gotalandsregionen', 'region_halland', 'skaraborgs_kommunalforbund', 'boras_stad'];
const reportingAreas = ['fyrbodal', 'goteborgsregionen', 'skaraborg', 'sjuharad', 'halland'];
const sizeClasses = ['micro', 'small', 'medium', 'large', null] as const;
const rules = ['measurement', 'analysis', 'hours', null] as const;

/** A small deterministic generator, so every run writes the same workbook. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function participants(count: number): ParticipantRow[] {
  const next = random(41);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const day = (month: number, date: number) =>
    `2026-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, index) => {
    const firstMonth = 1 + Math.floor(next() * 6);
    const rule = pick(rules);
    const municipality = next() < 0.03 ? null : pick(municipalities);
    return {
      companyId: String(index + 1),
      organisationNumber: `55${String(1_000_000 + index).slice(-6)}-${String(1000 + (index % 9000))}`,
      name: `${pick(firstWords)}s ${pick(secondWords)} ${pick(forms)}`,
      organisationId: String(1 + (index % organisations.length)),
      organisationName: organisations[index % organisations.length]!,
      sizeClass: pick(sizeClasses),
      municipalityCode: municipality && '1480',
      municipalityName: municipality,
      coFinancers: next() < 0.5 ? [pick(coFinancers)] : [pick(coFinancers), pick(coFinancers)],
      reportingAreas: [pick(reportingAreas)],
      firstSupportOn: day(firstMonth, 1 + Math.floor(next() * 28)),
      lastSupportOn: day(firstMonth + Math.floor(next() * 6), 1 + Math.floor(next() * 28)),
      hours: Math.round(next() * 160) / 4,
      countsInRco01: rule !== null,
      countsInRco04: rule !== null && next() < 0.9,
      supportRule: rule,
    };
  });
}

function report(count: number): FullIndicatorReport {
  const codes = ['RCO01', 'RCO02', 'RCO04', 'RCR01', 'RCR02', 'RCR03', 'RCR29', 'IIW01', 'IIW02', 'IIW03'];
  const indicators = Object.fromEntries(
    codes.map((code, index) => [
      code,
      {
        code,
        kind: index < 3 ? ('output' as const) : ('result' as const),
        euReference: code.startsWith('RC') ? code : null,
        name: { sv: `Indikator ${code}`, en: `Indicator ${code}` },
        unit: { sv: 'företag', en: 'companies' },
        breakdown: 'size_class' as const,
        rule: 'support',
        description: { sv: 'Beskrivning', en: 'Description' },
        total: count * 0.8,
        tables: [
          {
            by: 'size_class',
            columns: ['value'],
            rows: sizeClasses.map((key) => ({ key: key ?? 'unknown', values: [120.5] })),
          },
          {
            by: 'reporting_area',
            columns: ['people.woman', 'people.man', 'people.total'],
            rows: reportingAreas.map((key) => ({ key, values: [12, 30, 42] })),
          },
        ],
      },
    ]),
  );
  return {
    period: { from: '2026-01-01', to: '2026-12-31' },
    filters: { organisationId: null, organisationName: null, coFinancer: null, coFinancerName: null },
    rules: {
      support: { minHours: 10, countsMeasurement: true, countsAnalysis: true },
      catalogueVersion: '2026-12',
      municipalitiesVersion: '2026-01',
      coFinancersVersion: '2026-12',
    },
    madeAt: '2026-12-07T05:00:00.000Z',
    indicators,
    order: codes,
    participantCount: count,
    dataQuality: [{ check: 'missing_size', count: 12, items: [] }],
    labels: {
      coFinancers: Object.fromEntries(coFinancers.map((key) => [key, { sv: `Medfinansiär ${key}`, en: key }])),
    },
    participants: participants(count),
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const input = report(rowCount);
// The first run also loads ExcelJS; one untimed run first, so each timed run writes only.
let file = await reportWorkbook(report(10));
const cpuMs: number[] = [];
const wallMs: number[] = [];
const profiler = new Session();
if (profileFile) {
  profiler.connect();
  await profiler.post('Profiler.enable');
  await profiler.post('Profiler.start');
}
for (let run = 0; run < runs; run += 1) {
  const cpu = process.cpuUsage();
  const began = performance.now();
  file = await reportWorkbook(input);
  wallMs.push(performance.now() - began);
  const used = process.cpuUsage(cpu);
  cpuMs.push((used.user + used.system) / 1000);
}
if (profileFile) {
  const { profile } = await profiler.post('Profiler.stop');
  fs.writeFileSync(profileFile, JSON.stringify(profile));
  profiler.disconnect();
}
console.log(
  `${rowCount} participants: ${Math.round(median(cpuMs))} ms CPU (median of ${runs}: ${cpuMs.map(Math.round).join(', ')}),` +
    ` ${Math.round(median(wallMs))} ms wall, ${(file.length / 1e6).toFixed(1)} MB`,
);

console.log(`peak memory (max RSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
if (outFile) fs.writeFileSync(outFile, file);

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
assert.deepEqual(
  workbook.worksheets.map((sheet) => sheet.name),
  ['Om rapporten', ...input.order, 'Deltagarlista', 'Datakvalitet'],
);
const list = workbook.getWorksheet('Deltagarlista')!;
assert.equal(list.rowCount, rowCount + 1);
assert.equal(list.getRow(1).getCell(1).value, 'Organisationsnummer');
assert.equal(list.getRow(1).getCell(1).font?.bold, true);
assert.deepEqual(list.views[0], { ...list.views[0], state: 'frozen', ySplit: 1 });
assert.ok(list.autoFilter, 'the participant list has a filter');
assert.equal(list.getColumn(2).width, 36);
const hours = list.getRow(2).getCell(10);
assert.equal(hours.value, input.participants[0]!.hours);
assert.equal(hours.numFmt, '0.00');
assert.equal(list.getRow(2).getCell(1).value, input.participants[0]!.organisationNumber);
assert.equal(list.getRow(2).getCell(8).value, input.participants[0]!.firstSupportOn);
const indicator = workbook.getWorksheet('RCO01')!;
assert.equal(typeof indicator.getRow(2).getCell(3).value, 'number');
assert.equal(indicator.getRow(2).getCell(3).numFmt, '#,##0.##');
console.log('read back: sheets, header, frozen row, filter, widths and number formats as expected');
