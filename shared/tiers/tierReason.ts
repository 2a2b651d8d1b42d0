import { msg, renderIn, type Message } from '../i18n/message.ts';
import type { Locale } from '../i18n/enumLabels.ts';

/** The stored reason (JSON of the rules' Message parts, tierRules.ts) as one message; a pin says so instead. */
export function tierReasonMessage(json: string | null, pinned: string | null): Message | null {
  if (pinned === 'manual') return msg('tiers.reason.pinnedManual');
  if (pinned === 'import') return msg('tiers.reason.pinnedImport');
  if (json === null) return null;
  const parts = JSON.parse(json) as Message[];
  return msg('tiers.reason.all', { parts: { list: parts } });
}

/** The stored reason in words, in `locale`: the customer sheet's 等级依据; empty when the rules have not run. */
export function tierReasonText(json: string | null, pinned: string | null, locale: Locale): string {
  const m = tierReasonMessage(json, pinned);
  return m === null ? '' : renderIn(locale, m);
}

/** What a customers sheet's 等级依据 says of a new customer's 客户等级: pinned (by hand, by an import), or why. */
export interface TierStanding {
  pinned: 'manual' | 'import' | null;
  /** The reason to store with an unpinned tier (the cell's words, kept until the rules next run on it). */
  reasonJson: string | null;
}

const LOCALES: readonly Locale[] = ['zh-CN', 'en-US'];

/** Reads a 等级依据 cell back: the pinned wordings in either language, or any other text as the stated reason. */
export function tierStandingOfCell(text: string): TierStanding {
  if (LOCALES.some((l) => renderIn(l, msg('tiers.reason.pinnedManual')) === text)) return { pinned: 'manual', reasonJson: null };
  if (LOCALES.some((l) => renderIn(l, msg('tiers.reason.pinnedImport')) === text)) return { pinned: 'import', reasonJson: null };
  return { pinned: null, reasonJson: JSON.stringify([msg('tiers.reason.asImported', { text })]) };
}
