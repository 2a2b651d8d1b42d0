import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { downloadExport, type ExportKind } from './downloadExport.ts';
import { useExportRunner } from './useExportRunner.ts';

const ITEMS: { key: string; label: MessageKey; kind: ExportKind; format: 'csv' | 'xlsx' }[] = [
  { key: 'contracts-csv', label: 'export.contractsCsv', kind: 'contracts', format: 'csv' },
  { key: 'contracts-xlsx', label: 'export.contractsXlsx', kind: 'contracts', format: 'xlsx' },
  { key: 'customers-csv', label: 'export.customersCsv', kind: 'customers', format: 'csv' },
  { key: 'customers-xlsx', label: 'export.customersXlsx', kind: 'customers', format: 'xlsx' },
  { key: 'followups-csv', label: 'export.followUpsCsv', kind: 'followups', format: 'csv' },
];

/** 导出: the renewal sheet, customers or follow-ups, as CSV (UTF-8 with BOM, opens in Excel/WPS) or .xlsx. */
export function ExportMenuButton() {
  const { t } = useI18n();
  const { busy, run, headers } = useExportRunner();
  const onPick = (key: string) => {
    const item = ITEMS.find((i) => i.key === key);
    if (item) run(() => downloadExport(item.kind, item.format, headers));
  };
  return (
    <Dropdown menu={{ items: ITEMS.map(({ key, label }) => ({ key, label: t(label) })), onClick: ({ key }) => onPick(key) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
