import { PlusOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Switch, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { Owner } from '../../../shared/api/owners.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { blankToNull } from '../../forms/blankToNull.ts';
import { emailRule, maxRule, phoneRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { OwnerHandoverModal } from './OwnerHandoverModal.tsx';

interface Values {
  name: string;
  phone?: string;
  email?: string;
}

/** Account managers (负责人) that customers, contracts and follow-ups are assigned to. */
export function OwnersCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [handingOver, setHandingOver] = useState<Owner | null>(null);
  const [form] = Form.useForm<Values>();
  const owners = useApiQuery('owners:list', { includeInactive: true });
  const create = useApiMutation('owners:create');
  const update = useApiMutation('owners:update');
  // E-mail reminders (issue 15): on for an owner with an address unless they opted out.
  const optOuts = useApiQuery('mail:optOuts', {});
  const setOptOut = useApiMutation('mail:setOptOut', { onError: (e) => void message.error(errorMessageOf(e, t)) });
  const optedOut = new Set(optOuts.data?.ownerIds ?? []);

  const submit = useFormSubmit(form, {
    fields: sameNames('name', 'phone', 'email'),
    save: (v: Values) => create.mutateAsync({ name: v.name, phone: blankToNull(v.phone), email: blankToNull(v.email) }),
    successMessage: () => t('common.saved'),
    onSaved: () => setAdding(false),
  });

  const columns: TableProps<Owner>['columns'] = [
    { key: 'name', title: t('owner.name'), width: 96, render: (_, o) => <Typography.Text strong={o.active} type={o.active ? undefined : 'secondary'}>{o.name}</Typography.Text> },
    { key: 'phone', title: t('contact.phone'), render: (_, o) => o.phone ?? '—' },
    { key: 'email', title: t('contact.email'), render: (_, o) => o.email ?? '—' },
    {
      key: 'active',
      title: t('owner.active'),
      width: 90,
      render: (_, o) => (
        <Switch
          size="small"
          checked={o.active}
          aria-label={t('owner.active')}
          onChange={(active) => update.mutate({ id: o.id, version: o.version, active }, { onError: (e) => void message.error(e.message) })}
        />
      ),
    },
    {
      key: 'mail',
      title: t('mail.ownerColumn'),
      width: 96,
      render: (_, o) =>
        o.email ? (
          <Switch
            size="small"
            checked={!optedOut.has(o.id)}
            loading={optOuts.isPending}
            aria-label={`${t('mail.ownerColumn')} ${o.name}`}
            title={optedOut.has(o.id) ? t('mail.ownerOptOut') : t('mail.ownerReceives')}
            onChange={(on) => setOptOut.mutate({ ownerId: o.id, optedOut: !on })}
          />
        ) : (
          <Typography.Text type="secondary">{t('mail.ownerNoEmail')}</Typography.Text>
        ),
    },
    {
      key: 'handover',
      title: t('common.actions'),
      width: 100,
      render: (_, o) => (
        <Button size="small" onClick={() => setHandingOver(o)} aria-label={`${t('handover.action')} ${o.name}`}>
          {t('handover.action')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<><UserOutlined /> {t('owner.cardTitle')}</>}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('owner.add')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Table<Owner>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={owners.data?.items ?? []}
        loading={owners.isPending}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('owner.empty')} /> }}
      />
      <OwnerHandoverModal owner={handingOver} onClose={() => setHandingOver(null)} />
      <FormModal<Values> name="owner" title={t('owner.add')} open={adding} form={form} onCancel={() => setAdding(false)} onFinish={submit.onFinish} saving={submit.submitting} width={440}>
        <Form.Item name="name" label={t('owner.name')} rules={[requiredRule(t, t('owner.name')), maxRule(t, 50)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="phone" label={t('contact.phone')} rules={[phoneRule(t)]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('contact.email')} rules={[emailRule(t)]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
