import { CloudServerOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { sameNames } from '../../forms/applyApiError.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Values {
  url: string;
  password?: string;
}

/**
 * 团队数据库 (issue 15): which database this computer opens, a connection test, and the choice for the next start.
 * The choice is this computer's (a file in its data directory), the password the keychain's; a restart switches.
 */
export function TeamDatabaseCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const current = useApiQuery('teamDatabase:get', {});
  const choose = useApiMutation('teamDatabase:choose');
  const test = useApiMutation('teamDatabase:test', {
    onSuccess: (r) => void message.success(t('teamDb.testOk', { location: r.location, version: r.serverVersion })),
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });
  const data = current.data;
  const keychain = data?.passwordStore === 'keychain';

  const submit = useFormSubmit(form, {
    fields: sameNames('url', 'password'),
    // Blank keeps the kept password; only the keychain can take one (PGPASSWORD is set before the host starts).
    save: ({ url, password }: Values) => choose.mutateAsync({ url, ...(keychain && password ? { password } : {}) }),
    successMessage: (r) => t('teamDb.saved', { location: r.chosen ?? t('teamDb.chosenNone') }),
  });
  const backToFile = useApiMutation('teamDatabase:choose', {
    onSuccess: () => void message.success(t('teamDb.saved', { location: t('teamDb.chosenNone') })),
    onError: (e) => void message.error(errorMessageOf(e, t)),
  });

  const runTest = () => {
    const { url, password } = form.getFieldsValue();
    test.mutate({ url: url ?? '', ...(password ? { password } : {}) });
  };

  return (
    <Card title={<><CloudServerOutlined /> {t('teamDb.cardTitle')}</>} loading={current.isPending} data-testid="team-db-card">
      <Typography.Paragraph type="secondary">{t('teamDb.cardIntro')}</Typography.Paragraph>
      {data ? (
        <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('teamDb.current')}>
            <span data-testid="team-db-current">
              {data.current.engine === 'postgres' ? t('teamDb.currentPostgres', { location: data.current.location }) : t('teamDb.currentSqlite', { file: data.current.location })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('teamDb.chosen')}>{data.chosen ?? t('teamDb.chosenNone')}</Descriptions.Item>
        </Descriptions>
      ) : null}
      {data?.overridden ? <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('teamDb.overridden')} /> : null}
      <Form<Values> form={form} layout="vertical" name="teamDatabase" onFinish={submit.onFinish}>
        <Form.Item name="url" label={t('teamDb.url')} rules={[{ required: true, message: t('teamDb.needsUrl') }]}>
          <Input placeholder={t('teamDb.urlPlaceholder')} autoComplete="off" maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('teamDb.password')}
          extra={keychain ? (data?.passwordKept ? t('teamDb.passwordKept') : null) : t('teamDb.noKeychain')}
        >
          <Input.Password autoComplete="new-password" disabled={!keychain} maxLength={500} />
        </Form.Item>
        <Flex justify="end" gap={8} wrap>
          {data?.chosen ? (
            <Button loading={backToFile.isPending} onClick={() => backToFile.mutate({ url: null, password: null })}>
              {t('teamDb.useLocal')}
            </Button>
          ) : null}
          <Button loading={test.isPending} onClick={runTest}>
            {t('teamDb.test')}
          </Button>
          <Button type="primary" htmlType="submit" loading={submit.submitting}>
            {t('teamDb.use')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
