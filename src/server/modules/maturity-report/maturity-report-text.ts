import type { ActionStatus } from '../../../core/action-status';
import type { AssessmentKind, MaturityArea } from '../../../core/maturity-areas';
import type { SmeClass } from '../../../core/sme-class';
import type { Locale } from '../../../contracts/common';
import { areaLabels } from '../../swedish-labels';

// The words of the maturity report in Swedish and in English, the interface's own words
// (docs/glossary.md; the web's maturity and action plan pages say the same). A Record over the
// locales makes a word missing in one language a type error.

export type ReportText = {
  title: string;
  /** The file name's first word, ASCII: it goes in a Content-Disposition header. */
  fileWord: string;
  pdfLanguage: string;
  intro: string;
  cover: {
    organisationNumber: string;
    organisation: string;
    coach: string;
    noCoach: string;
    sizeClass: string;
    madeOn: string;
  };
  sizeClasses: Record<SmeClass, string>;
  areas: Record<MaturityArea, string>;
  kinds: Record<AssessmentKind, string>;
  statuses: Record<ActionStatus, string>;
  step: (step: string) => string;
  stepOf: (step: number, name: string) => string;
  page: (page: number, pages: number) => string;
  contents: string;
  continued: (title: string) => string;
  summary: {
    title: string;
    ladderTitle: string;
    area: string;
    baseline: string;
    latest: string;
    measuredOn: string;
    peers: string;
    notMeasured: string;
    peersNote: string;
    chartTitle: string;
    nextDue: (date: string) => string;
    noNextDue: string;
    actionsTitle: string;
    energyTitle: (year: string) => string;
    energyHeading: string;
    noEnergy: string;
  };
  area: {
    latestSummary: (date: string, step: string, score: string, version: number) => string;
    ladder: string;
    radarTitle: string;
    latest: string;
    baseline: string;
    peers: string;
    changeTitle: string;
    baselineTitle: string;
    dimension: string;
    stepRow: string;
    baselineOn: (date: string) => string;
    followUpOn: (number: number, date: string) => string;
    change: string;
    noFollowUp: string;
    peersShown: (count: number) => string;
    peersHidden: string;
    commentsTitle: string;
    noComments: string;
    measurement: (kind: string, date: string) => string;
  };
  actions: {
    title: string;
    intro: string;
    totalsTitle: string;
    effect: string;
    kwh: string;
    co2e: string;
    sek: string;
    material: string;
    expected: string;
    realised: string;
    unconfirmed: string;
    investment: (amount: string) => string;
    payback: (expected: string, realised: string) => string;
    paybackValues: (expected: string, realised: string) => string;
    years: (years: string) => string;
    noPayback: string;
    byAreaTitle: string;
    area: string;
    count: string;
    done: string;
    expectedSek: string;
    investmentColumn: string;
    paybackColumn: string;
    investmentLabel: string;
    investmentAndPayback: string;
    listTitle: string;
    action: string;
    status: string;
    expectedColumn: string;
    realisedColumn: string;
    notConfirmed: string;
    perYear: string;
    increase: (value: string) => string;
    none: string;
    truncated: (count: number) => string;
    summary: (actions: string, done: string) => string;
  };
  energy: {
    title: (title: string) => string;
    sectionTitle: string;
    intro: (year: string, factorSet: string) => string;
    carrier: string;
    kwh: string;
    cost: string;
    co2e: string;
    sekPerKwh: string;
    total: string;
    incomplete: string;
  };
};

