import { Card, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import type { TermOutcome } from './reportLinks.ts';
import { OUTCOMES, type ReportParams } from './useReportParams.ts';

type Term = ApiOutput<'reports:terms'>['items'][number];

const PAGE_SIZE = 20;
export const OUTCOME_TITLES: Record<TermOutcome, MessageKey> = { due: 'reports.due', renewed: 'reports.renewed', lost: 'reports.lost', pending: 'reports.pending' };
const OUTCOME_COLORS = { renewed: 'green', lost: 'red', pending: 'orange' } as const;

interface Props {
  params: ReportParams;
  update: (patch: Partial<ReportParams>) => void;
  counts: Partial<Record<TermOutcome, number>>;
}

/** The period's due terms: all, renewed, lost or undecided, for an owner, a tier or a cycle when the URL names one. */
export function TermsCard({ params, update, counts }: Props) {
  const { t, locale } = useI18n();
  const terms = useApiQuery(
    'reports:terms',
    {
      period: params.period,
      outcome: params.outcome,
      ...(params.ownerId ? { ownerId: params.ownerId } : {}),
      ...(params.tier ? { tier: params.tier } : {}),
      ...(params.cycle ? { cycle: params.cycle } : {}),
      offset: (params.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    },
    { keepPrevious: true },
  );
  const timing = (r: Term) => {
    if (r.gapDays === null) return '—';
    if (r.gapDays > 0) return <Tag color="warning">{t('reports.gapDays', { n: r.gapDays })}</Tag>;
    if (r.gapDays < 0) return t('reports.earlyDays', { n: -r.gapDays });
    return t('reports.onTime');
  };
  return (
    <Card title={t('reports.termsTitle')} id="report-terms" className="report-card" style={{ marginTop: 16 }}>
      <Tabs
        activeKey={params.outcome}
        onChange={(k) => update({ outcome: OUTCOMES.find((o) => o === k) ?? 'due' })}
        items={OUTCOMES.map((o) => ({
          key: o,
          label: counts[o] === undefined ? t(OUTCOME_TITLES[o]) : `${t(OUTCOME_TITLES[o])} (${counts[o]})`,
        }))}
      />
      {terms.error ? <QueryErrorAlert error={terms.error} onRetry={() => void terms.refetch()} /> : null}
      <Table<Term>
        rowKey="contractId"
        size="small"
        loading={terms.isFetching}
        dataSource={terms.data?.items ?? []}
        pagination={{
          current: params.page,
          pageSize: PAGE_SIZE,
          total: terms.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('reports.termsTotal', { n }),
          onChange: (page) => update({ page }),
        }}
        columns={[
          {
            title: t('reports.colCustomer'),
            key: 'customer',
            render: (_: unknown, r: Term) => (
              <>
                <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {r.contractNo}
                </Typography.Text>
              </>
            ),
          },
          { title: t('reports.colTier'), key: 'tier', render: (_: unknown, r: Term) => <TierTag tier={r.tier} /> },
          { title: t('reports.colOwner'), key: 'owner', render: (_: unknown, r: Term) => r.ownerName ?? t('reportFigures.noOwner') },
          { title: t('reports.colCycle'), key: 'cycle', render: (_: unknown, r: Term) => (r.cycle ? labelOf(cycleLabels, r.cycle, locale) : '—') },
          { title: t('reports.colEndsOn'), key: 'endsOn', dataIndex: 'endsOn' },
          { title: t('reports.colAmount'), key: 'amount', align: 'right', render: (_: unknown, r: Term) => formatMoney(r.amountFen) },
          {
            title: t('reports.colOutcome'),
            key: 'outcome',
            render: (_: unknown, r: Term) => <Tag color={OUTCOME_COLORS[r.outcome]}>{t(OUTCOME_TITLES[r.outcome])}</Tag>,
          },
          { title: t('reports.colRenewalAmount'), key: 'renewalAmount', align: 'right', render: (_: unknown, r: Term) => formatMoney(r.renewalAmountFen) },
          { title: t('reports.colGap'), key: 'gap', render: (_: unknown, r: Term) => timing(r) },
          { title: t('reports.colLostReason'), key: 'lostReason', render: (_: unknown, r: Term) => r.lostReason ?? '' },
        ]}
      />
    </Card>
  );
}
