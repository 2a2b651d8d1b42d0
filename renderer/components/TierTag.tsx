import { CrownOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { Tier } from '../../shared/domain/enums.ts';
import { useTiers } from '../hooks/useTiers.ts';

/** A tier as a Tag in its colour from the tier table (设置 › 客户等级), named in the UI's language. */
export function TierTag({ tier }: { tier: Tier }) {
  const { label, colour } = useTiers();
  return (
    <Tag color={colour(tier)} icon={tier === 'vip' ? <CrownOutlined /> : undefined} style={{ marginInlineEnd: 0, fontWeight: 400 }}>
      {label(tier)}
    </Tag>
  );
}
