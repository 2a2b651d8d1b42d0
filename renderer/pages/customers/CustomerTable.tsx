import { PhoneOutlined, UserOutlined } from '@ant-design/icons';
import { Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useApiQuery } from '../../api/useApi.ts';
import { LoyaltyTag, StageTag } from '../../components/LifecycleTags.tsx';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CustomerListItem } from '../../../shared/api/customers.contract.ts';
import { ExpiryDate } from '../../components/ExpiryDate.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import type { CustomerListParams, CustomerSort } from './useCustomerListParams.ts';

interface Props {
  items: CustomerListItem[];
  total: number;
  loading: boolean;
  params: CustomerListParams;
  update: (patch: Partial<CustomerListParams>) => void;
  empty: ReactNode;
}

const SORTABLE: readonly CustomerSort[] = ['name', 'nextExpiryOn'];

export function CustomerTable({ items, total, loading, params, update, empty }: Props) {
  const { t } = useI18n();
  const sortOrderOf = (key: CustomerSort) => (params.sort === key ? (params.order === 'asc' ? 'ascend' : 'descend') : null);

  const stages = useApiQuery('lifecycle:ofCustomers', { customerIds: items.map((c) => c.id) }, { enabled: items.length > 0, keepPrevious: true });
  const lifecycle = new Map((stages.data?.items ?? []).map((i) => [i.customerId, i]));
  const columns: TableProps<CustomerListItem>['columns'] = [
    {
      key: 'name',
      title: t('customers.colName'),
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: sortOrderOf('name'),
      render: (_, c) => (
        <Flex align="center" gap={8} wrap>
          <Link to={`/customers/${c.id}`} style={{ fontWeight: 500 }}>
            {c.name}
          </Link>
          {c.archived ? <Tag>{t('customer.archivedTag')}</Tag> : null}
        </Flex>
      ),
    },
    { key: 'tier', title: t('customers.colTier'), width: 90, render: (_, c) => <TierTag tier={c.tier} /> },
    {
      key: 'lifecycle',
      title: t('retention.colStage'),
      width: 130,
      render: (_, c) => {
        const l = lifecycle.get(c.id);
        return l ? (
          <Flex gap={4} wrap>
            <StageTag stage={l.stage} />
            <LoyaltyTag loyalty={l.loyalty} />
          </Flex>
        ) : null;
      },
    },
    {
      key: 'owner',
      title: t('customers.colOwner'),
      width: 100,
      render: (_, c) => c.ownerName ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      key: 'contact',
      title: t('customers.colContact'),
      width: 190,
      render: (_, c) =>
        c.primaryContactName || c.primaryContactPhone ? (
          <Flex vertical>
            <span>
              <UserOutlined style={{ color: '#8c8c8c' }} /> {c.primaryContactName ?? '—'}
            </span>
            {c.primaryContactPhone ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <PhoneOutlined /> {c.primaryContactPhone}
              </Typography.Text>
            ) : null}
          </Flex>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'nextExpiryOn',
      title: t('customers.colNextExpiry'),
      width: 150,
      sorter: true,
      sortDirections: ['ascend', 'descend'],
      sortOrder: sortOrderOf('nextExpiryOn'),
      render: (_, c) => <ExpiryDate date={c.nextExpiryOn} />,
    },
    {
      key: 'lastFollowUp',
      title: t('customers.colLastFollowUp'),
      width: 150,
      render: (_, c) =>
        c.lastFollowUpAt ? formatInstant(c.lastFollowUpAt) : <Typography.Text type="secondary">{t('customers.never')}</Typography.Text>,
    },
  ];

  const onChange: TableProps<CustomerListItem>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') {
      const s = Array.isArray(sorter) ? sorter[0] : sorter;
      const key = s?.columnKey as CustomerSort | undefined;
      if (s?.order && key && SORTABLE.includes(key)) update({ sort: key, order: s.order === 'ascend' ? 'asc' : 'desc' });
      else update({ sort: 'nextExpiryOn', order: 'asc' });
      return;
    }
    update({ page: pagination.current ?? 1, pageSize: pagination.pageSize ?? params.pageSize });
  };

  return (
    <Table<CustomerListItem>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      onChange={onChange}
      locale={{ emptyText: empty }}
      scroll={{ x: 900 }}
      pagination={{
        current: params.page,
        pageSize: params.pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('customers.total', { n }),
      }}
    />
  );
}
