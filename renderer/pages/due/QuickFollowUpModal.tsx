import { Form, Typography } from 'antd';
import type { FollowUpDueItem } from '../../../shared/api/followUps.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { FollowUpFields } from '../../components/followUps/FollowUpFields.tsx';
import { FOLLOW_UP_DEFAULTS, FOLLOW_UP_FIELD_MAP, toFollowUpInput, type FollowUpValues } from '../../components/followUps/followUpValues.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  item: FollowUpDueItem | null;
  onClose: () => void;
}

/** Logs what happened on a due follow-up; saving it closes the customer's open follow-up dates. */
export function QuickFollowUpModal({ item, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<FollowUpValues>();
  const create = useApiMutation('followups:create');
  const submit = useFormSubmit(form, {
    fields: FOLLOW_UP_FIELD_MAP,
    save: (v: FollowUpValues) => create.mutateAsync({ ...toFollowUpInput(item?.customerId ?? '', v), contractId: item?.contractId ?? null }),
    successMessage: () => t('followUp.saved'),
    onSaved: onClose,
  });

  return (
    <FormModal<FollowUpValues>
      name="quickFollowUp"
      title={t('due.logTitle', { name: item?.customerName ?? '' })}
      open={item !== null}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      initialValues={{ ...FOLLOW_UP_DEFAULTS, kind: item?.kind ?? 'revisit', channel: item?.channel ?? 'phone' }}
    >
      {item ? (
        <Typography.Paragraph type="secondary" style={{ background: '#f6f8fb', padding: '8px 12px', borderRadius: 8 }}>
          {t('due.lastNote', { summary: item.summary })}
        </Typography.Paragraph>
      ) : null}
      <FollowUpFields form={form} autoFocus />
    </FormModal>
  );
}
