import { Card, Table, Typography } from 'antd';
import type { Dashboard } from '../../../shared/api/reports.contract.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { formatRate, periodParamOf, renewalsHref, reportsHref, upcomingHref } from '../reports/reportLinks.ts';
import { NumberLink } from '../../components/NumberLink.tsx';
import { NO_OWNER } from '../reports/useReportParams.ts';

type Owner = Dashboard['owners'][number];

/** Per owner: what is due within 90 days, what is overdue, and this year's rates; each opens its list for that owner. */
export function OwnersCard({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const ytd = periodParamOf(data.rates.yearToDate.period);
  const name = (o: Owner) => o.ownerName ?? t('reportFigures.noOwner');
  // The 续约 list filters by an owner but has no "no owner" filter: the unassigned row's open terms are plain
  // numbers rather than links to a list that would show everyone's.
  const bucket = (o: Owner, b: { count: number; amountFen: number }, to: string, title: string) => {
    const count = t('reports.count', { n: b.count });
    const amount = formatMoney(b.amountFen);
    const label = `${name(o)} ${title}`;
    return (
      <>
        {o.ownerId ? <NumberLink to={to} label={label} value={count} /> : count}
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {o.ownerId ? <NumberLink to={to} label={label} value={amount} /> : amount}
        </Typography.Text>
      </>
    );
  };
  return (
    <Card title={t('dashboard.ownersTitle')} style={{ marginTop: 16 }}>
      <Table<Owner>
        size="small"
        pagination={false}
        rowKey={(o) => o.ownerId ?? ''}
        dataSource={data.owners}
        columns={[
          { title: t('dashboard.colOwner'), key: 'owner', render: (_: unknown, o: Owner) => name(o) },
          {
            title: t('dashboard.colUpcoming90'),
            key: 'upcoming90',
            align: 'right',
            render: (_: unknown, o: Owner) => bucket(o, o.upcoming90, upcomingHref(data.today, 90, o.ownerId), t('dashboard.colUpcoming90')),
          },
          {
            title: t('dashboard.colOverdue'),
            key: 'overdue',
            align: 'right',
            render: (_: unknown, o: Owner) => bucket(o, o.overdue, renewalsHref({ tab: 'overdue', owner: o.ownerId }), t('dashboard.colOverdue')),
          },
          ...(['byCount', 'byAmount'] as const).map((which) => ({
            title: t(which === 'byCount' ? 'dashboard.colYtdByCount' : 'dashboard.colYtdByAmount'),
            key: which,
            align: 'right' as const,
            render: (_: unknown, o: Owner) => (
              <NumberLink
                to={reportsHref({ period: ytd, outcome: 'renewed', owner: o.ownerId ?? NO_OWNER })}
                label={`${name(o)} ${t(which === 'byCount' ? 'dashboard.colYtdByCount' : 'dashboard.colYtdByAmount')}`}
                value={formatRate(o.yearToDate[which])}
              />
            ),
          })),
        ]}
      />
    </Card>
  );
}
