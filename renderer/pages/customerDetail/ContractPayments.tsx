import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { Instalment } from '../../../shared/api/payments.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { InstalmentFormModal, RecordPaymentModal } from './InstalmentDialogs.tsx';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** A contract's 回款: its instalments with outstanding amount and delay; add, edit, record a payment, remove with 撤销. */
export function ContractPayments({ contractId, contractNo }: { contractId: string; contractNo: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApiQuery('payments:list', { contractId });
  const [editing, setEditing] = useState<Instalment | null | undefined>(undefined);
  const [paying, setPaying] = useState<Instalment | null>(null);

  const offerUndo = useUndoNotice('payments:undo', { undo: 'payments.undo', undone: 'payments.undone' });

  const remove = async (i: Instalment) => {
    try {
      const removed = await invoke('payments:remove', { id: i.id });
      offerUndo(t('payments.removed', { date: removed.dueOn }), removed.undoToken);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const money = (fen: number) => formatMoney(fen);
  const columns: TableProps<Instalment>['columns'] = [
    { key: 'dueOn', title: t('payments.column.dueOn'), width: 104, onCell: nowrap, render: (_, i) => i.dueOn },
    { key: 'due', title: t('payments.column.dueAmount'), align: 'right', render: (_, i) => money(i.dueAmountFen) },
    { key: 'paidOn', title: t('payments.column.paidOn'), width: 104, onCell: nowrap, render: (_, i) => i.paidOn ?? '—' },
    { key: 'paid', title: t('payments.column.paidAmount'), align: 'right', render: (_, i) => money(i.paidAmountFen) },
    {
      key: 'outstanding',
      title: t('payments.column.outstanding'),
      align: 'right',
      render: (_, i) => (i.settled ? <Tag color="green">{t('payments.settled')}</Tag> : money(i.outstandingFen)),
    },
    {
      key: 'delay',
      title: t('payments.column.delay'),
      onCell: nowrap,
      render: (_, i) =>
        i.delayDays === 0 ? t('payments.onTime') : <Tag color={i.overdue ? 'red' : 'orange'}>{t('payments.delayDays', { n: i.delayDays })}</Tag>,
    },
    {
      key: 'invoice',
      title: t('payments.column.invoice'),
      onCell: nowrap,
      render: (_, i) => (i.invoiceNo ? <span title={i.invoiceOn ? `${t('payments.invoiceOn')} ${i.invoiceOn}` : undefined}>{i.invoiceNo}</span> : '—'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      onCell: nowrap,
      render: (_, i) => (
        <Space size={0}>
          <Button type="link" size="small" disabled={i.settled} onClick={() => setPaying(i)}>
            {t('payments.record')}
          </Button>
          <Button type="link" size="small" onClick={() => setEditing(i)}>
            {t('payments.edit')}
          </Button>
          <Popconfirm
            title={t('payments.removeConfirm', { date: i.dueOn, amount: money(i.dueAmountFen) })}
            okText={t('payments.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void remove(i)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('payments.remove')} ${i.dueOn}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const data = list.data;
  const items = data?.items ?? [];
  return (
    <section aria-label={`${t('payments.title')} ${contractNo}`}>
      <Flex vertical gap={8}>
        <Flex align="center" gap={12} wrap>
          <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
            {t('payments.add')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('payments.hint')}
          </Typography.Text>
        </Flex>
        {items.length > 0 ? (
          <>
            <Table<Instalment> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} scroll={{ x: 'max-content' }} />
            <Typography.Text>{t('payments.totals', { due: money(data?.dueFen ?? 0), paid: money(data?.paidFen ?? 0), outstanding: money(data?.outstandingFen ?? 0) })}</Typography.Text>
          </>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.empty')} style={{ marginBlock: 4 }} />
        )}
      </Flex>
      <InstalmentFormModal contractId={contractId} editing={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} offerUndo={offerUndo} />
      <RecordPaymentModal instalment={paying} onClose={() => setPaying(null)} offerUndo={offerUndo} />
    </section>
  );
}
