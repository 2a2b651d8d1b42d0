import { App, Button, Card, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { KeyCustomer } from '../../../shared/api/visits.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { useTiers } from '../../hooks/useTiers.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { AddKeyCustomer } from './AddKeyCustomer.tsx';
import { AssignManagerModal, ManagerHistoryDrawer } from './ManagerDialogs.tsx';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/**
 * 重点客户: the key-customer list (the criteria's tiers, plus customers added by hand, minus those removed by hand),
 * each with its account manager and backup; reassigning keeps the history.
 */
export function KeyCustomersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const tiers = useTiers();
  const list = useApiQuery('visits:keyCustomers', {});
  const undoNotice = useUndoNotice('visits:undo', { undo: 'common.undo', undone: 'visits.undone' });
  const [criteria, setCriteria] = useState<string[] | null>(null);
  const [assigning, setAssigning] = useState<KeyCustomer | null>(null);
  const [historyOf, setHistoryOf] = useState<KeyCustomer | null>(null);
  const stored = list.data?.keyTiers;
  useEffect(() => setCriteria(null), [stored]);

  const include = (c: KeyCustomer, included: boolean | null, done: 'visits.added' | 'visits.removed' | 'visits.restored') =>
    void invoke('visits:include', { customerId: c.customerId, included }).then(
      (r) => undoNotice(t(done, { name: c.customerName }), r.undoToken),
      (e: Error) => void message.error(e.message),
    );
  const saveCriteria = () =>
    criteria &&
    void invoke('visits:setCriteria', { tiers: criteria }).then(
      (r) => undoNotice(t('visits.criteriaSaved'), r.undoToken),
      (e: Error) => void message.error(e.message),
    );

  const columns: TableProps<KeyCustomer>['columns'] = [
    { key: 'customer', title: t('visits.column.customer'), render: (_, c) => <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link> },
    { key: 'tier', title: t('visits.column.tier'), onCell: nowrap, render: (_, c) => <TierTag tier={c.tier} /> },
    {
      key: 'basis',
      title: t('visits.column.basis'),
      onCell: nowrap,
      render: (_, c) => (c.manual ? <Tag color="blue">{t('visits.basis.manual')}</Tag> : <Tag>{t('visits.basis.criteria')}</Tag>),
    },
    {
      key: 'manager',
      title: t('visits.column.manager'),
      onCell: nowrap,
      render: (_, c) => c.managerName ?? <Typography.Text type="warning">{t('visits.unassigned', { owner: c.ownerName ?? '—' })}</Typography.Text>,
    },
    { key: 'backup', title: t('visits.column.backup'), onCell: nowrap, render: (_, c) => c.backupName ?? '—' },
    { key: 'since', title: t('visits.column.since'), onCell: nowrap, render: (_, c) => c.managedSince ?? '—' },
    {
      key: 'actions',
      title: t('visits.column.actions'),
      onCell: nowrap,
      render: (_, c) => (
        <Space size={4} className="no-print">
          <Button size="small" onClick={() => setAssigning(c)}>
            {c.managerId ? t('visits.reassign') : t('visits.assign')}
          </Button>
          <Button size="small" onClick={() => setHistoryOf(c)}>
            {t('visits.history')}
          </Button>
          <Button size="small" onClick={() => void navigate(`/key-customers/${c.customerId}/review`)}>
            {t('visits.review.open')}
          </Button>
          <Popconfirm title={t('visits.removeConfirm', { name: c.customerName })} okText={t('visits.remove')} cancelText={t('common.cancel')} onConfirm={() => include(c, false, 'visits.removed')}>
            <Button size="small" danger>
              {t('visits.remove')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  const removed = list.data?.removed ?? [];
  return (
    <>
      <PageHeader
        title={t('visits.keyTitle')}
        subtitle={t('visits.keySubtitle')}
        extra={
          <Button onClick={() => void navigate('/visits')} className="no-print">
            {t('visits.toPlan')}
          </Button>
        }
      />
      {list.error ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Card size="small" style={{ marginBottom: 16 }} title={t('visits.criteria')}>
        <Flex gap={8} wrap align="center">
          <Select<string[]>
            mode="multiple"
            aria-label={t('visits.criteriaTiers')}
            style={{ minWidth: 280 }}
            value={criteria ?? stored ?? []}
            onChange={setCriteria}
            options={tiers.options}
            placeholder={t('visits.criteriaNone')}
          />
          <Button type="primary" disabled={criteria === null} onClick={saveCriteria}>
            {t('common.save')}
          </Button>
          <AddKeyCustomer onAdd={(id, name) => include({ customerId: id, customerName: name } as KeyCustomer, true, 'visits.added')} />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('visits.criteriaHint')}
        </Typography.Paragraph>
      </Card>
      {list.data && list.data.items.length > 0 ? (
        <Table<KeyCustomer> rowKey="customerId" size="small" columns={columns} dataSource={list.data.items} pagination={false} scroll={{ x: 'max-content' }} />
      ) : list.data ? (
        <Empty description={t('visits.keyEmpty')} />
      ) : null}
      {removed.length > 0 ? (
        <Card size="small" style={{ marginTop: 16 }} title={t('visits.removedTitle')}>
          <Flex gap={8} wrap>
            {removed.map((c) => (
              <Space key={c.customerId} size={4}>
                <Typography.Text>{c.customerName}</Typography.Text>
                <Button size="small" onClick={() => include(c, null, 'visits.restored')}>
                  {t('visits.restore')}
                </Button>
              </Space>
            ))}
          </Flex>
        </Card>
      ) : null}
      <AssignManagerModal customer={assigning} onClose={() => setAssigning(null)} onAssigned={(token) => undoNotice(t('visits.assigned'), token)} />
      <ManagerHistoryDrawer customer={historyOf} onClose={() => setHistoryOf(null)} />
    </>
  );
}
