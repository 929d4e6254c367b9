import PDFDocument from 'pdfkit';
import { calendarDate } from '../../../core/calendar';
import { effectKinds, type EffectKind } from '../../../core/effects';
import type { SmeClass } from '../../../core/sme-class';
import type { Action, CompanyActionTotals, EffectTotalsBody, EffectValues } from '../../../contracts/action-plans';
import type { EnergyMappingResultDto } from '../../../contracts/analyses';
import type { Locale } from '../../../contracts/common';
import type { AreaResult, LocalisedText, MaturityResults } from '../../../contracts/maturity';
import { reportText } from './maturity-report-text';
import { radarGeometry, type Point } from './radar';
import { winAnsi } from './win-ansi';

// The maturity report as a PDF (issue 15), drawn with pdfkit as the state aid documents are, in
// Swedish or English. Every figure is one the API answers (the input is the services' answers, as
// maturity-report.service.ts collects them); this file only lays them out and writes them the
// Swedish way: "12 500 kr", "1,2 t CO2e", dates YYYY-MM-DD. The radar is vector paths from
// radar.ts. Pages: a cover with the contents, a one-page summary, a section per measured area,
// the action plan and the energy summary; every page numbered.

export type MaturityReportComment = { question: LocalisedText; comment: string };

export type MaturityReportInput = {
  locale: Locale;
  /** The day the report is made, YYYY-MM-DD in Stockholm. */
  madeOn: string;
  company: {
    name: string;
    organisationNumber: string;
    organisationName: string;
    coachName: string | null;
    sizeClass: SmeClass | null;
  };
  results: MaturityResults;
  /** The comments of each coach measurement in the results, by its id, in the model's order. */
  comments: Record<string, MaturityReportComment[]>;
  actions: { items: Action[]; isTruncated: boolean };
  totals: CompanyActionTotals;
  /** The latest energy mapping with its figures, or null when the company has none. */
  energy: { title: string; year: number; factorSetName: string; energy: EnergyMappingResultDto } | null;
  /** An energy carrier's name by its key (content/emission-factors/carriers.json). */
  carrierNames: Record<string, LocalisedText>;
};

const colours = {
  brand: '#1f4e79',
  brandMid: '#a6c1dd',
  brandLight: '#eaf1f8',
  onBrand: '#d3e0ee',
  text: '#1a1b1e',
  muted: '#495057',
  rule: '#ced4da',
  stripe: '#f4f6f8',
  baseline: '#868e96',
  peers: '#0b7285',
  up: '#2b8a3e',
  down: '#c92a2a',
};

const page = { width: 595.28, height: 841.89, margin: 50, top: 56, bottom: 64 };
const contentWidth = page.width - 2 * page.margin;
const left = page.margin;
const nbsp = '\u00a0';

// Numbers the Swedish way in both languages (docs/architecture.md), as the web's format.ts does.
const whole = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const scoreText = (score: number | null) => (score === null ? '–' : oneDecimal.format(score));
const changeText = (change: number) =>
  change > 0 ? `+${oneDecimal.format(change)}` : change < 0 ? `-${oneDecimal.format(-change)}` : '±0';
const dateOf = (timestamp: string) => calendarDate(new Date(timestamp));
const tonnes = (kg: number) => oneDecimal.format(kg / 1000);
const kronor = (value: number) => `${whole.format(value)}${nbsp}kr`;

// Effects: a negative figure is an increase and says so (glossary, "Förväntad effekt").
const effectUnits: Record<EffectKind, (value: number) => string> = {
  kwh: (value) => `${whole.format(value)}${nbsp}kWh`,
  co2eKg: (value) => `${tonnes(value)}${nbsp}t${nbsp}CO2e`,
  sek: kronor,
  materialTonnes: (value) => `${oneDecimal.format(value)}${nbsp}t material`,
};
const effectFigures: Record<EffectKind, (value: number) => string> = {
  kwh: (value) => whole.format(value),
  co2eKg: tonnes,
  sek: (value) => whole.format(value),
  materialTonnes: (value) => oneDecimal.format(value),
};

type Column = { header: string; width: number; align: 'left' | 'right' };
/** A table row; a cell may have a second, smaller line in grey under it (an action's area). */
type Row = { cells: string[]; notes?: (string | undefined)[]; isBold?: boolean; colours?: (string | undefined)[] };

