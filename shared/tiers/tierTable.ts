import type { Tier } from '../domain/enums.ts';
import { labelOf, tierLabels, type Locale } from '../i18n/enumLabels.ts';
import { toHalfWidth } from '../importExport/halfWidth.ts';

// The tier table (migration 0019) as every layer sees it: codes, names, colours and ranks. A built-in tier's name
// is null until the user renames it, and the catalogue names it in the reader's language; a custom tier always has
// its own name. Lower rank is higher; lists show tiers by rank.

/** antd's preset tag colours: a tier's colour is one of them, so the Tag keeps antd's contrast in both themes. */
export const TIER_COLOURS = ['gold', 'blue', 'default', 'green', 'cyan', 'geekblue', 'purple', 'magenta', 'red', 'volcano', 'orange', 'lime'] as const;
export type TierColour = (typeof TIER_COLOURS)[number];

export interface TierInfo {
  code: Tier;
  /** Null for a built-in that keeps its catalogue name. */
  name: string | null;
  colour: TierColour;
  rank: number;
  builtin: boolean;
}

/** The rows migration 0019 seeds: what a caller shows before the table is read. */
export const DEFAULT_TIER_TABLE: readonly TierInfo[] = [
  { code: 'vip', name: null, colour: 'gold', rank: 10, builtin: true },
  { code: 'important', name: null, colour: 'blue', rank: 20, builtin: true },
  { code: 'normal', name: null, colour: 'default', rank: 30, builtin: true },
];

/** Custom tiers copy this one's reminder ladder and template when they are added. */
export const LADDER_SOURCE_TIER: Tier = 'normal';

export const isTierColour = (s: string): s is TierColour => (TIER_COLOURS as readonly string[]).includes(s);

/** A tier's name in the reader's language: its own name, else the catalogue's for a built-in, else its code. */
export function tierName(info: Pick<TierInfo, 'code' | 'name'>, locale: Locale): string {
  return info.name ?? labelOf(tierLabels, info.code, locale);
}

/** The name of a code looked up in a tier list (a removed or unknown code shows as itself). */
export function tierLabelIn(tiers: readonly TierInfo[], code: Tier, locale: Locale): string {
  const info = tiers.find((t) => t.code === code);
  return info ? tierName(info, locale) : labelOf(tierLabels, code, locale);
}

export function byRank(tiers: readonly TierInfo[]): TierInfo[] {
  return [...tiers].sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** How names are compared: full-width folded (NFKC), case, spaces, '-' and '_' ignored. */
export function tierNameKey(text: string): string {
  return toHalfWidth(text).normalize('NFKC').trim().toLowerCase().replace(/[\s_-]/g, '');
}
