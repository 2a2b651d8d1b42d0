import { Card, Col, DatePicker, Flex, Row, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { ChartOrTable } from '../../components/charts/ChartOrTable.tsx';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { ComplaintSeverityTag } from '../../components/complaints/complaintTags.tsx';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

type CategoryRow = ApiOutput<'complaints:report'>['byCategory'][number];

/** 统计: count, open / closed / overdue, time to resolve (average and median hours), satisfaction, by category and severity. */
export function ComplaintReportTab({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const { t } = useI18n();
  const [range, setRange] = useState<[string, string]>([defaultFrom, defaultTo]);
  const report = useApiQuery('complaints:report', { from: range[0], to: range[1] });
  const r = report.data;
  const hours = (v: number | null) => (v === null ? t('complaints.report.none') : t('complaints.report.hours', { n: Math.round(v * 10) / 10 }));
  const option: ChartOption = {
    grid: { left: 100, right: 24, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: (r?.byCategory ?? []).map((c) => c.category).reverse() },
    series: [{ type: 'bar', barMaxWidth: 28, name: t('complaints.report.count'), data: (r?.byCategory ?? []).map((c) => c.count).reverse(), itemStyle: { color: '#cf1322' } }],
  };
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('complaints.report.period')}</Typography.Text>
        <DatePicker.RangePicker
          aria-label={t('complaints.report.period')}
          format={DATE_FORMAT}
          {...PICKER_DATE_RANGE}
          allowClear={false}
          value={[toDayjs(range[0]), toDayjs(range[1])]}
          onChange={(v) => {
            const from = fromDayjs(v?.[0]);
            const to = fromDayjs(v?.[1]);
            if (from && to) setRange([from, to]);
          }}
        />
      </Flex>
      {r ? (
        <>
          <Row gutter={[16, 16]} data-testid="complaints-report">
            {[
              [t('complaints.report.count'), r.count],
              [t('complaints.report.open'), r.open],
              [t('complaints.report.overdue'), r.overdue],
              [t('complaints.report.average'), hours(r.averageHours)],
              [t('complaints.report.median'), hours(r.medianHours)],
              [t('complaints.report.satisfaction'), r.averageSatisfaction === null ? t('complaints.report.none') : r.averageSatisfaction.toFixed(1)],
            ].map(([title, value]) => (
              <Col xs={12} md={8} xl={4} key={String(title)}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={14}>
              <ChartOrTable
                title={t('complaints.report.byCategory')}
                chart={<EChart option={option} label={t('complaints.report.byCategory')} height={Math.max(160, 36 * r.byCategory.length + 40)} />}
                table={
                  <Table<CategoryRow>
                    rowKey="category"
                    size="small"
                    pagination={false}
                    dataSource={r.byCategory}
                    columns={[
                      { key: 'category', title: t('complaints.field.category'), render: (_, c) => c.category },
                      { key: 'count', title: t('complaints.report.count'), align: 'right', render: (_, c) => c.count },
                      { key: 'open', title: t('complaints.report.open'), align: 'right', render: (_, c) => c.open },
                      { key: 'hours', title: t('complaints.report.average'), align: 'right', render: (_, c) => hours(c.averageHours) },
                    ]}
                  />
                }
              />
            </Col>
            <Col xs={24} xl={10}>
              <Card title={t('complaints.report.bySeverity')}>
                <Table
                  rowKey="severity"
                  size="small"
                  pagination={false}
                  dataSource={r.bySeverity}
                  columns={[
                    { key: 'severity', title: t('complaints.field.severity'), render: (_, s) => <ComplaintSeverityTag severity={s.severity} /> },
                    { key: 'count', title: t('complaints.report.count'), align: 'right', render: (_, s) => s.count },
                    { key: 'overdue', title: t('complaints.report.overdue'), align: 'right', render: (_, s) => s.overdue },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      ) : null}
    </Flex>
  );
}
