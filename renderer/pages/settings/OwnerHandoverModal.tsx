import { App, Button, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Owner } from '../../../shared/api/owners.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

const UNDO_SECONDS = 20;

/** 负责人交接: everything `owner` holds goes to the chosen owner in one step, with 撤销交接 offered afterwards. */
export function OwnerHandoverModal(props: { owner: Owner | null; onClose: () => void }) {
  const { t } = useI18n();
  const { notification, message } = App.useApp();
  const handover = useApiMutation('hygiene:handover');
  const [to, setTo] = useState<string | null>(null);
  useEffect(() => setTo(null), [props.owner]);
  const { owner } = props;
  if (!owner) return null;

  const undo = async (undoToken: string, key: string) => {
    try {
      await invoke('hygiene:undoHandover', { undoToken });
      notification.destroy(key);
      message.success(t('handover.undone'));
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  const run = () => {
    if (!to) return;
    handover.mutate(
      { fromOwnerId: owner.id, toOwnerId: to },
      {
        onSuccess: (done) => {
          props.onClose();
          const key = `handover-${done.undoToken}`;
          notification.success({
            key,
            title: t('handover.done', { customers: done.customers, contracts: done.contracts, followUps: done.followUps }),
            duration: UNDO_SECONDS,
            showProgress: true,
            pauseOnHover: true,
            actions: (
              <Button type="primary" size="small" onClick={() => void undo(done.undoToken, key)}>
                {t('handover.undo')}
              </Button>
            ),
          });
        },
        onError: (e) => void message.error(e.message),
      },
    );
  };
  return (
    <Modal
      open
      title={t('handover.title', { name: owner.name })}
      okText={t('handover.confirm')}
      okButtonProps={{ disabled: !to || to === owner.id, loading: handover.isPending }}
      onOk={run}
      onCancel={props.onClose}
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph>{t('handover.intro', { name: owner.name })}</Typography.Paragraph>
        <OwnerSelect value={to} onChange={setTo} aria-label={t('handover.to')} placeholder={t('handover.to')} style={{ width: '100%' }} />
      </Space>
    </Modal>
  );
}
