import { Alert, Card, Col, DatePicker, Flex, Row, Select, Statistic, Tabs } from 'antd';
import { useState } from 'react';
import { CYCLE_UNSET, RENEWAL_WINDOWS, type RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { CYCLES, RENEWAL_STAGES, TIERS, type Cycle, type RenewalStage, type Tier } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf, renewalStageLabels, tierLabels } from '../../../shared/i18n/enumLabels.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { OwnerSelect } from '../../components/OwnerSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { fromDayjs, todayIso } from '../../format/dates.ts';
import { RenewalExportButton } from '../../components/export/RenewalExportButton.tsx';
import { ContractChainModal } from './ContractChainModal.tsx';
import { LostReasonDialog } from './LostReasonDialog.tsx';
import { RenewalTable } from './RenewalTable.tsx';
import { RenewDialog } from './RenewDialog.tsx';

type Window = (typeof RENEWAL_WINDOWS)[number];
const TAB_LABELS: Record<Window, string> = { overdue: '已逾期', '7': '7 天内', '30': '30 天内', '90': '90 天内', custom: '自定义' };

/** 续约: what is ending when, who owns it, where each renewal stands, and the action to renew it. */
export function RenewalsPage() {
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
      <PageHeader title="续约" subtitle="按到期时间查看合同，推进续约阶段，一键续约下一期" extra={<RenewalExportButton filters={filters} />} />
      {overdueCount + noEndCount > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={[overdueCount > 0 ? `${overdueCount} 份合同已过期但尚未决定续约或流失` : null, noEndCount > 0 ? `${noEndCount} 份生效中的合同没有到期日期` : null]
            .filter(Boolean)
            .join('；')}
          description={[...(flagged.data?.overdue ?? []), ...(flagged.data?.noEndDate ?? [])]
            .slice(0, 6)
            .map((f) => `${f.customerName}（${f.contractNo}${f.endsOn ? `，${f.endsOn} 到期` : '，无到期日期'}）`)
            .join('、')}
        />
      ) : null}
      <Card>
        <Tabs
          activeKey={window}
          onChange={(k) => {
            setWindow(k as Window);
            resetPage();
          }}
          items={RENEWAL_WINDOWS.map((w) => ({ key: w, label: TAB_LABELS[w] }))}
        />
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {window === 'custom' ? (
            <DatePicker.RangePicker
              aria-label="到期日期范围"
              onChange={(v) => {
                setRange([fromDayjs(v?.[0]), fromDayjs(v?.[1])]);
                resetPage();
              }}
            />
          ) : null}
          <OwnerSelect value={ownerId} onChange={(v) => (setOwnerId(v), resetPage())} placeholder="负责人" style={{ width: 140 }} />
          <Select<Tier> allowClear placeholder="客户等级" style={{ width: 120 }} value={tier} onChange={(v) => (setTier(v), resetPage())} options={TIERS.map((t) => ({ value: t, label: labelOf(tierLabels, t) }))} />
          <Select<Cycle | typeof CYCLE_UNSET>
            allowClear
            placeholder="续费周期"
            aria-label="续费周期"
            style={{ width: 120 }}
            value={cycle}
            onChange={(v) => (setCycle(v), resetPage())}
            options={[...CYCLES.map((c) => ({ value: c, label: labelOf(cycleLabels, c) })), { value: CYCLE_UNSET, label: '未填写' }]}
          />
          <Select<RenewalStage>
            allowClear
            placeholder="续约阶段（默认不含已决定）"
            style={{ width: 220 }}
            value={stage}
            onChange={(v) => (setStage(v), resetPage())}
            options={RENEWAL_STAGES.map((s) => ({ value: s, label: labelOf(renewalStageLabels, s) }))}
          />
        </Flex>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col>
            <Statistic title="合同数" value={list.data?.total ?? 0} suffix="份" />
          </Col>
          <Col>
            <Statistic title="合同金额合计" value={formatMoney(list.data?.totalAmountFen ?? 0)} />
          </Col>
          {list.data?.from || list.data?.to ? (
            <Col>
              <Statistic title="到期日期" value={`${list.data.from ?? '…'} ～ ${list.data.to ?? '…'}`} valueStyle={{ fontSize: 16 }} />
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
