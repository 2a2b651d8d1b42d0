import { Card, Table, Typography } from 'antd';
import type { Dashboard, RenewalReport } from '../../../shared/api/reports.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { formatRate, periodParamOf, reportsHref, type TermOutcome } from '../reports/reportLinks.ts';
import { NumberLink } from '../../components/NumberLink.tsx';

interface Row {
  key: string;
  label: string;
  report: RenewalReport;
}

const PERIODS: { key: keyof Dashboard['rates']; label: MessageKey }[] = [
  { key: 'month', label: 'dashboard.rateMonth' },
  { key: 'quarter', label: 'dashboard.rateQuarter' },
  { key: 'yearToDate', label: 'dashboard.rateYear' },
];

/** This month's, quarter's and year-to-date's renewal rate, by count and by amount, with the counts behind them. */
export function RatesCard({ rates }: { rates: Dashboard['rates'] }) {
  const { t } = useI18n();
  const rows: Row[] = PERIODS.map((p) => ({ key: p.key, label: t(p.label), report: rates[p.key] }));
  const tally = (outcome: TermOutcome, title: MessageKey) => ({
    title: t(title),
    key: outcome,
    align: 'right' as const,
    render: (_: unknown, r: Row) => {
      const v = r.report[outcome];
      const to = reportsHref({ period: periodParamOf(r.report.period), outcome });
      const label = `${r.label} ${t(title)}`;
      return (
        <>
          <NumberLink to={to} label={label} value={t('reports.count', { n: v.count })} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            <NumberLink to={to} label={label} value={formatMoney(v.amountFen)} />
          </Typography.Text>
        </>
      );
    },
  });
  const rate = (which: 'byCount' | 'byAmount', title: MessageKey) => ({
    title: t(title),
    key: which,
    align: 'right' as const,
    render: (_: unknown, r: Row) => (
      <NumberLink
        to={reportsHref({ period: periodParamOf(r.report.period), outcome: 'renewed' })}
        label={`${r.label} ${t(title)}`}
        value={formatRate(r.report.rate[which])}
        strong
      />
    ),
  });
  return (
    <Card title={t('dashboard.ratesTitle')} style={{ marginBottom: 16 }}>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          {
            title: t('dashboard.colPeriod'),
            key: 'period',
            render: (_: unknown, r: Row) => (
              <>
                <Typography.Text strong>{r.label}</Typography.Text>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('reports.periodValue', { from: r.report.period.from, to: r.report.period.to })}
                </Typography.Text>
              </>
            ),
          },
          rate('byCount', 'reports.rateByCount'),
          rate('byAmount', 'reports.rateByAmount'),
          tally('due', 'reports.due'),
          tally('renewed', 'reports.renewed'),
          tally('lost', 'reports.lost'),
          tally('pending', 'reports.pending'),
        ]}
      />
    </Card>
  );
}
