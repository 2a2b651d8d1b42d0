import { DeleteOutlined, EditOutlined, MailOutlined, PhoneOutlined, PlusOutlined, StarFilled } from '@ant-design/icons';
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { Contact } from '../../../shared/api/contacts.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ContactFormModal } from './ContactFormModal.tsx';

interface Props {
  customerId: string;
  contacts: Contact[];
}

/** `undefined`: closed; `null`: adding; a contact: editing it. */
type Editing = Contact | null | undefined;

export function ContactsCard({ customerId, contacts }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(undefined);
  const remove = useApiMutation('contacts:delete');

  const columns: TableProps<Contact>['columns'] = [
    {
      key: 'name',
      title: t('contact.name'),
      render: (_, c) => (
        <Space size={6}>
          <Typography.Text strong>{c.name}</Typography.Text>
          {c.isPrimary ? (
            <Tag color="blue" icon={<StarFilled />}>
              {t('contact.primaryTag')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { key: 'title', title: t('contact.title'), render: (_, c) => c.title ?? '—' },
    {
      key: 'reach',
      title: t('contact.reach'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          {c.phone ? (
            <span>
              <PhoneOutlined /> {c.phone}
            </span>
          ) : null}
          {c.email ? (
            <Typography.Text type="secondary">
              <MailOutlined /> {c.email}
            </Typography.Text>
          ) : null}
          {!c.phone && !c.email ? '—' : null}
        </Space>
      ),
    },
    { key: 'birthday', title: t('contact.birthday'), render: (_, c) => c.birthday ?? '—' },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EditOutlined />} aria-label={`${t('common.edit')} ${c.name}`} onClick={() => setEditing(c)} />
          <Popconfirm
            title={t('contact.deleteConfirm', { name: c.name })}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutate({ id: c.id }, { onError: (e) => void message.error(e.message) })}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${c.name}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card
      title={t('contact.cardTitle', { n: contacts.length })}
      extra={
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)}>
          {t('contact.add')}
        </Button>
      }
      styles={{ body: { padding: contacts.length > 0 ? 0 : undefined } }}
    >
      {contacts.length > 0 ? (
        <Table<Contact> rowKey="id" size="middle" columns={columns} dataSource={contacts} pagination={false} scroll={{ x: 600 }} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contact.empty')} />
      )}
      <ContactFormModal
        customerId={customerId}
        contact={editing ?? null}
        isFirst={contacts.length === 0}
        open={editing !== undefined}
        onClose={() => setEditing(undefined)}
      />
    </Card>
  );
}
