import { PrinterOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Select, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import type { HealthBand } from '../../../shared/domain/healthBands.ts';
import { formatMoney } from '../../../shared/domain/money.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { TierTag } from '../../components/TierTag.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { HistoryTable } from './ManagerDialogs.tsx';
import { VisitExportButton } from './VisitExportButton.tsx';
import { CountsText } from './visitTags.tsx';

/**
 * 年度回顾 of one key customer: contract value, renewals, follow-ups and complaints, the visit plan's adherence, health
 * and risk, and the manager history. 打印 prints this page alone (the print stylesheet hides the menu and buttons).
 */
export function KeyReviewPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayIso().slice(0, 4));
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const review = useApiQuery('visits:review', { customerId: id, year });
  const r = review.data;
  const years = [thisYear - 2, thisYear - 1, thisYear];
  return (
    <>
      <PageHeader
        top={<Breadcrumb className="no-print" style={{ marginBottom: 8 }} items={[{ title: <Link to="/key-customers">{t('visits.keyTitle')}</Link> }, { title: t('visits.review.title') }]} />}
        title={r ? t('visits.review.heading', { name: r.customerName, year }) : t('visits.review.title')}
        extra={
          <>
            <Select<number>
              aria-label={t('visits.year')}
              className="no-print"
              value={year}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              style={{ width: 100 }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
            <VisitExportButton year={year} />
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('visits.review.print')}
            </Button>
          </>
        }
      />
      {review.error ? <QueryErrorAlert error={review.error} onRetry={() => void review.refetch()} /> : null}
      {r ? (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('visits.column.tier')}><TierTag tier={r.tier} /></Descriptions.Item>
              <Descriptions.Item label={t('visits.column.manager')}>{r.managerName ?? '—'} / {r.backupName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('visits.sheet.contractsStarted')}>{r.contractsStarted}</Descriptions.Item>
              <Descriptions.Item label={t('visits.sheet.contractValue')}>{formatMoney(r.contractValueFen)}</Descriptions.Item>
              <Descriptions.Item label={t('visits.review.renewals')}>{t('visits.review.renewalsText', { due: r.termsDue, renewed: r.renewed, lost: r.lost })}</Descriptions.Item>
              <Descriptions.Item label={t('visits.sheet.renewedAmount')}>{formatMoney(r.renewedAmountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('visits.sheet.followUps')}>{r.followUps}</Descriptions.Item>
              <Descriptions.Item label={t('visits.sheet.complaints')}>{r.complaintFollowUps}</Descriptions.Item>
              <Descriptions.Item label={t('visits.review.complaints')}>{t('visits.review.complaintsText', { n: r.complaintsReceived, open: r.complaintsOpen })}</Descriptions.Item>
              <Descriptions.Item label={t('visits.review.satisfaction')}>
                {r.satisfactionAverage === null ? t('visits.review.noSurvey') : t('visits.review.satisfactionText', { n: r.surveys, average: r.satisfactionAverage.toFixed(2) })}
              </Descriptions.Item>
              <Descriptions.Item label={t('visits.review.visits')}><CountsText counts={r.visits} /></Descriptions.Item>
              <Descriptions.Item label={t('visits.review.risk')}>
                {r.healthScore === null ? t('visits.review.noScore') : t('visits.review.riskText', { score: r.healthScore, band: t(`risk.band.${(r.healthBand ?? 'healthy') as HealthBand}`), n: r.openWarnings })}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('visits.historyHeading')}>
            {r.history.length > 0 ? <HistoryTable items={r.history} /> : <Typography.Text>{t('visits.historyEmpty')}</Typography.Text>}
          </Card>
        </>
      ) : null}
    </>
  );
}
