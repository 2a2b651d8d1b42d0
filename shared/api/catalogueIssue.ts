import type { MessageKey } from '../i18n/createTranslator.ts';
import { isMessageKey, msg, type Message, type MessageParams } from '../i18n/message.ts';

// A contract's own message travels through zod as the issue's text, so it is written as a catalogue key and
// its parameters in a tagged string; dispatch reads it back and renders it in the caller's language.
const TAG = 'i18n:';

/** The `error` of a zod check: the catalogue message to report when the check fails. */
export function catalogueIssue(key: MessageKey, params: MessageParams = {}): string {
  return TAG + JSON.stringify(msg(key, params));
}

/** The catalogue message an issue's text carries, or null for zod's own wording. */
export function messageOfIssue(text: string): Message | null {
  if (!text.startsWith(TAG)) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(TAG.length));
    if (typeof parsed !== 'object' || parsed === null || !('key' in parsed) || !isMessageKey(parsed.key)) return null;
    const params = 'params' in parsed && typeof parsed.params === 'object' && parsed.params !== null ? (parsed.params as MessageParams) : {};
    return msg(parsed.key, params);
  } catch {
    return null;
  }
}
