import { Alert, Card, Col, DatePicker, Flex, Row, Select, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { CYCLE_UNSET, RENEWAL_WINDOWS, type RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, RENEWAL_STAGES, TIERS, type Cycle, type RenewalStage, type Tier } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf, renewalStageLabels, tierLabels } from '../../../shared/i18n/enumLabels.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { fromDayjs, PICKER_DATE_RANGE, todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { RenewalExportButton } from '../../components/export/RenewalExportButton.tsx';
import { ContractChainModal } from './ContractChainModal.tsx';
import { LostReasonDialog } from './LostReasonDialog.tsx';
import { RenewalTable } from './RenewalTable.tsx';
import { RenewDialog } from './RenewDialog.tsx';

type Window = (typeof RENEWAL_WINDOWS)[number];

function windowLabel(t: Translate, w: Window): string {
  if (w === 'overdue') return t('renewals.windowOverdue');
  if (w === 'custom') return t('renewals.windowCustom');
  return t('renewals.windowDays', { n: Number(w) });
}

/** 续约: what is ending when, who owns it, where each renewal stands, and the action to renew it. */
export function RenewalsPage() {
  const { t, locale } = useI18n();
  const [window, setWindow] = useState<Window>('30');
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [ownerId, setOwnerId] = useState<string | null>(null);
  const [tier, setTier] = useState<Tier | undefined>();
  const [cycle, setCycle] = useState<Cycle | typeof CYCLE_UNSET | undefined>();
  const [stage, setStage] = useState<RenewalStage | undefined>();
  const [page, setPage] = useState({ offset: 0, limit: 20 });
  const [renewing, setRenewing] = useState<RenewalItem | null>(null);
  const [losing, setLosing] = useState<RenewalItem | null>(null);
  const [chainOf, setChainOf] = useState<string | null>(null);
  const today = todayIso();
  const filters = {
    window,
    today,
    ...(window === 'custom' && range[0] ? { from: range[0] } : {}),
    ...(window === 'custom' && range[1] ? { to: range[1] } : {}),
    ...(ownerId ? { ownerId } : {}),
    ...(tier ? { tier } : {}),
    ...(cycle ? { cycle } : {}),
    ...(stage ? { stage } : {}),
  };
  const list = useApiQuery('renewals:list', { ...filters, ...page }, { keepPrevious: true });
  const flagged = useApiQuery('renewals:flagged', { today });
  const resetPage = () => setPage((p) => ({ ...p, offset: 0 }));
  const overdueCount = flagged.data?.overdue.length ?? 0;
  const noEndCount = flagged.data?.noEndDate.length ?? 0;

  return (
    <>
      <PageHeader title={t('nav.renewals')} subtitle={t('renewals.subtitle')} extra={<RenewalExportButton filters={filters} />} />
      {overdueCount + noEndCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={joinWith(t, 'common.sentences', [
            ...(overdueCount > 0 ? [t('renewals.flaggedOverdue', { n: overdueCount })] : []),
            ...(noEndCount > 0 ? [t('renewals.flaggedNoEnd', { n: noEndCount })] : []),
          ])}
          description={joinWith(
            t,
            'common.enumeration',
            [...(flagged.data?.overdue ?? []), ...(flagged.data?.noEndDate ?? [])]
              .slice(0, 6)
              .map((f) =>
                f.endsOn
                  ? t('renewals.flaggedItem', { customer: f.customerName, contractNo: f.contractNo, endsOn: f.endsOn })
                  : t('renewals.flaggedItemNoEnd', { customer: f.customerName, contractNo: f.contractNo }),
              ),
          )}
        />
      ) : null}
      <Card>
        <Tabs
          activeKey={window}
          onChange={(k) => {
            setWindow(k as Window);
            resetPage();
          }}
          items={RENEWAL_WINDOWS.map((w) => ({ key: w, label: windowLabel(t, w) }))}
        />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {window === 'custom' ? (
            <DatePicker.RangePicker
              aria-label={t('renewals.range')}
              {...PICKER_DATE_RANGE}
              onChange={(v) => {
                setRange([fromDayjs(v?.[0]), fromDayjs(v?.[1])]);
                resetPage();
              }}
            />
          ) : null}
          <OwnerSelect
            value={ownerId}
            onChange={(v) => (setOwnerId(v), resetPage())}
            placeholder={t('customers.filterOwner')}
            aria-label={t('customers.filterOwner')}
            style={{ width: 140 }}
          />
          <Select<Tier>
            allowClear
            placeholder={t('customers.filterTier')}
            aria-label={t('customers.filterTier')}
            style={{ width: 120 }}
            value={tier}
            onChange={(v) => (setTier(v), resetPage())}
            options={TIERS.map((x) => ({ value: x, label: labelOf(tierLabels, x, locale) }))}
          />
          <Select<Cycle | typeof CYCLE_UNSET>
            allowClear
            placeholder={t('contract.cycle')}
            aria-label={t('contract.cycle')}
            style={{ width: 140 }}
            value={cycle}
            onChange={(v) => (setCycle(v), resetPage())}
            options={[...CYCLES.map((c) => ({ value: c, label: labelOf(cycleLabels, c, locale) })), { value: CYCLE_UNSET, label: t('contract.cycleUnknown') }]}
          />
          <Select<RenewalStage>
            allowClear
            placeholder={t('renewals.stageFilter')}
            aria-label={t('renewals.stageFilter')}
            style={{ width: 240 }}
            value={stage}
            onChange={(v) => (setStage(v), resetPage())}
            options={RENEWAL_STAGES.map((s) => ({ value: s, label: labelOf(renewalStageLabels, s, locale) }))}
          />
        </Flex>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col>
            <Statistic title={t('renewals.statCount')} value={list.data?.total ?? 0} suffix={t('renewals.statCountUnit') || undefined} />
          </Col>
          <Col>
            <Statistic title={t('renewals.statAmount')} value={formatMoney(list.data?.totalAmountFen ?? 0)} />
          </Col>
          {list.data?.from || list.data?.to ? (
            <Col>
              <Statistic title={t('renewals.statRange')} value={t('renewals.rangeValue', { from: list.data.from ?? '…', to: list.data.to ?? '…' })} styles={{ content: { fontSize: 16 } }} />
            </Col>
          ) : null}
        </Row>
        {list.error ? <QueryErrorAlert error={list.error} onRetry={() => void list.refetch()} /> : null}
        <RenewalTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(offset, limit) => setPage({ offset, limit })}
          onRenew={setRenewing}
          onLost={setLosing}
          onChain={setChainOf}
        />
      </Card>
      <RenewDialog item={renewing} onClose={() => setRenewing(null)} />
      <LostReasonDialog item={losing} onClose={() => setLosing(null)} />
      <ContractChainModal contractId={chainOf} onClose={() => setChainOf(null)} />
    </>
  );
}
