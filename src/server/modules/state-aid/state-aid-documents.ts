import PDFDocument from 'pdfkit';
import { hoursValueOre, legalBasisReferences, type LegalBasis } from '../../../core/state-aid';

// The state aid documents in Swedish (issue 13, item 4), made with pdfkit and its built-in
// Helvetica (WinAnsi covers å, ä, ö and €), so nothing is downloaded or read from disk at run time.
// Amounts are formatted here from öre and cents, the same figures the API answers.

const kronor = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Öre as "12 345 kr" (or "12 345,50 kr" when there are öre). */
export function sekText(ore: number): string {
  return `${ore % 100 === 0 ? kronor.format(ore / 100) : decimals.format(ore / 100)} kr`;
}

/** Cents as "1 234,56 euro". */
export function eurText(cents: number): string {
  return `${decimals.format(cents / 100)} euro`;
}

/** A rate "11.4965" as "11,4965". */
function rateText(sekPerEur: string): string {
  return sekPerEur.replace('.', ',');
}

type Party = { name: string; organisationNumber: string; address: string | null };

export type NoticeInput = {
  programmeName: string;
  organisationName: string;
  company: Party;
  grant: {
    id: string;
    grantedOn: string;
    legalBasis: LegalBasis;
    plannedHours: number;
    hourlyRateSek: number | null;
    plannedActivities: { title: string; participants: number; costPerParticipantSek: number }[];
    valueOre: number;
    valueCents: number;
    rateMonth: string;
    sekPerEur: string;
    windowTotalCents: number;
    replaces: { grantedOn: string; reason: string } | null;
  };
  madeOn: string;
};

export type DeclarationFormInput = {
  programmeName: string;
  organisationName: string;
  company: Party;
  plannedAmountOre: number | null;
  programmeGrants: { grantedOn: string; valueOre: number; valueCents: number }[];
  declaredAids: {
    grantingBody: string;
    amountOre: number;
    decidedOn: string;
    paidAmountOre: number | null;
    paidOn: string | null;
  }[];
  declaredOn: string | null;
  madeOn: string;
};

function render(title: string, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    info: { Title: title, Author: 'Industry In West', Producer: 'Industry In West' },
    lang: 'sv-SE',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, text: string, size = 16) {
  doc.font('Helvetica-Bold').fontSize(size).fillColor('#0b3a53').text(text).fillColor('black').moveDown(0.5);
}

function field(doc: PDFKit.PDFDocument, label: string, value: string) {
  doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
  doc.font('Helvetica').text(value);
}

function paragraph(doc: PDFKit.PDFDocument, text: string) {
  doc.font('Helvetica').fontSize(10).text(text, { align: 'left' }).moveDown(0.6);
}

