import { useMemo } from 'react';
import type { TierItem } from '../../shared/api/tierTable.contract.ts';
import type { Tier } from '../../shared/domain/enums.ts';
import { byRank, DEFAULT_TIER_TABLE, tierLabelIn, type TierColour, type TierInfo } from '../../shared/tiers/tierTable.ts';
import { useApiQuery } from '../api/useApi.ts';
import { useI18n } from '../i18n/useI18n.ts';

export interface TierChoices {
  /** Live tiers by rank (the built-in defaults until the table has loaded). */
  tiers: readonly TierInfo[];
  items: readonly TierItem[] | undefined;
  label: (code: Tier) => string;
  colour: (code: Tier) => TierColour;
  /** For a Select or Radio group, by rank. */
  options: { value: Tier; label: string }[];
}

/** The tier table (设置 › 客户等级) for every place that shows or picks a tier; one shared query. */
export function useTiers(): TierChoices {
  const { locale } = useI18n();
  const list = useApiQuery('tiers:list', {});
  const items = list.data?.items;
  return useMemo(() => {
    const tiers = byRank(items ?? DEFAULT_TIER_TABLE);
    const label = (code: Tier) => tierLabelIn(tiers, code, locale);
    return {
      tiers,
      items,
      label,
      colour: (code: Tier) => tiers.find((t) => t.code === code)?.colour ?? 'default',
      options: tiers.map((t) => ({ value: t.code, label: label(t.code) })),
    };
  }, [items, locale]);
}
