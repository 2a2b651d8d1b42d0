import { msg, type Message } from '../i18n/message.ts';

/** The stored reason (JSON of the rules' Message parts, tierRules.ts) as one message; a pin says so instead. */
export function tierReasonMessage(json: string | null, pinned: string | null): Message | null {
  if (pinned === 'manual') return msg('tiers.reason.pinnedManual');
  if (pinned === 'import') return msg('tiers.reason.pinnedImport');
  if (json === null) return null;
  const parts = JSON.parse(json) as Message[];
  return msg('tiers.reason.all', { parts: { list: parts } });
}
