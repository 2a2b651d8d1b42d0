import { Tag } from 'antd';
import type { DisplayStatus } from '../../shared/renewals/displayStatus.ts';
import { displayStatusLabels, labelOf } from '../../shared/i18n/enumLabels.ts';
import { useI18n } from '../i18n/useI18n.ts';

const COLORS: Record<DisplayStatus, string> = {
  active: 'green',
  dueSoon: 'orange',
  overdue: 'red',
  expired: 'default',
  renewed: 'blue',
  lost: 'volcano',
  terminated: 'default',
};

/** A contract's derived status (生效中, 即将到期, 已逾期, 已到期, 已续约, 已流失, 已终止) as a coloured tag. */
export function DisplayStatusTag({ status }: { status: DisplayStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {labelOf(displayStatusLabels, status, locale)}
    </Tag>
  );
}
