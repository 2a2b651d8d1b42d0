import { InboxOutlined } from '@ant-design/icons';
import { Alert, Progress, Typography, Upload } from 'antd';

interface Props {
  uploading: { name: string; sent: number; size: number } | null;
  error: string | null;
  onFile: (file: File) => void;
}

/** Step 1: choose the sheet. Nothing is written yet; the file is only copied to the app. */
export function FileStep({ uploading, error, onFile }: Props) {
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
        <p className="ant-upload-text">点击或拖入要导入的文件</p>
        <p className="ant-upload-hint">支持 CSV / TSV（UTF-8、GBK 均可）和 Excel .xlsx。旧版 .xls 请先在 Excel 或 WPS 中另存为 .xlsx。</p>
      </Upload.Dragger>
      {uploading ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Text>正在读取「{uploading.name}」…</Typography.Text>
          <Progress percent={uploading.size === 0 ? 100 : Math.round((uploading.sent / uploading.size) * 100)} />
        </div>
      ) : null}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} /> : null}
    </>
  );
}
