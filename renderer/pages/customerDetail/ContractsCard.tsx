import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { ContractStatusTag } from '../../components/ContractStatusTag.tsx';
import { ExpiryHint } from '../../components/ExpiryDate.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ContractFormModal } from './ContractFormModal.tsx';

interface Props {
  customerId: string;
  contracts: Contract[];
}

type Editing = Contract | null | undefined;

export function ContractsCard({ customerId, contracts }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(undefined);
  const remove = useApiMutation('contracts:delete');

  const columns: TableProps<Contract>['columns'] = [
    {
      key: 'number',
      title: t('contract.number'),
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text strong>{c.number}</Typography.Text>
          {c.service ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c.service}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    {
      key: 'period',
      title: t('contract.period'),
      render: (_, c) => (
        <Flex vertical>
          <Typography.Text style={{ whiteSpace: 'nowrap' }}>
            {c.startsOn ?? c.signedOn ?? '—'} ~ {c.endsOn ?? t('contract.noEnd')}
          </Typography.Text>
          {c.status === 'active' && c.endsOn ? <ExpiryHint date={c.endsOn} /> : null}
        </Flex>
      ),
    },
    {
      key: 'amount',
      title: t('contract.amount'),
      align: 'right',
      render: (_, c) => (
        <Flex vertical align="end">
          <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(c.amountFen, c.currency)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.cycle === null ? t('contract.cycleNotSet') : labelOf(cycleLabels, c.cycle, locale)}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'status', title: t('contract.status'), render: (_, c) => <ContractStatusTag status={c.status} /> },
    { key: 'owner', title: t('contract.owner'), render: (_, c) => c.ownerName ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${c.number}`} onClick={() => setEditing(c)} />
          <Popconfirm
            title={t('contract.deleteConfirm', { number: c.number })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate({ id: c.id }, { onError: (e) => void message.error(e.message) })}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${c.number}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('contract.cardTitle', { n: contracts.length })}
      extra={
        <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('contract.new')}
        </Button>
      }
      styles={{ body: { padding: contracts.length > 0 ? 0 : undefined } }}
    >
      {contracts.length > 0 ? (
        <Table<Contract> rowKey="id" size="middle" columns={columns} dataSource={contracts} pagination={false} scroll={{ x: 640 }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contract.empty')} />
      )}
      <ContractFormModal customerId={customerId} contract={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Card>
  );
}
