import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Form, Input, Modal, Progress, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiCallError, errorMessageOf } from '../../api/ApiCallError.ts';
import { invoke } from '../../api/invoke.ts';
import { formatSize } from '../../format/formatSize.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { uploadFile } from '../import/uploadFile.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

type Phase = { kind: 'idle' } | { kind: 'sending'; sent: number } | { kind: 'restoring' };

/**
 * 从文件恢复: a backup from another computer or an encrypted export. The file goes up the way the import wizard
 * sends one (import:upload), then system:restoreUpload checks it, backs up the current data and swaps it in. A
 * failed attempt (a wrong passphrase) keeps the dialog open with the file chosen, to try again.
 */
export function RestoreFromFileModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const busy = phase.kind !== 'idle';

  const reset = () => {
    setFile(null);
    setPassphrase('');
    setPhase({ kind: 'idle' });
    setError(null);
  };

  const restore = async () => {
    if (!file) return;
    setError(null);
    try {
      setPhase({ kind: 'sending', sent: 0 });
      const uploadId = await uploadFile(file, (sent) => setPhase({ kind: 'sending', sent }), t('import.readFailed'));
      setPhase({ kind: 'restoring' });
      const result = await invoke('system:restoreUpload', { uploadId, ...(passphrase === '' ? {} : { passphrase }) });
      if (result.attachmentsMissing > 0) {
        void message.warning(t('backups.restoredAttachmentsMissing', { name: result.safetyBackup, count: result.attachmentsMissing }), 12);
      } else void message.success(t('backups.restored', { name: result.safetyBackup }), 6);
      reset();
      onClose();
    } catch (e) {
      setError({ text: errorMessageOf(e, t), field: e instanceof ApiCallError ? e.field : null });
      setPhase({ kind: 'idle' });
    }
  };

  const passphraseError = error?.field === 'passphrase' ? error.text : null;
  return (
    <Modal
      open={open}
      title={t('backups.fromFileTitle')}
      okText={t('backups.restore')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, disabled: file === null, loading: busy }}
      cancelButtonProps={{ disabled: busy }}
      closable={!busy}
      maskClosable={false}
      onOk={() => void restore()}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">{t('backups.fromFileHint')}</Typography.Paragraph>
      <Upload.Dragger
        accept=".db,.rdbackup,.sqlite,.bak"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        beforeUpload={(chosen) => {
          setFile(chosen);
          setError(null);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{file ? t('backups.chosenFile', { name: file.name, size: formatSize(file.size) }) : t('backups.chooseFile')}</p>
      </Upload.Dragger>
      <Form layout="vertical" style={{ marginTop: 16 }} onFinish={() => void restore()}>
        <Form.Item
          label={t('backups.passphrase')}
          htmlFor="restore-passphrase"
          extra={passphraseError ? undefined : t('backups.passphraseOptional')}
          validateStatus={passphraseError ? 'error' : undefined}
          help={passphraseError ?? undefined}
        >
          <Input.Password id="restore-passphrase" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} disabled={busy} autoComplete="off" />
        </Form.Item>
      </Form>
      <Alert type="warning" showIcon title={t('backups.fromFileSafety')} />
      {phase.kind === 'sending' && file ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{t('backups.sending')}</Typography.Text>
          <Progress percent={file.size === 0 ? 100 : Math.round((phase.sent / file.size) * 100)} />
        </div>
      ) : null}
      {phase.kind === 'restoring' ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{t('backups.restoring')}</Typography.Text>
          <Progress percent={100} status="active" showInfo={false} />
        </div>
      ) : null}
      {error && !passphraseError ? <Alert type="error" showIcon title={error.text} style={{ marginTop: 16 }} /> : null}
    </Modal>
  );
}
