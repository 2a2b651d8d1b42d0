import { CloudDownloadOutlined, FileExcelOutlined, HistoryOutlined, LockOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { BackupFile } from '../../../shared/api/system.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { saveExport } from '../../components/export/downloadExport.ts';
import { useExportRunner } from '../../components/export/useExportRunner.ts';
import { formatInstant } from '../../format/dates.ts';
import { formatSize } from '../../format/formatSize.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { backupReasonLabel } from './backupReasonLabel.ts';
import { ExportEncryptedModal } from './ExportEncryptedModal.tsx';
import { RestoreFromFileModal } from './RestoreFromFileModal.tsx';

/** 设置 → 备份与恢复: the list (restore by name), back up now, restore from a file, the encrypted and Excel exports. */
export function BackupsCard() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const backups = useApiQuery('system:listBackups', {});
  const backup = useApiMutation('system:backup');
  const restore = useApiMutation('system:restore');
  const archive = useExportRunner();
  const [dialog, setDialog] = useState<'fromFile' | 'encrypted' | null>(null);

  const backupNow = () =>
    backup.mutate({}, { onSuccess: (b) => void message.success(t('backups.backedUp', { name: b.name })), onError: (e) => void message.error(errorMessageOf(e, t)) });

  const confirmRestore = (b: BackupFile) =>
    modal.confirm({
      title: t('backups.restoreTitle'),
      width: 520,
      content: (
        <>
          <Typography.Paragraph>{t('backups.restoreBody', { at: formatInstant(b.createdAt, true), reason: backupReasonLabel(b.reason, t) })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('backups.restoreSafety')}</Typography.Paragraph>
          <Typography.Text type="secondary" code>
            {b.name}
          </Typography.Text>
        </>
      ),
      okText: t('backups.restore'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      // Returning the promise keeps the dialog open, its button spinning, until the restore is done.
      onOk: () =>
        restore
          .mutateAsync({ name: b.name })
          .then((r) => void message.success(t('backups.restored', { name: r.safetyBackup }), 6))
          .catch((e: unknown) => void message.error(t('backups.restoreFailed', { error: errorMessageOf(e, t) }), 8)),
    });

  const exportArchive = () =>
    archive.run(async () => saveExport(await invoke('export:archive', { headers: archive.headers })));

  const columns: TableProps<BackupFile>['columns'] = [
    {
      key: 'at',
      title: t('backups.takenAt'),
      width: 160,
      render: (_, b) => (
        <Typography.Text title={b.name} style={{ whiteSpace: 'nowrap' }}>
          {formatInstant(b.createdAt, true)}
        </Typography.Text>
      ),
    },
    { key: 'reason', title: t('backups.reason'), render: (_, b) => <Tag>{backupReasonLabel(b.reason, t)}</Tag> },
    { key: 'size', title: t('backups.size'), width: 100, align: 'right', render: (_, b) => formatSize(b.sizeBytes) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, b) => (
        <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => confirmRestore(b)}>
          {t('backups.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<><HistoryOutlined /> {t('backups.title')}</>}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={backup.isPending} onClick={backupNow}>
          {t('backups.backupNow')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <div style={{ padding: '12px 16px' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {t('backups.hint')}
        </Typography.Paragraph>
        <Space wrap>
          <Button icon={<UploadOutlined />} onClick={() => setDialog('fromFile')}>
            {t('backups.fromFile')}
          </Button>
          <Button icon={<LockOutlined />} onClick={() => setDialog('encrypted')}>
            {t('backups.exportEncrypted')}
          </Button>
          <Button icon={<FileExcelOutlined />} loading={archive.busy} onClick={exportArchive}>
            {t('backups.exportArchive')}
          </Button>
        </Space>
      </div>
      {backups.isError ? (
        <div style={{ padding: '0 16px 16px' }}>
          <QueryErrorAlert error={backups.error} onRetry={() => void backups.refetch()} />
        </div>
      ) : (
        <Table<BackupFile>
          rowKey="name"
          size="middle"
          columns={columns}
          dataSource={backups.data?.items ?? []}
          loading={backups.isPending}
          pagination={(backups.data?.total ?? 0) > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('backups.empty')} /> }}
        />
      )}
      <RestoreFromFileModal open={dialog === 'fromFile'} onClose={() => setDialog(null)} />
      <ExportEncryptedModal open={dialog === 'encrypted'} onClose={() => setDialog(null)} />
    </Card>
  );
}
