import { CrownOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { Tier } from '../../shared/domain/enums.ts';
import { labelOf, tierLabels } from '../../shared/i18n/enumLabels.ts';
import { useI18n } from '../i18n/useI18n.ts';

const COLORS: Record<Tier, string> = { vip: 'gold', important: 'blue', normal: 'default' };

export function TierTag({ tier }: { tier: Tier }) {
  const { locale } = useI18n();
  return (
    <Tag color={COLORS[tier]} icon={tier === 'vip' ? <CrownOutlined /> : undefined} style={{ marginInlineEnd: 0, fontWeight: 400 }}>
      {labelOf(tierLabels, tier, locale)}
    </Tag>
  );
}
