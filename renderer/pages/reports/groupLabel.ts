import { CYCLES, isBuiltinTier, type Cycle } from '../../../shared/domain/enums.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { cycleLabels, labelOf, tierLabels, type Locale } from '../../../shared/i18n/enumLabels.ts';
import { NO_CYCLE, NO_OWNER, type Grouping } from './useReportParams.ts';

/** A group's name in the UI's language: tiers and cycles by their code, an owner by name, the groups without one by name. */
export function groupLabel(by: Grouping, key: string, label: string, t: Translate, locale: Locale): string {
  // A custom tier (or a renamed built-in) is named by the tier table, as the report gives it.
  if (by === 'tier' && isBuiltinTier(key) && label === labelOf(tierLabels, key, 'zh-CN')) return labelOf(tierLabels, key, locale);
  if (by === 'tier' && isBuiltinTier(key) && label === labelOf(tierLabels, key, 'en-US')) return labelOf(tierLabels, key, locale);
  if (by === 'cycle' && (CYCLES as readonly string[]).includes(key)) return labelOf(cycleLabels, key as Cycle, locale);
  if (by === 'cycle' && key === NO_CYCLE) return t('reportFigures.noCycle');
  if (by === 'owner' && key === NO_OWNER) return t('reportFigures.noOwner');
  return label;
}
