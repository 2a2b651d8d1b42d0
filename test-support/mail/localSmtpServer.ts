import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on 127.0.0.1 and a free port, started by a test: what reaches it is what a mail server got.

export interface ReceivedMail {
  /** RCPT TO addresses. */
  to: string[];
  /** The raw message as the client sent it (headers and encoded body). */
  raw: string;
}

export interface LocalSmtpServer {
  port: number;
  received: ReceivedMail[];
  /** The next `n` messages are refused at DATA with this error (a 4xx the client sees as a failure). */
  refuseNext(n: number, message?: string): void;
  close(): Promise<void>;
}

export async function startLocalSmtpServer(): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusal = 'mailbox busy';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          callback(Object.assign(new Error(refusal), { responseCode: 451 }));
          return;
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuseNext(n, message = 'mailbox busy') {
      refusals = n;
      refusal = message;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
