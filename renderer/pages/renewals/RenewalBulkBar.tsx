import { DownOutlined } from '@ant-design/icons';
import { Alert, App, Button, Dropdown, Flex, Form, Modal, Typography } from 'antd';
import { useState } from 'react';
import type { ApiInput, ApiOutput } from '../../../shared/api/apiContract.ts';
import type { BulkRefusal } from '../../../shared/api/renewals.contract.ts';
import { labelOf, renewalStageLabels } from '../../../shared/i18n/enumLabels.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { renderMessage } from '../../../shared/i18n/message.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiMutation } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { LostReasonFields } from './LostReasonFields.tsx';

// Mirrors the contract's BULK_STAGES without importing it at runtime, which would pull zod into the bundle.
const BULK_STAGES = ['pending', 'contacted', 'negotiating'] as const;
const UNDO_SECONDS = 20;

type BulkInput = ApiInput<'renewals:bulk'>;
type Dialog = 'lost' | 'owner' | null;

function refusalLine(t: Translate, r: BulkRefusal): string {
  return t('renewals.bulkRefusedItem', { customer: r.customerName, contractNo: r.contractNo, reason: renderMessage(t, { key: r.key, params: r.params }) });
}

/** Says how a bulk call went: "已处理 N 项 · 撤销", and each refused row with its reason. */
function useBulkOutcome(onDone: () => void) {
  const { t } = useI18n();
  const { notification, message } = App.useApp();
  const undo = async (undoToken: string, key: string) => {
    try {
      const undone = await invoke('renewals:undoBulk', { undoToken });
      notification.destroy(key);
      void message.success(t('renewals.bulkUndone', { n: undone.entries }));
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (result: ApiOutput<'renewals:bulk'>) => {
    onDone();
    const key = `bulk-${result.undoToken ?? Date.now()}`;
    const refused = result.refused.length > 0 ? (
      <Flex vertical gap={2}>
        <Typography.Text type="warning">{t('renewals.bulkRefused', { n: result.refused.length })}</Typography.Text>
        {result.refused.slice(0, 8).map((r) => (
          <Typography.Text key={r.contractId} type="secondary" style={{ fontSize: 12 }}>
            {refusalLine(t, r)}
          </Typography.Text>
        ))}
      </Flex>
    ) : null;
    const open = result.done > 0 ? notification.success : notification.warning;
    open({
      key,
      title: result.done > 0 ? t('renewals.bulkDone', { n: result.done }) : t('renewals.bulkNothing'),
      description: refused,
      duration: UNDO_SECONDS,
      showProgress: true,
      pauseOnHover: true,
      actions: result.undoToken ? (
        <Button type="primary" size="small" onClick={() => void undo(result.undoToken!, key)}>
          {t('renewals.bulkUndo')}
        </Button>
      ) : undefined,
    });
  };
}

interface LostValues {
  lostReason: string;
  lostNote?: string;
}

/** The bar over the 续约 table once rows are selected: the bulk actions for the selected contracts. */
export function RenewalBulkBar({ selected, onDone }: { selected: string[]; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { modal, message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [lostForm] = Form.useForm<LostValues>();
  const report = useBulkOutcome(onDone);
  const bulk = useApiMutation('renewals:bulk', { onSuccess: report, onError: (e) => void message.error(e.message) });
  const n = selected.length;
  const run = (input: Omit<BulkInput, 'contractIds'>) => bulk.mutate({ ...input, contractIds: selected }, { onSuccess: () => setDialog(null) });
  const confirmThen = (content: string, okText: string, input: Omit<BulkInput, 'contractIds'>, danger = false) =>
    modal.confirm({ title: okText, content, okText, cancelText: t('common.cancel'), okButtonProps: { danger }, onOk: () => run(input) });

  if (n === 0) return null;
  return (
    <>
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={
          <Flex gap={8} wrap align="center" role="toolbar" aria-label={t('renewals.selected', { n })}>
            <Typography.Text strong>{t('renewals.selected', { n })}</Typography.Text>
            <Dropdown
              menu={{
                items: BULK_STAGES.map((s) => ({ key: s, label: labelOf(renewalStageLabels, s, locale) })),
                onClick: ({ key }) => run({ action: 'stage', stage: key as (typeof BULK_STAGES)[number] }),
              }}
            >
              <Button size="small" loading={bulk.isPending}>
                {t('renewals.bulkStage')} <DownOutlined />
              </Button>
            </Dropdown>
            <Button size="small" danger onClick={() => setDialog('lost')}>
              {t('renewals.bulkLost')}
            </Button>
            <Button size="small" onClick={() => setDialog('owner')}>
              {t('renewals.bulkOwner')}
            </Button>
            <Button size="small" onClick={() => confirmThen(t('renewals.bulkRenewConfirm', { n }), t('renewals.bulkRenew'), { action: 'renew' })}>
              {t('renewals.bulkRenew')}
            </Button>
            <Button size="small" onClick={() => confirmThen(t('renewals.bulkArchiveConfirm', { n }), t('renewals.bulkArchive'), { action: 'archive' }, true)}>
              {t('renewals.bulkArchive')}
            </Button>
            <Button size="small" type="link" onClick={onDone}>
              {t('renewals.clearSelection')}
            </Button>
          </Flex>
        }
      />
      <Modal
        open={dialog === 'lost'}
        title={t('renewals.bulkLostTitle', { n })}
        okText={t('lost.action')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: bulk.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => void lostForm.validateFields().then((v) => run({ action: 'lost', lostReason: v.lostReason, lostNote: v.lostNote || null }))}
        destroyOnHidden
      >
        <Form form={lostForm} name="bulkLost" layout="vertical" clearOnDestroy>
          <LostReasonFields enabled={dialog === 'lost'} />
        </Form>
      </Modal>
      <Modal
        open={dialog === 'owner'}
        title={t('renewals.bulkOwnerTitle', { n })}
        okText={t('renewals.bulkOwner')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: ownerId === null, loading: bulk.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => run({ action: 'owner', ownerId })}
        destroyOnHidden
      >
        <OwnerSelect value={ownerId} onChange={setOwnerId} aria-label={t('renewals.bulkOwnerLabel')} style={{ width: '100%' }} />
      </Modal>
    </>
  );
}
