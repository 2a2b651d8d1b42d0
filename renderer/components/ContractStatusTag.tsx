import { Tag } from 'antd';
import type { ContractStatus } from '../../shared/domain/enums.ts';
import { contractStatusLabels, labelOf } from '../../shared/i18n/enumLabels.ts';
import { useI18n } from '../i18n/useI18n.ts';

const COLORS: Record<ContractStatus, string> = { active: 'green', expired: 'red', renewed: 'blue', terminated: 'default' };

export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { locale } = useI18n();
  return <Tag color={COLORS[status]}>{labelOf(contractStatusLabels, status, locale)}</Tag>;
}
