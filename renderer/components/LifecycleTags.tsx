import { Tag } from 'antd';
import type { ComputedStage, LoyaltyLevel } from '../../shared/domain/lifecycleRules.ts';
import { useI18n } from '../i18n/useI18n.ts';

const STAGE_COLORS: Record<ComputedStage, string> = {
  prospect: 'default',
  new: 'geekblue',
  growth: 'green',
  mature: 'blue',
  decline: 'orange',
  churned: 'red',
};
const LOYALTY_COLORS: Record<LoyaltyLevel, string> = { none: 'default', bronze: '#a0522d', silver: '#57606a', gold: 'gold' };

export function StageTag({ stage }: { stage: ComputedStage }) {
  const { t } = useI18n();
  return (
    <Tag color={STAGE_COLORS[stage]} style={{ marginInlineEnd: 0 }}>
      {t(`lifecycle.stage.${stage}`)}
    </Tag>
  );
}

export function LoyaltyTag({ loyalty }: { loyalty: LoyaltyLevel }) {
  const { t } = useI18n();
  if (loyalty === 'none') return null;
  return (
    <Tag color={LOYALTY_COLORS[loyalty]} style={{ marginInlineEnd: 0 }}>
      {t(`lifecycle.loyalty.${loyalty}`)}
    </Tag>
  );
}
