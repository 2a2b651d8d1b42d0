import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Dropdown, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { saveExport } from '../../components/export/downloadExport.ts';
import { useExportRunner } from '../../components/export/useExportRunner.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { CampaignsTab } from './CampaignsTab.tsx';
import { DimensionsTab } from './DimensionsTab.tsx';
import { ResultsTab } from './ResultsTab.tsx';
import { SurveyFormModal } from './SurveyFormModal.tsx';
import { SurveyListTab } from './SurveyListTab.tsx';

type TabKey = 'results' | 'surveys' | 'campaigns' | 'dimensions';

/** 满意度: the results, every survey, the campaigns with their fast grid, and the dimensions. `?tab=` picks a tab. */
export function SurveysPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as TabKey | null) ?? 'results';
  const [recording, setRecording] = useState(false);
  const today = todayIso();
  const threshold = useApiQuery('surveys:results', { from: today, to: today, period: 'month' }).data?.threshold ?? 3;
  const { busy, run, headers } = useExportRunner();
  const exportAs = (format: 'csv' | 'xlsx') => run(async () => saveExport(await invoke('export:surveys', { format, headers })));
  return (
    <>
      <PageHeader
        title={t('nav.surveys')}
        subtitle={t('surveys.subtitle')}
        extra={
          <>
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  { key: 'csv', label: t('surveys.exportCsv') },
                  { key: 'xlsx', label: t('surveys.exportXlsx') },
                ],
                onClick: ({ key }) => exportAs(key === 'xlsx' ? 'xlsx' : 'csv'),
              }}
            >
              <Button icon={<DownloadOutlined />} loading={busy}>
                {t('export.button')}
              </Button>
            </Dropdown>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
              {t('surveys.record')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams({ tab: key }, { replace: true })}
        items={[
          { key: 'results', label: t('surveys.tabResults'), children: <ResultsTab /> },
          { key: 'surveys', label: t('surveys.tabSurveys'), children: <SurveyListTab threshold={threshold} /> },
          { key: 'campaigns', label: t('surveys.tabCampaigns'), children: <CampaignsTab /> },
          { key: 'dimensions', label: t('surveys.tabDimensions'), children: <DimensionsTab /> },
        ]}
        destroyOnHidden
      />
      <SurveyFormModal open={recording} onClose={() => setRecording(false)} />
    </>
  );
}
