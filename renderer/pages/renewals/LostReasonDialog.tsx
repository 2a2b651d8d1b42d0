import { Form, Input, Select } from 'antd';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';

interface Values {
  lostReason: string;
  lostNote: string | null;
}

/** 已流失 needs a reason from the editable list, and optionally the story behind it. */
export function LostReasonDialog({ item, onClose }: { item: RenewalItem | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const reasons = useApiQuery('renewals:lostReasons', {});
  const setStage = useApiMutation('renewals:setStage', ['reminders', 'notifications']);
  const submit = useFormSubmit(form, {
    fields: sameNames('lostReason', 'lostNote'),
    save: (v: Values) => setStage.mutateAsync({ contractId: item?.contractId ?? '', stage: 'lost', lostReason: v.lostReason, lostNote: v.lostNote || null }),
    successMessage: () => '已标记为流失，该合同不再提醒',
    onSaved: onClose,
  });
  return (
    <FormModal<Values>
      name="lost"
      title={item ? `标记为已流失：${item.customerName} · ${item.contractNo}` : '标记为已流失'}
      open={item !== null}
      form={form}
      onCancel={onClose}
      saving={submit.submitting}
      okText="标记为已流失"
      onFinish={submit.onFinish}
    >
      <Form.Item name="lostReason" label="流失原因" rules={[{ required: true, message: '请选择流失原因' }]}>
        <Select options={(reasons.data?.items ?? []).map((r) => ({ value: r, label: r }))} placeholder="选择原因" />
      </Form.Item>
      <Form.Item name="lostNote" label="补充说明">
        <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} placeholder="例如：客户改用本地服务商，报价低 20%" />
      </Form.Item>
    </FormModal>
  );
}
