import { Segmented, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { RenewalReport } from '../../../shared/api/reports.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { ChartOrTable } from '../../components/charts/ChartOrTable.tsx';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { NumberLink } from '../../components/NumberLink.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { groupLabel } from './groupLabel.ts';
import { formatRate, reportsHref, type TermOutcome } from './reportLinks.ts';
import type { Grouping } from './useReportParams.ts';

type Group = NonNullable<RenewalReport['groups']>[number] & { name: string };

const OUTCOMES: { outcome: TermOutcome; title: MessageKey; color: string }[] = [
  { outcome: 'renewed', title: 'reports.renewed', color: '#389e0d' },
  { outcome: 'lost', title: 'reports.lost', color: '#cf1322' },
  { outcome: 'pending', title: 'reports.pending', color: '#faad14' },
];

interface Props {
  report: RenewalReport | undefined;
  period: string;
  by: Grouping;
  onBy: (by: Grouping) => void;
}

/** The period's due terms per owner, tier or cycle: renewed, lost and undecided, and the rates. */
export function BreakdownCard({ report, period, by, onBy }: Props) {
  const { t, locale } = useI18n();
  const groups: Group[] = useMemo(
    () => (report?.groups ?? []).map((g) => ({ ...g, name: groupLabel(by, g.key, g.label, t, locale) })),
    [report, by, t, locale],
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28, containLabel: true },
      xAxis: { type: 'category', data: groups.map((g) => g.name), axisLabel: { interval: 0, hideOverlap: true } },
      yAxis: { type: 'value', minInterval: 1 },
      series: OUTCOMES.map(({ outcome, title, color }) => ({
        type: 'bar' as const,
        stack: 'due',
        name: t(title),
        data: groups.map((g) => g[outcome].count),
        itemStyle: { color },
      })),
    }),
    [groups, t],
  );
  const linkOf = (g: Group, outcome: TermOutcome) => reportsHref({ period, by, outcome, [by]: g.key });
  const cell = (outcome: TermOutcome | 'due', title: MessageKey) => ({
    title: t(title),
    key: outcome,
    align: 'right' as const,
    render: (_: unknown, g: Group) => {
      const to = linkOf(g, outcome);
      const count = t('reports.count', { n: g[outcome].count });
      const amount = formatMoney(g[outcome].amountFen);
      const label = `${g.name} ${t(title)}`;
      return (
        <>
          <NumberLink to={to} label={label} value={count} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            <NumberLink to={to} label={label} value={amount} />
          </Typography.Text>
        </>
      );
    },
  });
  const table = (
    <Table<Group>
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={groups}
      columns={[
        { title: t('reports.colGroup'), key: 'name', dataIndex: 'name' },
        cell('due', 'reports.due'),
        ...OUTCOMES.map(({ outcome, title }) => cell(outcome, title)),
        { title: t('reports.rateByCount'), key: 'byCount', align: 'right', render: (_: unknown, g: Group) => formatRate(g.rate.byCount) },
        { title: t('reports.rateByAmount'), key: 'byAmount', align: 'right', render: (_: unknown, g: Group) => formatRate(g.rate.byAmount) },
      ]}
    />
  );
  return (
    <ChartOrTable
      title={t('reports.breakdownTitle')}
      extra={
        <Segmented<Grouping>
          className="no-print"
          aria-label={t('reports.groupBy')}
          size="small"
          style={{ marginInlineEnd: 8 }}
          value={by}
          onChange={onBy}
          options={[
            { value: 'owner', label: t('reports.byOwner') },
            { value: 'tier', label: t('reports.byTier') },
            { value: 'cycle', label: t('reports.byCycle') },
          ]}
        />
      }
      chart={<EChart option={option} label={t('reports.breakdownLabel')} height={280} />}
      table={table}
    />
  );
}
