import { Alert, Card, Descriptions, Flex, Progress, Table, Typography } from 'antd';
import type { PredictionModelReport } from '../../../shared/api/prediction.contract.ts';
import { useI18n } from '../../i18n/useI18n.ts';
import { featureLabel, percent } from './predictionLabels.ts';

/** The model in plain words: what it learnt from, its held-out AUC and calibration; or the fallback notice. */
export function ModelReportCard({ report }: { report: PredictionModelReport }) {
  const { t } = useI18n();
  if (report.status === 'fallback') {
    const reason =
      report.fallbackReason === 'oneOutcome'
        ? t('prediction.fallbackOneOutcome', { decided: report.decided })
        : t('prediction.fallbackTooFew', { decided: report.decided, needed: report.needed, endedBy: report.endedBy });
    return (
      <Card title={t('prediction.modelTitle')} style={{ marginBottom: 16 }}>
        <Alert
          type="warning"
          showIcon
          message={t('prediction.fallbackTitle')}
          description={
            <Flex vertical gap={8}>
              <span>{reason}</span>
              {report.fallbackReason === 'tooFew' ? <Progress aria-label={t('prediction.fallbackTitle')} percent={Math.min(100, Math.round((report.decided / report.needed) * 100))} format={() => `${report.decided} / ${report.needed}`} style={{ maxWidth: 360 }} /> : null}
              <span>{t('prediction.fallbackRule', { overall: percent(report.fallback.overallRate) })}</span>
            </Flex>
          }
        />
      </Card>
    );
  }
  const weights = [...report.weights].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
  return (
    <Card title={t('prediction.modelTitle')} style={{ marginBottom: 16 }}>
      <Flex vertical gap={8}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('prediction.fitted', { decided: report.decided, renewed: report.renewed, lost: report.lost })}</Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('prediction.inputs')}</Typography.Paragraph>
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('prediction.split', { train: report.trainCount, test: report.testCount, from: report.testFrom ?? '', to: report.testTo ?? '' })}
        </Typography.Paragraph>
        <Typography.Paragraph strong style={{ marginBottom: 0 }}>
          {report.auc === null ? t('prediction.aucUnknown') : t('prediction.auc', { auc: report.auc.toFixed(2), pairs: Math.round(report.auc * 100) })}
        </Typography.Paragraph>
        <Typography.Text type="secondary">{t('prediction.calibrationTitle')}</Typography.Text>
        <Table
          size="small"
          pagination={false}
          rowKey="from"
          style={{ maxWidth: 640 }}
          dataSource={report.calibration}
          columns={[
            { title: t('prediction.calibrationBand'), key: 'band', render: (_, b) => `${percent(b.from)}–${percent(b.to)}` },
            { title: t('prediction.calibrationCount'), dataIndex: 'count', align: 'right' },
            { title: t('prediction.calibrationPredicted'), key: 'p', align: 'right', render: (_, b) => (b.predicted === null ? '—' : percent(b.predicted)) },
            { title: t('prediction.calibrationObserved'), key: 'o', align: 'right', render: (_, b) => (b.observed === null ? '—' : percent(b.observed)) },
          ]}
        />
        <Typography.Text type="secondary">{t('prediction.weightsTitle')}</Typography.Text>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          {weights.map((w) => (
            <Descriptions.Item key={w.feature} label={featureLabel(t, w.feature)}>
              <Typography.Text type={w.weight < 0 ? 'danger' : w.weight > 0 ? 'success' : 'secondary'}>{w.weight > 0 ? `+${w.weight.toFixed(2)}` : w.weight.toFixed(2)}</Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Flex>
    </Card>
  );
}
