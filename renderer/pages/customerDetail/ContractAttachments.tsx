import { DeleteOutlined, InboxOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Typography, Upload, type TableProps } from 'antd';
import { useState } from 'react';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../../shared/api/attachments.contract.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { formatInstant } from '../../format/dates.ts';
import { formatSize } from '../../format/formatSize.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { uploadFile } from '../import/uploadFile.ts';
import { downloadAttachment, openAttachment } from './openAttachment.ts';

const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.heif,application/pdf,image/jpeg,image/png,image/webp,image/heic,image/heif';

/** A contract's 附件: the list, add (file picker or drop), open, and remove with confirmation and 撤销. */
export function ContractAttachments({ contractId, contractNo }: { contractId: string; contractNo: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const list = useApiQuery('contracts:attachmentsList', { contractId });
  const [uploading, setUploading] = useState<string | null>(null);

  const offerUndo = useUndoNotice('contracts:attachmentsUndo', { undo: 'attachments.undo', undone: 'attachments.undone' });

  const add = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('attachmentErrors.tooLarge', { name: file.name, maxMb: MAX_MB }));
      return;
    }
    setUploading(file.name);
    try {
      const uploadId = await uploadFile(file, () => {}, t('attachments.readFailed'));
      const added = await invoke('contracts:attachmentsAdd', { contractId, uploadId });
      offerUndo(t('attachments.added', { name: added.attachment.fileName }), added.undoToken);
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setUploading(null);
    }
  };

  const remove = async (a: Attachment) => {
    try {
      const removed = await invoke('contracts:attachmentsRemove', { id: a.id });
      offerUndo(t('attachments.removed', { name: removed.fileName }), removed.undoToken);
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const open = (a: Attachment) => void openAttachment(a.id, t('attachments.openFailed')).catch((e: Error) => void message.error(e.message));
  const download = (a: Attachment) => void downloadAttachment(a.id).catch((e: Error) => void message.error(e.message));

  const columns: TableProps<Attachment>['columns'] = [
    {
      key: 'name',
      title: t('attachments.column.name'),
      render: (_, a) => (
        <Button type="link" size="small" icon={<PaperClipOutlined />} onClick={() => open(a)} style={{ paddingInline: 0 }}>
          {a.fileName}
        </Button>
      ),
    },
    { key: 'size', title: t('attachments.column.size'), width: 100, align: 'right', render: (_, a) => formatSize(a.sizeBytes) },
    { key: 'addedAt', title: t('attachments.column.addedAt'), width: 170, render: (_, a) => formatInstant(a.createdAt, true) },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 180,
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => open(a)}>
            {t('attachments.open')}
          </Button>
          <Button type="link" size="small" onClick={() => download(a)}>
            {t('attachments.download')}
          </Button>
          <Popconfirm
            title={t('attachments.removeConfirm', { name: a.fileName })}
            okText={t('attachments.remove')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => void remove(a)}
          >
            <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('attachments.remove')} ${a.fileName}`} />
          </Popconfirm>
        </Space>
      ),
    },
  ];

  const items = list.data?.items ?? [];
  return (
    <section aria-label={`${t('attachments.title')} ${contractNo}`}>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('attachments.title')}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('attachments.hint', { maxMb: MAX_MB })}
        </Typography.Text>
        {items.length > 0 ? (
          <Table<Attachment> rowKey="id" size="small" columns={columns} dataSource={items} pagination={false} />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.empty')} style={{ marginBlock: 4 }} />
        )}
        <Upload.Dragger
          accept={ACCEPT}
          multiple
          showUploadList={false}
          disabled={uploading !== null}
          beforeUpload={(file) => {
            void add(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
            <InboxOutlined />
          </p>
          <Typography.Text>{uploading ? t('attachments.uploading', { name: uploading }) : t('attachments.drop')}</Typography.Text>
        </Upload.Dragger>
      </Flex>
    </section>
  );
}
