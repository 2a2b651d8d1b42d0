import { Alert, Descriptions, Flex, Select, Table, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { ENCODING_LABELS } from './importLabels.ts';
import type { EncodingChoice } from './importWizardState.ts';

interface Props {
  preview: ImportPreview;
  encoding: EncodingChoice;
  onEncoding: (e: EncodingChoice) => void;
  onSheet: (sheet: string) => void;
  loading: boolean;
}

/** Step 2: the file as decoded, so wrong characters (乱码) show at once and the encoding can be changed. */
export function PreviewStep({ preview, encoding, onEncoding, onSheet, loading }: Props) {
  const width = Math.max(preview.headers.length, ...preview.sampleRows.map((r) => r.cells.length));
  const columns = [
    { title: '行号', dataIndex: 'line', key: 'line', width: 64, fixed: 'left' as const },
    ...Array.from({ length: width }, (_, i) => ({
      title: preview.headers[i] || `（第 ${i + 1} 列）`,
      key: String(i),
      ellipsis: true,
      render: (_: unknown, row: { cells: string[] }) => row.cells[i] ?? '',
    })),
  ];
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label="文件">{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label="格式">{preview.format === 'xlsx' ? 'Excel (.xlsx)' : `CSV（分隔符「${preview.delimiter === '\t' ? '制表符' : preview.delimiter}」）`}</Descriptions.Item>
        <Descriptions.Item label="表头所在行">第 {preview.headerLine} 行</Descriptions.Item>
      </Descriptions>
      {preview.format === 'csv' ? (
        <Flex align="center" gap={12} wrap>
          <Typography.Text>文字编码：</Typography.Text>
          <Select<EncodingChoice>
            aria-label="文字编码"
            value={encoding}
            style={{ width: 420 }}
            onChange={onEncoding}
            options={[
              { value: 'auto', label: `自动识别（${ENCODING_LABELS[preview.encodingDetected ?? ''] ?? preview.encodingDetected}）` },
              { value: 'utf8', label: ENCODING_LABELS['utf8'] },
              { value: 'gb18030', label: ENCODING_LABELS['gb18030'] },
            ]}
          />
          <Typography.Text type="secondary">如果下面的文字是乱码，请换一种编码。</Typography.Text>
        </Flex>
      ) : preview.sheets.length > 1 ? (
        <Flex align="center" gap={12}>
          <Typography.Text>工作表：</Typography.Text>
          <Select aria-label="工作表" value={preview.sheet} style={{ width: 240 }} onChange={onSheet} options={preview.sheets.map((s) => ({ value: s, label: s }))} />
        </Flex>
      ) : null}
      {preview.sampleRows.length === 0 ? <Alert type="warning" showIcon title="表头下面没有数据行" /> : null}
      <Table
        size="small"
        bordered
        loading={loading}
        rowKey="line"
        columns={columns}
        dataSource={preview.sampleRows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
      <Typography.Text type="secondary">以上是前 {preview.sampleRows.length} 行数据。</Typography.Text>
    </Flex>
  );
}
