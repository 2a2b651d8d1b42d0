import { Alert, App, Button, Form, Modal, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { TierItem } from '../../../../shared/api/tierTable.contract.ts';
import { invoke } from '../../../api/invoke.ts';
import { useApiMutation } from '../../../api/useApi.ts';
import { useI18n } from '../../../i18n/useI18n.ts';
import { useTiers } from '../../../hooks/useTiers.ts';

const UNDO_SECONDS = 20;

/** Removing a custom tier asks where its customers go; the move is one batch, undone from the notice. */
export function TierRemoveModal({ tier, tiers, onClose }: { tier: TierItem | null; tiers: readonly TierItem[]; onClose: () => void }) {
  const { t } = useI18n();
  const { message, notification } = App.useApp();
  const { label } = useTiers();
  const remove = useApiMutation('tiers:remove');
  const [moveTo, setMoveTo] = useState<string>('normal');
  useEffect(() => setMoveTo('normal'), [tier]);
  if (!tier) return null;
  const name = label(tier.code);

  const undo = async (undoToken: string, key: string) => {
    try {
      await invoke('tiers:undoRemove', { undoToken });
      notification.destroy(key);
      void message.success(t('tierTable.undone'));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const confirm = () =>
    remove.mutate(
      { code: tier.code, moveTo },
      {
        onSuccess: (done) => {
          onClose();
          const key = `tier-removed-${done.undoToken}`;
          notification.success({
            key,
            title: t('tierTable.removed', { n: done.moved, to: label(moveTo) }),
            duration: UNDO_SECONDS,
            showProgress: true,
            pauseOnHover: true,
            actions: (
              <Button type="primary" size="small" onClick={() => void undo(done.undoToken, key)}>
                {t('tierTable.undo')}
              </Button>
            ),
          });
        },
        onError: (e) => void message.error(e.message),
      },
    );

  return (
    <Modal
      open
      title={t('tierTable.removeTitle', { name })}
      onCancel={onClose}
      okText={t('tierTable.removeConfirm')}
      okButtonProps={{ danger: true, loading: remove.isPending, disabled: tier.usedByRules }}
      cancelText={t('common.cancel')}
      onOk={confirm}
      destroyOnHidden
      width={460}
    >
      {tier.usedByRules ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('tierTable.usedByRules', { name })} /> : null}
      <Typography.Paragraph>{t('tierTable.removeBody', { n: tier.customers })}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('tierTable.removeMoveTo')} htmlFor="tier-move-to">
          <Select<string>
            id="tier-move-to"
            value={moveTo}
            onChange={setMoveTo}
            options={tiers.filter((x) => x.code !== tier.code).map((x) => ({ value: x.code, label: label(x.code) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
