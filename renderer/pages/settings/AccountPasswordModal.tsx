import { Form, Input } from 'antd';
import { useApiMutation } from '../../api/useApi.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useFormSubmit } from '../../forms/useFormSubmit.ts';
import { requiredRule } from '../../forms/fieldRules.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Values {
  currentPassword?: string;
  newPassword: string;
}

/**
 * A new password: the signed-in account's own (it gives the current one), or, for an admin, another account's
 * (`accountId`), whose sessions then end.
 */
export function AccountPasswordModal({ accountId, title, open, onClose }: { accountId: string | null; title: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const changeOwn = useApiMutation('accounts:changePassword');
  const reset = useApiMutation('accounts:resetPassword');
  const submit = useFormSubmit(form, {
    fields: { currentPassword: 'currentPassword', newPassword: 'newPassword' },
    save: (v: Values) =>
      accountId === null
        ? changeOwn.mutateAsync({ currentPassword: v.currentPassword ?? '', newPassword: v.newPassword })
        : reset.mutateAsync({ id: accountId, newPassword: v.newPassword }),
    successMessage: () => t('accounts.passwordChanged'),
    onSaved: onClose,
  });
  return (
    <FormModal<Values> name="accountPassword" title={title} open={open} form={form} onCancel={onClose} onFinish={submit.onFinish} saving={submit.submitting} width={400}>
      {accountId === null && (
        <Form.Item name="currentPassword" label={t('accounts.currentPassword')} rules={[requiredRule(t, t('accounts.currentPassword'))]}>
          <Input.Password autoComplete="current-password" autoFocus />
        </Form.Item>
      )}
      <Form.Item name="newPassword" label={t('accounts.newPassword')} rules={[requiredRule(t, t('accounts.newPassword')), { min: 8, message: t('accounts.passwordTooShort', { min: 8 }) }]}>
        <Input.Password autoComplete="new-password" autoFocus={accountId !== null} />
      </Form.Item>
    </FormModal>
  );
}
