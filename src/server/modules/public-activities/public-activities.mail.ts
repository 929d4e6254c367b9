import type { Locale } from '../../../contracts/common';
import { withheldLinkMarker } from '../../../contracts/outbox-markers';
import type { MailMessage } from '../../mail/mailer';
import { swedishPeriod } from '../activities/activities.mail';

// The e-mail that confirms a public sign-up (decision 046), in the page's language. The confirm
// and cancel links carry one secret, which the outbox keeps sealed and shows as its marker
// (decision 030): the text holds the marker where the secret goes.

export type SignUpMailInput = {
  name: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  publicUrl: string;
  hours: number;
};

export const confirmPath = '/programmet/anmalan/bekrafta';
export const cancelPath = '/programmet/anmalan/avanmal';

/** The cancel paragraph of the registration e-mail sent once the sign-up is confirmed. */
export function cancelLinkText(publicUrl: string): string {
  return `Kan du inte komma? Avanmäl dig här, så går platsen till nästa på reservlistan:\n${publicUrl}${cancelPath}?token=${withheldLinkMarker}`;
}

export function signUpConfirmMail(locale: Locale, to: string, input: SignUpMailInput, token: string): MailMessage {
  const confirm = `${input.publicUrl}${confirmPath}?token=${withheldLinkMarker}`;
  const cancel = `${input.publicUrl}${cancelPath}?token=${withheldLinkMarker}`;
  const when = swedishPeriod(input.startsAt, input.endsAt);
  if (locale === 'en') {
    return {
      to,
      subject: `Confirm your sign-up: ${input.title} – Industry In West`,
      body: `Hello ${input.name},\n\nYou (or someone with your e-mail address) signed up for "${input.title}", ${when} (Swedish time)${input.place ? `, ${input.place}` : ''}.\n\nYour place is taken only when you confirm with this link within ${input.hours} hours:\n${confirm}\n\nChanged your mind? Cancel the sign-up here:\n${cancel}\n\nIf you did not sign up, ignore this e-mail: what was sent is deleted when the link expires.\n\nIndustry In West`,
      oneTimeLink: token,
    };
  }
  return {
    to,
    subject: `Bekräfta din anmälan: ${input.title} – Industry In West`,
    body: `Hej ${input.name}!\n\nDu (eller någon med din e-postadress) har anmält dig till "${input.title}", ${when} (svensk tid)${input.place ? `, ${input.place}` : ''}.\n\nDin plats blir din först när du bekräftar med den här länken inom ${input.hours} timmar:\n${confirm}\n\nÅngrat dig? Avanmäl dig här:\n${cancel}\n\nHar du inte anmält dig kan du bortse från det här e-postmeddelandet: uppgifterna raderas när länken har gått ut.\n\nIndustry In West`,
    oneTimeLink: token,
  };
}
