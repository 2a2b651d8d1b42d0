import { App, Button, Card, Empty, Flex, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { HYGIENE_KINDS, type HygieneItem, type HygieneKind } from '../../../shared/api/hygiene.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { MergeCustomersModal, type MergePair } from './MergeCustomersModal.tsx';
import { TrashCard } from './TrashCard.tsx';

const UNDO_SECONDS = 20;

/** 数据体检: one card per kind of problem, each entry with the action that fixes it. */
export function HygienePage() {
  const { t } = useI18n();
  const { notification, message } = App.useApp();
  const list = useApiQuery('hygiene:list', {});
  const merge = useApiMutation('customers:merge');
  const [pair, setPair] = useState<MergePair | null>(null);

  const undoMerge = async (undoToken: string, key: string) => {
    try {
      const undone = await invoke('customers:undoMerge', { undoToken });
      notification.destroy(key);
      message.success(t('merge.undone', { from: undone.fromName }));
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const runMerge = (from: string, into: string) =>
    merge.mutate(
      { from, into },
      {
        onSuccess: (done) => {
          setPair(null);
          const key = `merged-${done.undoToken}`;
          notification.success({
            key,
            title: t('merge.done', { from: done.fromName, into: done.intoName }),
            duration: UNDO_SECONDS,
            showProgress: true,
            pauseOnHover: true,
            actions: (
              <Button type="primary" size="small" onClick={() => void undoMerge(done.undoToken, key)}>
                {t('merge.undo')}
              </Button>
            ),
          });
        },
        onError: (e) => void message.error(e.message),
      },
    );

  const fix = (item: HygieneItem) => {
    switch (item.kind) {
      case 'duplicateCustomer':
        return (
          <Button
            size="small"
            type="primary"
            onClick={() =>
              setPair({ keepId: item.customerId!, keepName: item.customerName!, dropId: item.otherCustomerId!, dropName: item.otherCustomerName! })
            }
          >
            {t('hygiene.action.merge')}
          </Button>
        );
      case 'overdueWithoutDecision':
        return <Link to={`/renewals?tab=overdue&q=${encodeURIComponent(item.contractNumber ?? '')}`}>{t('hygiene.action.setDecision')}</Link>;
      case 'contractWithoutEndDate':
      case 'contractWithoutAmount':
        return <Link to={`/customers/${item.customerId}`}>{t('hygiene.action.openContract')}</Link>;
      default:
        return <Link to={`/customers/${item.customerId}`}>{t('hygiene.action.openCustomer')}</Link>;
    }
  };

  const columns: TableProps<HygieneItem>['columns'] = [
    {
      key: 'record',
      title: t('hygiene.column.record'),
      width: 260,
      render: (_, item) => (
        <Space direction="vertical" size={0}>
          {item.contractNumber ? <Typography.Text strong>{item.contractNumber}</Typography.Text> : null}
          <Link to={`/customers/${item.customerId}`}>{item.customerName}</Link>
          {item.otherCustomerId ? <Link to={`/customers/${item.otherCustomerId}`}>{item.otherCustomerName}</Link> : null}
        </Space>
      ),
    },
    { key: 'problem', title: t('hygiene.column.problem'), render: (_, item) => item.message },
    { key: 'fix', title: t('hygiene.column.action'), width: 150, render: (_, item) => fix(item) },
  ];

  const data = list.data;
  const rowKey = (i: HygieneItem) => `${i.kind}:${i.contractId ?? i.customerId}:${i.otherCustomerId ?? ''}`;
  const section = (kind: HygieneKind) => {
    const items = data?.items.filter((i) => i.kind === kind) ?? [];
    const count = data?.counts[kind] ?? 0;
    if (count === 0) return null;
    return (
      <Card
        key={kind}
        size="small"
        data-kind={kind}
        title={
          <Flex gap={8} align="center">
            <span>{t(`hygiene.kind.${kind}`)}</span>
            <Tag color={kind === 'duplicateCustomer' ? 'orange' : 'default'}>{t('hygiene.count', { n: count })}</Tag>
          </Flex>
        }
        extra={count > items.length ? <Typography.Text type="secondary">{t('hygiene.shownOf', { shown: items.length, n: count })}</Typography.Text> : null}
        styles={{ body: { padding: 0 } }}
      >
        <Table<HygieneItem> rowKey={rowKey} columns={columns} dataSource={items} pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false} />
      </Card>
    );
  };

  return (
    <>
      <PageHeader title={t('hygiene.title')} subtitle={t('hygiene.subtitle')} />
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Flex vertical gap={16}>
        {HYGIENE_KINDS.map(section)}
        {data && data.total === 0 ? (
          <Card>
            <Empty description={t('hygiene.allClean')} />
          </Card>
        ) : null}
        <TrashCard />
      </Flex>
      <MergeCustomersModal pair={pair} busy={merge.isPending} onCancel={() => setPair(null)} onMerge={runMerge} />
    </>
  );
}
