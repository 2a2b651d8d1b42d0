import { Button, Card, Col, DatePicker, Empty, Flex, InputNumber, Row, Segmented, Skeleton, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import type { SurveyAggregate } from '../../../shared/api/surveys.contract.ts';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { invoke } from '../../api/invoke.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { DATE_FORMAT, fromDayjs, todayIso } from '../../format/dates.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { ImprovementModal } from './ImprovementModal.tsx';
import { scoreText, useDimensionLabel, useSurveyUndo } from './useSurveyDimensions.ts';

type Results = ApiOutput<'surveys:results'>;
type Low = Results['below'][number];

/** 满意度 results: averages per dimension, the trend by period, per tier and owner, and the customers below the threshold. */
export function ResultsTab() {
  const { t } = useI18n();
  const today = todayIso();
  const [range, setRange] = useState<[string, string]>([addDaysIso(today, -364), today]);
  const [period, setPeriod] = useState<'month' | 'quarter'>('month');
  const results = useApiQuery('surveys:results', { from: range[0], to: range[1], period }, { keepPrevious: true });
  const [improving, setImproving] = useState<Low | null>(null);
  const offerUndo = useSurveyUndo();
  const [threshold, setThreshold] = useState<number | null>(null);

  if (results.isError) return <QueryErrorAlert error={results.error} onRetry={() => void results.refetch()} />;
  const data = results.data;
  const saveThreshold = () => {
    if (threshold === null) return;
    void invoke('surveys:setThreshold', { threshold }).then((r) => {
      offerUndo(t('surveys.thresholdSaved', { value: r.threshold }), r.undoToken);
      setThreshold(null);
    });
  };
  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <DatePicker.RangePicker
          aria-label={t('surveys.range')}
          format={DATE_FORMAT}
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            const from = fromDayjs(v?.[0]);
            const to = fromDayjs(v?.[1]);
            if (from && to) setRange([from, to]);
          }}
        />
        <Segmented<'month' | 'quarter'>
          aria-label={t('surveys.period')}
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'month', label: t('surveys.byMonth') },
            { value: 'quarter', label: t('surveys.byQuarter') },
          ]}
        />
      </Flex>
      {!data ? (
        <Skeleton active />
      ) : data.overall.surveys === 0 ? (
        <Card>
          <Empty description={t('surveys.resultsEmpty')} />
        </Card>
      ) : (
        <>
          <Overview data={data} />
          <TrendCard data={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <GroupTable title={t('surveys.byTier')} rows={data.byTier} data={data} kind="tier" />
            </Col>
            <Col xs={24} xl={12}>
              <GroupTable title={t('surveys.byOwner')} rows={data.byOwner} data={data} kind="owner" />
            </Col>
          </Row>
        </>
      )}
      {data ? (
        <Card
          title={t('surveys.belowTitle', { value: data.threshold })}
          extra={
            <Space>
              <Typography.Text>{t('surveys.threshold')}</Typography.Text>
              <InputNumber aria-label={t('surveys.threshold')} min={1} max={5} step={0.5} value={threshold ?? data.threshold} onChange={(v) => setThreshold(v)} style={{ width: 80 }} />
              <Button disabled={threshold === null || threshold === data.threshold} onClick={saveThreshold}>
                {t('surveys.saveThreshold')}
              </Button>
            </Space>
          }
        >
          <BelowTable rows={data.below} onImprove={setImproving} />
        </Card>
      ) : null}
      <ImprovementModal target={improving} onClose={() => setImproving(null)} />
    </Flex>
  );
}

function Overview({ data }: { data: Results }) {
  const { t } = useI18n();
  const label = useDimensionLabel();
  return (
    <Card>
      <Flex gap={32} wrap>
        <Statistic title={t('surveys.overall')} value={scoreText(data.overall.average)} suffix={t('surveys.surveyCount', { n: data.overall.surveys })} />
        {data.dimensions.flatMap((dim) => {
          const d = data.overall.dimensions.find((x) => x.dimensionId === dim.id);
          return d ? [<Statistic key={dim.id} title={label(dim)} value={scoreText(d.average)} valueStyle={d.average < data.threshold ? { color: '#cf1322' } : undefined} />] : [];
        })}
      </Flex>
    </Card>
  );
}

