import { Button, Empty, Segmented, Table, type TableProps } from 'antd';
import { useState } from 'react';
import type { Warning } from '../../../shared/api/risk.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ScoreTag, WarningStatusTag } from './riskTags.tsx';

type Filter = 'open' | 'closed' | 'all';
const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** 已发布预警: every published warning, open ones first. */
export function WarningsTab({ onOpenWarning }: { onOpenWarning: (id: string) => void }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<Filter>('open');
  const list = useApiQuery('risk:warnings', filter === 'all' ? {} : { open: filter === 'open' });
  const columns: TableProps<Warning>['columns'] = [
    {
      key: 'customer',
      title: t('risk.column.customer'),
      render: (_, w) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpenWarning(w.id)}>
          {w.customerName}
        </Button>
      ),
    },
    { key: 'contract', title: t('risk.column.contract'), onCell: nowrap, render: (_, w) => w.contractNo },
    { key: 'endsOn', title: t('risk.column.endsOn'), onCell: nowrap, render: (_, w) => w.contractEndsOn ?? '—' },
    { key: 'amount', title: t('risk.column.amount'), align: 'right', onCell: nowrap, render: (_, w) => (w.amountFen === null ? '—' : formatMoney(w.amountFen)) },
    { key: 'status', title: t('risk.column.status'), onCell: nowrap, render: (_, w) => <WarningStatusTag status={w.status} /> },
    { key: 'role', title: t('risk.column.role'), onCell: nowrap, render: (_, w) => t(`risk.role.${w.role}`) },
    { key: 'owner', title: t('risk.column.owner'), onCell: nowrap, render: (_, w) => w.ownerName },
    { key: 'score', title: t('risk.scoreAtPublish'), onCell: nowrap, render: (_, w) => <ScoreTag score={w.score} band={w.band} /> },
    { key: 'actions', title: t('risk.column.actions'), onCell: nowrap, render: (_, w) => t('risk.actionsCount', { open: w.openActions, all: w.actions }) },
    { key: 'published', title: t('risk.column.publishedOn'), onCell: nowrap, render: (_, w) => w.publishedOn },
  ];
  return (
    <>
      <Segmented<Filter>
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={setFilter}
        options={(['open', 'closed', 'all'] as const).map((f) => ({ value: f, label: t(`risk.filter.${f}`) }))}
      />
      {list.data && list.data.items.length > 0 ? (
        <Table<Warning> rowKey="id" size="small" columns={columns} dataSource={list.data.items} pagination={false} scroll={{ x: 'max-content' }} />
      ) : list.data ? (
        <Empty description={t('risk.warningsEmpty')} />
      ) : null}
    </>
  );
}
