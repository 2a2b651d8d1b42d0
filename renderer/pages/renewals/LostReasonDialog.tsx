import { Form } from 'antd';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { LostReasonFields } from './LostReasonFields.tsx';

interface Values {
  lostReason: string;
  lostNote: string | null;
}

/** 已流失 needs a reason from the editable list, and optionally the story behind it. */
export function LostReasonDialog({ item, onClose }: { item: Pick<RenewalItem, 'contractId' | 'contractNo' | 'customerName'> | null; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const setStage = useApiMutation('renewals:setStage');
  const submit = useFormSubmit(form, {
    fields: sameNames('lostReason', 'lostNote'),
    save: (v: Values) => setStage.mutateAsync({ contractId: item?.contractId ?? '', stage: 'lost', lostReason: v.lostReason, lostNote: v.lostNote || null }),
    successMessage: () => t('lost.done'),
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      name="lost"
      title={item ? t('lost.title', { customer: item.customerName, contractNo: item.contractNo }) : t('lost.action')}
      open={item !== null}
      form={form}
      onCancel={onClose}
      saving={submit.submitting}
      okText={t('lost.action')}
      onFinish={submit.onFinish}
    >
      <LostReasonFields />
    </FormModal>
  );
}
