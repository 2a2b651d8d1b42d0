import { App } from 'antd';
import type { Contract } from '../../../shared/api/contracts.contract.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/**
 * 取消关联 / 不是续约 on a term that renews an earlier one, after a confirmation: the earlier term is undecided
 * again and the pair is never linked again, even by a re-import.
 */
export function useUnlinkContract() {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const unlink = useApiMutation('renewals:unlink', {
    onSuccess: () => void message.success(t('contract.unlinked')),
    onError: (e) => void message.error(e.message),
  });
  return (c: Pick<Contract, 'id' | 'number'>, previous: string, reason: 'unlink' | 'notRenewal') => {
    const title = t(reason === 'unlink' ? 'contract.unlink' : 'contract.notRenewal');
    modal.confirm({
      title,
      content: t(reason === 'unlink' ? 'contract.unlinkConfirm' : 'contract.notRenewalConfirm', { number: c.number, previous }),
      okText: title,
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () => unlink.mutateAsync({ contractId: c.id, reason }),
    });
  };
}
