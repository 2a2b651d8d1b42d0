import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useState } from 'react';
import type { ApiInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { errorMessageOf } from '../../api/ApiCallError.ts';
import { invoke } from '../../api/invoke.ts';
import { saveExport } from './downloadExport.ts';

type Filters = Omit<ApiInput<'export:renewals'>, 'out' | 'format' | 'headers'>;

/** 导出 on the 续约 page: the list as filtered there (every page), or the whole renewal sheet. */
export function RenewalExportButton({ filters }: { filters: Filters }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (key: string) => {
    setBusy(true);
    try {
      let r: ExportResult;
      if (key === 'sheet') r = await invoke('export:contracts', { format: 'xlsx' });
      else r = await invoke('export:renewals', { ...filters, format: key === 'xlsx' ? 'xlsx' : 'csv' });
      saveExport(r);
      void message.success(`已导出 ${r.rows} 行：${r.fileName}`);
    } catch (e) {
      void message.error(`导出失败：${errorMessageOf(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const items = [
    { key: 'csv', label: '当前续约列表（CSV）' },
    { key: 'xlsx', label: '当前续约列表（Excel）' },
    { key: 'sheet', label: '全部合同续费表（Excel，可再导入）' },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => void run(key) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy}>
        导出
      </Button>
    </Dropdown>
  );
}