/** A table of text columns with fixed widths; a row per line. */
function table(doc: PDFKit.PDFDocument, columns: { header: string; width: number }[], rows: string[][]) {
  const left = doc.page.margins.left;
  const drawRow = (cells: string[], bold: boolean) => {
    const top = doc.y;
    let x = left;
    let height = 0;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
    cells.forEach((cell, i) => {
      const width = columns[i]!.width;
      doc.text(cell, x + 2, top + 3, { width: width - 4 });
      height = Math.max(height, doc.y - top + 3);
      x += width;
    });
    height = Math.max(height, 18);
    let lineX = left;
    for (const column of columns) {
      doc.rect(lineX, top, column.width, height).strokeColor('#9aa5ad').lineWidth(0.5).stroke();
      lineX += column.width;
    }
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(
    columns.map((c) => c.header),
    true,
  );
  for (const row of rows) drawRow(row, false);
  doc.moveDown(0.8);
}

/**
 * The notice of aid to the company (issue 13, item 4): who grants what to whom, the amount in SEK
 * and EUR with the rate, the grant date, the legal basis with the regulation's full reference, the
 * de minimis statement, and that the company keeps the notice for ten years.
 */
export function noticePdf(input: NoticeInput): Promise<Buffer> {
  const { grant, company } = input;
  const isDeMinimis = grant.legalBasis === 'de_minimis';
  const title = isDeMinimis ? 'Beslut om stöd av mindre betydelse (de minimis-stöd)' : 'Beslut om stöd';
  return render(title, (doc) => {
    doc.font('Helvetica').fontSize(9).fillColor('#555555').text(`${input.programmeName} · ${input.organisationName}`);
    doc.fillColor('black').moveDown(1);
    heading(doc, title);
    field(doc, 'Stödgivare', `${input.organisationName}, inom programmet ${input.programmeName}`);
    field(doc, 'Stödmottagare', company.name);
    field(doc, 'Organisationsnummer', company.organisationNumber);
    if (company.address) field(doc, 'Adress', company.address);
    field(doc, 'Beslutsdatum', grant.grantedOn);
    field(doc, 'Beslutets nummer', grant.id);
    doc.moveDown(0.8);

    heading(doc, 'Stödet', 12);
    paragraph(
      doc,
      'Företaget får rådgivning, analyser och aktiviteter inom programmet utan kostnad. Stödets värde är beräknat som planerade timmar gånger organisationens timpris för året, plus kostnaden per deltagare för de aktiviteter som företagets personal deltar i.',
    );
    const rows: string[][] = [];
    if (grant.plannedHours > 0 && grant.hourlyRateSek !== null) {
      rows.push([
        'Rådgivning och coachning',
        `${decimals.format(grant.plannedHours)} timmar × ${sekText(grant.hourlyRateSek * 100)}`,
        sekText(hoursValueOre(Math.round(grant.plannedHours * 4), grant.hourlyRateSek)),
      ]);
    }
    for (const activity of grant.plannedActivities) {
      rows.push([
        activity.title,
        `${activity.participants} deltagare × ${sekText(activity.costPerParticipantSek * 100)}`,
        sekText(activity.participants * activity.costPerParticipantSek * 100),
      ]);
    }
    table(
      doc,
      [
        { header: 'Del', width: 220 },
        { header: 'Beräkning', width: 160 },
        { header: 'Belopp', width: 103 },
      ],
      rows,
    );
    field(doc, 'Stödets värde', sekText(grant.valueOre));
    field(
      doc,
      'Motsvarande i euro',
      `${eurText(grant.valueCents)} (omräknat med kursen ${rateText(grant.sekPerEur)} kr per euro för ${grant.rateMonth})`,
    );
    field(doc, 'Rättslig grund', legalBasisReferences[grant.legalBasis]);
    doc.moveDown(0.8);

    if (isDeMinimis) {
      heading(doc, 'Stöd av mindre betydelse', 12);
      paragraph(
        doc,
        `Stödet är ett stöd av mindre betydelse (de minimis-stöd) enligt ${legalBasisReferences.de_minimis}.`,
      );
      paragraph(
        doc,
        'Stöd av mindre betydelse till ett enda företag får inte överstiga 300 000 euro under en period av tre år. Stödet anses beviljat den dag företaget får rätt till stödet, det vill säga beslutsdatumet. Stöd av mindre betydelse som företaget får från andra stödgivare ska räknas samman med detta stöd.',
      );
      field(
        doc,
        'Stöd av mindre betydelse till företaget (ett enda företag) under de tre åren till och med beslutsdatumet, detta stöd inräknat',
        eurText(grant.windowTotalCents),
      );
      doc.moveDown(0.8);
    }
    if (grant.replaces) {
      paragraph(
        doc,
        `Detta beslut ersätter beslutet av ${grant.replaces.grantedOn}. Anledning: ${grant.replaces.reason}`,
      );
    }
    heading(doc, 'Spara beslutet', 12);
    paragraph(
      doc,
      'Företaget ska spara detta beslut i tio år från beslutsdatumet och visa det för en myndighet som begär det. Beslutet behövs också när företaget intygar sitt stöd av mindre betydelse för andra stödgivare.',
    );
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`Utskrivet ${input.madeOn}`);
  });
}

