import { Card, Col, DatePicker, Empty, Flex, Row, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import type { ApiOutput } from '../../../shared/api/apiContract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { DATE_FORMAT, PICKER_DATE_RANGE, fromDayjs, toDayjs } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { WarningStatusTag } from './riskTags.tsx';

type ReviewItem = ApiOutput<'risk:review'>['items'][number];
const percent = (v: number | null) => (v === null ? null : `${(v * 100).toFixed(1)}%`);

/** 效果评估: precision, recall and saved over the decided terms ending in a period (by default the year behind and the
 * year ahead: a term renewed or lost early counts), the formulas in words. */
export function ReviewTab({ defaultFrom, defaultTo }: { defaultFrom: string; defaultTo: string }) {
  const { t } = useI18n();
  const [range, setRange] = useState<[string, string]>([defaultFrom, defaultTo]);
  const review = useApiQuery('risk:review', { from: range[0], to: range[1] });
  const r = review.data;
  const columns: TableProps<ReviewItem>['columns'] = [
    { key: 'customer', title: t('risk.column.customer'), render: (_, i) => i.customerName },
    { key: 'contract', title: t('risk.column.contract'), render: (_, i) => i.contractNo },
    { key: 'endsOn', title: t('risk.column.endsOn'), render: (_, i) => i.endsOn },
    { key: 'amount', title: t('risk.column.amount'), align: 'right', render: (_, i) => (i.amountFen === null ? '—' : formatMoney(i.amountFen)) },
    { key: 'outcome', title: t('risk.column.outcome'), render: (_, i) => <Tag color={i.outcome === 'renewed' ? 'green' : 'red'}>{t(`risk.review.outcome.${i.outcome}`)}</Tag> },
    {
      key: 'warned',
      title: t('risk.column.warning'),
      render: (_, i) => (i.warningStatus ? <WarningStatusTag status={i.warningStatus} /> : <Typography.Text type="secondary">{t('risk.review.notWarned')}</Typography.Text>),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('risk.review.period')}</Typography.Text>
        <DatePicker.RangePicker
          aria-label={t('risk.review.period')}
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
      {r && r.decided === 0 ? <Empty description={t('risk.review.empty')} /> : null}
      {r && r.decided > 0 ? (
        <>
          <Typography.Text>{t('risk.review.decided', { n: r.decided, renewed: r.renewed, lost: r.lost, warned: r.warned })}</Typography.Text>
          <Row gutter={[16, 16]} data-testid="risk-review">
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('risk.review.precision')} value={percent(r.precision) ?? t('risk.review.notApplicable')} />
                <Typography.Text type="secondary">{t('risk.review.precisionWords', { lost: r.warnedLost, warned: r.warned })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('risk.review.recall')} value={percent(r.recall) ?? t('risk.review.notApplicable')} />
                <Typography.Text type="secondary">{t('risk.review.recallWords', { lost: r.warnedLost, all: r.lost })}</Typography.Text>
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card>
                <Statistic title={t('risk.review.saved')} value={formatMoney(r.savedAmountFen)} />
                <Typography.Text type="secondary">{t('risk.review.savedWords', { n: r.saved, amount: formatMoney(r.savedAmountFen) })}</Typography.Text>
              </Card>
            </Col>
          </Row>
          <Table<ReviewItem> rowKey="contractId" size="small" columns={columns} dataSource={r.items} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
        </>
      ) : null}
    </Flex>
  );
}
