import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Typography } from 'antd';
import { useApiMutation } from '../api/useApi.ts';
import { sameNames } from '../forms/applyApiError.ts';
import { maxRule, requiredRule } from '../forms/fieldRules.ts';
import { useFormSubmit } from '../forms/useFormSubmit.ts';
import { useI18n } from '../i18n/useI18n.ts';
import { keepSessionToken } from './sessionToken.ts';

interface Values {
  login: string;
  displayName?: string;
  password: string;
  passwordAgain?: string;
}

/**
 * Team mode's door: the login form, or, while the team database has no account yet, the form that makes its
 * first admin. Signing in keeps the session token and refetches everything the refused calls left empty.
 */
export function LoginScreen({ firstAdmin }: { firstAdmin: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const login = useApiMutation('accounts:login');
  const createFirstAdmin = useApiMutation('accounts:createFirstAdmin');
  const submit = useFormSubmit(form, {
    fields: sameNames('login', 'displayName', 'password'),
    save: (v: Values) =>
      firstAdmin
        ? createFirstAdmin.mutateAsync({ login: v.login, displayName: v.displayName ?? v.login, password: v.password })
        : login.mutateAsync({ login: v.login, password: v.password }),
    onSaved: (session) => {
      keepSessionToken(session.token);
      void queryClient.invalidateQueries();
    },
  });

  return (
    <div className="boot-screen">
      <Card style={{ width: 380 }} title={t(firstAdmin ? 'login.firstAdminTitle' : 'login.title')}>
        {firstAdmin && <Typography.Paragraph type="secondary">{t('login.firstAdminHint')}</Typography.Paragraph>}
        <Form<Values> form={form} name="login" layout="vertical" onFinish={submit.onFinish} requiredMark={false}>
          <Form.Item name="login" label={t('accounts.loginTitle')} rules={[requiredRule(t, t('label.accountLogin')), maxRule(t, 64)]}>
            <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
          </Form.Item>
          {firstAdmin && (
            <Form.Item name="displayName" label={t('accounts.displayNameTitle')} rules={[requiredRule(t, t('label.accountDisplayName')), maxRule(t, 50)]}>
              <Input />
            </Form.Item>
          )}
          <Form.Item name="password" label={t('login.password')} rules={[requiredRule(t, t('login.password'))]}>
            <Input.Password prefix={<LockOutlined />} autoComplete={firstAdmin ? 'new-password' : 'current-password'} />
          </Form.Item>
          {firstAdmin && (
            <Form.Item
              name="passwordAgain"
              label={t('login.passwordAgain')}
              dependencies={['password']}
              rules={[
                requiredRule(t, t('login.passwordAgain')),
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('login.passwordMismatch')))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={submit.submitting}>
            {t(firstAdmin ? 'login.firstAdminSubmit' : 'login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
