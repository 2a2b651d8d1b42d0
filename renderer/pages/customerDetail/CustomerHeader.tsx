import { DeleteOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button, Flex, Popconfirm, Tag } from 'antd';
import { Link } from 'react-router';
import type { CustomerDetail } from '../../../shared/api/customers.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { useDeleteCustomer } from './useDeleteCustomer.tsx';

interface Props {
  customer: CustomerDetail;
  onEdit: () => void;
}

export function CustomerHeader({ customer, onEdit }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const archive = useApiMutation('customers:archive');
  const unarchive = useApiMutation('customers:unarchive');
  const { deleteCustomer, deleting } = useDeleteCustomer();
  const archived = customer.archivedAt !== null;

  const toggleArchive = () => {
    const mutation = archived ? unarchive : archive;
    mutation.mutate(
      { id: customer.id },
      {
        onSuccess: () => void message.success(archived ? t('customer.unarchived') : t('customer.archived')),
        onError: (e) => void message.error(e.message),
      },
    );
  };

  return (
    <PageHeader
      top={
        <Breadcrumb
          style={{ marginBottom: 8 }}
          items={[{ title: <Link to="/customers">{t('nav.customers')}</Link> }, { title: customer.name }]}
        />
      }
      title={
        <Flex align="center" gap={10} wrap>
          <span>{customer.name}</span>
          <TierTag tier={customer.tier} />
          {archived ? <Tag>{t('customer.archivedTag')}</Tag> : null}
        </Flex>
      }
      subtitle={customer.industry ?? undefined}
      extra={
        <>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('common.edit')}
          </Button>
          <Button icon={archived ? <RollbackOutlined /> : <InboxOutlined />} loading={archive.isPending || unarchive.isPending} onClick={toggleArchive}>
            {archived ? t('customer.unarchive') : t('customer.archive')}
          </Button>
          <Popconfirm
            title={t('customer.deleteConfirmTitle', { name: customer.name })}
            description={t('customer.deleteConfirmBody')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, loading: deleting }}
            onConfirm={() => deleteCustomer(customer.id)}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </>
      }
    />
  );
}
