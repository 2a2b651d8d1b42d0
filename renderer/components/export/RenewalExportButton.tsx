import { DownloadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import type { ApiInput } from '../../../shared/api/apiContract.ts';
import { invoke } from '../../api/invoke.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { saveExport } from './downloadExport.ts';
import { useExportRunner } from './useExportRunner.ts';

type Filters = Omit<ApiInput<'export:renewals'>, 'format' | 'headers'>;

/** 导出 on the 续约 page: the list as filtered there (every page), or the whole renewal sheet. */
export function RenewalExportButton({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const { busy, run, headers } = useExportRunner();
  const exportOf = async (key: string) => {
    const r =
      key === 'sheet'
        ? await invoke('export:contracts', { format: 'xlsx', headers })
        : await invoke('export:renewals', { ...filters, format: key === 'xlsx' ? 'xlsx' : 'csv', headers });
    return saveExport(r);
  };
  const items = [
    { key: 'csv', label: t('export.renewalsCsv') },
    { key: 'xlsx', label: t('export.renewalsXlsx') },
    { key: 'sheet', label: t('export.sheet') },
  ];
  return (
    <Dropdown menu={{ items, onClick: ({ key }) => run(() => exportOf(key)) }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} loading={busy}>
        {t('export.button')}
      </Button>
    </Dropdown>
  );
}
