import { Card, Col, Row, Statistic, Typography } from 'antd';
import type { RenewalReport } from '../../../shared/api/reports.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { NumberLink } from '../../components/NumberLink.tsx';
import { useI18n } from '../../i18n/useI18n.ts';
import { formatRate, reportsHref, type TermOutcome } from './reportLinks.ts';

const TALLIES: { outcome: TermOutcome; count: MessageKey; amount: MessageKey; color?: string }[] = [
  { outcome: 'due', count: 'reports.due', amount: 'reports.amountDue' },
  { outcome: 'renewed', count: 'reports.renewed', amount: 'reports.amountRenewed', color: '#389e0d' },
  { outcome: 'lost', count: 'reports.lost', amount: 'reports.amountLost', color: '#cf1322' },
  { outcome: 'pending', count: 'reports.pending', amount: 'reports.amountPending', color: '#d46b08' },
];

/** The period's due, renewed, lost and undecided terms and amounts, both rates and the net change. */
export function ReportSummary({ report, period }: { report: RenewalReport; period: string }) {
  const { t } = useI18n();
  const net = report.netChangeFen;
  return (
    <Card style={{ marginBottom: 16 }} className="report-card">
      <Row gutter={[24, 16]}>
        {TALLIES.map(({ outcome, count, amount, color }) => {
          const to = reportsHref({ period, outcome });
          return (
            <Col key={outcome} xs={12} md={6}>
              <Statistic
                title={t(count)}
                valueRender={() => (
                  <span style={{ color }}>
                    <NumberLink to={to} label={t(count)} value={t('reports.count', { n: report[outcome].count })} />
                  </span>
                )}
              />
              <Typography.Text type="secondary">
                {t(amount)} <NumberLink to={to} label={t(amount)} value={formatMoney(report[outcome].amountFen)} />
              </Typography.Text>
            </Col>
          );
        })}
        <Col xs={12} md={6}>
          <Statistic
            title={t('reports.rateByCount')}
            valueRender={() => <NumberLink to={reportsHref({ period, outcome: 'renewed' })} label={t('reports.rateByCount')} value={formatRate(report.rate.byCount)} />}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reports.rateByAmount')}
            valueRender={() => <NumberLink to={reportsHref({ period, outcome: 'renewed' })} label={t('reports.rateByAmount')} value={formatRate(report.rate.byAmount)} />}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reports.netChange')}
            valueRender={() => (
              <span style={{ color: net > 0 ? '#389e0d' : net < 0 ? '#cf1322' : undefined }}>
                <NumberLink to={reportsHref({ period, outcome: 'renewed' })} label={t('reports.netChange')} value={`${net > 0 ? '+' : ''}${formatMoney(net)}`} />
              </span>
            )}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reports.unknownAmount')}
            valueRender={() => <NumberLink to={reportsHref({ period, outcome: 'due' })} label={t('reports.unknownAmount')} value={t('reports.count', { n: report.unknownAmount.count })} />}
          />
          {report.unknownAmount.count > 0 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('reports.unknownAmountHint', { n: report.unknownAmount.count })}
            </Typography.Text>
          ) : null}
        </Col>
      </Row>
    </Card>
  );
}
