import { LogoutOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, Input, Select, Space, Switch, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { ACCOUNT_ROLES, type Account, type AccountRole } from '../../../shared/api/accounts.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { forgetSignedInData } from '../../accounts/forgetSignedInData.ts';
import { keepSessionToken } from '../../accounts/sessionToken.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { sameNames } from '../../forms/applyApiError.ts';
import { maxRule, requiredRule } from '../../forms/fieldRules.ts';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { AccountPasswordModal } from './AccountPasswordModal.tsx';

interface NewAccountValues {
  login: string;
  displayName: string;
  role: AccountRole;
  ownerId?: string | null;
  password: string;
}

/**
 * Team mode only: who is signed in (sign out, own password) and, for an admin, the team's accounts, their roles
 * and owner links, and the owner-scoping switch. A SQLite archive has no accounts, and the card is not shown.
 */
export function AccountsCard() {
  const { t } = useI18n();
  const status = useApiQuery('accounts:status', {});
  const signedIn = status.data?.signedIn ?? null;
  if (!status.data?.teamMode || signedIn === null) return null;
  return (
    <Col xs={24}>
      <SignedInAccountsCard isAdmin={signedIn.role === 'admin'} who={t('login.signedInAs', { name: signedIn.displayName, role: t(`accounts.role.${signedIn.role}`) })} scoped={status.data.settings.scopeManagersToOwnCustomers} />
    </Col>
  );
}

function SignedInAccountsCard({ isAdmin, who, scoped }: { isAdmin: boolean; who: string; scoped: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [password, setPassword] = useState<{ accountId: string | null; title: string } | null>(null);
  const accounts = useApiQuery('accounts:list', {}, { enabled: isAdmin });
  const onError = (e: unknown) => void message.error(errorMessageOf(e, t));
  const update = useApiMutation('accounts:update', { onError });
  const setTeamSettings = useApiMutation('accounts:setTeamSettings', { onError });
  const logout = useApiMutation('accounts:logout', {
    onSuccess: () => {
      keepSessionToken(null);
      forgetSignedInData(queryClient);
    },
    onError,
  });
  const roleOptions = ACCOUNT_ROLES.map((r) => ({ value: r, label: t(`accounts.role.${r}`) }));

  const columns: TableProps<Account>['columns'] = [
    { key: 'login', title: t('accounts.loginTitle'), render: (_, a) => <Typography.Text strong={!a.disabled} type={a.disabled ? 'secondary' : undefined}>{a.login}</Typography.Text> },
    { key: 'displayName', title: t('accounts.displayNameTitle'), render: (_, a) => a.displayName },
    {
      key: 'role',
      title: t('accounts.role'),
      width: 130,
      render: (_, a) => (
        <Select size="small" value={a.role} options={roleOptions} aria-label={`${t('accounts.role')} ${a.login}`} style={{ width: 120 }} onChange={(role: AccountRole) => update.mutate({ id: a.id, version: a.version, role })} />
      ),
    },
    {
      key: 'owner',
      title: t('accounts.owner'),
      width: 150,
      render: (_, a) => (
        <OwnerSelect value={a.ownerId} placeholder={t('accounts.ownerNone')} aria-label={`${t('accounts.owner')} ${a.login}`} style={{ width: 140 }} onChange={(ownerId) => update.mutate({ id: a.id, version: a.version, ownerId })} />
      ),
    },
    {
      key: 'enabled',
      title: t('accounts.enabled'),
      width: 70,
      render: (_, a) => <Switch size="small" checked={!a.disabled} aria-label={`${t('accounts.enabled')} ${a.login}`} onChange={(on) => update.mutate({ id: a.id, version: a.version, disabled: !on })} />,
    },
    {
      key: 'password',
      title: t('common.actions'),
      width: 100,
      render: (_, a) => (
        <Button size="small" onClick={() => setPassword({ accountId: a.id, title: t('accounts.resetPasswordOf', { login: a.login }) })}>
          {t('accounts.resetPassword')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<><TeamOutlined /> {t('accounts.cardTitle')}</>}
      extra={
        <Space>
          <Typography.Text type="secondary">{who}</Typography.Text>
          <Button size="small" onClick={() => setPassword({ accountId: null, title: t('accounts.changeOwnPassword') })}>
            {t('accounts.changeOwnPassword')}
          </Button>
          <Button size="small" icon={<LogoutOutlined />} loading={logout.isPending} onClick={() => logout.mutate({})}>
            {t('login.logout')}
          </Button>
        </Space>
      }
    >
      {isAdmin && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('accounts.rolesHint')}</Typography.Paragraph>
          <Space align="start">
            <Switch checked={scoped} loading={setTeamSettings.isPending} aria-label={t('accounts.scopeManagers')} onChange={(on) => setTeamSettings.mutate({ scopeManagersToOwnCustomers: on })} />
            <span>
              {t('accounts.scopeManagers')}
              <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('accounts.scopeManagersHint')}</Typography.Paragraph>
            </span>
          </Space>
          <Table<Account> rowKey="id" size="small" columns={columns} dataSource={accounts.data?.items ?? []} loading={accounts.isPending} pagination={false} locale={{ emptyText: t('accounts.empty') }} />
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('accounts.add')}
          </Button>
        </Space>
      )}
      <NewAccountModal open={adding} onClose={() => setAdding(false)} roleOptions={roleOptions} />
      <AccountPasswordModal accountId={password?.accountId ?? null} title={password?.title ?? ''} open={password !== null} onClose={() => setPassword(null)} />
    </Card>
  );
}

function NewAccountModal({ open, onClose, roleOptions }: { open: boolean; onClose: () => void; roleOptions: { value: AccountRole; label: string }[] }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewAccountValues>();
  const create = useApiMutation('accounts:create');
  const submit = useFormSubmit(form, {
    fields: sameNames('login', 'displayName', 'role', 'ownerId', 'password'),
    save: (v: NewAccountValues) => create.mutateAsync({ login: v.login, displayName: v.displayName, role: v.role, ownerId: v.ownerId ?? null, password: v.password }),
    successMessage: () => t('common.saved'),
    onSaved: onClose,
  });
  return (
    <FormModal<NewAccountValues> name="account" title={t('accounts.add')} open={open} form={form} onCancel={onClose} onFinish={submit.onFinish} saving={submit.submitting} width={440} initialValues={{ role: 'manager' }}>
      <Form.Item name="login" label={t('accounts.loginTitle')} rules={[requiredRule(t, t('label.accountLogin')), maxRule(t, 64)]}>
        <Input autoFocus autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('accounts.displayNameTitle')} rules={[requiredRule(t, t('label.accountDisplayName')), maxRule(t, 50)]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('accounts.role')}>
        <Select options={roleOptions} />
      </Form.Item>
      <Form.Item name="ownerId" label={t('accounts.owner')}>
        <OwnerSelect placeholder={t('accounts.ownerNone')} />
      </Form.Item>
      <Form.Item name="password" label={t('login.password')} rules={[requiredRule(t, t('login.password')), { min: 8, message: t('accounts.passwordTooShort', { min: 8 }) }]}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
