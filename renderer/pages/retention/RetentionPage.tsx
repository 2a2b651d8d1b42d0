import { App, Button, Card, Select, Tabs } from 'antd';
import { useState } from 'react';
import type { LifecycleItem } from '../../../shared/api/lifecycle.contract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { STAGES_IN_LIFE_ORDER, type ComputedStage } from '../../../shared/domain/lifecycleRules.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { LifecycleRulesCard } from './LifecycleRulesCard.tsx';
import { LifecycleListTab } from './LifecycleListTab.tsx';

type TabKey = 'warning' | 'winBack' | 'stages' | 'rules';
const TABS: readonly TabKey[] = ['warning', 'winBack', 'stages', 'rules'];
const TAB_LABELS = { warning: 'retention.tabWarning', winBack: 'retention.tabWinBack', stages: 'retention.tabStages', rules: 'retention.tabRules' } as const;
/** The one-click follow-up is due this many days from today. */
const FOLLOW_UP_IN_DAYS = 3;

function WinBackTab() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const rules = useApiQuery('lifecycle:rules', {});
  const create = useApiMutation('followups:create');
  const [busy, setBusy] = useState<string | null>(null);
  const followUp = (item: LifecycleItem) => {
    const date = addDaysIso(todayIso(), FOLLOW_UP_IN_DAYS);
    setBusy(item.customerId);
    create.mutate(
      { customer: item.customerId, kind: 'renewal', summary: t('retention.followUpSummary'), nextFollowUpOn: date },
      {
        onSuccess: () => void message.success(t('retention.followUpDone', { date })),
        onError: (e) => void message.error(e.message),
        onSettled: () => setBusy(null),
      },
    );
  };
  return (
    <LifecycleListTab
      list={{ name: 'lifecycle:winBack' }}
      columns={['lostOn', 'amount', 'lostReason', 'loyalty', 'action']}
      empty={t('retention.winBackEmpty', { months: rules.data?.winBackMonths ?? 12 })}
      onFollowUp={followUp}
      followUpBusy={busy}
    />
  );
}

function StagesTab() {
  const { t } = useI18n();
  const [stage, setStage] = useState<ComputedStage | undefined>(undefined);
  return (
    <LifecycleListTab
      list={stage ? { name: 'lifecycle:list', stage } : { name: 'lifecycle:list' }}
      columns={['stage', 'since', 'loyalty', 'reason']}
      empty={t('retention.stagesEmpty')}
      toolbar={
        <Select<ComputedStage | 'all'>
          aria-label={t('retention.colStage')}
          style={{ width: 180, marginBottom: 12 }}
          value={stage ?? 'all'}
          onChange={(v) => setStage(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: t('retention.allStages') }, ...STAGES_IN_LIFE_ORDER.map((s) => ({ value: s, label: t(`lifecycle.stage.${s}`) }))]}
        />
      }
    />
  );
}

/** 留存: the 流失预警 and 赢回 lists, every customer's stage, and the rules behind them. */
export function RetentionPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tab, setTab] = useState<TabKey>('warning');
  const recompute = useApiMutation('lifecycle:recompute', { onSuccess: (r) => void message.success(t('retention.recomputed', { changed: r.changed })) });
  return (
    <>
      <PageHeader
        title={t('nav.retention')}
        subtitle={t('retention.subtitle')}
        extra={
          <Button loading={recompute.isPending} onClick={() => recompute.mutate({})}>
            {t('retention.recompute')}
          </Button>
        }
      />
      <Card>
        <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={TABS.map((k) => ({ key: k, label: t(TAB_LABELS[k]) }))} />
        {tab === 'warning' ? <LifecycleListTab list={{ name: 'lifecycle:warning' }} columns={['stage', 'amount', 'signals', 'reason']} empty={t('retention.warningEmpty')} /> : null}
        {tab === 'winBack' ? <WinBackTab /> : null}
        {tab === 'stages' ? <StagesTab /> : null}
        {tab === 'rules' ? <LifecycleRulesCard /> : null}
      </Card>
    </>
  );
}
