import { Button, Empty, Flex, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { RiskItem } from '../../../shared/api/risk.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { PublishWarningModal } from './PublishWarningModal.tsx';
import { FactorTags, ScoreTag, WarningStatusTag } from './riskTags.tsx';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 预警名单: the terms at risk within the window, by amount; publish a warning or open the published one. */
export function RiskListTab({ today, focusContractId, onOpenWarning }: { today: string; focusContractId: string | null; onOpenWarning: (id: string) => void }) {
  const { t } = useI18n();
  const list = useApiQuery('risk:list', { today });
  const [publishing, setPublishing] = useState<RiskItem | null>(null);
  const offerUndo = useUndoNotice('risk:undo', { undo: 'risk.undo', undone: 'risk.undone' });
  const columns: TableProps<RiskItem>['columns'] = [
    { key: 'customer', title: t('risk.column.customer'), render: (_, i) => <Link to={`/customers/${i.customerId}`}>{i.customerName}</Link> },
    { key: 'contract', title: t('risk.column.contract'), onCell: nowrap, render: (_, i) => i.contractNo },
    { key: 'endsOn', title: t('risk.column.endsOn'), onCell: nowrap, render: (_, i) => i.endsOn },
    { key: 'amount', title: t('risk.column.amount'), align: 'right', onCell: nowrap, render: (_, i) => (i.amountFen === null ? '—' : formatMoney(i.amountFen)) },
    { key: 'score', title: t('risk.column.score'), onCell: nowrap, render: (_, i) => <ScoreTag score={i.score} band={i.band} /> },
    { key: 'factors', title: t('risk.column.factors'), render: (_, i) => <FactorTags factors={i.topFactors} /> },
    {
      key: 'warning',
      title: t('risk.column.warning'),
      onCell: nowrap,
      render: (_, i) =>
        i.warningId && i.warningStatus ? (
          <Space size={4}>
            <WarningStatusTag status={i.warningStatus} />
            <Button type="link" size="small" onClick={() => onOpenWarning(i.warningId ?? '')}>
              {t('risk.open')}
            </Button>
          </Space>
        ) : (
          <Button size="small" type="primary" ghost onClick={() => setPublishing(i)} aria-label={`${t('risk.publish')} ${i.contractNo}`}>
            {t('risk.publish')}
          </Button>
        ),
    },
  ];
  const data = list.data;
  return (
    <>
      {list.error ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data && data.items.length > 0 ? (
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('risk.totals', { n: data.total, amount: formatMoney(data.amountFen) })}</Typography.Text>
          <Table<RiskItem>
            rowKey="contractId"
            size="small"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            scroll={{ x: 'max-content' }}
            rowClassName={(i) => (i.contractId === focusContractId ? 'ant-table-row-selected' : '')}
          />
        </Flex>
      ) : data ? (
        <Empty description={t('risk.empty')}>
          <Typography.Text type="secondary">{t('risk.emptyHint')}</Typography.Text>
        </Empty>
      ) : null}
      <PublishWarningModal
        item={publishing}
        onClose={() => setPublishing(null)}
        onPublished={(id, undoToken) => {
          offerUndo(t('risk.published'), undoToken);
          onOpenWarning(id);
        }}
      />
    </>
  );
}
