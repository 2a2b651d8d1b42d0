import type { Locale } from '../../shared/i18n/enumLabels.ts';
import type { Executor } from '../../db/handle.ts';
import { readLocaleSetting } from './settings/appSettings.ts';

/**
 * The archive's language (settings:set), in which services word what they say: errors for callers that print
 * the message, notification texts, the CLI's output. The UI follows the same setting.
 */
export function archiveLocale(x: Executor): Promise<Locale> {
  return readLocaleSetting(x);
}
