import { BellOutlined, HistoryOutlined } from '@ant-design/icons';
import { App, Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { RenewalItem } from '../../../shared/api/renewals.contract.ts';
import { RENEWAL_STAGES, type RenewalStage } from '../../../shared/domain/enums.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { stageFromSheetStatus } from '../../../shared/renewals/sheetRenewalStatus.ts';
import { cycleLabels, labelOf, renewalStageLabels, sheetRenewalStatusLabels } from '../../../shared/i18n/enumLabels.ts';
import { useApiMutation, useApiQuery } from '../../api/useApi.ts';
import { todayIso } from '../../format/dates.ts';
import { DisplayStatusTag } from '../../components/DisplayStatusTag.tsx';
import { ExpiryDate } from '../../components/ExpiryDate.tsx';
import { isSettledStatus } from '../../../shared/renewals/displayStatus.ts';
import { TierTag } from '../../components/TierTag.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { LadderPreviewPopover } from './LadderPreview.tsx';

// The sheet's 续费状态, coloured by the stage it stands for.
const SHEET_COLORS: Partial<Record<RenewalStage, string>> = { renewed: 'green', negotiating: 'processing' };

interface Props {
  items: RenewalItem[];
  loading: boolean;
  total: number;
  page: { offset: number; limit: number };
  onPage: (offset: number, limit: number) => void;
  /** Selected contract ids (this page only). */
  selected: string[];
  onSelect: (ids: string[]) => void;
  onRenew: (item: RenewalItem) => void;
  onLost: (item: RenewalItem) => void;
  onChain: (contractId: string) => void;
}

export function RenewalTable({ items, loading, total, page, onPage, selected, onSelect, onRenew, onLost, onChain }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const setStage = useApiMutation('renewals:setStage');
  // The terms on the 风险预警 list link to their row there.
  const risk = useApiQuery('risk:list', { today: todayIso() });
  const atRisk = new Set((risk.data?.items ?? []).map((i) => i.contractId));
  // The customer's open complaints (issue 14) show on its rows, linking to them.
  const complaints = useApiQuery('complaints:list', { open: true });
  const openComplaints = new Map<string, number>();
  for (const c of complaints.data?.items ?? []) openComplaints.set(c.customerId, (openComplaints.get(c.customerId) ?? 0) + 1);
  const changeStage = (item: RenewalItem, stage: RenewalStage) => {
    if (stage === 'lost') return onLost(item);
    if (stage === 'renewed') return onRenew(item);
    setStage.mutate({ contractId: item.contractId, stage }, { onError: (e) => void message.error(e.message) });
  };
  return (
    <Table<RenewalItem>
      rowKey="contractId"
      size="middle"
      loading={loading}
      dataSource={items}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (r) => ({ 'aria-label': t('renewals.selectRow', { contractNo: r.contractNo }) }),
      }}
      pagination={{
        current: Math.floor(page.offset / page.limit) + 1,
        pageSize: page.limit,
        total,
        showSizeChanger: true,
        showTotal: (n) => t('renewals.total', { n }),
        onChange: (p, size) => onPage((p - 1) * size, size),
      }}
      columns={[
        {
          title: t('renewals.colCustomer'),
          key: 'customer',
          // No horizontal scroll (its measure row puts the select-all box under aria-hidden); a width keeps the
          // customer's name from being squeezed to one character per line.
          width: 200,
          render: (_, r) => (
            <Flex vertical>
              <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.contractNo}
              </Typography.Text>
              {atRisk.has(r.contractId) ? (
                <Link to={`/risk?contract=${r.contractId}`} style={{ fontSize: 12, color: '#d4380d' }}>
                  {t('risk.renewalLink')}
                </Link>
              ) : null}
              {openComplaints.has(r.customerId) ? (
                <Link to={`/complaints?customer=${r.customerId}`} style={{ fontSize: 12, color: '#cf1322' }}>
                  {t('complaints.renewalBadge', { n: openComplaints.get(r.customerId) ?? 0 })}
                </Link>
              ) : null}
            </Flex>
          ),
        },
        { title: t('customers.colTier'), dataIndex: 'tier', width: 90, render: (tier) => <TierTag tier={tier} /> },
        { title: t('customers.colOwner'), dataIndex: 'ownerName', width: 90, render: (v: string | null) => v ?? '—' },
        {
          title: t('renewals.colCycle'),
          dataIndex: 'cycle',
          width: 100,
          render: (v: RenewalItem['cycle']) => (v === null ? t('contract.cycleUnknown') : labelOf(cycleLabels, v, locale)),
        },
        {
          title: t('contract.endsOn'),
          dataIndex: 'endsOn',
          width: 130,
          // History and decided terms show the date alone: no countdown, no 已逾期 900 天.
          render: (v: string, r) => (r.displayStatus === 'expired' || isSettledStatus(r.displayStatus) ? v : <ExpiryDate date={v} />),
        },
        { title: t('renewals.colStatus'), dataIndex: 'displayStatus', width: 100, render: (_, r) => <DisplayStatusTag status={r.displayStatus} /> },
        { title: t('contract.amount'), dataIndex: 'amountFen', width: 130, align: 'right', render: (v: number | null, r) => formatMoney(v, r.currency) },
        {
          title: t('renewals.colStage'),
          key: 'stage',
          width: 140,
          render: (_, r) => (
            <Select<RenewalStage>
              size="small"
              value={r.stage}
              style={{ width: 120 }}
              aria-label={t('renewals.stageOf', { contractNo: r.contractNo })}
              onChange={(stage) => changeStage(r, stage)}
              options={RENEWAL_STAGES.map((s) => ({ value: s, label: labelOf(renewalStageLabels, s, locale) }))}
            />
          ),
        },
        {
          title: t('renewals.colSheetStatus'),
          key: 'sheet',
          width: 120,
          render: (_, r) => (
            <Flex vertical gap={2}>
              <Tag color={SHEET_COLORS[stageFromSheetStatus(r.sheetStatus)] ?? 'default'}>{labelOf(sheetRenewalStatusLabels, r.sheetStatus, locale)}</Tag>
              {r.lostReason ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('renewals.lostReason', { reason: r.lostReason })}
                </Typography.Text>
              ) : null}
            </Flex>
          ),
        },
        {
          title: t('common.actions'),
          key: 'actions',
          width: 240,
          render: (_, r) => (
            <Flex gap={4} wrap>
              {isSettledStatus(r.displayStatus) ? null : (
                <Button size="small" type="primary" onClick={() => onRenew(r)}>
                  {t('renewals.renew')}
                </Button>
              )}
              <LadderPreviewPopover contractId={r.contractId}>
                <Button size="small" icon={<BellOutlined />} aria-label={t('renewals.reminderSteps')}>
                  {t('renewals.reminders')}
                </Button>
              </LadderPreviewPopover>
              <Button size="small" icon={<HistoryOutlined />} onClick={() => onChain(r.contractId)} aria-label={t('renewals.chain')} />
            </Flex>
          ),
        },
      ]}
    />
  );
}
