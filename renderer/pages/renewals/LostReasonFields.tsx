import { Form, Input, Select } from 'antd';
import { useApiQuery } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** 已流失's fields: a reason from the editable list (required) and, optionally, the story behind it. */
export function LostReasonFields({ enabled = true }: { enabled?: boolean }) {
  const { t } = useI18n();
  const reasons = useApiQuery('renewals:lostReasons', {}, { enabled });
  return (
    <>
      <Form.Item name="lostReason" label={t('lost.reason')} rules={[{ required: true, message: t('lost.reasonRequired') }]}>
        <Select options={(reasons.data?.items ?? []).map((r) => ({ value: r, label: r }))} placeholder={t('lost.reasonPlaceholder')} />
      </Form.Item>
      <Form.Item name="lostNote" label={t('lost.note')}>
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} placeholder={t('lost.notePlaceholder')} />
      </Form.Item>
    </>
  );
}
