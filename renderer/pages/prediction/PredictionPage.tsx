import { Card, Empty, Flex, Progress, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ContractPrediction } from '../../../shared/api/prediction.contract.ts';
import type { Translate } from '../../../shared/i18n/createTranslator.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { ModelReportCard } from './ModelReportCard.tsx';
import { driverText, percent } from './predictionLabels.ts';

const WINDOWS = [30, 60, 90, 180, 365] as const;
const BANDS = ['healthy', 'watch', 'danger'] as const;

function oddsColour(p: number): string {
  return p >= 0.7 ? '#52c41a' : p >= 0.4 ? '#faad14' : '#ff4d4f';
}

function Drivers({ item, t, tierLabel }: { item: ContractPrediction; t: Translate; tierLabel: (code: string) => string }) {
  if (item.method === 'model') {
    return (
      <Flex vertical gap={2}>
        {item.drivers.map((d) => (
          <Typography.Text key={d.feature} type={d.contribution < 0 ? 'danger' : 'success'}>
            {driverText(t, d)}
          </Typography.Text>
        ))}
      </Flex>
    );
  }
  return (
    <Flex vertical gap={2}>
      {item.fallbackDrivers.map((d) => (
        <Typography.Text key={d.kind} type="secondary">
          {d.kind === 'tierRate'
            ? t('prediction.tierRate', { tier: tierLabel(d.tier ?? ''), rate: percent(d.rate ?? 0) })
            : t('prediction.healthBand', { band: BANDS.includes(d.band as (typeof BANDS)[number]) ? t(`prediction.band.${d.band as (typeof BANDS)[number]}`) : (d.band ?? ''), factor: d.oddsFactor ?? 1 })}
        </Typography.Text>
      ))}
    </Flex>
  );
}

export function PredictionPage() {
  const { t } = useI18n();
  const { label: tierLabel } = useTiers();
  const [withinDays, setWithinDays] = useState<number>(90);
  const model = useApiQuery('prediction:model', {});
  const upcoming = useApiQuery('prediction:upcoming', { withinDays }, { keepPrevious: true });
  const items = upcoming.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('prediction.title')} subtitle={t('prediction.subtitle')} />
      {model.error ? <QueryErrorAlert error={model.error} onRetry={() => void model.refetch()} /> : null}
      {upcoming.error ? <QueryErrorAlert error={upcoming.error} onRetry={() => void upcoming.refetch()} /> : null}
      {model.data ? <ModelReportCard report={model.data} /> : model.error ? null : <Card loading style={{ marginBottom: 16 }} />}
      <Card
        title={t('prediction.upcomingTitle')}
        extra={
          <Select<number>
            aria-label={t('prediction.upcomingTitle')}
            value={withinDays}
            onChange={setWithinDays}
            style={{ width: 200 }}
            options={WINDOWS.map((n) => ({ value: n, label: t('prediction.withinDays', { n }) }))}
          />
        }
      >
        <Table<ContractPrediction>
          rowKey="contractId"
          size="middle"
          loading={upcoming.isLoading}
          dataSource={items}
          pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('prediction.empty', { n: withinDays })} /> }}
          columns={[
            { title: t('prediction.colContract'), dataIndex: 'contractNo', sorter: (a, b) => a.contractNo.localeCompare(b.contractNo) },
            {
              title: t('prediction.colCustomer'),
              dataIndex: 'customerName',
              sorter: (a, b) => a.customerName.localeCompare(b.customerName),
              render: (name: string, r) => <Link to={`/customers/${r.customerId}`}>{name}</Link>,
            },
            { title: t('prediction.colEndsOn'), dataIndex: 'endsOn', defaultSortOrder: 'ascend', sorter: (a, b) => (a.endsOn < b.endsOn ? -1 : a.endsOn > b.endsOn ? 1 : 0) },
            {
              title: t('prediction.colProbability'),
              dataIndex: 'probability',
              sorter: (a, b) => a.probability - b.probability,
              render: (p: number) => (
                <Flex align="center" gap={8} style={{ minWidth: 140 }}>
                  <Progress aria-label={t('prediction.colProbability')} percent={Math.round(p * 100)} showInfo={false} strokeColor={oddsColour(p)} size="small" style={{ width: 80, margin: 0 }} />
                  <Tag color={p >= 0.7 ? 'green' : p >= 0.4 ? 'orange' : 'red'} style={{ marginInlineEnd: 0 }}>
                    {percent(p)}
                  </Tag>
                </Flex>
              ),
            },
            { title: t('prediction.colDrivers'), key: 'drivers', render: (_, r) => <Drivers item={r} t={t} tierLabel={tierLabel} /> },
          ]}
        />
      </Card>
    </>
  );
}
