import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ApiInput } from '../../../shared/api/apiContract.ts';
import { invoke } from '../../api/invoke.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { saveExport } from './downloadExport.ts';
import { useExportRunner } from './useExportRunner.ts';

type Report = Omit<ApiInput<'export:report'>, 'format' | 'headers' | 'list'>;
type List = NonNullable<ApiInput<'export:report'>['list']>;

/**
 * 导出 on the 报表 page: the period's figures (grouped as shown), or the period's terms of the open tab (the whole
 * period: the export takes no owner, tier or cycle filter), as CSV or .xlsx.
 */
export function ReportExportButton({ report, list, listName }: { report: Report; list: List; listName: string }) {
  const { t } = useI18n();
  const { busy, run, headers } = useExportRunner();
  const exportOf = async (key: string) => {
    const format = key.endsWith('xlsx') ? ('xlsx' as const) : ('csv' as const);
    const r = await invoke('export:report', { ...report, ...(key.startsWith('list') ? { list } : {}), format, headers });
    return saveExport(r);
  };
  const items = [
    { key: 'figures-csv', label: t('reports.exportFiguresCsv') },
    { key: 'figures-xlsx', label: t('reports.exportFiguresXlsx') },
    { key: 'list-csv', label: t('reports.exportListCsv', { outcome: listName }) },
    { key: 'list-xlsx', label: t('reports.exportListXlsx', { outcome: listName }) },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run(() => exportOf(key)) }} trigger={['click']}>
      <Button className="no-print" icon={<DownloadOutlined />} loading={busy}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
