import { Col, DatePicker, Form, Input, Row, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Contact } from '../../../shared/api/contacts.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs } from '../../format/dates.ts';
import { sameNames } from '../../forms/applyApiError.ts';
import { blankToNull } from '../../forms/blankToNull.ts';
import { emailRule, maxRule, phoneRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Values {
  name: string;
  title?: string;
  phone?: string;
  email?: string;
  birthday?: Dayjs | null;
  isPrimary: boolean;
  notes?: string;
}

const FIELD_MAP = sameNames('name', 'title', 'phone', 'email', 'birthday', 'isPrimary', 'notes');

interface Props {
  customerId: string;
  /** The contact being edited; null while adding one. */
  contact: Contact | null;
  open: boolean;
  isFirst: boolean;
  onClose: () => void;
}

export function ContactFormModal({ customerId, contact, open, isFirst, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const create = useApiMutation('contacts:create');
  const update = useApiMutation('contacts:update');

  const save = async (v: Values) => {
    const fields = {
      name: v.name,
      title: blankToNull(v.title),
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      birthday: fromDayjs(v.birthday),
      isPrimary: v.isPrimary,
      notes: blankToNull(v.notes),
    };
    if (contact) await update.mutateAsync({ id: contact.id, version: contact.version, ...fields });
    else await create.mutateAsync({ customerId, ...fields });
  };
  const submit = useFormSubmit(form, { fields: FIELD_MAP, save, successMessage: () => t('common.saved'), onSaved: onClose });

  return (
    <FormModal<Values>
      name="contact"
      title={contact ? t('contact.editTitle') : t('contact.addTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={submit.onFinish}
      saving={submit.submitting}
      initialValues={{
        name: contact?.name ?? '',
        title: contact?.title ?? '',
        phone: contact?.phone ?? '',
        email: contact?.email ?? '',
        birthday: toDayjs(contact?.birthday),
        isPrimary: contact?.isPrimary ?? isFirst,
        notes: contact?.notes ?? '',
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item name="name" label={t('contact.name')} rules={[requiredRule(t, t('contact.name')), maxRule(t, 50)]}>
            <Input autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="title" label={t('contact.title')} rules={[maxRule(t, 50)]}>
            <Input placeholder={t('contact.titlePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label={t('contact.phone')} rules={[phoneRule(t)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="email" label={t('contact.email')} rules={[emailRule(t)]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="birthday" label={t('contact.birthday')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} {...PICKER_DATE_RANGE} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="isPrimary" label={t('contact.primary')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('contact.notes')} rules={[maxRule(t, 1000)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
      </Form.Item>
    </FormModal>
  );
}
