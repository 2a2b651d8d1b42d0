import { Alert, Flex, Radio, Select, Table, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { IMPORT_KINDS, REQUIRED_FIELDS, FIELD_HEADERS, type ImportKind } from '../../../shared/importExport/importFields.ts';
import { columnOptions, IGNORE, KIND_LABELS } from './importLabels.ts';

interface Props {
  preview: ImportPreview;
  kind: ImportKind;
  columns: (string | null)[];
  onKind: (kind: ImportKind) => void;
  onColumns: (columns: (string | null)[]) => void;
}

/** Step 3: which field each column fills. Proposed from the headers (or the mapping saved last time). */
export function MappingStep({ preview, kind, columns, onKind, onColumns }: Props) {
  const missing = REQUIRED_FIELDS[kind].filter((f) => !columns.includes(f));
  const sample = (i: number) =>
    preview.sampleRows
      .map((r) => r.cells[i] ?? '')
      .filter((v) => v.trim() !== '')
      .slice(0, 3)
      .join('、');
  const rows = preview.headers.map((header, index) => ({ index, header }));
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text>导入为：</Typography.Text>
        <Radio.Group
          value={kind}
          onChange={(e) => onKind(e.target.value as ImportKind)}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          optionType="button"
        />
        {preview.presetApplied ? <Tag color="blue">已套用上次为这种表头保存的对应关系</Tag> : null}
      </Flex>
      {missing.length > 0 ? (
        <Alert type="warning" showIcon title={`还需要指定：${missing.map((f) => FIELD_HEADERS[f].zh).join('、')}`} />
      ) : null}
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '文件中的列', dataIndex: 'header', key: 'header', width: 200, render: (h: string, r) => h || `（第 ${r.index + 1} 列，无表头）` },
          { title: '示例', key: 'sample', ellipsis: true, render: (_: unknown, r) => <Typography.Text type="secondary">{sample(r.index)}</Typography.Text> },
          {
            title: '导入到',
            key: 'target',
            width: 260,
            render: (_: unknown, r) => (
              <Select
                aria-label={`「${r.header || `第 ${r.index + 1} 列`}」导入到`}
                style={{ width: 240 }}
                value={columns[r.index] ?? IGNORE}
                options={columnOptions(kind, r.header)}
                onChange={(v: string) => {
                  const next = [...columns];
                  next[r.index] = v === IGNORE ? null : v;
                  onColumns(next);
                }}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
