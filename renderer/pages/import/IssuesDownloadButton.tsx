import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { invoke } from '../../api/invoke.ts';
import { saveExport } from '../../components/export/downloadExport.ts';
import { useExportRunner } from '../../components/export/useExportRunner.ts';
import { useI18n } from '../../i18n/useI18n.ts';

/** Every rejection, warning and repeat of an import as one CSV: the report on screen lists the first 1000 of each. */
export function IssuesDownloadButton({ reportId }: { reportId: string }) {
  const { t } = useI18n();
  const { busy, run } = useExportRunner();
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => run(async () => saveExport(await invoke('import:issues', { reportId })))}>
      {t('report.downloadIssues')}
    </Button>
  );
}
