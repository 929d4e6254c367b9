import type { Area } from '../../../core/areas';
import type { Locale } from '../../../contracts/common';
import type { MailMessage } from '../../mail/mailer';
import { areaLabels } from '../../swedish-labels';

// What a coach reads when a company sends the public interest form (decision 045), in the coach's
// language. `isNew`: the form registered a prospect; otherwise the number was already the
// organisation's and nothing was made, which only the coach learns, never the sender.

const englishAreaLabels: Record<Area, string> = {
  foundation: 'Foundation step',
  resource_efficiency: 'Resource-efficient production',
  circular_business: 'Circular business models',
  energy_transition: 'Energy transition',
  digitalisation: 'Digitalisation',
};

export type InterestMailInput = {
  coachName: string;
  isNew: boolean;
  /** The name as the sender wrote it, and as the register has it when the company was there. */
  companyName: string;
  registeredName: string;
  organisationNumber: string;
  municipalityName: string;
  organisationName: string;
  contactName: string;
  email: string;
  phone: string | null;
  areas: readonly Area[];
  message: string | null;
  companyLink: string;
};

export function interestMail(locale: Locale, to: string, input: InterestMailInput): MailMessage {
  const isEnglish = locale === 'en';
  const labels = isEnglish ? englishAreaLabels : areaLabels;
  const wanted = input.areas.map((area) => labels[area]).join(', ') || '–';
  const company = `${input.companyName} (${input.organisationNumber})`;
  if (isEnglish) {
    const what = input.isNew
      ? `${company} in ${input.municipalityName} has registered its interest in Industry In West on the programme page. It is now a prospect of ${input.organisationName}, with no industry developer yet.`
      : `${company} in ${input.municipalityName} has sent an interest form on the programme page. The organisation number is already in the programme with ${input.organisationName} (${input.registeredName}), so nothing new was registered. The sender got the same answer as everyone else and does not know that the company is already here: get in touch.`;
    return {
      to,
      subject: `${input.isNew ? 'Interest' : 'Interest again'}: ${input.companyName} – Industry In West`,
      body: `Hello ${input.coachName},\n\n${what}\n\nContact person: ${input.contactName}\nE-mail: ${input.email}\nPhone: ${input.phone ?? 'not given'}\nWants help with: ${wanted}\nMessage: ${input.message ?? '–'}\n\nThe company: ${input.companyLink}\n\nIndustry In West`,
    };
  }
  const what = input.isNew
    ? `${company} i ${input.municipalityName} har anmält intresse för Industry In West på programsidan. Företaget är nu intressent hos ${input.organisationName}, ännu utan industriutvecklare.`
    : `${company} i ${input.municipalityName} har skickat en intresseanmälan på programsidan. Organisationsnumret finns redan i programmet hos ${input.organisationName} (${input.registeredName}), så inget nytt har registrerats. Avsändaren fick samma svar som alla andra och vet inte att företaget redan finns här: hör gärna av dig.`;
  return {
    to,
    subject: `${input.isNew ? 'Intresseanmälan' : 'Ny intresseanmälan'}: ${input.companyName} – Industry In West`,
    body: `Hej ${input.coachName}!\n\n${what}\n\nKontaktperson: ${input.contactName}\nE-post: ${input.email}\nTelefon: ${input.phone ?? 'inte angivet'}\nVill ha hjälp med: ${wanted}\nMeddelande: ${input.message ?? '–'}\n\nFöretaget: ${input.companyLink}\n\nIndustry In West`,
  };
}
