import { Alert, Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { FollowUp } from '../../../shared/api/followUps.contract.ts';
import { COMPLAINT_SEVERITIES, type ComplaintSeverity } from '../../../shared/domain/complaints.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { FormModal } from '../FormModal.tsx';
import { OwnerSelect } from '../OwnerSelect.tsx';

interface Values {
  customerId: string;
  contractId: string | null;
  summary: string;
  category: string;
  severity: ComplaintSeverity;
  handlerId: string;
  note: string;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** Opened from a 投诉 follow-up: prefilled from it, and the complaint stays linked to it. */
  followUp?: FollowUp | null;
  /** Opened from a customer's page: that customer. */
  customerId?: string | null;
  onCreated?: (id: string) => void;
}

/** 登记投诉 (its 受理 step), blank or prefilled from a follow-up of kind 投诉. */
export function ComplaintFormModal({ open, onClose, followUp, customerId, onCreated }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const settings = useApiQuery('complaints:settings', {}, { enabled: open });
  const fixedCustomer = followUp?.customerId ?? customerId ?? null;
  const [search, setSearch] = useState('');
  const customers = useApiQuery('customers:list', { search: search || undefined, offset: 0, limit: 20 }, { enabled: open && !fixedCustomer });
  const chosenCustomer = Form.useWatch('customerId', form) ?? fixedCustomer;
  const detail = useApiQuery('customers:get', { id: chosenCustomer ?? '' }, { enabled: open && Boolean(chosenCustomer) });
  const offerUndo = useUndoNotice('complaints:undo', { undo: 'complaints.undo', undone: 'complaints.undone' });
  const categories = settings.data?.categories ?? [];

  const finish = async (v: Values) => {
    setSaving(true);
    setError(null);
    try {
      const { complaint, undoToken } = await invoke('complaints:create', {
        followUpId: followUp?.id,
        customerId: fixedCustomer ?? v.customerId,
        contractId: v.contractId ?? null,
        summary: v.summary,
        category: v.category,
        severity: v.severity,
        handlerId: v.handlerId,
        note: v.note || null,
      });
      offerUndo(t('complaints.created'), undoToken);
      onCreated?.(complaint.id);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormModal<Values>
      name="complaint"
      title={followUp ? t('complaints.fromFollowUp') : t('complaints.new')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={(v) => void finish(v)}
      saving={saving}
      okText={t('complaints.create')}
      initialValues={{
        customerId: fixedCustomer ?? undefined,
        contractId: followUp?.contractId ?? null,
        summary: followUp?.summary ?? '',
        severity: 'normal',
        handlerId: followUp?.ownerId ?? undefined,
        category: categories[categories.length - 1],
      }}
    >
      {followUp ? <Alert type="info" showIcon title={t('complaints.fromFollowUpHint')} style={{ marginBottom: 12 }} /> : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      {fixedCustomer ? null : (
        <Form.Item name="customerId" label={t('complaints.field.customer')} rules={[{ required: true, message: t('complaintErrors.customerRequired') }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={customers.isPending}
            options={(customers.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
      )}
      <Form.Item name="contractId" label={t('complaints.field.contract')}>
        <Select allowClear options={(detail.data?.contracts ?? []).map((k) => ({ value: k.id, label: k.number }))} />
      </Form.Item>
      <Form.Item name="summary" label={t('complaints.field.summary')} rules={[{ required: true, whitespace: true, message: t('complaintErrors.summaryRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      <Form.Item name="severity" label={t('complaints.field.severity')} rules={[{ required: true }]}>
        <Select options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severity.${s}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('complaints.field.category')} rules={[{ required: true }]}>
        <Select options={categories.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="handlerId" label={t('complaints.field.handler')} rules={[{ required: true, message: t('complaintErrors.handlerRequired') }]}>
        <OwnerSelect />
      </Form.Item>
      <Form.Item name="note" label={t('complaints.field.note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
