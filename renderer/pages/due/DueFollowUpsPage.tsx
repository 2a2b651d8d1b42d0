import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Space, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { FollowUpDueItem } from '../../../shared/api/followUps.contract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { followUpChannelLabels, followUpKindLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { formatInstant, todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { QuickFollowUpModal } from './QuickFollowUpModal.tsx';

const PAGE_SIZE = 50;

export function DueFollowUpsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [logging, setLogging] = useState<FollowUpDueItem | null>(null);
  const today = todayIso();
  const due = useApiQuery('followups:due', { today, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }, { keepPrevious: true });
  const complete = useApiMutation('followups:complete');
  // Everything still due as of yesterday is overdue today; counting it separately keeps the figure right across pages.
  const overdueQuery = useApiQuery('followups:due', { today: addDaysIso(today, -1), limit: 1 });
  const items = due.data?.items ?? [];
  const total = due.data?.total ?? 0;
  const overdue = overdueQuery.data?.total ?? 0;

  const columns: TableProps<FollowUpDueItem>['columns'] = [
    {
      key: 'due',
      title: t('due.colStatus'),
      width: 120,
      render: (_, f) =>
        f.overdueDays > 0 ? <Tag color="red">{t('due.overdue', { n: f.overdueDays })}</Tag> : <Tag color="orange">{t('due.today')}</Tag>,
    },
    { key: 'date', title: t('due.colDate'), width: 110, render: (_, f) => f.nextFollowUpOn },
    {
      key: 'customer',
      title: t('due.colCustomer'),
      render: (_, f) => (
        <Link to={`/customers/${f.customerId}`} style={{ fontWeight: 500 }}>
          {f.customerName}
        </Link>
      ),
    },
    {
      key: 'summary',
      title: t('due.colLast'),
      render: (_, f) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: f.summary }} style={{ maxWidth: 360 }}>
            {f.summary}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {labelOf(followUpKindLabels, f.kind, locale)} · {labelOf(followUpChannelLabels, f.channel, locale)} · {formatInstant(f.at)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'owner', title: t('due.colOwner'), width: 90, render: (_, f) => f.ownerName ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      render: (_, f) => (
        <Space>
          <Button size="small" type="primary" icon={<EditOutlined />} onClick={() => setLogging(f)}>
            {t('due.log')}
          </Button>
          <Button
            size="small"
            icon={<CheckOutlined />}
            loading={complete.isPending && complete.variables.id === f.id}
            onClick={() =>
              complete.mutate(
                { id: f.id },
                { onSuccess: () => void message.success(t('due.completed')), onError: (e) => void message.error(e.message) },
              )
            }
          >
            {t('due.complete')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.due')} subtitle={t('due.subtitle')} />
      {due.isError ? <QueryErrorAlert error={due.error} onRetry={() => void due.refetch()} /> : null}
      <Flex gap={16} style={{ marginBottom: 16 }} wrap>
        <Card size="small" style={{ minWidth: 180 }}>
          <Statistic title={t('due.statTotal')} value={total} loading={due.isPending} />
        </Card>
        <Card size="small" style={{ minWidth: 180 }}>
          <Statistic title={t('due.statOverdue')} value={overdue} loading={overdueQuery.isPending} styles={{ content: { color: overdue > 0 ? '#cf1322' : undefined } }} />
        </Card>
        <Card size="small" style={{ minWidth: 180 }}>
          <Statistic title={t('due.statToday')} value={Math.max(0, total - overdue)} loading={due.isPending || overdueQuery.isPending} />
        </Card>
      </Flex>
      <Card styles={{ body: { padding: 0 } }}>
        <Table<FollowUpDueItem>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={due.isFetching}
          scroll={{ x: 900 }}
          locale={{ emptyText: due.isPending ? ' ' : <Empty description={t('due.empty')} /> }}
          pagination={
            total > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total, onChange: setPage, showSizeChanger: false }
              : false
          }
        />
      </Card>
      <QuickFollowUpModal item={logging} onClose={() => setLogging(null)} />
    </>
  );
}
