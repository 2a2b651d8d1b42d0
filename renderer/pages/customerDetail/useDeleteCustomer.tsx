import { App, Button } from 'antd';
import { useNavigate } from 'react-router';
import { invoke } from '../../api/invoke.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const UNDO_SECONDS = 12;

/**
 * Deletes a customer (with its contacts, contracts and follow-ups) and offers "撤销" for a while; the
 * undo token brings the whole batch back.
 */
export function useDeleteCustomer() {
  const { t } = useI18n();
  const { notification, message } = App.useApp();
  const navigate = useNavigate();
  const remove = useApiMutation('customers:delete');

  // The page that asked for the delete is gone by the time "撤销" is clicked, so the undo is a plain call
  // rather than a mutation tied to that page's lifetime.
  const undoDelete = async (undoToken: string, key: string) => {
    try {
      const customer = await invoke('customers:undoDelete', { undoToken });
      notification.destroy(key);
      message.success(t('customer.restored', { name: customer.name }));
      void navigate(`/customers/${customer.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const deleteCustomer = (id: string) =>
    remove.mutate(
      { id },
      {
        onSuccess: ({ undoToken, name }) => {
          const key = `deleted-${undoToken}`;
          void navigate('/customers');
          notification.success({
            key,
            title: t('customer.deleted', { name }),
            description: t('customer.deletedHint'),
            duration: UNDO_SECONDS,
            showProgress: true,
            pauseOnHover: true,
            actions: (
              <Button type="primary" size="small" onClick={() => void undoDelete(undoToken, key)}>
                {t('common.undo')}
              </Button>
            ),
          });
        },
        onError: (e) => void message.error(e.message),
      },
    );

  return { deleteCustomer, deleting: remove.isPending };
}