/** Draws the report; the caller gets the file's bytes. */
export function maturityReportPdf(input: MaturityReportInput): Promise<Buffer> {
  const text = reportText[input.locale];
  const localised = (value: LocalisedText) => value[input.locale];
  const { company, results } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: page.top, bottom: page.bottom, left: page.margin, right: page.margin },
    bufferPages: true,
    info: {
      Title: winAnsi(`${text.title} – ${company.name}`),
      Author: 'Industry In West',
      Producer: 'Industry In West',
    },
    lang: text.pdfLanguage,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bottom = page.height - page.bottom;
  const write = (value: string, x: number, y: number, options: PDFKit.Mixins.TextOptions = {}) =>
    doc.text(winAnsi(value), x, y, options);
  const font = (weight: 'regular' | 'bold', size: number, colour = colours.text) =>
    doc
      .font(weight === 'bold' ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(size)
      .fillColor(colour);
  const heightOf = (value: string, width: number) => doc.heightOfString(winAnsi(value || ' '), { width });
  const rule = (y: number, colour = colours.rule, width = 0.5) =>
    doc
      .moveTo(left, y)
      .lineTo(left + contentWidth, y)
      .lineWidth(width)
      .strokeColor(colour)
      .stroke();

  // Sections: each starts a page, is listed in the contents, and names itself at the top of any
  // further page it runs onto.
  const sections: { title: string; page: number }[] = [];
  let running: string | null = null;
  const currentPage = () => doc.bufferedPageRange().start + doc.bufferedPageRange().count;
  const newPage = () => {
    doc.addPage();
    doc.y = page.top;
    if (running) {
      font('bold', 9, colours.muted);
      write(text.continued(running), left, page.top - 18, { width: contentWidth });
      doc.y = page.top + 6;
    }
  };
  /** Starts a new page when less than `height` is left on this one. */
  const ensureSpace = (height: number) => {
    if (doc.y + height > bottom) newPage();
  };
  const startSection = (title: string, subtitle?: string) => {
    running = null;
    newPage();
    running = title;
    sections.push({ title, page: currentPage() });
    font('bold', 20, colours.brand);
    write(title, left, page.top, { width: contentWidth });
    if (subtitle) {
      font('regular', 11, colours.muted);
      write(subtitle, left, doc.y + 2, { width: contentWidth });
    }
    const y = doc.y + 6;
    rule(y, colours.brand, 1);
    doc.y = y + 14;
  };
  const subheading = (title: string, spaceAfter = 60) => {
    font('bold', 12, colours.brand);
    ensureSpace(heightOf(title, contentWidth) + spaceAfter);
    write(title, left, doc.y, { width: contentWidth });
    doc.y += 6;
  };
  const paragraph = (value: string, size = 9.5, colour = colours.text) => {
    font('regular', size, colour);
    ensureSpace(heightOf(value, contentWidth));
    write(value, left, doc.y, { width: contentWidth });
    doc.y += 8;
  };

  /** A table whose columns add up to the content width; a row that does not fit starts a new page
   * and repeats the header. Cells wrap within their column, so nothing runs over the edge. */
  const table = (columns: Column[], rows: Row[], options: { size?: number; hasHeader?: boolean } = {}) => {
    const size = options.size ?? 8.5;
    const hasHeader = options.hasHeader ?? true;
    const padding = 4;
    const noteSize = size - 1;
    const cellHeight = (row: Row, isHeader: boolean, i: number) => {
      const width = columns[i]!.width - 2 * padding;
      font(isHeader || row.isBold ? 'bold' : 'regular', size);
      const main = heightOf(row.cells[i]!, width);
      const note = row.notes?.[i];
      if (!note) return main;
      font('regular', noteSize);
      return main + 1 + heightOf(note, width);
    };
    const rowHeight = (row: Row, isHeader: boolean) =>
      Math.max(...row.cells.map((_, i) => cellHeight(row, isHeader, i))) + 2 * padding;
    const drawRow = (row: Row, isHeader: boolean, index: number) => {
      const y = doc.y;
      const height = rowHeight(row, isHeader);
      if (isHeader) doc.rect(left, y, contentWidth, height).fill(colours.brand);
      else if (index % 2 === 1) doc.rect(left, y, contentWidth, height).fill(colours.stripe);
      let x = left;
      row.cells.forEach((cell, i) => {
        const column = columns[i]!;
        font(
          isHeader || row.isBold ? 'bold' : 'regular',
          size,
          isHeader ? '#ffffff' : (row.colours?.[i] ?? colours.text),
        );
        write(cell, x + padding, y + padding, { width: column.width - 2 * padding, align: column.align });
        const note = row.notes?.[i];
        if (note) {
          font('regular', noteSize, colours.muted);
          write(note, x + padding, doc.y + 1, { width: column.width - 2 * padding, align: column.align });
        }
        x += column.width;
      });
      if (!isHeader) rule(y + height);
      doc.x = left;
      doc.y = y + height;
    };
    const header: Row = { cells: columns.map((column) => column.header) };
    const first = rows[0] ? rowHeight(rows[0], false) : 0;
    ensureSpace((hasHeader ? rowHeight(header, true) : 0) + first);
    if (hasHeader) drawRow(header, true, 0);
    else rule(doc.y);
    rows.forEach((row, index) => {
      if (doc.y + rowHeight(row, false) > bottom) {
        newPage();
        if (hasHeader) drawRow(header, true, 0);
      }
      drawRow(row, false, hasHeader ? index : index + 1);
    });
    doc.y += 12;
  };
  /** Columns from their headers and relative widths; the first `textColumns` are text, the rest
   * figures, aligned right. */
  const columnsOf = (headers: string[], fractions: number[], textColumns = 1): Column[] => {
    const sum = fractions.reduce((a, b) => a + b, 0);
    return fractions.map((fraction, i) => ({
      header: headers[i] ?? '',
      width: (contentWidth * fraction) / sum,
      align: i >= textColumns ? 'right' : 'left',
    }));
  };

  const effectText = (kind: EffectKind, value: number) =>
    value < 0 ? text.actions.increase(effectUnits[kind](-value)) : effectUnits[kind](value);
  const figureText = (kind: EffectKind, value: number) =>
    value < 0 ? text.actions.increase(effectFigures[kind](-value)) : effectFigures[kind](value);
  const effectLines = (values: EffectValues) =>
    effectKinds.flatMap((kind) => {
      const value = values[kind];
      return value === null ? [] : [effectText(kind, value)];
    });
  const paybackText = (years: number | null) =>
    years === null ? text.actions.noPayback : text.actions.years(oneDecimal.format(years));
  const stepText = (step: number) => text.step(oneDecimal.format(step));

  // ——— Cover ———
  doc.rect(0, 0, page.width, 250).fill(colours.brand);
  font('bold', 10, colours.onBrand);
  write('INDUSTRY IN WEST', left, 60, { width: contentWidth, characterSpacing: 1.5 });
  font('bold', 34, '#ffffff');
  write(text.title, left, 110, { width: contentWidth });
  font('regular', 18, '#ffffff');
  write(company.name, left, doc.y + 8, { width: contentWidth });
  doc.y = 290;
  const facts: [string, string][] = [
    [text.cover.organisationNumber, company.organisationNumber],
    [text.cover.organisation, company.organisationName],
    [text.cover.coach, company.coachName ?? text.cover.noCoach],
    ...(company.sizeClass ? [[text.cover.sizeClass, text.sizeClasses[company.sizeClass]] as [string, string]] : []),
    [text.cover.madeOn, input.madeOn],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    font('regular', 10, colours.muted);
    write(label, left, y, { width: 170 });
    font('bold', 11);
    write(value, left + 170, y - 1, { width: contentWidth - 170 });
    doc.y = Math.max(doc.y, y + 14) + 10;
  }
  doc.y += 14;
  rule(doc.y);
  doc.y += 16;
  paragraph(text.intro, 10.5, colours.muted);
  const contentsY = doc.y + 18;

  // ——— Summary ———
  const overall = input.totals.overall;
  startSection(text.summary.title, company.name);
  subheading(text.summary.ladderTitle);
  table(
    columnsOf(
      [text.summary.area, text.summary.baseline, text.summary.latest, text.summary.measuredOn, text.summary.peers],
      [30, 15, 17, 16, 22],
    ),
    results.areas.map((area) => {
      const name = text.areas[area.area];
      if (!area.latest) return { cells: [name, '–', text.summary.notMeasured, '–', '–'] };
      return {
        cells: [
          name,
          area.baseline?.step ? stepText(area.baseline.step) : '–',
          area.latest.step ? stepText(area.latest.step) : '–',
          dateOf(area.latest.submittedAt),
          area.peers.isShown && area.peers.medianStep !== null ? stepText(area.peers.medianStep) : '–',
        ],
      };
    }),
    { size: 9 },
  );
  drawStepChart();
  paragraph(text.summary.peersNote, 8, colours.muted);
  paragraph(results.nextDueOn ? text.summary.nextDue(results.nextDueOn) : text.summary.noNextDue);

  subheading(text.summary.actionsTitle);
  if (overall.actions === 0) paragraph(text.actions.none);
  else {
    const sums = (values: EffectTotalsBody['expected']) =>
      effectKinds
        .filter((kind) => kind !== 'materialTonnes' || values.materialTonnes !== 0)
        .map((kind) => effectText(kind, values[kind]))
        .join('   ');
    table(
      columnsOf(['', ''], [30, 70], 2),
      [
        {
          cells: [text.actions.count, text.actions.summary(whole.format(overall.actions), whole.format(overall.done))],
        },
        { cells: [text.actions.expected, sums(overall.expected)] },
        { cells: [text.actions.realised, sums(overall.realised)] },
        { cells: [text.actions.investmentLabel, kronor(overall.investmentSek)] },
        {
          cells: [
            text.actions.paybackColumn,
            text.actions.paybackValues(
              paybackText(overall.expectedPaybackYears),
              paybackText(overall.realisedPaybackYears),
            ),
          ],
        },
      ],
      { size: 9, hasHeader: false },
    );
  }
  if (input.energy) {
    const total = input.energy.energy.total;
    subheading(text.summary.energyTitle(String(input.energy.year)));
    table(
      columnsOf(['', ''], [30, 70], 2),
      [
        { cells: [text.energy.kwh, whole.format(total.kwh)] },
        { cells: [text.energy.cost, whole.format(total.costSek)] },
        { cells: [text.energy.co2e, tonnes(total.co2eKg)] },
      ],
      { size: 9, hasHeader: false },
    );
  } else {
    subheading(text.summary.energyHeading);
    paragraph(text.summary.noEnergy);
  }

  /** Each area on the ladder: the steps up to the baseline's, those gained since to the latest
   * measurement's, and the peers' median as a mark. */
  function drawStepChart() {
    const labelWidth = 150;
    const gap = 3;
    const segment = (contentWidth - labelWidth - 4 * gap) / 5;
    const barHeight = 13;
    subheading(text.summary.chartTitle, 5 * (barHeight + 8) + 40);
    const legend: [string, string, boolean][] = [
      [colours.brandMid, text.summary.baseline, false],
      [colours.brand, text.summary.latest, false],
      [colours.peers, text.summary.peers, true],
    ];
    let x = left + labelWidth;
    for (const [colour, label, isMark] of legend) {
      if (isMark) doc.rect(x + 5, doc.y, 3, 10).fill(colour);
      else doc.rect(x, doc.y + 1, 12, 8).fill(colour);
      font('regular', 8, colours.muted);
      write(label, x + 16, doc.y + 1, { lineBreak: false });
      x += 16 + doc.widthOfString(winAnsi(label)) + 18;
    }
    doc.y += 18;
    for (const area of results.areas) {
      const y = doc.y;
      font('regular', 9, colours.text);
      write(text.areas[area.area], left, y + 2, { width: labelWidth - 8, lineBreak: false, ellipsis: true });
      const baseline = area.baseline?.step ?? null;
      const latest = area.latest?.step ?? null;
      if (!area.latest) {
        doc.rect(left + labelWidth, y, contentWidth - labelWidth, barHeight).fill(colours.stripe);
        font('regular', 8, colours.muted);
        write(text.summary.notMeasured, left + labelWidth + 6, y + 3, { lineBreak: false });
        doc.y = y + barHeight + 8;
        continue;
      }
      for (let step = 1; step <= 5; step += 1) {
        const sx = left + labelWidth + (step - 1) * (segment + gap);
        const isBaseline = baseline !== null && step <= baseline && (latest === null || step <= latest);
        const isGained = latest !== null && step <= latest && !isBaseline;
        const isLost = baseline !== null && latest !== null && step <= baseline && step > latest;
        const fill = isBaseline ? colours.brandMid : isGained ? colours.brand : colours.brandLight;
        doc.rect(sx, y, segment, barHeight).fill(fill);
        if (isLost) {
          doc
            .rect(sx + 0.5, y + 0.5, segment - 1, barHeight - 1)
            .dash(2, { space: 2 })
            .lineWidth(1)
            .strokeColor(colours.baseline)
            .stroke();
          doc.undash();
        }
        font('regular', 7, isGained ? '#ffffff' : colours.muted);
        write(String(step), sx, y + 3.5, { width: segment, align: 'center', lineBreak: false });
      }
      if (area.peers.isShown && area.peers.medianStep !== null) {
        const mx = left + labelWidth + area.peers.medianStep * (segment + gap) - gap / 2;
        doc.rect(mx - 1.5, y - 3, 3, barHeight + 6).fill(colours.peers);
      }
      doc.y = y + barHeight + 8;
    }
    doc.y += 8;
  }

  // ——— One section per measured area ———
  for (const area of results.areas) {
    if (area.latest) drawArea(area);
  }

  function drawArea(area: AreaResult) {
    const latest = area.latest!;
    const stepName = (step: number | null) => {
      const found = area.stepNames.find((s) => s.step === step);
      return found ? localised(found.name) : '';
    };
    startSection(text.areas[area.area], latest.step ? text.stepOf(latest.step, stepName(latest.step)) : undefined);

    // The ladder: five steps, those below the one reached filled, the one reached the darkest; the
    // baseline's step outlined when it differs.
    const gap = 4;
    const boxWidth = (contentWidth - 4 * gap) / 5;
    const boxHeight = 40;
    const top = doc.y;
    const hasBaseline = area.baseline !== null && area.baseline.assessmentId !== latest.assessmentId;
    for (let step = 1; step <= 5; step += 1) {
      const x = left + (step - 1) * (boxWidth + gap);
      const isCurrent = step === latest.step;
      const isReached = latest.step !== null && step < latest.step;
      doc
        .rect(x, top, boxWidth, boxHeight)
        .fill(isCurrent ? colours.brand : isReached ? colours.brandMid : colours.brandLight);
      if (hasBaseline && step === area.baseline!.step && step !== latest.step) {
        doc
          .rect(x + 1, top + 1, boxWidth - 2, boxHeight - 2)
          .lineWidth(2)
          .dash(3, { space: 2 })
          .strokeColor(colours.baseline)
          .stroke();
        doc.undash();
      }
      const colour = isCurrent ? '#ffffff' : colours.text;
      font('bold', 8.5, colour);
      write(stepText(step), x + 5, top + 5, { width: boxWidth - 10 });
      font('regular', 7.5, colour);
      write(stepName(step), x + 5, doc.y + 1, { width: boxWidth - 10, height: boxHeight - 18, ellipsis: true });
    }
    doc.y = top + boxHeight + 6;
    font('regular', 8.5, colours.muted);
    const ladderNotes = [
      area.baseline?.step ? `${text.area.baseline}: ${stepText(area.baseline.step)}` : null,
      latest.step ? `${text.area.latest}: ${stepText(latest.step)}` : null,
      area.peers.isShown && area.peers.medianStep !== null
        ? `${text.area.peers}: ${stepText(area.peers.medianStep)}`
        : null,
    ].filter((note): note is string => note !== null);
    write(ladderNotes.join('   ·   '), left, doc.y, { width: contentWidth });
    doc.y += 10;
    paragraph(
      text.area.latestSummary(
        dateOf(latest.submittedAt),
        String(latest.step ?? '–'),
        scoreText(latest.score),
        latest.modelVersion,
      ),
    );

    // The radar: the latest measurement filled, the baseline dashed grey, the peers' median dashed.
    const keys = area.dimensionNames.map((d) => d.key);
    const scoresOf = (dimensions: { key: string; score: number | null }[]) =>
      keys.map((key) => dimensions.find((d) => d.key === key)?.score ?? null);
    const series = [
      ...(area.peers.isShown
        ? [
            {
              values: keys.map((key) => area.peers.dimensions.find((d) => d.key === key)?.median ?? null),
              colour: colours.peers,
              fill: 0.06,
              isDashed: true,
              label: text.area.peers,
            },
          ]
        : []),
      ...(hasBaseline
        ? [
            {
              values: scoresOf(area.baseline!.dimensions),
              colour: colours.baseline,
              fill: 0.06,
              isDashed: true,
              label: text.area.baseline,
            },
          ]
        : []),
      {
        values: scoresOf(latest.dimensions),
        colour: colours.brand,
        fill: 0.28,
        isDashed: false,
        label: text.area.latest,
      },
    ];
    const radius = 60;
    const labelWidth = 92;
    const labelGap = 8;
    ensureSpace(2 * radius + 90);
    const radarTop = doc.y;
    font('bold', 9, colours.text);
    write(text.area.radarTitle, left, radarTop, { width: contentWidth });
    const geometryAt = (centre: Point) =>
      radarGeometry({
        centre,
        radius,
        axes: keys.length,
        rings: 4,
        max: 100,
        series: series.map((s) => s.values),
        labelGap,
      });
    /** Where each dimension's name goes: beside its axis's end, above it at the top, below it at the bottom. */
    const labelBoxes = (centre: Point) => {
      font('regular', 7.5, colours.text);
      return geometryAt(centre).labels.map((label, i) => {
        const name = localised(area.dimensionNames[i]!.name);
        const height = heightOf(name, labelWidth);
        const x =
          label.align === 'left'
            ? label.anchor.x
            : label.align === 'right'
              ? label.anchor.x - labelWidth
              : label.anchor.x - labelWidth / 2;
        const isAbove = label.anchor.y < centre.y - radius / 2;
        const isBelow = label.anchor.y > centre.y + radius / 2;
        const y = isAbove ? label.anchor.y - height : isBelow ? label.anchor.y : label.anchor.y - height / 2;
        return { name, x, y, height, align: label.align };
      });
    };
    // The radar goes as high as its top label allows under the title, and the text goes on under its
    // lowest label.
    const x = left + labelWidth + labelGap + radius;
    const probe = keys.length >= 3 ? labelBoxes({ x, y: 0 }) : [];
    const highest = Math.min(-radius, ...probe.map((box) => box.y));
    const centre: Point = { x, y: radarTop + 16 - highest };
    let below = centre.y + radius;
    if (keys.length >= 3) {
      const geometry = geometryAt(centre);
      const path = (points: Point[]) => doc.polygon(...points.map((p): [number, number] => [p.x, p.y]));
      doc.save();
      for (const ring of geometry.rings) path(ring).lineWidth(0.5).strokeColor(colours.rule).stroke();
      for (const spoke of geometry.spokes) {
        doc
          .moveTo(spoke.from.x, spoke.from.y)
          .lineTo(spoke.to.x, spoke.to.y)
          .lineWidth(0.5)
          .strokeColor(colours.rule)
          .stroke();
      }
      geometry.polygons.forEach((polygon, i) => {
        const s = series[i]!;
        path(polygon).fillOpacity(s.fill).fill(s.colour);
        doc.fillOpacity(1);
        if (s.isDashed) doc.dash(3, { space: 2 });
        path(polygon)
          .lineWidth(s.isDashed ? 1 : 1.6)
          .strokeColor(s.colour)
          .stroke();
        doc.undash();
      });
      doc.restore();
      font('regular', 6, colours.baseline);
      geometry.rings.forEach((ring, i) =>
        write(String((100 * (i + 1)) / geometry.rings.length), ring[0]!.x + 2, ring[0]!.y - 3, { lineBreak: false }),
      );
      for (const box of labelBoxes(centre)) {
        write(box.name, box.x, box.y, { width: labelWidth, align: box.align });
        below = Math.max(below, box.y + box.height);
      }
    }
    // The legend and the peers' note beside the radar.
    const legendX = centre.x + radius + labelGap + labelWidth + 16;
    const legendWidth = left + contentWidth - legendX;
    let legendY = radarTop + 40;
    for (const s of [...series].reverse()) {
      if (s.isDashed) doc.dash(3, { space: 2 });
      doc
        .rect(legendX, legendY + 1, 14, 8)
        .fillOpacity(s.fill)
        .fillAndStroke(s.colour, s.colour);
      doc.fillOpacity(1).undash();
      font('regular', 8.5, colours.text);
      write(s.label, legendX + 20, legendY, { width: legendWidth - 20 });
      legendY = doc.y + 6;
    }
    font('regular', 8, colours.muted);
    write(
      area.peers.isShown ? text.area.peersShown(area.peers.peerCount ?? 0) : text.area.peersHidden,
      legendX,
      legendY + 8,
      {
        width: legendWidth,
      },
    );
    doc.y = Math.max(below + 14, doc.y + 10);

    // The change per dimension from the baseline to the latest follow-up, with the peers' median.
    const lastFollowUp = area.followUps.at(-1);
    subheading(lastFollowUp ? text.area.changeTitle : text.area.baselineTitle);
    const nameOf = (key: string) => {
      const found = area.dimensionNames.find((d) => d.key === key);
      return found ? localised(found.name) : key;
    };
    const headers = [
      text.area.dimension,
      area.baseline ? text.area.baselineOn(dateOf(area.baseline.submittedAt)) : text.area.baseline,
      ...(lastFollowUp
        ? [text.area.followUpOn(area.followUps.length, dateOf(lastFollowUp.submittedAt)), text.area.change]
        : []),
      ...(area.peers.isShown ? [text.area.peers] : []),
    ];
    const fractions = [36, 17, ...(lastFollowUp ? [19, 11] : []), ...(area.peers.isShown ? [17] : [])];
    const rows: Row[] = keys.map((key) => {
      const change = lastFollowUp?.changes.find((c) => c.key === key);
      const colour = change && change.change !== 0 ? (change.change > 0 ? colours.up : colours.down) : undefined;
      return {
        cells: [
          nameOf(key),
          scoreText(area.baseline?.dimensions.find((d) => d.key === key)?.score ?? null),
          ...(lastFollowUp
            ? [
                scoreText(lastFollowUp.dimensions.find((d) => d.key === key)?.score ?? null),
                change ? changeText(change.change) : '–',
              ]
            : []),
          ...(area.peers.isShown ? [scoreText(area.peers.dimensions.find((d) => d.key === key)?.median ?? null)] : []),
        ],
        colours: [undefined, undefined, undefined, colour],
      };
    });
    rows.push({
      isBold: true,
      cells: [
        text.area.stepRow,
        String(area.baseline?.step ?? '–'),
        ...(lastFollowUp ? [String(lastFollowUp.step ?? '–'), ''] : []),
        ...(area.peers.isShown ? [scoreText(area.peers.medianStep)] : []),
      ],
    });
    table(columnsOf(headers, fractions), rows);
    if (!lastFollowUp) paragraph(text.area.noFollowUp, 8.5, colours.muted);

    // The comments of each coach measurement, the latest first.
    subheading(text.area.commentsTitle, 30);
    const measurements = [
      ...(area.baseline ? [{ point: area.baseline, label: text.kinds.baseline }] : []),
      ...area.followUps.map((point, i) => ({ point, label: `${text.kinds.follow_up} ${i + 1}` })),
    ].reverse();
    let hasComments = false;
    for (const { point, label } of measurements) {
      const comments = input.comments[point.assessmentId] ?? [];
      if (comments.length === 0) continue;
      hasComments = true;
      font('bold', 9, colours.text);
      ensureSpace(36);
      write(text.area.measurement(label, dateOf(point.submittedAt)), left, doc.y, { width: contentWidth });
      doc.y += 3;
      for (const comment of comments) {
        const question = localised(comment.question);
        font('regular', 8, colours.muted);
        const height = heightOf(question, contentWidth - 12);
        font('regular', 9, colours.text);
        ensureSpace(height + heightOf(comment.comment, contentWidth - 12) + 4);
        font('regular', 8, colours.muted);
        write(question, left + 12, doc.y, { width: contentWidth - 12 });
        font('regular', 9, colours.text);
        write(comment.comment, left + 12, doc.y + 1, { width: contentWidth - 12 });
        doc.y += 3;
      }
      doc.y += 4;
    }
    if (!hasComments) paragraph(text.area.noComments, 9, colours.muted);
  }

  // ——— The action plan ———
  startSection(text.actions.title, company.name);
  paragraph(text.actions.intro, 9, colours.muted);
  if (overall.actions === 0) paragraph(text.actions.none);
  else {
    subheading(text.actions.totalsTitle);
    const totalsRow = (label: string, values: EffectTotalsBody['expected']) => ({
      cells: [label, ...effectKinds.map((kind) => figureText(kind, values[kind]))],
    });
    table(
      columnsOf(
        [text.actions.effect, text.actions.kwh, text.actions.co2e, text.actions.sek, text.actions.material],
        [24, 19, 19, 22, 16],
      ),
      [
        totalsRow(text.actions.expected, overall.expected),
        totalsRow(text.actions.realised, overall.realised),
        ...(overall.doneUnconfirmed > 0 ? [totalsRow(text.actions.unconfirmed, overall.realisedUnconfirmed)] : []),
      ],
    );
    paragraph(
      `${text.actions.investment(kronor(overall.investmentSek))} ${text.actions.payback(
        paybackText(overall.expectedPaybackYears),
        paybackText(overall.realisedPaybackYears),
      )}`,
    );

    subheading(text.actions.byAreaTitle);
    table(
      columnsOf(
        [
          text.actions.area,
          text.actions.count,
          text.actions.done,
          text.actions.expectedSek,
          text.actions.investmentColumn,
          text.actions.paybackColumn,
        ],
        [28, 11, 9, 18, 17, 17],
      ),
      input.totals.byArea.map(({ area, totals }) => ({
        cells: [
          text.areas[area],
          whole.format(totals.actions),
          whole.format(totals.done),
          figureText('sek', totals.expected.sek),
          whole.format(totals.investmentSek),
          paybackText(totals.expectedPaybackYears),
        ],
      })),
    );

    subheading(text.actions.listTitle);
    table(
      columnsOf(
        [
          text.actions.action,
          text.actions.status,
          text.actions.expectedColumn,
          text.actions.realisedColumn,
          text.actions.investmentAndPayback,
        ],
        [31, 11, 21, 21, 16],
        5,
      ),
      input.actions.items.map((action) => {
        const realised = action.status === 'done' ? effectLines(action.realised) : [];
        const isUnconfirmed = realised.length > 0 && action.realisedConfirmation === null;
        return {
          notes: [text.areas[action.area]],
          cells: [
            action.title,
            text.statuses[action.status],
            effectLines(action.expected).join('\n') || '–',
            realised.length > 0
              ? [...realised, ...(isUnconfirmed ? [`(${text.actions.notConfirmed})`] : [])].join('\n')
              : '–',
            [
              action.investmentSek === null ? '–' : kronor(action.investmentSek),
              ...(action.expectedPaybackYears === null ? [] : [paybackText(action.expectedPaybackYears)]),
            ].join('\n'),
          ],
        };
      }),
      { size: 8 },
    );
    if (input.actions.isTruncated) paragraph(text.actions.truncated(input.actions.items.length), 8.5, colours.muted);
  }

  // ——— The energy summary ———
  if (input.energy) {
    const { energy, title, year } = input.energy;
    startSection(text.energy.sectionTitle, title);
    paragraph(text.energy.intro(String(year), input.energy.factorSetName), 9, colours.muted);
    table(
      columnsOf(
        [text.energy.carrier, text.energy.kwh, text.energy.cost, text.energy.co2e, text.energy.sekPerKwh],
        [34, 17, 17, 18, 14],
      ),
      [
        ...energy.carriers.map((carrier) => ({
          cells: [
            input.carrierNames[carrier.carrier] ? localised(input.carrierNames[carrier.carrier]!) : carrier.carrier,
            whole.format(carrier.kwh),
            whole.format(carrier.costSek),
            tonnes(carrier.co2eKg),
            carrier.sekPerKwh === null ? '–' : twoDecimals.format(carrier.sekPerKwh),
          ],
        })),
        {
          isBold: true,
          cells: [
            text.energy.total,
            whole.format(energy.total.kwh),
            whole.format(energy.total.costSek),
            tonnes(energy.total.co2eKg),
            '',
          ],
        },
      ],
      { size: 9 },
    );
    if (!energy.total.isCostComplete || !energy.total.isCo2eComplete) {
      paragraph(text.energy.incomplete, 8.5, colours.muted);
    }
  }

  // The contents on the cover, now that each section's page is known.
  doc.switchToPage(doc.bufferedPageRange().start);
  doc.y = contentsY;
  font('bold', 12, colours.brand);
  write(text.contents, left, doc.y, { width: contentWidth });
  doc.y += 6;
  for (const section of sections) {
    const y = doc.y;
    font('regular', 10, colours.text);
    write(section.title, left, y, { width: contentWidth - 40, lineBreak: false, ellipsis: true });
    write(String(section.page), left + contentWidth - 40, y, { width: 40, align: 'right', lineBreak: false });
    rule(y + 15, colours.stripe);
    doc.y = y + 20;
  }

  // Page numbers and the report's name at the foot of every page, once the number of pages is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const y = page.height - 40;
    rule(y - 6);
    font('regular', 8, colours.muted);
    write(`${text.title} · ${company.name} · ${input.madeOn}`, left, y, {
      width: contentWidth - 90,
      lineBreak: false,
      ellipsis: true,
    });
    write(text.page(i - range.start + 1, range.count), left + contentWidth - 90, y, {
      width: 90,
      align: 'right',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
