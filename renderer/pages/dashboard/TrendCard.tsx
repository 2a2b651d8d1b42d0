import { Table } from 'antd';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { Dashboard } from '../../../shared/api/reports.contract.ts';
import { ChartOrTable } from '../../components/charts/ChartOrTable.tsx';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { formatRate, reportsHref } from '../reports/reportLinks.ts';
import { NumberLink } from '../../components/NumberLink.tsx';

type Month = Dashboard['trend'][number];

/** Due and renewed per month over the last 12 months, and the rate by count; a month opens its report. */
export function TrendCard({ trend }: { trend: Dashboard['trend'] }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: trend.map((m) => m.month) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t('reports.due'), data: trend.map((m) => m.due), itemStyle: { color: '#91caff' } },
        { type: 'bar', name: t('reports.renewed'), data: trend.map((m) => m.renewed), itemStyle: { color: '#1668dc' } },
        {
          type: 'line',
          name: t('reports.rateByCount'),
          yAxisIndex: 1,
          data: trend.map((m) => (m.rate.byCount === null ? null : Math.round(m.rate.byCount * 1000) / 10)),
          itemStyle: { color: '#389e0d' },
        },
      ],
    }),
    [trend, t],
  );
  const table = (
    <Table<Month>
      size="small"
      pagination={false}
      rowKey="month"
      dataSource={trend}
      columns={[
        { title: t('dashboard.colMonth'), dataIndex: 'month' },
        {
          title: t('reports.due'),
          align: 'right',
          render: (_: unknown, m: Month) => (
            <NumberLink to={reportsHref({ period: m.month, outcome: 'due' })} label={`${m.month} ${t('reports.due')}`} value={String(m.due)} />
          ),
        },
        {
          title: t('reports.renewed'),
          align: 'right',
          render: (_: unknown, m: Month) => (
            <NumberLink to={reportsHref({ period: m.month, outcome: 'renewed' })} label={`${m.month} ${t('reports.renewed')}`} value={String(m.renewed)} />
          ),
        },
        { title: t('reports.rateByCount'), align: 'right', render: (_: unknown, m: Month) => formatRate(m.rate.byCount) },
        { title: t('reports.rateByAmount'), align: 'right', render: (_: unknown, m: Month) => formatRate(m.rate.byAmount) },
      ]}
    />
  );
  return (
    <ChartOrTable
      title={t('dashboard.trendTitle')}
      chart={
        <EChart
          option={option}
          label={t('dashboard.trendLabel')}
          onPick={(i) => {
            const m = trend[i];
            if (m) void navigate(reportsHref({ period: m.month, outcome: 'due' }));
          }}
        />
      }
      table={table}
    />
  );
}
