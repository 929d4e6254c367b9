import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback for tests of delivery: it hands each message's text to `decide`,
// which answers how the server replies to it.

/** Take it (250), refuse it for now (451), or never answer (the client waits, as for a hung server). */
export type SmtpReply = 'accept' | 'refuse' | 'hang';

export type ReceivedMail = { to: string[]; data: string };

export type TestSmtpServer = { port: number; close: () => Promise<void> };

export async function startSmtpServer(decide: (mail: ReceivedMail) => SmtpReply): Promise<TestSmtpServer> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        const reply = decide({ to: session.envelope.rcptTo.map((r) => r.address), data });
        if (reply === 'accept') callback();
        else if (reply === 'refuse')
          callback(Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 }));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    // Connections a killed client left open would keep the server from closing: wait at most 2 s.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        setTimeout(resolve, 2000).unref();
      }),
  };
}

/** A message's text, quoted-printable decoded (soft line breaks joined, =XX as bytes): links read whole. */
export function mailText(data: string): string {
  return Buffer.from(
    data
      .slice(data.indexOf('\r\n\r\n'))
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
