import fs from 'node:fs';
import path from 'node:path';

/** An e-mail as its recipient got it: a file in the mailbox directory (no SMTP configured). */
export type DeliveredMail = { to: string; subject: string; body: string };

/** Every e-mail delivered to the mailbox directory, oldest first. */
export function readMailbox(dir: string): DeliveredMail[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const split = text.indexOf('\n\n');
      const headers = text.slice(0, split).split('\n');
      const header = (key: string) => headers.find((line) => line.startsWith(`${key}: `))?.slice(key.length + 2) ?? '';
      return { to: header('To'), subject: header('Subject'), body: text.slice(split + 2).replace(/\n$/, '') };
    });
}

/** The token of the one-time link in the latest e-mail the recipient got; throws when there is none. */
export function latestLinkTokenTo(dir: string, recipient: string): string {
  const mail = readMailbox(dir)
    .filter((m) => m.to === recipient)
    .at(-1);
  if (!mail) throw new Error(`no e-mail to ${recipient}`);
  const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail.body)?.[1];
  if (!token) throw new Error(`no link in the latest e-mail to ${recipient}`);
  return token;
}
