import { Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { ComplaintFormModal } from '../../components/complaints/ComplaintFormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ComplaintDrawer } from './ComplaintDrawer.tsx';
import { ComplaintListTab } from './ComplaintListTab.tsx';
import { ComplaintReportTab } from './ComplaintReportTab.tsx';
import { ComplaintSettingsTab } from './ComplaintSettingsTab.tsx';

type TabKey = 'list' | 'report' | 'settings';

/**
 * 投诉: the list (filters by step, severity, overdue), the report and the settings. `?id=ID` opens a complaint (a
 * 投诉超时 notification links here); `?customer=ID` lists one customer's complaints (from the customer and 续约 pages).
 */
export function ComplaintsPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [tab, setTab] = useState<TabKey>('list');
  const [creating, setCreating] = useState(false);
  const today = todayIso();
  const openComplaint = (id: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (id) next.set('id', id);
        else next.delete('id');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title={t('complaints.title')} subtitle={t('complaints.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as TabKey)}
        items={[
          { key: 'list', label: t('complaints.tab.list'), children: <ComplaintListTab customerId={params.get('customer')} onOpen={openComplaint} onNew={() => setCreating(true)} /> },
          { key: 'report', label: t('complaints.tab.report'), children: <ComplaintReportTab defaultFrom={addDaysIso(today, -365)} defaultTo={today} /> },
          { key: 'settings', label: t('complaints.tab.settings'), children: <ComplaintSettingsTab /> },
        ]}
      />
      <ComplaintDrawer complaintId={params.get('id')} onClose={() => openComplaint(null)} />
      <ComplaintFormModal open={creating} onClose={() => setCreating(false)} onCreated={openComplaint} customerId={params.get('customer')} />
    </>
  );
}
