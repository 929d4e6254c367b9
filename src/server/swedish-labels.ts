import type { ActionStatus } from '../core/action-status';
import type { ActivityType, ParticipantGender } from '../core/activities';
import type { AnalysisKind } from '../core/analyses';
import type { Area } from '../core/areas';
import type { EffectKind } from '../core/effects';
import type { InterventionKind } from '../core/interventions';
import type { AssessmentKind, AssessmentMode, AssessmentStatus } from '../core/maturity-areas';

// The Swedish words the server writes itself, in exports, e-mails and documents, for the codes of
// the core. One copy for every module, the same words as the web's Swedish text and the glossary
// (docs/glossary.md); swedish-labels.test.ts holds them to the web's sv.json. A Record over the
// core's union makes a new code without its word a type error.

/** The programme's areas: the foundation step and the four focus areas (core/areas.ts). */
export const areaLabels: Record<Area, string> = {
  foundation: 'Grundsteg',
  resource_efficiency: 'Resurseffektiv produktion',
  circular_business: 'Cirkulära affärsmodeller',
  energy_transition: 'Energiomställning',
  digitalisation: 'Digitalisering',
};

/** An intervention without an area: general support. */
export const generalAreaLabel = 'Allmänt';

/** The kinds of work an intervention was (core/interventions.ts). */
export const interventionKindLabels: Record<InterventionKind, string> = {
  foundation_analysis: 'Grundanalys',
  measurement: 'Mätning',
  analysis: 'Analys',
  action_planning: 'Åtgärdsplanering',
  follow_up_visit: 'Uppföljningsbesök',
  coaching: 'Coachning',
  other: 'Övrigt',
};

/** The types of activity (core/activities.ts). */
export const activityTypeLabels: Record<ActivityType, string> = {
  inspiration: 'Inspiration',
  insight: 'Insikt',
  workshop: 'Workshop',
  network_meeting: 'Nätverksträff',
  training: 'Utbildning',
  study_visit: 'Studiebesök',
};

/** The kinds of yearly effect of an action with their units (core/effects.ts), as the action form
 * names its fields; CO2e is written in tonnes, as everywhere a person reads it (decision 016). */
export const effectKindLabels: Record<EffectKind, string> = {
  kwh: 'Energi (kWh per år)',
  co2eKg: 'Klimatpåverkan (ton CO₂e per år)',
  sek: 'Kostnadsbesparing (kr per år)',
  materialTonnes: 'Material (ton per år)',
};

/** An action's investment, in kronor. */
export const investmentLabel = 'Investering (kr)';

/** A contact person's gender as the contact form asks it (contracts/contacts.ts). */
export const genderLabels: Record<ParticipantGender, string> = {
  woman: 'Kvinna',
  man: 'Man',
  other: 'Annat',
  not_stated: 'Vill inte ange',
};

/** A measurement's kind, way and state (core/maturity-areas.ts). */
export const assessmentKindLabels: Record<AssessmentKind, string> = {
  baseline: 'Nollmätning',
  follow_up: 'Uppföljning',
};
export const assessmentModeLabels: Record<AssessmentMode, string> = {
  coach: 'Med industriutvecklare',
  self: 'Självskattning',
};
export const assessmentStatusLabels: Record<AssessmentStatus, string> = { draft: 'Pågår', submitted: 'Inskickad' };

/** An action's status (core/action-status.ts). */
export const actionStatusLabels: Record<ActionStatus, string> = {
  planned: 'Planerad',
  in_progress: 'Pågår',
  done: 'Klar',
  cancelled: 'Avbruten',
};

/** The kinds of analysis (core/analyses.ts). */
export const analysisKindLabels: Record<AnalysisKind, string> = {
  energy_mapping: 'Energikartläggning',
  resource_flows: 'Resurs- och avfallsflöden',
  circular_business_model: 'Cirkulär affärsmodell',
  digital: 'Digital analys',
};
