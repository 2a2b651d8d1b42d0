import { Card, Statistic, Typography } from 'antd';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { NumberLink } from '../../components/NumberLink.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

/** 风险金额: the amount of the terms on the 风险预警 list (ending within its window, customer 关注 or 高危); opens it. */
export function RiskAmountCard({ today }: { today: string }) {
  const { t } = useI18n();
  const summary = useApiQuery('risk:summary', { today });
  const s = summary.data;
  return (
    <Card style={{ height: '100%' }} data-testid="risk-amount-card">
      <Statistic
        title={t('risk.dashboardTitle')}
        valueRender={() => <NumberLink to="/risk" label={t('risk.dashboardTitle')} value={formatMoney(s?.amountFen ?? 0)} />}
        styles={{ content: { color: '#d4380d' } }}
      />
      <Typography.Text type="secondary">{t('risk.dashboardHint', { days: s?.windowDays ?? 90, n: s?.count ?? 0 })}</Typography.Text>
    </Card>
  );
}
