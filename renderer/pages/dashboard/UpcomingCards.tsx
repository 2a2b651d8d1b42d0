import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { Dashboard } from '../../../shared/api/reports.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { renewalsHref, upcomingHref } from '../reports/reportLinks.ts';
import { NumberLink } from '../../components/NumberLink.tsx';
import { RiskAmountCard } from './RiskAmountCard.tsx';

interface Bucket {
  count: number;
  amountFen: number;
}

function BucketStat({ title, bucket, to, accent }: { title: string; bucket: Bucket; to: string; accent?: string }) {
  const { t } = useI18n();
  const count = t('reports.count', { n: bucket.count });
  const amount = formatMoney(bucket.amountFen);
  return (
    <Statistic
      title={title}
      valueRender={() => (
        <span style={{ color: accent }}>
          <NumberLink to={to} label={title} value={count} />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 14 }}>
            <NumberLink to={to} label={title} value={amount} />
          </Typography.Text>
        </span>
      )}
    />
  );
}

/** What is coming up (30, 90, 365 days), what is overdue, and the 90-day amount still to renew. */
export function UpcomingCards({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const { today, upcoming } = data;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={12}>
        <Card title={t('dashboard.upcomingTitle')} style={{ height: '100%' }}>
          <Row gutter={16}>
            <Col span={8}>
              <BucketStat title={t('dashboard.withinDays', { n: 30 })} bucket={upcoming.d30} to={upcomingHref(today, 30)} />
            </Col>
            <Col span={8}>
              <BucketStat title={t('dashboard.withinDays', { n: 90 })} bucket={upcoming.d90} to={upcomingHref(today, 90)} />
            </Col>
            <Col span={8}>
              <BucketStat title={t('dashboard.withinDays', { n: 365 })} bucket={upcoming.d365} to={upcomingHref(today, 365)} />
            </Col>
          </Row>
        </Card>
      </Col>
      <Col xs={24} md={8} xl={4}>
        <Card style={{ height: '100%' }}>
          <BucketStat title={t('dashboard.overdue')} bucket={data.overdue} to={renewalsHref({ tab: 'overdue' })} accent="#cf1322" />
          <Flex justify="space-between" style={{ marginTop: 12 }}>
            <Typography.Text type="secondary">{t('dashboard.history')}</Typography.Text>
            <NumberLink to={renewalsHref({ tab: 'history' })} label={t('dashboard.history')} value={t('reports.count', { n: data.history.count })} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={8} xl={4}>
        <Card style={{ height: '100%' }}>
          <Statistic
            title={t('dashboard.due90Amount')}
            valueRender={() => (
              <NumberLink to={upcomingHref(today, 90)} label={t('dashboard.due90Amount')} value={formatMoney(upcoming.d90.amountFen)} />
            )}
          />
          <Typography.Text type="secondary">{t('dashboard.due90Hint')}</Typography.Text>
        </Card>
      </Col>
      <Col xs={24} md={8} xl={4}>
        <RiskAmountCard today={today} />
      </Col>
    </Row>
  );
}
