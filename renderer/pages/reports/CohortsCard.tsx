import { Table } from 'antd';
import { useMemo } from 'react';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { ChartOrTable } from '../../components/charts/ChartOrTable.tsx';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { formatRate } from './reportLinks.ts';

type Cohort = ApiOutput<'reports:cohorts'>['items'][number];

const percent = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

/** The period's due terms grouped by the year their customer's contract was signed: how each cohort renews. */
export function CohortsCard({ items }: { items: Cohort[] }) {
  const { t } = useI18n();
  const year = (c: Cohort) => c.signedYear || t('reportFigures.noSignedYear');
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
      legend: { top: 0 },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: items.map(year) },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { type: 'bar', name: t('reports.rateByCount'), data: items.map((c) => percent(c.rate.byCount)), itemStyle: { color: '#1668dc' } },
        { type: 'bar', name: t('reports.rateByAmount'), data: items.map((c) => percent(c.rate.byAmount)), itemStyle: { color: '#69b1ff' } },
      ],
    }),
    [items, t],
  );
  const table = (
    <Table<Cohort>
      size="small"
      pagination={false}
      rowKey="signedYear"
      dataSource={items}
      columns={[
        { title: t('reports.colSignedYear'), key: 'year', render: (_: unknown, c: Cohort) => year(c) },
        { title: t('reports.due'), key: 'due', align: 'right', render: (_: unknown, c: Cohort) => `${c.due.count} · ${formatMoney(c.due.amountFen)}` },
        { title: t('reports.renewed'), key: 'renewed', align: 'right', render: (_: unknown, c: Cohort) => `${c.renewed.count} · ${formatMoney(c.renewed.amountFen)}` },
        { title: t('reports.lost'), key: 'lost', align: 'right', render: (_: unknown, c: Cohort) => `${c.lost.count} · ${formatMoney(c.lost.amountFen)}` },
        { title: t('reports.pending'), key: 'pending', align: 'right', render: (_: unknown, c: Cohort) => `${c.pending.count} · ${formatMoney(c.pending.amountFen)}` },
        { title: t('reports.rateByCount'), key: 'byCount', align: 'right', render: (_: unknown, c: Cohort) => formatRate(c.rate.byCount) },
        { title: t('reports.rateByAmount'), key: 'byAmount', align: 'right', render: (_: unknown, c: Cohort) => formatRate(c.rate.byAmount) },
      ]}
    />
  );
  return <ChartOrTable title={t('reports.cohortsTitle')} chart={<EChart option={option} label={t('reports.cohortsLabel')} height={260} />} table={table} />;
}