const sv: ReportText = {
  title: 'Mognadsrapport',
  fileWord: 'mognadsrapport',
  pdfLanguage: 'sv-SE',
  intro:
    'Rapporten visar var företaget står på grundsteget och de fyra fokusområdena, hur det har förändrats sedan nollmätningen och hur det ligger till jämfört med liknande företag, följt av handlingsplanen och energikartläggningen.',
  cover: {
    organisationNumber: 'Organisationsnummer',
    organisation: 'Ansvarig organisation',
    coach: 'Industriutvecklare',
    noCoach: 'Ingen utsedd',
    sizeClass: 'Storleksklass',
    madeOn: 'Datum',
  },
  sizeClasses: { micro: 'Mikroföretag', small: 'Litet företag', medium: 'Medelstort företag', large: 'Stort företag' },
  areas: areaLabels,
  kinds: { baseline: 'Nollmätning', follow_up: 'Uppföljning' },
  statuses: { planned: 'Planerad', in_progress: 'Pågår', done: 'Klar', cancelled: 'Avbruten' },
  step: (step) => `Steg ${step}`,
  stepOf: (step, name) => `Steg ${step} av 5: ${name}`,
  page: (page, pages) => `Sida ${page} av ${pages}`,
  contents: 'Innehåll',
  continued: (title) => `${title} (forts.)`,
  summary: {
    title: 'Sammanfattning',
    ladderTitle: 'Trappan: steget i varje område',
    area: 'Område',
    baseline: 'Nollmätning',
    latest: 'Senaste mätning',
    measuredOn: 'Mätt',
    peers: 'Liknande företag (median)',
    notMeasured: 'Inte mätt ännu',
    peersNote:
      'Liknande företag har samma storleksklass och SNI-avdelning; medianen visas när minst 5 sådana har mätts, så att inget företag kan kännas igen.',
    chartTitle: 'Nollmätning och senaste mätning på trappan',
    nextDue: (date) => `Nästa mätning senast ${date}.`,
    noNextDue: 'Ingen nästa mätning är satt.',
    actionsTitle: 'Handlingsplan',
    energyTitle: (year) => `Energikartläggning ${year}`,
    energyHeading: 'Energikartläggning',
    noEnergy: 'Företaget har ingen energikartläggning.',
  },
  area: {
    latestSummary: (date, step, score, version) =>
      `Senaste mätning ${date}: steg ${step}, ${score} poäng (modellversion ${version}).`,
    ladder: 'Trappan',
    radarTitle: 'Dimensionerna (poäng 0–100)',
    latest: 'Senaste',
    baseline: 'Nollmätning',
    peers: 'Liknande företag (median)',
    changeTitle: 'Förändring per dimension från nollmätningen till senaste uppföljningen (poäng 0–100)',
    baselineTitle: 'Nollmätningen per dimension (poäng 0–100)',
    dimension: 'Dimension',
    stepRow: 'Steg',
    baselineOn: (date) => `Nollmätning ${date}`,
    followUpOn: (number, date) => `Uppföljning ${number}, ${date}`,
    change: 'Förändring',
    noFollowUp: 'Ingen uppföljning ännu: förändringen visas efter nästa mätning.',
    peersShown: (count) =>
      `Jämförelse med ${count} liknande företag (samma storleksklass och SNI-avdelning), som median.`,
    peersHidden:
      'Jämförelse med liknande företag visas när minst 5 sådana har mätts, så att inget företag kan kännas igen.',
    commentsTitle: 'Industriutvecklarens kommentarer',
    noComments: 'Inga kommentarer till mätningarna.',
    measurement: (kind, date) => `${kind}, ${date}`,
  },
  actions: {
    title: 'Handlingsplan',
    intro:
      'Effekterna är per år. Uppnådd effekt räknas för klara åtgärder när industriutvecklaren har bekräftat den. Återbetalningstiden är investeringen delad med besparingen i kronor per år.',
    totalsTitle: 'Effekter för hela planen',
    effect: 'Effekt per år',
    kwh: 'Energi (kWh)',
    co2e: 'Klimatpåverkan (t\u00a0CO2e)',
    sek: 'Kostnadsbesparing (kr)',
    material: 'Material (t)',
    expected: 'Förväntad effekt',
    realised: 'Uppnådd effekt',
    unconfirmed: 'Ej bekräftat',
    investment: (amount) => `Investering ${amount}.`,
    payback: (expected, realised) => `Återbetalningstid: förväntad ${expected}, uppnådd ${realised}.`,
    paybackValues: (expected, realised) => `förväntad ${expected}, uppnådd ${realised}`,
    years: (years) => `${years} år`,
    noPayback: 'ingen beräknad',
    byAreaTitle: 'Per område',
    area: 'Område',
    count: 'Åtgärder',
    done: 'Klara',
    expectedSek: 'Förväntad besparing (kr)',
    investmentColumn: 'Investering (kr)',
    paybackColumn: 'Återbetalningstid',
    investmentLabel: 'Investering',
    investmentAndPayback: 'Investering, återbetalningstid',
    listTitle: 'Åtgärderna',
    action: 'Åtgärd',
    status: 'Status',
    expectedColumn: 'Förväntad effekt per år',
    realisedColumn: 'Uppnådd effekt per år',
    notConfirmed: 'ej bekräftad',
    perYear: 'per år',
    increase: (value) => `ökning ${value}`,
    none: 'Handlingsplanen har inga åtgärder ännu.',
    truncated: (count) => `Visar de första ${count} åtgärderna.`,
    summary: (actions, done) => `${actions} åtgärder, varav ${done} klara.`,
  },
  energy: {
    title: (title) => `Energi: ${title}`,
    sectionTitle: 'Energi',
    intro: (year, factorSet) =>
      `Energianvändning per energibärare ${year}, med kostnad och klimatpåverkan beräknad med emissionsfaktorerna ${factorSet}.`,
    carrier: 'Energibärare',
    kwh: 'Energi (kWh)',
    cost: 'Kostnad (kr)',
    co2e: 'Klimatpåverkan (t\u00a0CO2e)',
    sekPerKwh: 'kr per kWh',
    total: 'Totalt',
    incomplete: 'Kostnad eller klimatpåverkan saknas för någon energibärare; totalen räknar bara de som har den.',
  },
};

