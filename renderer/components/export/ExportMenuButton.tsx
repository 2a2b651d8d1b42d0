import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { downloadExport, type ExportKind } from './downloadExport.ts';

const ITEMS: { key: string; label: string; kind: ExportKind; format: 'csv' | 'xlsx' }[] = [
  { key: 'contracts-csv', label: '合同续费表（CSV）', kind: 'contracts', format: 'csv' },
  { key: 'contracts-xlsx', label: '合同续费表（Excel）', kind: 'contracts', format: 'xlsx' },
  { key: 'customers-csv', label: '客户（CSV）', kind: 'customers', format: 'csv' },
  { key: 'customers-xlsx', label: '客户（Excel）', kind: 'customers', format: 'xlsx' },
  { key: 'followups-csv', label: '跟进记录（CSV）', kind: 'followups', format: 'csv' },
];

/** 导出: the renewal sheet, customers or follow-ups, as CSV (UTF-8 with BOM, opens in Excel/WPS) or .xlsx. */
export function ExportMenuButton() {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const items = ITEMS;
  const run = async (key: string) => {
    const item = items.find((i) => i.key === key);
    if (!item) return;
    setBusy(true);
    try {
      const r = await downloadExport(item.kind, item.format);
      void message.success(`已导出 ${r.rows} 行：${r.fileName}`);
    } catch (e) {
      void message.error(`导出失败：${errorMessageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown menu={{ items: items.map(({ key, label }) => ({ key, label })), onClick: ({ key }) => void run(key) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy}>
        导出
      </Button>
    </Dropdown>
  );
}
