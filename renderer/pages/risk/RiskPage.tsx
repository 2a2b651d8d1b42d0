import { App, Flex, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ReviewTab } from './ReviewTab.tsx';
import { RiskListTab } from './RiskListTab.tsx';
import { WarningDrawer } from './WarningDrawer.tsx';
import { WarningsTab } from './WarningsTab.tsx';

type TabKey = 'list' | 'warnings' | 'review';
const WINDOWS = [30, 60, 90, 120, 180];

/**
 * 风险预警: the terms at risk within the window (a setting chosen here), the published warnings, and the
 * effectiveness review. `?contract=ID` (from the 续约 list) marks that term's row; `?warning=ID` opens a warning.
 */
export function RiskPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const today = todayIso();
  const summary = useApiQuery('risk:summary', { today });
  const windowDays = summary.data?.windowDays;
  const [tab, setTab] = useState<TabKey>((params.get('tab') as TabKey | null) ?? 'list');
  const warningId = params.get('warning');
  const openWarning = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('warning', id);
        else next.delete('warning');
        return next;
      },
      { replace: true },
    );
  const setWindow = (days: number) =>
    void invoke('risk:setWindow', { days }).then(
      () => void message.success(t('risk.windowSaved', { n: days })),
      (e: Error) => void message.error(e.message),
    );
  const windows = windowDays && !WINDOWS.includes(windowDays) ? [...WINDOWS, windowDays].sort((a, b) => a - b) : WINDOWS;
  return (
    <>
      <PageHeader
        title={t('risk.title')}
        subtitle={windowDays ? t('risk.subtitle', { days: windowDays }) : undefined}
        extra={
          <Flex align="center" gap={8}>
            <Typography.Text>{t('risk.window')}</Typography.Text>
            <Select<number>
              aria-label={t('risk.window')}
              style={{ width: 110 }}
              value={windowDays}
              onChange={setWindow}
              options={windows.map((n) => ({ value: n, label: t('risk.windowDays', { n }) }))}
            />
          </Flex>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          { key: 'list', label: t('risk.tab.list'), children: <RiskListTab today={today} focusContractId={params.get('contract')} onOpenWarning={openWarning} /> },
          { key: 'warnings', label: t('risk.tab.warnings'), children: <WarningsTab onOpenWarning={openWarning} /> },
          { key: 'review', label: t('risk.tab.review'), children: <ReviewTab defaultFrom={addDaysIso(today, -365)} defaultTo={addDaysIso(today, 365)} /> },
        ]}
      />
      <WarningDrawer warningId={warningId} onClose={() => openWarning(null)} />
    </>
  );
}
