import type { Executor } from '../../../db/handle.ts';
import { DEFAULT_SMTP_SETTINGS, smtpSettingsSchema, type SmtpSettings } from '../../../shared/api/mail.contract.ts';
import { readStoredSetting } from '../settings/appSettings.ts';

/** The saved SMTP settings; the defaults (off) when none were saved or what is stored no longer reads. */
export async function readSmtpSettings(x: Executor): Promise<SmtpSettings> {
  const parsed = smtpSettingsSchema.safeParse(await readStoredSetting(x, 'smtp'));
  return parsed.success ? parsed.data : DEFAULT_SMTP_SETTINGS;
}

/** Whether reminders are e-mailed at all: on, with a server and a sender. */
export function mailReady(settings: SmtpSettings): boolean {
  return settings.enabled && settings.host !== '' && settings.fromAddress !== '';
}
