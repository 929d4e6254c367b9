import type { Locale } from '../../contracts/common';
import { withheldLinkMarker } from '../../contracts/outbox';
import type { MailMessage } from './mailer';
import { mailDate } from './format';

// E-mail texts in the recipient's language. Plain text: it reaches every mail client. A one-time
// link goes in as the marker, and the mailer puts the link itself only in the delivered copy.
const link = withheldLinkMarker;

const sv = {
  invitation: (name: string, days: number) => ({
    subject: 'Inbjudan till Industry In West',
    body: `Hej ${name}!\n\nDu har bjudits in till plattformen för Industry In West.\nVälj ditt lösenord via länken nedan. Länken gäller i ${days} dagar.\n\n${link}\n\nHar du inte väntat dig detta meddelande kan du bortse från det.\n\nIndustry In West`,
  }),
  secondFactorReset: (name: string) => ({
    subject: 'Tvåstegsverifieringen har stängts av – Industry In West',
    body: `Hej ${name}!\n\nEn administratör har stängt av tvåstegsverifieringen för ditt konto, till exempel för att du har tappat bort telefonen med koderna. Du har loggats ut överallt.\n\nNästa gång du loggar in räcker lösenordet. Slå på tvåstegsverifieringen igen under Säkerhet, eller följ anvisningarna vid inloggningen om ditt konto kräver den.\n\nHar du inte bett om detta: kontakta din administratör genast och byt lösenord.\n\nIndustry In West`,
  }),
  passwordReset: (name: string, minutes: number) => ({
    subject: 'Återställ ditt lösenord – Industry In West',
    body: `Hej ${name}!\n\nNågon (förhoppningsvis du) har bett om att återställa lösenordet till ditt konto.\nVälj ett nytt lösenord via länken nedan. Länken gäller i ${minutes} minuter och kan användas en gång.\n\n${link}\n\nHar du inte bett om detta kan du bortse från meddelandet; ditt lösenord ändras inte.\n\nIndustry In West`,
  }),
};

const en: typeof sv = {
  invitation: (name, days) => ({
    subject: 'Invitation to Industry In West',
    body: `Hello ${name},\n\nYou have been invited to the Industry In West platform.\nChoose your password with the link below. The link is valid for ${days} days.\n\n${link}\n\nIf you did not expect this message, you can ignore it.\n\nIndustry In West`,
  }),
  secondFactorReset: (name) => ({
    subject: 'Two-step verification has been turned off – Industry In West',
    body: `Hello ${name},\n\nAn administrator has turned off two-step verification for your account, for example because you lost the phone with the codes. You have been signed out everywhere.\n\nThe next time you sign in, your password is enough. Turn two-step verification on again under Security, or follow the instructions at sign-in if your account requires it.\n\nIf you did not ask for this, contact your administrator at once and change your password.\n\nIndustry In West`,
  }),
  passwordReset: (name, minutes) => ({
    subject: 'Reset your password – Industry In West',
    body: `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your account.\nChoose a new password with the link below. The link is valid for ${minutes} minutes and works once.\n\n${link}\n\nIf you did not ask for this, ignore this message; your password stays the same.\n\nIndustry In West`,
  }),
};

export function invitationMail(
  locale: Locale,
  to: string,
  name: string,
  oneTimeLink: string,
  days: number,
): MailMessage {
  return { to, ...(locale === 'en' ? en : sv).invitation(name, days), oneTimeLink };
}

export function passwordResetMail(
  locale: Locale,
  to: string,
  name: string,
  oneTimeLink: string,
  minutes: number,
): MailMessage {
  return { to, ...(locale === 'en' ? en : sv).passwordReset(name, minutes), oneTimeLink };
}

/** Tells a user that an admin turned their second factor off: no link, so nothing to withhold. */
export function secondFactorResetMail(locale: Locale, to: string, name: string): MailMessage {
  return { to, ...(locale === 'en' ? en : sv).secondFactorReset(name) };
}

/** What a reminder is about, in the recipient's language; other sources add their kind here. */
const reminderTexts = {
  sv: {
    follow_up: { subject: 'Uppföljning', what: 'Det är dags att följa upp' },
    assessment: { subject: 'Uppföljande mätning', what: 'Det är dags för en uppföljande mätning hos' },
    action: { subject: 'Åtgärd', what: 'En åtgärd ska vara klar hos' },
  },
  en: {
    follow_up: { subject: 'Follow-up', what: 'It is time to follow up' },
    assessment: { subject: 'Follow-up measurement', what: 'A follow-up measurement is due at' },
    action: { subject: 'Action', what: 'An action is due at' },
  },
} as const;

export type ReminderMailInput = {
  sourceKind: keyof (typeof reminderTexts)['sv'];
  name: string;
  companyName: string;
  dueOn: string;
  companyLink: string;
  myWeekLink: string;
};

export function reminderMail(locale: Locale, to: string, input: ReminderMailInput): MailMessage {
  const text = reminderTexts[locale === 'en' ? 'en' : 'sv'][input.sourceKind];
  const dueOn = mailDate(input.dueOn);
  if (locale === 'en') {
    return {
      to,
      subject: `Reminder: ${text.subject} – ${input.companyName}, ${dueOn}`,
      body: `Hello ${input.name},\n\n${text.what} ${input.companyName} (due ${dueOn}).\n\nThe company: ${input.companyLink}\nYour week: ${input.myWeekLink}\n\nIndustry In West`,
    };
  }
  return {
    to,
    subject: `Påminnelse: ${text.subject} – ${input.companyName}, ${dueOn}`,
    body: `Hej ${input.name}!\n\n${text.what} ${input.companyName} (senast ${dueOn}).\n\nFöretaget: ${input.companyLink}\nDin vecka: ${input.myWeekLink}\n\nIndustry In West`,
  };
}
