import { Button, Card, Col, Empty, Flex, Row, Select, Statistic, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CustomerPlan, OwnerAdherence } from '../../../shared/api/visits.contract.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { todayIso } from '../../format/dates.ts';
import { useUndoNotice } from '../../hooks/useUndoNotice.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { MarkDoneModal, type MarkTarget } from './MarkDoneModal.tsx';
import { StandardsCard } from './StandardsCard.tsx';
import { VisitExportButton } from './VisitExportButton.tsx';
import { CountsText, percentOf, VisitTag } from './visitTags.tsx';

const nowrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

/** The visit to mark for a customer: its due one, else its latest missed one (recorded late, inside that period). */
function markTargetOf(p: CustomerPlan, today: string): MarkTarget | null {
  const due = p.visits.find((v) => v.status === 'due');
  if (due) return { customerId: p.customerId, customerName: p.customerName, on: today };
  const missed = p.visits.filter((v) => v.status === 'missed').at(-1);
  return missed ? { customerId: p.customerId, customerName: p.customerName, on: missed.periodEnd } : null;
}

/**
 * 回访计划: the year's planned visits of every key customer under its tier's service standard, done when a 回访
 * follow-up falls in the period; adherence per owner (done, missed, due); missed visits flagged red.
 */
export function VisitPlanPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const plan = useApiQuery('visits:plan', { year, today });
  const undoNotice = useUndoNotice('visits:undo', { undo: 'common.undo', undone: 'visits.undone' });
  const [marking, setMarking] = useState<MarkTarget | null>(null);
  const data = plan.data;

  const ownerColumns: TableProps<OwnerAdherence>['columns'] = [
    { key: 'owner', title: t('visits.column.owner'), render: (_, o) => o.ownerName ?? t('visits.nobody') },
    { key: 'customers', title: t('visits.column.customers'), align: 'right', render: (_, o) => o.customers },
    { key: 'planned', title: t('visits.column.planned'), align: 'right', render: (_, o) => o.planned },
    { key: 'due', title: t('visits.status.due'), align: 'right', render: (_, o) => o.due },
    { key: 'done', title: t('visits.status.done'), align: 'right', render: (_, o) => o.done },
    { key: 'missed', title: t('visits.status.missed'), align: 'right', render: (_, o) => (o.missed > 0 ? <Typography.Text type="danger">{o.missed}</Typography.Text> : 0) },
    { key: 'rate', title: t('visits.column.rate'), align: 'right', render: (_, o) => percentOf(o.rate) },
  ];
  const customerColumns: TableProps<CustomerPlan>['columns'] = [
    { key: 'customer', title: t('visits.column.customer'), render: (_, p) => <Link to={`/customers/${p.customerId}`}>{p.customerName}</Link> },
    { key: 'tier', title: t('visits.column.tier'), onCell: nowrap, render: (_, p) => <TierTag tier={p.tier} /> },
    { key: 'owner', title: t('visits.column.manager'), onCell: nowrap, render: (_, p) => p.planOwnerName ?? t('visits.nobody') },
    {
      key: 'standard',
      title: t('visits.column.standard'),
      onCell: nowrap,
      render: (_, p) => (p.standard ? t('visits.standardText', { period: t(`visits.period.${p.standard.period}`), n: p.standard.visits }) : t('visits.noStandard')),
    },
    {
      key: 'visits',
      title: t('visits.column.visits'),
      render: (_, p) => (
        <Flex wrap style={{ maxWidth: 320 }}>
          {p.visits.map((v) => (
            <VisitTag key={`${v.periodStart}-${v.index}`} {...v} />
          ))}
        </Flex>
      ),
    },
    { key: 'counts', title: t('visits.column.adherence'), onCell: nowrap, render: (_, p) => <CountsText counts={p.counts} /> },
    {
      key: 'actions',
      title: t('visits.column.actions'),
      onCell: nowrap,
      render: (_, p) => {
        const target = year === thisYear ? markTargetOf(p, today) : null;
        return (
          <Flex gap={4} className="no-print">
            {target ? (
              <Button size="small" type="primary" onClick={() => setMarking(target)} aria-label={t('visits.markFor', { name: p.customerName })}>
                {t('visits.mark')}
              </Button>
            ) : null}
            <Button size="small" onClick={() => void navigate(`/key-customers/${p.customerId}/review?year=${year}`)}>
              {t('visits.review.open')}
            </Button>
          </Flex>
        );
      },
    },
  ];
  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1];
  return (
    <>
      <PageHeader
        title={t('visits.planTitle')}
        subtitle={t('visits.planSubtitle')}
        extra={
          <>
            <Select<number> aria-label={t('visits.year')} value={year} onChange={setYear} style={{ width: 100 }} options={years.map((y) => ({ value: y, label: String(y) }))} />
            <VisitExportButton year={year} />
            <Button onClick={() => void navigate('/key-customers')} className="no-print">
              {t('visits.toKey')}
            </Button>
          </>
        }
      />
      {plan.error ? <QueryErrorAlert error={plan.error} onRetry={() => void plan.refetch()} /> : null}
      {data ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={4}><Card size="small"><Statistic title={t('visits.column.planned')} value={data.totals.planned} /></Card></Col>
          <Col xs={12} md={5}><Card size="small"><Statistic title={t('visits.status.due')} value={data.totals.due} /></Card></Col>
          <Col xs={12} md={5}><Card size="small"><Statistic title={t('visits.status.done')} value={data.totals.done} /></Card></Col>
          <Col xs={12} md={5}><Card size="small"><Statistic title={t('visits.status.missed')} value={data.totals.missed} styles={{ content: data.totals.missed > 0 ? { color: '#cf1322' } : undefined }} /></Card></Col>
          <Col xs={24} md={5}><Card size="small"><Statistic title={t('visits.column.rate')} value={percentOf(data.totals.rate)} /></Card></Col>
        </Row>
      ) : null}
      <Card size="small" title={t('visits.byOwner')} style={{ marginBottom: 16 }}>
        {data && data.owners.length > 0 ? (
          <Table<OwnerAdherence> rowKey={(o) => o.ownerId ?? ''} size="small" columns={ownerColumns} dataSource={data.owners} pagination={false} />
        ) : data ? (
          <Empty description={t('visits.planEmpty')} />
        ) : null}
      </Card>
      <Card size="small" title={t('visits.byCustomer')} style={{ marginBottom: 16 }}>
        {data && data.customers.length > 0 ? (
          <Table<CustomerPlan> rowKey="customerId" size="small" columns={customerColumns} dataSource={data.customers} pagination={false} scroll={{ x: 'max-content' }} />
        ) : data ? (
          <Empty description={t('visits.planEmpty')} />
        ) : null}
      </Card>
      <StandardsCard />
      <MarkDoneModal target={marking} onClose={() => setMarking(null)} onDone={(token) => undoNotice(t('visits.marked'), token)} />
    </>
  );
}
