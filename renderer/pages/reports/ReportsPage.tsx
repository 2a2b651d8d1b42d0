import { PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Tag } from 'antd';
import { useEffect } from 'react';
import { cycleLabels, labelOf } from '../../../shared/i18n/enumLabels.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { ReportExportButton } from '../../components/export/ReportExportButton.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { todayIso } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { useTiers } from '../../hooks/useTiers.ts';
import { BreakdownCard } from './BreakdownCard.tsx';
import { CohortsCard } from './CohortsCard.tsx';
import { groupLabel } from './groupLabel.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ReportDefinitions } from './ReportDefinitions.tsx';
import { ReportSummary } from './ReportSummary.tsx';
import { OUTCOME_TITLES, TermsCard } from './TermsCard.tsx';
import { NO_CYCLE, useReportParams } from './useReportParams.ts';

/** 报表: one period's renewals: the figures, the breakdown, cohorts, and the lists of terms behind them. */
export function ReportsPage() {
  const { t, locale } = useI18n();
  const { label: tierLabel } = useTiers();
  const { params, update } = useReportParams(todayIso());
  const report = useApiQuery('reports:renewal', { period: params.period, by: params.by }, { keepPrevious: true });
  const cohorts = useApiQuery('reports:cohorts', { period: params.period }, { keepPrevious: true });
  const data = report.data;

  // Opened from a number elsewhere: show the list it stands for.
  useEffect(() => {
    if (new URLSearchParams(window.location.hash.split('?')[1] ?? '').has('outcome')) {
      document.getElementById('report-terms')?.scrollIntoView();
    }
  }, []);

  const ownerGroup = params.by === 'owner' ? data?.groups?.find((g) => g.key === params.ownerId) : undefined;
  const ownerName = ownerGroup ? groupLabel('owner', ownerGroup.key, ownerGroup.label, t, locale) : params.ownerId;
  const filtered = Boolean(params.ownerId || params.tier || params.cycle);
  const counts = data && !filtered ? { due: data.due.count, renewed: data.renewed.count, lost: data.lost.count, pending: data.pending.count } : {};

  return (
    <>
      <PageHeader
        title={t('nav.reports')}
        subtitle={t('reports.subtitle')}
        extra={
          <>
            <ReportExportButton report={{ period: params.period, by: params.by }} list={params.outcome} listName={t(OUTCOME_TITLES[params.outcome])} />
            <Button className="no-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('reports.print')}
            </Button>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} className="report-card">
        <Flex gap={12} wrap align="center">
          <PeriodPicker period={params.period} onChange={(period) => update({ period })} />
          {params.ownerId ? (
            <Tag closable onClose={() => update({ ownerId: null })}>
              {t('reports.colOwner')} · {ownerName}
            </Tag>
          ) : null}
          {params.tier ? (
            <Tag closable onClose={() => update({ tier: null })}>
              {t('reports.colTier')} · {tierLabel(params.tier)}
            </Tag>
          ) : null}
          {params.cycle ? (
            <Tag closable onClose={() => update({ cycle: null })}>
              {t('reports.colCycle')} · {params.cycle === NO_CYCLE ? t('reportFigures.noCycle') : labelOf(cycleLabels, params.cycle, locale)}
            </Tag>
          ) : null}
        </Flex>
      </Card>
      {report.error ? <QueryErrorAlert error={report.error} onRetry={() => void report.refetch()} /> : null}
      {data ? <ReportSummary report={data} period={params.period} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <BreakdownCard report={data} period={params.period} by={params.by} onBy={(by) => update({ by, ownerId: null, tier: null, cycle: null })} />
        </Col>
        <Col xs={24} xl={10}>
          <CohortsCard items={cohorts.data?.items ?? []} />
        </Col>
      </Row>
      <TermsCard params={params} update={update} counts={counts} />
      <ReportDefinitions />
    </>
  );
}