/**
 * The declaration of earlier de minimis aid, pre-filled (issue 13, item 4; domain.md "De minimis
 * aid"): the company, the planned amount, the programme's grants already on record and the earlier
 * aid of its latest declaration, with empty rows and the statement to sign.
 */
export function declarationFormPdf(input: DeclarationFormInput): Promise<Buffer> {
  const { company } = input;
  const title = 'Intyg om stöd av mindre betydelse (de minimis-stöd)';
  return render(title, (doc) => {
    doc.font('Helvetica').fontSize(9).fillColor('#555555').text(`${input.programmeName} · ${input.organisationName}`);
    doc.fillColor('black').moveDown(1);
    heading(doc, title);
    field(doc, 'Program', input.programmeName);
    field(doc, 'Företag', company.name);
    field(doc, 'Organisationsnummer', company.organisationNumber);
    if (company.address) field(doc, 'Adress', company.address);
    field(doc, 'Planerat stöd från programmet', input.plannedAmountOre === null ? '' : sekText(input.plannedAmountOre));
    doc.moveDown(0.8);

    heading(doc, 'Stöd från programmet som redan finns registrerat', 12);
    if (input.programmeGrants.length === 0) paragraph(doc, 'Inget stödbeslut från programmet ännu.');
    else {
      table(
        doc,
        [
          { header: 'Beslutsdatum', width: 160 },
          { header: 'Belopp', width: 160 },
          { header: 'I euro', width: 163 },
        ],
        input.programmeGrants.map((g) => [g.grantedOn, sekText(g.valueOre), eurText(g.valueCents)]),
      );
    }

    heading(doc, 'Tidigare stöd av mindre betydelse från andra stödgivare', 12);
    paragraph(
      doc,
      'Ange allt stöd av mindre betydelse som företaget, och andra företag som tillsammans med företaget utgör ett enda företag, har fått de tre senaste åren. Stöd från detta program behöver inte anges.',
    );
    const columns = [
      { header: 'Stödgivare', width: 133 },
      { header: 'Belopp', width: 85 },
      { header: 'Beslutsdatum', width: 85 },
      { header: 'Utbetalt belopp', width: 95 },
      { header: 'Utbetalningsdatum', width: 85 },
    ];
    const onRecord = input.declaredAids.map((aid) => [
      aid.grantingBody,
      sekText(aid.amountOre),
      aid.decidedOn,
      aid.paidAmountOre === null ? '' : sekText(aid.paidAmountOre),
      aid.paidOn ?? '',
    ]);
    if (input.declaredOn && onRecord.length === 0) {
      paragraph(doc, `Enligt intyget av ${input.declaredOn}: inget tidigare stöd av mindre betydelse.`);
    } else if (input.declaredOn) {
      paragraph(doc, `Enligt intyget av ${input.declaredOn}:`);
    }
    table(doc, columns, [...onRecord, ...Array.from({ length: 4 }, () => ['', '', '', '', ''])]);

    heading(doc, 'Intygande', 12);
    paragraph(
      doc,
      'Härmed intygas att företaget, tillsammans med andra företag som det utgör ett enda företag med, under de tre senaste åren inte har fått annat stöd av mindre betydelse än det som anges ovan, och att uppgifterna är riktiga.',
    );
    paragraph(doc, `Stödet ges enligt ${legalBasisReferences.de_minimis}.`);
    doc.moveDown(1.5);
    for (const line of ['Ort och datum', 'Underskrift av behörig firmatecknare', 'Namnförtydligande']) {
      doc
        .moveTo(doc.page.margins.left, doc.y)
        .lineTo(doc.page.margins.left + 260, doc.y)
        .stroke();
      doc.font('Helvetica').fontSize(8).text(line).moveDown(1.6);
    }
    doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`Utskrivet ${input.madeOn}`);
  });
}
