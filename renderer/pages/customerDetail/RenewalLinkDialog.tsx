import { App, Button, Modal, Space, Typography } from 'antd';
import type { RenewalLinkSuggestion } from '../../../shared/api/renewals.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  /** The link the chain rule offers for a contract just entered or re-dated; null: closed. */
  suggestion: RenewalLinkSuggestion | null;
  onClose: () => void;
}

/**
 * 关联为续约？ after the contract form saves: 关联 links the pair, 不是续约 vetoes it for good (a re-import will
 * not link it either), 稍后 (or closing) leaves both terms as they are. Nothing is linked without the click.
 */
export function RenewalLinkDialog({ suggestion, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const number = suggestion?.number ?? '';
  const link = useApiMutation('renewals:link', {
    onSuccess: () => void message.success(t('contract.linked', { number })),
    onError: (e) => void message.error(e.message),
  });
  const veto = useApiMutation('renewals:vetoLink', {
    onSuccess: () => void message.success(t('contract.linkVetoed', { number })),
    onError: (e) => void message.error(e.message),
  });
  const busy = link.isPending || veto.isPending;
  const pair = suggestion ? { earlierId: suggestion.earlierId, laterId: suggestion.laterId } : null;
  const run = (mutate: (p: { earlierId: string; laterId: string }) => Promise<unknown>) => () => {
    if (!pair) return;
    // Closes whatever the answer: a refusal is told in a toast, and the contracts card shows the outcome.
    void mutate(pair)
      .catch(() => undefined)
      .finally(onClose);
  };

  return (
    <Modal
      open={suggestion !== null}
      title={t('contract.linkTitle')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose} disabled={busy}>
            {t('contract.linkLater')}
          </Button>
          <Button danger onClick={run(veto.mutateAsync)} loading={veto.isPending} disabled={busy}>
            {t('contract.notRenewal')}
          </Button>
          <Button type="primary" onClick={run(link.mutateAsync)} loading={link.isPending} disabled={busy}>
            {t('contract.linkApply')}
          </Button>
        </Space>
      }
    >
      {suggestion ? (
        <Space direction="vertical" size={8}>
          <Typography.Text>
            {t('contract.linkQuestion', {
              number: suggestion.number,
              service: suggestion.service ?? t('contract.linkNoService'),
              endsOn: suggestion.endsOn ?? '—',
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('contract.linkDetails', {
              number: suggestion.number,
              starts: suggestion.startsOn ?? '—',
              ends: suggestion.endsOn ?? '—',
              amount: formatMoney(suggestion.amountFen, suggestion.currency),
            })}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('contract.linkRule')}
          </Typography.Text>
        </Space>
      ) : null}
    </Modal>
  );
}
