import { CloudDownloadOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Table, Typography, type TableProps } from 'antd';
import type { BackupFile } from '../../../shared/api/system.contract.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function BackupsCard() {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const backups = useApiQuery('system:listBackups', {});
  const backup = useApiMutation('system:backup');
  const restore = useApiMutation('system:restore');

  const backupNow = () =>
    backup.mutate({}, { onSuccess: (f) => void message.success(t('settings.backedUp', { file: fileName(f.file) })), onError: (e) => void message.error(e.message) });

  const confirmRestore = (b: BackupFile) =>
    modal.confirm({
      title: t('settings.restoreTitle'),
      content: (
        <>
          <Typography.Paragraph>{t('settings.restoreBody', { file: fileName(b.file), at: formatInstant(b.createdAt, true) })}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">{t('settings.restoreSafety')}</Typography.Paragraph>
        </>
      ),
      okText: t('settings.restore'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true },
      onOk: () =>
        restore
          .mutateAsync({ file: b.file })
          .then((r) => void message.success(t('settings.restored', { file: fileName(r.safetyBackup) }), 6))
          .catch((e: Error) => void message.error(e.message)),
    });

  const columns: TableProps<BackupFile>['columns'] = [
    { key: 'at', title: t('settings.backupAt'), width: 170, render: (_, b) => formatInstant(b.createdAt, true) },
    {
      key: 'file',
      title: t('settings.backupFile'),
      ellipsis: true,
      render: (_, b) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: b.file }}>
          {fileName(b.file)}
        </Typography.Text>
      ),
    },
    { key: 'size', title: t('settings.backupSize'), width: 100, align: 'right', render: (_, b) => formatSize(b.sizeBytes) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, b) => (
        <Button size="small" icon={<CloudDownloadOutlined />} onClick={() => confirmRestore(b)}>
          {t('settings.restore')}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={<><HistoryOutlined /> {t('settings.backups')}</>}
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={backup.isPending} onClick={backupNow}>
          {t('settings.backupNow')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ padding: '12px 16px 0', marginBottom: 8 }}>
        {t('settings.backupsHint')}
      </Typography.Paragraph>
      <Table<BackupFile>
        rowKey="file"
        size="middle"
        columns={columns}
        dataSource={backups.data?.items ?? []}
        loading={backups.isPending}
        pagination={(backups.data?.total ?? 0) > 10 ? { pageSize: 10 } : false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.noBackups')} /> }}
      />
    </Card>
  );
}
