import { Alert, App, Form, Input } from 'antd';
import { useState } from 'react';
import { MIN_PASSPHRASE_LENGTH } from '../../../shared/api/system.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { bridge } from '../../api/bridge.ts';
import { invoke } from '../../api/invoke.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  open: boolean;
  onClose: () => void;
}

interface Values {
  passphrase: string;
  repeat: string;
}

/** 导出加密备份: the passphrase twice, then the encrypted archive saved where the user says (a browser downloads). */
export function ExportEncryptedModal({ open, onClose }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const exportIt = async ({ passphrase }: Values) => {
    setBusy(true);
    try {
      const result = await invoke('system:exportEncrypted', { passphrase });
      const saved = await bridge.saveFile({ fileName: result.fileName, contentBase64: result.contentBase64 });
      // Cancelling the save dialog is the user's choice: the dialog stays, nothing to say.
      if (!saved.saved) return;
      const file = saved.path ?? result.fileName;
      if (result.attachmentsMissing > 0) void message.warning(t('backups.exportedAttachmentsMissing', { file, count: result.attachmentsMissing }), 12);
      else void message.success(t('backups.exported', { file }), 6);
      onClose();
    } catch (e) {
      void message.error(t('export.failed', { error: errorMessageOf(e, t) }), 8);
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal<Values>
      name="exportEncrypted"
      title={t('backups.exportEncryptedTitle')}
      open={open}
      form={form}
      onCancel={onClose}
      onFinish={(values) => void exportIt(values)}
      saving={busy}
      okText={busy ? t('backups.exporting') : t('backups.export')}
    >
      <Alert type="info" showIcon title={t('backups.exportEncryptedHint')} style={{ marginBottom: 16 }} />
      <Form.Item
        name="passphrase"
        label={t('backups.passphrase')}
        rules={[{ required: true, min: MIN_PASSPHRASE_LENGTH, message: t('backups.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) }]}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
      <Form.Item
        name="repeat"
        label={t('backups.passphraseRepeat')}
        dependencies={['passphrase']}
        rules={[
          { required: true, message: t('backups.passphraseMismatch') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value === getFieldValue('passphrase') ? Promise.resolve() : Promise.reject(new Error(t('backups.passphraseMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </FormModal>
  );
}
