import { BarChartOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { DashboardEmpty } from './DashboardEmpty.tsx';
import { OwnersCard } from './OwnersCard.tsx';
import { RatesCard } from './RatesCard.tsx';
import { TrendCard } from './TrendCard.tsx';
import { UpcomingCards } from './UpcomingCards.tsx';

/** 首页: how renewals are going, every number a way into the list behind it. */
export function DashboardPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const today = todayIso();
  const dashboard = useApiQuery('reports:dashboard', { today });
  // A new archive has no customer at all: say how to start instead of showing a wall of zeros.
  const customers = useApiQuery('customers:list', { limit: 1, archived: 'all' });
  const empty = customers.data?.total === 0;
  const data = dashboard.data;

  return (
    <>
      <PageHeader
        title={t('nav.home')}
        subtitle={t('dashboard.subtitle', { date: today })}
        extra={
          <Button className="no-print" icon={<BarChartOutlined />} onClick={() => void navigate('/reports')}>
            {t('dashboard.toReports')}
          </Button>
        }
      />
      {dashboard.error ? <QueryErrorAlert error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {empty ? (
        <DashboardEmpty />
      ) : data ? (
        <>
          <UpcomingCards data={data} />
          <RatesCard rates={data.rates} />
          <TrendCard trend={data.trend} />
          <OwnersCard data={data} />
        </>
      ) : dashboard.isLoading ? (
        <Skeleton active />
      ) : null}
    </>
  );
}