function TrendCard({ data }: { data: Results }) {
  const { t } = useI18n();
  const label = useDimensionLabel();
  const option = useMemo<ChartOption>(() => {
    const periods = data.byPeriod.map((p) => p.key);
    const dims = data.dimensions.filter((d) => data.overall.dimensions.some((x) => x.dimensionId === d.id));
    const valueOf = (p: SurveyAggregate, id: string) => {
      const d = p.dimensions.find((x) => x.dimensionId === id);
      return d ? Number(d.average.toFixed(2)) : null;
    };
    return {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 40, right: 16, top: 16, bottom: 48 },
      xAxis: { type: 'category', data: periods },
      yAxis: { type: 'value', min: 1, max: 5 },
      series: [
        { type: 'line', name: t('surveys.overall'), data: data.byPeriod.map((p) => (p.average === null ? null : Number(p.average.toFixed(2)))), lineStyle: { width: 3 } },
        ...dims.map((d) => ({ type: 'line' as const, name: label(d), data: data.byPeriod.map((p) => valueOf(p, d.id)), connectNulls: true })),
      ],
    };
  }, [data, label, t]);
  return (
    <Card title={t('surveys.trend')}>
      <EChart option={option} label={t('surveys.trendLabel')} height={280} />
    </Card>
  );
}

function GroupTable({ title, rows, data, kind }: { title: string; rows: SurveyAggregate[]; data: Results; kind: 'tier' | 'owner' }) {
  const { t } = useI18n();
  const tiers = useTiers();
  const label = useDimensionLabel();
  const dims = data.dimensions.filter((d) => data.overall.dimensions.some((x) => x.dimensionId === d.id));
  return (
    <Card title={title} size="small">
      <Table<SurveyAggregate>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        columns={[
          {
            title: kind === 'tier' ? t('surveys.tier') : t('surveys.owner'),
            render: (_, r) => (kind === 'tier' ? tiers.label(r.key) : r.label || t('surveys.noOwner')),
          },
          { title: t('surveys.surveys'), dataIndex: 'surveys', align: 'right' },
          ...dims.map((d) => ({
            key: d.id,
            title: label(d),
            align: 'right' as const,
            render: (_: unknown, r: SurveyAggregate) => scoreText(r.dimensions.find((x) => x.dimensionId === d.id)?.average),
          })),
          { title: t('surveys.average'), align: 'right', render: (_, r) => <Typography.Text strong>{scoreText(r.average)}</Typography.Text> },
        ]}
      />
    </Card>
  );
}

function BelowTable({ rows, onImprove }: { rows: Low[]; onImprove: (row: Low) => void }) {
  const { t } = useI18n();
  return (
    <Table<Low>
      size="small"
      rowKey="customerId"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('surveys.belowEmpty')} /> }}
      columns={[
        { title: t('surveys.customer'), render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link> },
        { title: t('surveys.owner'), render: (_, r) => r.ownerName ?? t('surveys.noOwner') },
        { title: t('surveys.average'), align: 'right', render: (_, r) => <Tag color="red">{scoreText(r.average)}</Tag> },
        { title: t('surveys.latestOn'), dataIndex: 'latestOn' },
        {
          title: t('surveys.actions'),
          render: (_, r) =>
            r.actions.length === 0 ? (
              <Typography.Text type="secondary">{t('surveys.noActions')}</Typography.Text>
            ) : (
              <Flex vertical gap={2}>
                {r.actions.map((a) => (
                  <Typography.Text key={a.id}>{t('surveys.actionLine', { date: a.onDate, by: a.doneBy, text: a.text })}</Typography.Text>
                ))}
              </Flex>
            ),
        },
        {
          title: '',
          key: 'improve',
          render: (_, r) => (
            <Button size="small" onClick={() => onImprove(r)}>
              {t('surveys.improve')}
            </Button>
          ),
        },
      ]}
    />
  );
}