const en: ReportText = {
  title: 'Maturity report',
  fileWord: 'maturity-report',
  pdfLanguage: 'en-GB',
  intro:
    'The report shows where the company stands on the foundation step and the four focus areas, how it has changed since the baseline and how it compares with similar companies, followed by the action plan and the energy mapping.',
  cover: {
    organisationNumber: 'Organisation number',
    organisation: 'Responsible organisation',
    coach: 'Industry developer',
    noCoach: 'None assigned',
    sizeClass: 'Size class',
    madeOn: 'Date',
  },
  sizeClasses: {
    micro: 'Micro enterprise',
    small: 'Small enterprise',
    medium: 'Medium-sized enterprise',
    large: 'Large enterprise',
  },
  areas: {
    foundation: 'Foundation',
    resource_efficiency: 'Resource efficiency',
    circular_business: 'Circular business',
    energy_transition: 'Energy transition',
    digitalisation: 'Digitalisation',
  },
  kinds: { baseline: 'Baseline', follow_up: 'Follow-up' },
  statuses: { planned: 'Planned', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  step: (step) => `Step ${step}`,
  stepOf: (step, name) => `Step ${step} of 5: ${name}`,
  page: (page, pages) => `Page ${page} of ${pages}`,
  contents: 'Contents',
  continued: (title) => `${title} (continued)`,
  summary: {
    title: 'Summary',
    ladderTitle: 'The ladder: the step in each area',
    area: 'Area',
    baseline: 'Baseline',
    latest: 'Latest measurement',
    measuredOn: 'Measured',
    peers: 'Similar companies (median)',
    notMeasured: 'Not measured yet',
    peersNote:
      'Similar companies have the same size class and SNI division; the median appears once at least 5 of them have been measured, so that no company can be recognised.',
    chartTitle: 'Baseline and latest measurement on the ladder',
    nextDue: (date) => `Next measurement due by ${date}.`,
    noNextDue: 'No next measurement has been set.',
    actionsTitle: 'Action plan',
    energyTitle: (year) => `Energy mapping ${year}`,
    energyHeading: 'Energy mapping',
    noEnergy: 'The company has no energy mapping.',
  },
  area: {
    latestSummary: (date, step, score, version) =>
      `Latest measurement ${date}: step ${step}, ${score} points (model version ${version}).`,
    ladder: 'The ladder',
    radarTitle: 'The dimensions (points 0–100)',
    latest: 'Latest',
    baseline: 'Baseline',
    peers: 'Similar companies (median)',
    changeTitle: 'Change per dimension from the baseline to the latest follow-up (points 0–100)',
    baselineTitle: 'The baseline per dimension (points 0–100)',
    dimension: 'Dimension',
    stepRow: 'Step',
    baselineOn: (date) => `Baseline ${date}`,
    followUpOn: (number, date) => `Follow-up ${number}, ${date}`,
    change: 'Change',
    noFollowUp: 'No follow-up yet: the change appears after the next measurement.',
    peersShown: (count) => `Compared with ${count} similar companies (same size class and SNI division), as a median.`,
    peersHidden:
      'The comparison with similar companies appears once at least 5 of them have been measured, so that no company can be recognised.',
    commentsTitle: 'Comments of the industry developer',
    noComments: 'No comments on the measurements.',
    measurement: (kind, date) => `${kind}, ${date}`,
  },
  actions: {
    title: 'Action plan',
    intro:
      'Effects are per year. A realised effect counts for done actions once the industry developer has confirmed it. Payback is the investment divided by the saving in kronor per year.',
    totalsTitle: 'Effects of the whole plan',
    effect: 'Effect per year',
    kwh: 'Energy (kWh)',
    co2e: 'Climate impact (t\u00a0CO2e)',
    sek: 'Cost saving (kr)',
    material: 'Material (t)',
    expected: 'Expected effect',
    realised: 'Realised effect',
    unconfirmed: 'Not confirmed',
    investment: (amount) => `Investment ${amount}.`,
    payback: (expected, realised) => `Payback: expected ${expected}, realised ${realised}.`,
    paybackValues: (expected, realised) => `expected ${expected}, realised ${realised}`,
    years: (years) => `${years} yr`,
    noPayback: 'not computed',
    byAreaTitle: 'By area',
    area: 'Area',
    count: 'Actions',
    done: 'Done',
    expectedSek: 'Expected saving (kr)',
    investmentColumn: 'Investment (kr)',
    paybackColumn: 'Payback',
    investmentLabel: 'Investment',
    investmentAndPayback: 'Investment, payback',
    listTitle: 'The actions',
    action: 'Action',
    status: 'Status',
    expectedColumn: 'Expected effect per year',
    realisedColumn: 'Realised effect per year',
    notConfirmed: 'not confirmed',
    perYear: 'per year',
    increase: (value) => `${value} increase`,
    none: 'The action plan has no actions yet.',
    truncated: (count) => `Showing the first ${count} actions.`,
    summary: (actions, done) => `${actions} actions, ${done} of them done.`,
  },
  energy: {
    title: (title) => `Energy: ${title}`,
    sectionTitle: 'Energy',
    intro: (year, factorSet) =>
      `Energy use per energy carrier in ${year}, with its cost and climate impact computed with the emission factors ${factorSet}.`,
    carrier: 'Energy carrier',
    kwh: 'Energy (kWh)',
    cost: 'Cost (kr)',
    co2e: 'Climate impact (t\u00a0CO2e)',
    sekPerKwh: 'kr per kWh',
    total: 'Total',
    incomplete: 'Cost or climate impact is missing for a carrier; the total counts only those that have it.',
  },
};

export const reportText: Record<Locale, ReportText> = { sv, en };
