import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

export interface CustomFieldRow {
  key?: string;
  value?: string;
}

/** Custom fields are free key → value pairs (e.g. 开票抬头 → …); edited as rows, saved as one object. */
export function CustomFieldsInput() {
  const { t } = useI18n();
  return (
    <Form.List name="customFields">
      {(fields, { add, remove }) => (
        <Flex vertical gap={8}>
          {fields.map((field) => (
            <Flex key={field.key} gap={8} align="start">
              <Form.Item
                name={[field.name, 'key']}
                rules={[{ required: true, whitespace: true, message: t('customer.customKeyRequired') }, { max: 50, message: t('validation.max', { max: 50 }) }]}
                style={{ flex: 2, marginBottom: 0 }}
              >
                <Input placeholder={t('customer.customKey')} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']} rules={[{ max: 500, message: t('validation.max', { max: 500 }) }]} style={{ flex: 3, marginBottom: 0 }}>
                <Input placeholder={t('customer.customValue')} />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('customer.removeCustomField')} onClick={() => remove(field.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ key: '', value: '' })}>
            {t('customer.addCustomField')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

export function toCustomFields(rows: CustomFieldRow[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const row of rows ?? []) {
    const key = row.key?.trim();
    if (key) out[key] = row.value?.trim() ?? '';
  }
  return out;
}
