import { Form, Input, Select, Typography } from 'antd';
import { useEffect } from 'react';
import type { RiskItem } from '../../../shared/api/risk.contract.ts';
import { WARNING_ROLES, type WarningRole } from '../../../shared/domain/riskWarnings.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface PublishValues {
  role: WarningRole | null;
  ownerId: string | null;
  note: string | null;
}

/** 发布预警: a fixed role label and an owner; the customer's current score is kept with the warning. */
export function PublishWarningModal({ item, onClose, onPublished }: { item: RiskItem | null; onClose: () => void; onPublished: (warningId: string, undoToken: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<PublishValues>();
  useEffect(() => {
    if (item) form.setFieldsValue({ role: 'accountManager', ownerId: null, note: null });
  }, [item, form]);
  const submit = useFormSubmit(form, {
    fields: { role: 'role', ownerId: 'ownerId', note: 'note', contractId: 'ownerId' },
    save: (v: PublishValues) => invoke('risk:publish', { contractId: item?.contractId ?? '', role: v.role ?? 'accountManager', ownerId: v.ownerId ?? '', note: v.note || null }),
    successMessage: () => null,
    onSaved: (r) => {
      onPublished(r.warning.id, r.undoToken);
      onClose();
    },
  });
  return (
    <FormModal<PublishValues>
      name="publishWarning"
      title={item ? t('risk.publishTitle', { customer: item.customerName, contract: item.contractNo }) : ''}
      open={item !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText={t('risk.publish')}
      width={520}
    >
      <Typography.Paragraph type="secondary">{t('risk.publishHint', { score: item?.score ?? '' })}</Typography.Paragraph>
      <Form.Item name="role" label={t('risk.role')} rules={[{ required: true, message: t('risk.roleRequired') }]}>
        <Select options={WARNING_ROLES.map((r) => ({ value: r, label: t(`risk.role.${r}`) }))} />
      </Form.Item>
      <Form.Item name="ownerId" label={t('risk.owner')} rules={[{ required: true, message: t('risk.ownerRequired') }]}>
        <OwnerSelect />
      </Form.Item>
      <Form.Item name="note" label={t('risk.note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
