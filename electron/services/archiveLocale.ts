import type { Locale } from '../../shared/i18n/enumLabels.ts';
import { localeOf } from '../../shared/i18n/message.ts';
import type { Executor } from '../../db/handle.ts';
import { readSetting } from '../../db/repositories/settingsRepo.ts';
import { SETTING_KEYS } from './reminders/reminderConfig.ts';

/**
 * The archive's language (settings:set), in which services word what they say: errors for callers that print
 * the message, notification texts, the CLI's output. The UI follows the same setting.
 */
export async function archiveLocale(x: Executor): Promise<Locale> {
  return localeOf(await readSetting(x, SETTING_KEYS.locale));
}
