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

/** `users`: logins the server accepts (it then refuses any other); without them it takes mail from anyone. */
export async function startLocalSmtpServer(options: { users?: Record<string, string> } = {}): Promise<LocalSmtpServer> {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  let refusal = 'mailbox busy';
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const users = options.users ?? {};
      if (auth.username !== undefined && users[auth.username] === auth.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onMailFrom(_address, session, callback) {
      if (options.users && !session.user) callback(Object.assign(new Error('Authentication required'), { responseCode: 530 }));
      else callback();
    },
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
