import type { Locale } from '../../contracts/common';
import type { MailMessage } from './mailer';

// E-mail texts in the recipient's language. Plain text: it reaches every mail client.

const sv = {
  invitation: (name: string, link: string, days: number) => ({
    subject: 'Inbjudan till Industry In West',
    body: `Hej ${name}!\n\nDu har bjudits in till plattformen för Industry In West.\nVälj ditt lösenord via länken nedan. Länken gäller i ${days} dagar.\n\n${link}\n\nHar du inte väntat dig detta meddelande kan du bortse från det.\n\nIndustry In West`,
  }),
  passwordReset: (name: string, link: string, minutes: number) => ({
    subject: 'Återställ ditt lösenord – Industry In West',
    body: `Hej ${name}!\n\nNågon (förhoppningsvis du) har bett om att återställa lösenordet till ditt konto.\nVälj ett nytt lösenord via länken nedan. Länken gäller i ${minutes} minuter och kan användas en gång.\n\n${link}\n\nHar du inte bett om detta kan du bortse från meddelandet; ditt lösenord ändras inte.\n\nIndustry In West`,
  }),
};

const en: typeof sv = {
  invitation: (name, link, days) => ({
    subject: 'Invitation to Industry In West',
    body: `Hello ${name},\n\nYou have been invited to the Industry In West platform.\nChoose your password with the link below. The link is valid for ${days} days.\n\n${link}\n\nIf you did not expect this message, you can ignore it.\n\nIndustry In West`,
  }),
  passwordReset: (name, link, minutes) => ({
    subject: 'Reset your password – Industry In West',
    body: `Hello ${name},\n\nSomeone (hopefully you) asked to reset the password of your account.\nChoose a new password with the link below. The link is valid for ${minutes} minutes and works once.\n\n${link}\n\nIf you did not ask for this, ignore this message; your password stays the same.\n\nIndustry In West`,
  }),
};

export function invitationMail(locale: Locale, to: string, name: string, link: string, days: number): MailMessage {
  return { to, ...(locale === 'en' ? en : sv).invitation(name, link, days) };
}

export function passwordResetMail(
  locale: Locale,
  to: string,
  name: string,
  link: string,
  minutes: number,
): MailMessage {
  return { to, ...(locale === 'en' ? en : sv).passwordReset(name, link, minutes) };
}
