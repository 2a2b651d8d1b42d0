import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Skeleton } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { ExportMenuButton } from '../../components/export/ExportMenuButton.tsx';
import { CustomerCreateModal } from './CustomerCreateModal.tsx';
import { CustomerFilters } from './CustomerFilters.tsx';
import { CustomerTable } from './CustomerTable.tsx';
import { FirstRunWelcome } from './FirstRunWelcome.tsx';
import { toListInput, useCustomerListParams } from './useCustomerListParams.ts';

export function CustomerListPage() {
  const { t } = useI18n();
  const { params, update, hasFilters } = useCustomerListParams();
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const info = useApiQuery('system:info', {});
  const list = useApiQuery('customers:list', toListInput(params), { keepPrevious: true });

  const firstRun = info.data?.customerCount === 0 && !params.archived;
  const clearFilters = () =>
    update({ search: '', tier: null, ownerId: null, tagId: null, withinDays: null, archived: false });

  const empty = hasFilters ? (
    <Empty description={t('customers.noMatch')}>
      <Button onClick={clearFilters}>{t('customers.clearFilters')}</Button>
    </Empty>
  ) : (info.data?.customerCount ?? 0) > 0 ? (
    <Empty description={t('customers.allArchived')}>
      <Button onClick={() => update({ archived: true })}>{t('customers.viewArchived')}</Button>
    </Empty>
  ) : (
    <Empty description={t('customers.empty')}>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
        {t('customers.new')}
      </Button>
    </Empty>
  );

  return (
    <>
      <PageHeader
        title={t('nav.customers')}
        subtitle={t('customers.subtitle')}
        extra={
          <>
            <Button icon={<UploadOutlined />} onClick={() => void navigate('/import')}>
              {t('import.button')}
            </Button>
            <ExportMenuButton />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('customers.new')}
            </Button>
          </>
        }
      />
      {list.isError ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
      {info.isPending ? (
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      ) : firstRun ? (
        <FirstRunWelcome onCreate={() => setCreating(true)} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <div style={{ padding: 16, borderBottom: '1px solid #f0f0f0' }}>
            <CustomerFilters params={params} update={update} />
          </div>
          <CustomerTable
            items={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            loading={list.isFetching}
            params={params}
            update={update}
            empty={list.isPending ? <Skeleton active /> : empty}
          />
        </Card>
      )}
      <CustomerCreateModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
