import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Typography, Upload } from 'antd';
import { useI18n } from '../../i18n/useI18n.ts';

interface Props {
  uploading: { name: string; sent: number; size: number } | null;
  error: string | null;
  onFile: (file: File) => void;
}

/** Step 1: choose the sheet. Nothing is written yet; the file is only copied to the app. */
export function FileStep({ uploading, error, onFile }: Props) {
  const { t } = useI18n();
  return (
    <>
      <Upload.Dragger
        accept=".csv,.tsv,.txt,.xlsx"
        multiple={false}
        showUploadList={false}
        disabled={uploading !== null}
        beforeUpload={(file) => {
          onFile(file);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.drop')}</p>
        <p className="ant-upload-hint">{t('import.dropHint')}</p>
      </Upload.Dragger>
      {uploading ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>{t('import.reading', { name: uploading.name })}</Typography.Text>
          <Progress percent={uploading.size === 0 ? 100 : Math.round((uploading.sent / uploading.size) * 100)} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </>
  );
}
