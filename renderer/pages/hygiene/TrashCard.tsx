import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography, type TableProps } from 'antd';
import { Link } from 'react-router';
import type { Trash } from '../../../shared/api/hygiene.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

type DeletedCustomer = Trash['customers'][number];
type DeletedContract = Trash['contracts'][number];

/** 回收站: deleted customers and contracts, each with 恢复; a contract of a deleted customer comes back with it. */
export function TrashCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const trash = useApiQuery('hygiene:trash', {});
  const restore = useApiMutation('hygiene:restore');
  const run = (input: { kind: 'customer' | 'contract'; id: string; withCustomer?: boolean }) =>
    restore.mutate(input, {
      onSuccess: (done) => void message.success(t('trash.restored', { name: done.name })),
      onError: (e) => void message.error(e.message),
    });
  const busy = (id: string) => restore.isPending && restore.variables.id === id;

  const customerColumns: TableProps<DeletedCustomer>['columns'] = [
    { key: 'name', title: t('hygiene.column.record'), render: (_, c) => c.name },
    { key: 'deletedAt', title: t('trash.deletedAt'), width: 180, render: (_, c) => formatInstant(c.deletedAt, true) },
    {
      key: 'restore',
      title: t('hygiene.column.action'),
      width: 160,
      render: (_, c) => (
        <Button size="small" loading={busy(c.id)} onClick={() => run({ kind: 'customer', id: c.id })} aria-label={`${t('trash.restore')} ${c.name}`}>
          {t('trash.restore')}
        </Button>
      ),
    },
  ];
  const contractColumns: TableProps<DeletedContract>['columns'] = [
    {
      key: 'number',
      title: t('hygiene.column.record'),
      render: (_, k) => (
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{k.number}</Typography.Text>
          {k.customerDeleted ? <span>{k.customerName}</span> : <Link to={`/customers/${k.customerId}`}>{k.customerName}</Link>}
          {k.customerDeleted ? <Tag>{t('trash.customerDeletedTag')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'deletedAt', title: t('trash.deletedAt'), width: 180, render: (_, k) => formatInstant(k.deletedAt, true) },
    {
      key: 'restore',
      title: t('hygiene.column.action'),
      width: 160,
      render: (_, k) =>
        k.customerDeleted ? (
          <Popconfirm
            title={t('trash.restoreWithCustomerConfirm', { number: k.number, name: k.customerName })}
            onConfirm={() => run({ kind: 'contract', id: k.id, withCustomer: true })}
          >
            <Button size="small" loading={busy(k.id)} aria-label={`${t('trash.restoreWithCustomer')} ${k.number}`}>
              {t('trash.restoreWithCustomer')}
            </Button>
          </Popconfirm>
        ) : (
          <Button size="small" loading={busy(k.id)} onClick={() => run({ kind: 'contract', id: k.id })} aria-label={`${t('trash.restore')} ${k.number}`}>
            {t('trash.restore')}
          </Button>
        ),
    },
  ];

  const customers = trash.data?.customers ?? [];
  const contracts = trash.data?.contracts ?? [];
  return (
    <Card size="small" title={t('trash.title')} data-kind="trash">
      <Typography.Paragraph type="secondary">{t('trash.hint')}</Typography.Paragraph>
      {customers.length === 0 && contracts.length === 0 ? (
        <Typography.Text type="secondary">{trash.isPending ? '' : t('trash.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {customers.length > 0 ? (
            <Table<DeletedCustomer> size="small" rowKey="id" title={() => t('trash.customers')} columns={customerColumns} dataSource={customers} pagination={customers.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} />
          ) : null}
          {contracts.length > 0 ? (
            <Table<DeletedContract> size="small" rowKey="id" title={() => t('trash.contracts')} columns={contractColumns} dataSource={contracts} pagination={contracts.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} />
          ) : null}
        </Flex>
      )}
    </Card>
  );
}
