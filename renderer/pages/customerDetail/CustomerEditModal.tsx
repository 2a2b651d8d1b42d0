import { Col, Divider, Form, Input, Radio, Row } from 'antd';
import type { CustomerDetail } from '../../../shared/api/customers.contract.ts';
import { type Tier } from '../../../shared/domain/enums.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { TagSelect } from '../../components/TagSelect.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { blankToNull } from '../../forms/blankToNull.ts';
import { maxRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { CustomFieldsInput, toCustomFields, type CustomFieldRow } from './CustomFieldsInput.tsx';

interface Values {
  name: string;
  tier: Tier;
  ownerId: string | null;
  tags: string[];
  industry?: string;
  source?: string;
  code?: string;
  notes?: string;
  customFields: CustomFieldRow[];
}

const FIELD_MAP = sameNames('name', 'tier', 'ownerId', 'tags', 'industry', 'source', 'code', 'notes', 'customFields');

interface Props {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
}

export function CustomerEditModal({ customer, open, onClose }: Props) {
  const { t } = useI18n();
  const { options: tierOptions } = useTiers();
  const [form] = Form.useForm<Values>();
  const update = useApiMutation('customers:update');

  const submit = useFormSubmit(form, {
    fields: FIELD_MAP,
    save: async (v: Values) =>
      update.mutateAsync({
        id: customer.id,
        version: customer.version,
        name: v.name,
        tier: v.tier,
        ownerId: v.ownerId ?? null,
        tags: v.tags,
        industry: blankToNull(v.industry),
        source: blankToNull(v.source),
        code: blankToNull(v.code),
        notes: blankToNull(v.notes),
        customFields: toCustomFields(v.customFields),
      }),
    successMessage: () => t('common.saved'),
    onSaved: onClose,
  });

  return (
    <FormModal<Values>
      name="customerEdit"
      title={t('customer.editTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      width={680}
      initialValues={{
        name: customer.name,
        tier: customer.tier,
        ownerId: customer.ownerId,
        tags: customer.tags.map((tag) => tag.name),
        industry: customer.industry ?? '',
        source: customer.source ?? '',
        code: customer.code ?? '',
        notes: customer.notes ?? '',
        customFields: Object.entries(customer.customFields).map(([key, value]) => ({ key, value })),
      }}
    >
      <Form.Item name="name" label={t('customer.name')} rules={[requiredRule(t, t('customer.name')), maxRule(t, 200)]}>
        <Input />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="tier" label={t('customer.tier')}>
            <Radio.Group optionType="button" buttonStyle="solid" options={tierOptions} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerId" label={t('customer.owner')}>
            <OwnerSelect />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="code" label={t('customer.code')} rules={[maxRule(t, 50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="industry" label={t('customer.industry')} rules={[maxRule(t, 50)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="source" label={t('customer.source')} rules={[maxRule(t, 100)]}>
            <Input placeholder={t('customer.sourcePlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tags" label={t('customer.tags')}>
        <TagSelect />
      </Form.Item>
      <Form.Item name="notes" label={t('customer.notes')} rules={[maxRule(t, 5000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('customer.customFields')}
      </Divider>
      <CustomFieldsInput />
    </FormModal>
  );
}
