import { MailOutlined } from '@ant-design/icons';
import { App, Button, Card, Checkbox, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { SMTP_SECURITY, type SmtpSecurity } from '../../../shared/api/mail.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { sameNames } from '../../forms/applyApiError.ts';
import { emailRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Values {
  enabled: boolean;
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string;
  password?: string;
  clearPassword?: boolean;
  fromAddress: string;
}

/** 邮件提醒 (issue 15): the SMTP server reminders are e-mailed through, and a test message to check it. */
export function MailCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = useApiQuery('mail:getSettings', {});
  const save = useApiMutation('mail:setSettings');
  const test = useApiMutation('mail:sendTest', {
    onSuccess: (r) => void message.success(t('mail.testSent', { response: r.response })),
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });
  const [recipient, setRecipient] = useState('');
  const data = current.data;
  useEffect(() => {
    if (!data) return;
    form.setFieldsValue({ enabled: data.enabled, host: data.host, port: data.port, security: data.security, user: data.user, fromAddress: data.fromAddress, password: '', clearPassword: false });
  }, [data, form]);
  const keychain = data?.passwordStore === 'keychain';

  const submit = useFormSubmit(form, {
    fields: sameNames('enabled', 'host', 'port', 'security', 'user', 'password', 'fromAddress'),
    save: ({ password, clearPassword, ...v }: Values) =>
      save.mutateAsync({
        ...v,
        // Blank keeps the saved password; only the keychain can take one (the environment's is set before start).
        ...(keychain && clearPassword ? { password: null } : keychain && password ? { password } : {}),
      }),
    successMessage: () => t('mail.saved'),
  });

  const passwordHint = keychain
    ? data?.passwordSet
      ? t('mail.passwordKeep')
      : t('mail.passwordNone')
    : data?.passwordSet
      ? t('mail.passwordFromEnvironment')
      : t('mail.passwordEnvironmentMissing');

  return (
    <Card title={<><MailOutlined /> {t('mail.cardTitle')}</>} loading={current.isPending} data-testid="mail-card">
      <Typography.Paragraph type="secondary">{t('mail.cardHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" name="mail" onFinish={submit.onFinish}>
        <Form.Item name="enabled" label={t('mail.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="host" label={t('mail.host')}>
              <Input placeholder="smtp.example.com" maxLength={253} />
            </Form.Item>
          </Col>
          <Col xs={12} md={5}>
            <Form.Item name="port" label={t('mail.port')}>
              <InputNumber min={1} max={65535} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={7}>
            <Form.Item name="security" label={t('mail.security')}>
              <Select options={SMTP_SECURITY.map((s) => ({ value: s, label: t(`mail.security.${s}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="user" label={t('mail.user')}>
              <Input autoComplete="off" maxLength={320} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="password" label={t('mail.password')} extra={passwordHint}>
              <Input.Password autoComplete="new-password" disabled={!keychain} maxLength={500} />
            </Form.Item>
          </Col>
          {keychain && data?.passwordSet ? (
            <Col xs={24}>
              <Form.Item name="clearPassword" valuePropName="checked">
                <Checkbox>{t('mail.passwordClear')}</Checkbox>
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item name="fromAddress" label={t('mail.fromAddress')} rules={[emailRule(t)]}>
              <Input placeholder="desk@example.com" maxLength={320} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="end">
          <Button type="primary" htmlType="submit" loading={submit.submitting}>
            {t('mail.save')}
          </Button>
        </Flex>
      </Form>
      <Flex gap={8} style={{ marginTop: 16 }} wrap>
        <Input
          style={{ maxWidth: 280 }}
          value={recipient}
          maxLength={320}
          placeholder={t('mail.testRecipient')}
          aria-label={t('mail.testRecipient')}
          onChange={(e) => setRecipient(e.target.value)}
        />
        <Button loading={test.isPending} disabled={recipient.trim() === '' || !data?.host} onClick={() => test.mutate({ recipient: recipient.trim() })}>
          {t('mail.sendTest')}
        </Button>
      </Flex>
    </Card>
  );
}
