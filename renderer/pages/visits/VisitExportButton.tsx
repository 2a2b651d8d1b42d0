import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { invoke } from '../../api/invoke.ts';
import { saveExport } from '../../components/export/downloadExport.ts';
import { useExportRunner } from '../../components/export/useExportRunner.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** 导出: the year's visit plan (CSV or Excel) or the key customers' annual reviews (Excel). */
export function VisitExportButton({ year }: { year: number }) {
  const { t } = useI18n();
  const { busy, run, headers } = useExportRunner();
  const exportOf = async (key: string) =>
    saveExport(
      key === 'review'
        ? await invoke('export:keyReview', { year, format: 'xlsx', headers })
        : await invoke('export:visits', { year, format: key === 'xlsx' ? 'xlsx' : 'csv', headers }),
    );
  const items = [
    { key: 'csv', label: t('visits.export.planCsv') },
    { key: 'xlsx', label: t('visits.export.planXlsx') },
    { key: 'review', label: t('visits.export.reviewXlsx') },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run(() => exportOf(key)) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy} className="no-print">
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
