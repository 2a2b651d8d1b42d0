import { addMinutes } from 'date-fns';
import { dueMail, markMailSent, recordMailFailure } from '../../../db/repositories/mailOutboxRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { loadReminderConfig } from '../reminders/reminderConfig.ts';
import { storedNotificationText } from '../reminders/reminderText.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { mailReady, readSmtpSettings } from './mailSettings.ts';
import { createMailTransport, transportOptionsOf, type CreateMailTransport } from './mailTransport.ts';

/** Tries per e-mail before it is given up (and shown as failed in the centre). */
export const MAX_MAIL_ATTEMPTS = 10;
/** The wait after the first failure doubles each time (1, 2, 4 … minutes) up to this. */
const MAX_BACKOFF_MINUTES = 60;
/** E-mails per delivery run: a long backlog goes out over several ticks, never holding the writer's queue long. */
const BATCH = 50;

/** Minutes until the next try after the `attempts`-th failed one. */
export function mailBackoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MINUTES);
}

export interface MailDeliveryReport {
  sent: number;
  failed: number;
  gaveUp: number;
}

/** nodemailer's codes for a server not reached or not logged in to: every other e-mail of the run would fail alike. */
const SERVER_DOWN = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ECONNREFUSED']);
const serverDown = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && SERVER_DOWN.has(String(e.code));

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim();

/**
 * Sends the reminder e-mail that is due, worded as the desktop notification is worded when it goes out (the
 * archive's language and the tier's template then: storedNotificationText). Each is marked sent with the server's
 * answer; a refusal or an unreachable server records the error and the next try, later each time, until the
 * last try, after which the notification centre shows it as given up. Nothing is sent while e-mail is off.
 */
export async function deliverMail(ctx: ServiceContext, options: { createTransport?: CreateMailTransport } = {}): Promise<MailDeliveryReport> {
  const report: MailDeliveryReport = { sent: 0, failed: 0, gaveUp: 0 };
  const settings = await readSmtpSettings(ctx.db);
  if (!mailReady(settings)) return report;
  const due = await dueMail(ctx.db, ctx.now().toISOString(), BATCH);
  if (due.length === 0) return report;
  const { locale, templates } = await loadReminderConfig(ctx.db);
  const password = (await ctx.secrets?.get('smtpPassword')) ?? null;
  const transport = await (options.createTransport ?? createMailTransport)(transportOptionsOf(settings, password));
  try {
    for (const mail of due) {
      const text = storedNotificationText(mail, locale, templates);
      try {
        const info = await transport.sendMail({ from: settings.fromAddress, to: mail.recipient, subject: text.title, text: text.body, date: ctx.now() });
        await withTransaction(ctx.db, (tx) => markMailSent(tx, mail.id, { messageId: info.messageId, response: info.response }, ctx.now().toISOString()));
        report.sent += 1;
      } catch (e) {
        const attempts = mail.attempts + 1;
        const now = ctx.now();
        const retryAt = attempts >= MAX_MAIL_ATTEMPTS ? null : addMinutes(now, mailBackoffMinutes(attempts)).toISOString();
        ctx.logger.warn(`reminder e-mail to ${mail.recipient} failed (try ${attempts}${retryAt ? `, next at ${retryAt}` : ', given up'}): ${errorText(e)}`);
        await withTransaction(ctx.db, (tx) => recordMailFailure(tx, mail.id, errorText(e), retryAt, now.toISOString()));
        if (retryAt === null) report.gaveUp += 1;
        else report.failed += 1;
        // The rest keep their turn (and their count of tries) for the next run rather than each waiting out the same failure.
        if (serverDown(e)) break;
      }
    }
  } finally {
    transport.close();
  }
  return report;
}
