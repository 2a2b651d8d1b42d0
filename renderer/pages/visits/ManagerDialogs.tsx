import { App, Drawer, Empty, Form, Input, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import type { KeyCustomer, ManagerAssignment } from '../../../shared/api/visits.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

interface AssignValues {
  managerId: string;
  backupId: string;
  note?: string;
}

/** 分配 / 更换: the account manager and a backup from today; the previous assignment stays in the history. */
export function AssignManagerModal({ customer, onClose, onAssigned }: { customer: KeyCustomer | null; onClose: () => void; onAssigned: (undoToken: string) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssignValues>();
  const [saving, setSaving] = useState(false);
  const finish = (v: AssignValues) => {
    if (!customer) return;
    setSaving(true);
    void invoke('visits:assign', { customerId: customer.customerId, managerId: v.managerId, backupId: v.backupId, note: v.note ?? null })
      .then(
        (r) => {
          onAssigned(r.undoToken);
          onClose();
        },
        (e: Error) => void message.error(e.message),
      )
      .finally(() => setSaving(false));
  };
  return (
    <FormModal<AssignValues>
      name="assignManager"
      title={customer ? t('visits.assignTitle', { name: customer.customerName }) : ''}
      open={customer !== null}
      form={form}
      onCancel={onClose}
      onFinish={finish}
      saving={saving}
      initialValues={{ managerId: customer?.managerId ?? customer?.ownerId ?? undefined, backupId: customer?.backupId ?? undefined }}
    >
      <Form.Item name="managerId" label={t('visits.column.manager')} rules={[{ required: true, message: t('visits.managerRequired') }]}>
        <OwnerSelect />
      </Form.Item>
      <Form.Item
        name="backupId"
        label={t('visits.column.backup')}
        dependencies={['managerId']}
        rules={[
          { required: true, message: t('visits.backupRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (value && value === getFieldValue('managerId') ? Promise.reject(new Error(t('visitErrors.backupIsManager'))) : Promise.resolve()),
          }),
        ]}
      >
        <OwnerSelect />
      </Form.Item>
      <Form.Item name="note" label={t('visits.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

/** 历史: every manager/backup row of the customer, who assigned it and when. */
export function ManagerHistoryDrawer({ customer, onClose }: { customer: KeyCustomer | null; onClose: () => void }) {
  const { t } = useI18n();
  const history = useApiQuery('visits:history', { customerId: customer?.customerId ?? '' }, { enabled: customer !== null });
  return (
    <Drawer open={customer !== null} onClose={onClose} title={customer ? t('visits.historyTitle', { name: customer.customerName }) : ''} size={720}>
      {history.data && history.data.items.length > 0 ? <HistoryTable items={history.data.items} /> : history.data ? <Empty description={t('visits.historyEmpty')} /> : null}
    </Drawer>
  );
}

export function HistoryTable({ items }: { items: ManagerAssignment[] }) {
  const { t } = useI18n();
  const columns: TableProps<ManagerAssignment>['columns'] = [
    { key: 'manager', title: t('visits.column.manager'), render: (_, h) => h.managerName },
    { key: 'backup', title: t('visits.column.backup'), render: (_, h) => h.backupName },
    {
      key: 'span',
      title: t('visits.column.span'),
      render: (_, h) => (h.untilOn === null ? <>{h.fromOn} ~ <Tag color="green">{t('visits.current')}</Tag></> : `${h.fromOn} ~ ${h.untilOn}`),
    },
    { key: 'by', title: t('visits.column.assignedBy'), render: (_, h) => `${h.assignedBy} · ${h.assignedAt.slice(0, 16).replace('T', ' ')}` },
    { key: 'note', title: t('visits.note'), render: (_, h) => h.note ?? '' },
  ];
  return <Table<ManagerAssignment> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} />;
}
