import { DatePicker, Form, Input, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { WarningAction } from '../../../shared/api/risk.contract.ts';
import { WARNING_ACTION_KINDS, type WarningActionKind } from '../../../shared/domain/riskWarnings.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs } from '../../format/dates.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

export type OfferUndo = (title: string, undoToken: string) => void;

interface ActionValues {
  kind: WarningActionKind;
  text: string | null;
  ownerId: string | null;
  dueOn: Dayjs | null;
}

/** 添加行动: a kind (回访/优惠方案/分期付款/高层拜访, or 其他 with its text), an owner and a due date. */
export function AddActionModal({ warningId, ownerId, open, onClose, offerUndo }: { warningId: string; ownerId: string; open: boolean; onClose: () => void; offerUndo: OfferUndo }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ActionValues>();
  useEffect(() => {
    if (open) form.setFieldsValue({ kind: 'revisit', text: null, ownerId, dueOn: null });
  }, [open, ownerId, form]);
  const submit = useFormSubmit(form, {
    fields: { kind: 'kind', text: 'text', ownerId: 'ownerId', dueOn: 'dueOn' },
    save: (v: ActionValues) => invoke('risk:addAction', { warningId, kind: v.kind, text: v.text || null, ownerId: v.ownerId ?? '', dueOn: fromDayjs(v.dueOn) ?? '' }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t('risk.actionAdded'), r.undoToken);
      onClose();
    },
  });
  return (
    <FormModal<ActionValues> name="warningAction" title={t('risk.addAction')} open={open} form={form} onCancel={onClose} onFinish={submit.onFinish} saving={submit.submitting} okText={t('risk.save')} width={480}>
      <Form.Item name="kind" label={t('risk.actionKind')} rules={[{ required: true }]}>
        <Select options={WARNING_ACTION_KINDS.map((k) => ({ value: k, label: t(`risk.actionKind.${k}`) }))} />
      </Form.Item>
      <Form.Item name="text" label={t('risk.actionText')} extra={t('risk.actionTextHint')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="ownerId" label={t('risk.owner')} rules={[{ required: true, message: t('risk.ownerRequired') }]}>
        <OwnerSelect />
      </Form.Item>
      <Form.Item name="dueOn" label={t('risk.dueOn')} rules={[{ required: true, message: t('risk.dueOnRequired') }]}>
        <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
      </Form.Item>
    </FormModal>
  );
}

/** 完成: logs the action's follow-up, with what happened if the user says. */
export function CompleteActionModal({ action, onClose, offerUndo }: { action: WarningAction | null; onClose: () => void; offerUndo: OfferUndo }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ summary: string | null }>();
  useEffect(() => {
    if (action) form.setFieldsValue({ summary: null });
  }, [action, form]);
  const submit = useFormSubmit(form, {
    fields: { summary: 'summary' },
    save: (v: { summary: string | null }) => invoke('risk:completeAction', { id: action?.id ?? '', summary: v.summary || null }),
    successMessage: () => null,
    onSaved: (r) => {
      offerUndo(t('risk.completed'), r.undoToken);
      onClose();
    },
  });
  const what = action ? (action.kind === 'other' ? (action.text ?? '') : t(`risk.actionKind.${action.kind}`)) : '';
  return (
    <FormModal<{ summary: string | null }>
      name="completeAction"
      title={t('risk.completeTitle', { what })}
      open={action !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      okText={t('risk.complete')}
      width={480}
    >
      <Typography.Paragraph type="secondary">{t('risk.completeHint')}</Typography.Paragraph>
      <Form.Item name="summary" label={t('risk.completeSummary')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </FormModal>
  );
}
