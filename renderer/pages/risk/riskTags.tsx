import { Space, Tag, Typography } from 'antd';
import type { HealthBand, HealthFactorContribution } from '../../../shared/domain/healthBands.ts';
import type { WarningStatus } from '../../../shared/domain/riskWarnings.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const BAND_COLOR: Record<HealthBand, string> = { healthy: 'green', watch: 'orange', danger: 'red' };
const STATUS_COLOR: Record<WarningStatus, string> = { new: 'blue', inProgress: 'gold', resolved: 'green', churned: 'default' };

/** The score with its band: "25 高危". */
export function ScoreTag({ score, band }: { score: number | null; band: HealthBand | null }) {
  const { t } = useI18n();
  if (score === null || band === null) return <Typography.Text type="secondary">{t('risk.scoreUnknown')}</Typography.Text>;
  return (
    <Tag color={BAND_COLOR[band]}>
      {score} {t(`risk.band.${band}`)}
    </Tag>
  );
}

export function WarningStatusTag({ status }: { status: WarningStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`risk.status.${status}`)}</Tag>;
}

/** The factors that took points off, each with what it measured: "回款逾期 30 天：−30". */
export function FactorTags({ factors }: { factors: readonly HealthFactorContribution[] }) {
  const { t } = useI18n();
  const taking = factors.filter((f) => f.points < 0);
  if (taking.length === 0) return <Typography.Text type="secondary">{t('risk.noFactors')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {taking.map((f) => (
        <Tag key={f.factor}>
          {f.measured === null || f.factor === 'noPhoneContact'
            ? t('risk.factorPoints', { factor: t(`risk.factor.${f.factor}`), points: `−${Math.abs(f.points)}` })
            : t('risk.factorMeasuredPoints', {
                factor: t(`risk.factor.${f.factor}`),
                measured: t(`risk.factorMeasured.${f.factor}`, { n: Math.round(f.measured * 10) / 10 }),
                points: `−${Math.abs(f.points)}`,
              })}
        </Tag>
      ))}
    </Space>
  );
}
