import { Alert, Button, Descriptions, Flex, Select, Table, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { EncodingNotes } from './EncodingNotes.tsx';
import { encodingLabel, encodingName } from './importLabels.ts';
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
  const { t } = useI18n();
  const width = Math.max(preview.headers.length, ...preview.sampleRows.map((r) => r.cells.length));
  const columns = [
    { title: t('import.colLine'), dataIndex: 'line', key: 'line', width: 64, fixed: 'left' as const },
    ...Array.from({ length: width }, (_, i) => ({
      title: preview.headers[i] || t('import.nthColumn', { n: i + 1 }),
      key: String(i),
      ellipsis: true,
      render: (_: unknown, row: { cells: string[] }) => row.cells[i] ?? '',
    })),
  ];
  const format =
    preview.format === 'xlsx'
      ? 'Excel (.xlsx)'
      : t('import.formatCsv', { delimiter: preview.delimiter === '\t' ? t('import.tab') : (preview.delimiter ?? '') });
  return (
    <Flex vertical gap={16}>
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('import.file')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('import.format')}>{format}</Descriptions.Item>
        <Descriptions.Item label={t('import.headerLine')}>{preview.headerLine === null ? '—' : t('import.lineN', { n: preview.headerLine })}</Descriptions.Item>
      </Descriptions>
      {preview.format === 'csv' ? (
        <Flex align="center" gap={12} wrap>
          <Typography.Text>{t('common.labelled', { label: t('import.encoding') })}</Typography.Text>
          <Select<EncodingChoice>
            aria-label={t('import.encoding')}
            value={encoding}
            style={{ width: 420 }}
            onChange={onEncoding}
            options={[
              { value: 'auto', label: t('import.encodingAuto', { detected: encodingLabel(t, preview.encodingDetected) }) },
              { value: 'utf8', label: encodingLabel(t, 'utf8') },
              { value: 'gb18030', label: encodingLabel(t, 'gb18030') },
            ]}
          />
          {preview.otherEncoding ? (
            <Button type={preview.encodingSuggestion ? 'primary' : 'default'} onClick={() => preview.otherEncoding && onEncoding(preview.otherEncoding)}>
              {t('encoding.readAs', { encoding: encodingName(preview.otherEncoding) })}
            </Button>
          ) : null}
          <Typography.Text type="secondary">{t('import.garbledHint')}</Typography.Text>
        </Flex>
      ) : preview.sheets.length > 1 ? (
        <Flex align="center" gap={12}>
          <Typography.Text>{t('common.labelled', { label: t('import.sheet') })}</Typography.Text>
          <Select
            aria-label={t('import.sheet')}
            value={preview.sheet}
            style={{ width: 240 }}
            onChange={onSheet}
            options={preview.sheets.map((s) => ({ value: s, label: s }))}
          />
        </Flex>
      ) : null}
      <EncodingNotes preview={preview} />
      {preview.sampleRows.length === 0 ? <Alert type="warning" showIcon title={t('import.noDataRows')} /> : null}
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
      <Typography.Text type="secondary">{t('import.firstRows', { n: preview.sampleRows.length })}</Typography.Text>
    </Flex>
  );
}
