import { Button, Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { LifecycleItem } from '../../../shared/api/lifecycle.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { renderMessage } from '../../../shared/i18n/message.ts';
import { LoyaltyTag, StageTag } from '../../components/LifecycleTags.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

export type LifecycleColumn = 'stage' | 'since' | 'reason' | 'amount' | 'signals' | 'lostOn' | 'lostReason' | 'loyalty' | 'action';

interface Props {
  items: readonly LifecycleItem[];
  total: number;
  loading: boolean;
  columns: readonly LifecycleColumn[];
  empty: string;
  page: number;
  onPage: (page: number) => void;
  /** The one-click follow-up of the 赢回 list. */
  onFollowUp?: (item: LifecycleItem) => void;
  followUpBusy?: string | null;
}

export const PAGE_SIZE = 20;

/** One table for the 流失预警, 赢回 and 客户阶段 tabs, each showing the columns it is about. */
export function LifecycleTable({ items, total, loading, columns, empty, page, onPage, onFollowUp, followUpBusy }: Props) {
  const { t } = useI18n();
  const all: Record<LifecycleColumn, TableColumnsType<LifecycleItem>[number]> = {
    stage: { key: 'stage', title: t('retention.colStage'), render: (_, r) => <StageTag stage={r.stage} />, width: 100 },
    since: { key: 'since', title: t('retention.colSince'), dataIndex: 'since', width: 120 },
    reason: { key: 'reason', title: t('retention.colReason'), render: (_, r) => renderMessage(t, { key: r.reasonKey, params: r.reasonParams }) },
    amount: { key: 'amount', title: t('retention.colAmount'), align: 'right', render: (_, r) => formatMoney(r.lastAmountFen), width: 150 },
    signals: {
      key: 'signals',
      title: t('retention.colSignals'),
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.signals.map((s) => (
            <Tag key={s} color="orange" style={{ marginInlineEnd: 0 }}>
              {t(`lifecycle.signal.${s}`)}
            </Tag>
          ))}
        </Flex>
      ),
    },
    lostOn: { key: 'lostOn', title: t('retention.colLostOn'), dataIndex: 'lostOn', width: 120 },
    lostReason: { key: 'lostReason', title: t('retention.colLostReason'), render: (_, r) => r.lostReason ?? <Typography.Text type="secondary">—</Typography.Text> },
    loyalty: { key: 'loyalty', title: t('retention.colLoyalty'), render: (_, r) => <LoyaltyTag loyalty={r.loyalty} />, width: 90 },
    action: {
      key: 'action',
      title: t('retention.colAction'),
      width: 130,
      render: (_, r) => (
        <Button size="small" loading={followUpBusy === r.customerId} onClick={() => onFollowUp?.(r)}>
          {t('retention.followUp')}
        </Button>
      ),
    },
  };
  const tableColumns: TableColumnsType<LifecycleItem> = [
    {
      key: 'customer',
      title: t('retention.colCustomer'),
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.name}</Link>,
    },
    ...columns.map((c) => all[c]),
  ];
  return (
    <Table<LifecycleItem>
      rowKey="customerId"
      size="middle"
      loading={loading}
      columns={tableColumns}
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      pagination={{ current: page, pageSize: PAGE_SIZE, total, showSizeChanger: false, onChange: onPage, hideOnSinglePage: true }}
    />
  );
}
