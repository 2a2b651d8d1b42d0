import { Col, Divider, Form, Input, Radio, Row } from 'antd';
import { useNavigate } from 'react-router';
import type { CustomerCreateInput } from '../../../shared/api/customers.contract.ts';
import { type Tier } from '../../../shared/domain/enums.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { TagSelect } from '../../components/TagSelect.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { blankToNull } from '../../forms/blankToNull.ts';
import { emailRule, maxRule, phoneRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';

interface Values {
  name: string;
  tier: Tier;
  ownerId?: string | null;
  tags?: string[];
  contact?: { name?: string; title?: string; phone?: string; email?: string };
}

const FIELD_MAP = {
  ...sameNames('name', 'tier', 'ownerId', 'tags'),
  'primaryContact.name': ['contact', 'name'],
  'primaryContact.title': ['contact', 'title'],
  'primaryContact.phone': ['contact', 'phone'],
  'primaryContact.email': ['contact', 'email'],
};

interface Props {
  open: boolean;
  onClose: () => void;
}

export function CustomerCreateModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { options: tierOptions } = useTiers();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('customers:create');

  const submit = useFormSubmit(form, {
    fields: FIELD_MAP,
    save: async (v: Values) => {
      const contactName = blankToNull(v.contact?.name);
      const input: CustomerCreateInput = {
        name: v.name,
        tier: v.tier,
        ownerId: v.ownerId ?? null,
        tags: v.tags ?? [],
        ...(contactName
          ? {
              primaryContact: {
                name: contactName,
                title: blankToNull(v.contact?.title),
                phone: blankToNull(v.contact?.phone),
                email: blankToNull(v.contact?.email),
              },
            }
          : {}),
      };
      return create.mutateAsync(input);
    },
    successMessage: (customer) => t('customers.created', { name: customer.name }),
    onSaved: (customer) => {
      onClose();
      void navigate(`/customers/${customer.id}`);
    },
  });

  // A contact's details without a name would be silently dropped, so the name becomes required.
  const contactNameRule = ({ getFieldValue }: { getFieldValue: (n: string[]) => unknown }) => ({
    validator(_: unknown, value: string | undefined) {
      const others = ['title', 'phone', 'email'].some((k) => blankToNull(getFieldValue(['contact', k]) as string | undefined));
      return others && !blankToNull(value) ? Promise.reject(new Error(t('customers.contactNameNeeded'))) : Promise.resolve();
    },
  });

  return (
    <FormModal<Values>
      name="customerCreate"
      title={t('customers.new')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      initialValues={{ tier: 'normal', tags: [] }}
      okText={t('common.create')}
      width={620}
    >
      <Form.Item name="name" label={t('customer.name')} rules={[requiredRule(t, t('customer.name')), maxRule(t, 200)]}>
        <Input autoFocus placeholder={t('customer.namePlaceholder')} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="tier" label={t('customer.tier')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={tierOptions}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerId" label={t('customer.owner')}>
            <OwnerSelect />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="tags" label={t('customer.tags')}>
        <TagSelect />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('customers.primaryContact')}
      </Divider>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name={['contact', 'name']} label={t('contact.name')} dependencies={[['contact', 'phone'], ['contact', 'email'], ['contact', 'title']]} rules={[contactNameRule]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'title']} label={t('contact.title')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'phone']} label={t('contact.phone')} rules={[phoneRule(t)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name={['contact', 'email']} label={t('contact.email')} rules={[emailRule(t)]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
