import { Alert, Flex, Radio, Select, Table, Tag, Typography } from 'antd';
import type { ImportPreview } from '../../../shared/api/import.contract.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { IMPORT_KINDS, REQUIRED_FIELDS, type ImportKind } from '../../../shared/importExport/importFields.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { columnOptions, fieldLabel, IGNORE, KIND_LABELS } from './importLabels.ts';

interface Props {
  preview: ImportPreview;
  kind: ImportKind;
  columns: (string | null)[];
  onKind: (kind: ImportKind) => void;
  onColumns: (columns: (string | null)[]) => void;
}

/** Step 3: which field each column fills. Proposed from the headers (or the mapping saved last time). */
export function MappingStep({ preview, kind, columns, onKind, onColumns }: Props) {
  const { t } = useI18n();
  const missing = REQUIRED_FIELDS[kind].filter((f) => !columns.includes(f));
  const sample = (i: number) =>
    joinWith(
      t,
      'common.enumeration',
      preview.sampleRows
        .map((r) => r.cells[i] ?? '')
        .filter((v) => v.trim() !== '')
        .slice(0, 3),
    );
  const rows = preview.headers.map((header, index) => ({ index, header }));
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={12} wrap>
        <Typography.Text id="import-kind-label">{t('common.labelled', { label: t('import.importAs') })}</Typography.Text>
        <Radio.Group
          aria-labelledby="import-kind-label"
          value={kind}
          onChange={(e) => onKind(IMPORT_KINDS.find((k) => k === e.target.value) ?? kind)}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: t(KIND_LABELS[k]) }))}
          optionType="button"
        />
        {preview.presetApplied ? <Tag color="blue">{t('import.presetApplied')}</Tag> : null}
      </Flex>
      {missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.stillNeeded', { fields: joinWith(t, 'common.enumeration', missing.map((f) => fieldLabel(t, f))) })}
        />
      ) : null}
      <Table
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('import.colHeader'),
            dataIndex: 'header',
            key: 'header',
            width: 200,
            render: (h: string, r) => h || t('import.noHeader', { n: r.index + 1 }),
          },
          {
            title: t('import.colSample'),
            key: 'sample',
            ellipsis: true,
            render: (_: unknown, r) => <Typography.Text type="secondary">{sample(r.index)}</Typography.Text>,
          },
          {
            title: t('import.colTarget'),
            key: 'target',
            width: 260,
            render: (_: unknown, r) => (
              <Select
                aria-label={t('import.targetOf', { header: r.header || t('import.columnN', { n: r.index + 1 }) })}
                style={{ width: 240 }}
                value={columns[r.index] ?? IGNORE}
                options={columnOptions(t, kind, r.header)}
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
