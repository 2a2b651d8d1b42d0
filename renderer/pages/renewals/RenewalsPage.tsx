import { Alert, Card, Col, DatePicker, Flex, Input, Row, Select, Statistic, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { CYCLE_UNSET, RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, RENEWAL_STAGES, type Cycle, type RenewalStage, type Tier } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf, renewalStageLabels } from '../../../shared/i18n/enumLabels.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { joinWith } from '../../../shared/i18n/joinWith.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { fromDayjs, PICKER_DATE_RANGE, toDayjs, todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { RenewalExportButton } from '../../components/export/RenewalExportButton.tsx';
import { ContractChainModal } from './ContractChainModal.tsx';
import { LostReasonDialog } from './LostReasonDialog.tsx';
import { RenewalTable } from './RenewalTable.tsx';
import { RenewDialog } from './RenewDialog.tsx';
import { RenewalBulkBar } from './RenewalBulkBar.tsx';
import { toRenewalFilters, useRenewalListParams, type RenewalWindow } from './useRenewalListParams.ts';

// The tabs in the order shown; mirrors the contract's RENEWAL_WINDOWS.
const TABS: readonly RenewalWindow[] = ['7', '30', '90', 'overdue', 'history', 'custom'];

function windowLabel(t: Translate, w: RenewalWindow): string {
  if (w === 'overdue') return t('renewals.windowOverdue');
  if (w === 'history') return t('renewals.windowHistory');
  if (w === 'custom') return t('renewals.windowCustom');
  return t('renewals.windowDays', { n: Number(w) });
}

/** 续约: what is ending when, who owns it, where each renewal stands, and the action to renew it. */
export function RenewalsPage() {
  const { t, locale } = useI18n();
  const { options: tierOptions } = useTiers();
  const { params, update } = useRenewalListParams();
  const [searchText, setSearchText] = useState(params.search);
  const [selected, setSelected] = useState<string[]>([]);
  const [renewing, setRenewing] = useState<RenewalItem | null>(null);
  const [losing, setLosing] = useState<RenewalItem | null>(null);
  const [chainOf, setChainOf] = useState<string | null>(null);
  const today = todayIso();
  const filters = toRenewalFilters(params, today);
  const page = { offset: (params.page - 1) * params.pageSize, limit: params.pageSize };
  const list = useApiQuery('renewals:list', { ...filters, ...page }, { keepPrevious: true });
  const flagged = useApiQuery('renewals:flagged', { today });
  const overdueCount = flagged.data?.overdue.length ?? 0;
  const noEndCount = flagged.data?.noEndDate.length ?? 0;
  const filterKey = JSON.stringify(filters);
  // A selection belongs to the list it was made in: another tab, filter or page starts afresh.
  useEffect(() => setSelected([]), [filterKey, params.page, params.pageSize]);
  useEffect(() => setSearchText(params.search), [params.search]);

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
        <Tabs activeKey={params.window} onChange={(k) => update({ window: k as RenewalWindow })} items={TABS.map((w) => ({ key: w, label: windowLabel(t, w) }))} />
        {params.window === 'history' || params.window === 'overdue' ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
            {t(params.window === 'history' ? 'renewals.historyRule' : 'renewals.overdueRule')}
          </Typography.Paragraph>
        ) : null}
        <Flex gap={8} wrap style={{ marginBottom: 16 }} align="center">
          <Input.Search
            allowClear
            placeholder={t('renewals.search')}
            aria-label={t('renewals.search')}
            style={{ width: 280 }}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            onSearch={(v) => update({ search: v.trim() })}
          />
          {params.window === 'custom' ? (
            <DatePicker.RangePicker
              aria-label={t('renewals.range')}
              {...PICKER_DATE_RANGE}
              value={[toDayjs(params.from), toDayjs(params.to)]}
              onChange={(v) => update({ from: fromDayjs(v?.[0]), to: fromDayjs(v?.[1]) })}
            />
          ) : null}
          <OwnerSelect
            value={params.ownerId}
            onChange={(v) => update({ ownerId: v })}
            placeholder={t('customers.filterOwner')}
            aria-label={t('customers.filterOwner')}
            style={{ width: 140 }}
          />
          <Select<Tier>
            allowClear
            placeholder={t('customers.filterTier')}
            aria-label={t('customers.filterTier')}
            style={{ width: 120 }}
            value={params.tier ?? undefined}
            onChange={(v) => update({ tier: v ?? null })}
            options={tierOptions}
          />
          <Select<Cycle | typeof CYCLE_UNSET>
            allowClear
            placeholder={t('contract.cycle')}
            aria-label={t('contract.cycle')}
            style={{ width: 140 }}
            value={params.cycle ?? undefined}
            onChange={(v) => update({ cycle: v ?? null })}
            options={[...CYCLES.map((c) => ({ value: c, label: labelOf(cycleLabels, c, locale) })), { value: 'unset' as const, label: t('contract.cycleUnknown') }]}
          />
          <Select<RenewalStage>
            allowClear
            placeholder={t('renewals.stageFilter')}
            aria-label={t('renewals.stageFilter')}
            style={{ width: 240 }}
            value={params.stage ?? undefined}
            onChange={(v) => update({ stage: v ?? null })}
            options={RENEWAL_STAGES.map((s) => ({ value: s, label: labelOf(renewalStageLabels, s, locale) }))}
          />
          {params.batchId ? (
            <Tag color="blue" closable onClose={() => update({ batchId: null })} closeIcon={<span aria-label={t('renewals.batchChipClose')}>×</span>}>
              {t('renewals.batchChip')}
            </Tag>
          ) : null}
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
        <RenewalBulkBar selected={selected} onDone={() => setSelected([])} />
        <RenewalTable
          items={list.data?.items ?? []}
          loading={list.isFetching}
          total={list.data?.total ?? 0}
          page={page}
          onPage={(offset, limit) => update({ page: Math.floor(offset / limit) + 1, pageSize: limit })}
          selected={selected}
          onSelect={setSelected}
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
