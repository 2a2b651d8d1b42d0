import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { SmtpSettings } from '../../../shared/api/mail.contract.ts';

// How reminder e-mail leaves: an SMTP transport built from the saved settings and the secret store's password.

export type MailTransportOptions = SMTPTransport.Options;
export type MailTransport = Pick<Transporter<SMTPTransport.SentMessageInfo>, 'sendMail' | 'close'>;
/** Builds a transport from nodemailer options; tests and the default both go through nodemailer's own. */
export type CreateMailTransport = (options: MailTransportOptions) => Promise<MailTransport>;

/** Short waits: a tick runs in the writer's queue, and an unreachable server must not hold every save behind it. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export function transportOptionsOf(settings: SmtpSettings, password: string | null): MailTransportOptions {
  const security =
    settings.security === 'tls'
      ? { secure: true }
      : settings.security === 'starttls'
        ? { secure: false, requireTLS: true }
        : // A server on this machine (or a test's): plain text, no upgrade even if it offers one.
          { secure: false, ignoreTLS: true };
  const auth = settings.user !== '' ? { auth: { user: settings.user, pass: password ?? '' } } : {};
  return { host: settings.host, port: settings.port, ...security, ...auth, ...TIMEOUTS };
}

/** nodemailer is loaded on first use: most runs (and every CLI call) send no mail. */
export const createMailTransport: CreateMailTransport = async (options) => {
  const nodemailer = (await import('nodemailer')).default;
  return nodemailer.createTransport(options);
};
