import { Card, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import type { HealthBand, HealthFactorContribution } from '../../../shared/domain/healthBands.ts';
import { factorCaps, DEFAULT_HEALTH_WEIGHTS } from '../../../shared/domain/healthScore.ts';
import { useApiQuery } from '../../api/useApi.ts';
import { EChart, type ChartOption } from '../../components/charts/EChart.tsx';
import { QueryErrorAlert } from '../../components/QueryErrorAlert.tsx';
import { useI18n } from '../../i18n/useI18n.ts';

type T = ReturnType<typeof useI18n>['t'];

export const BAND_COLOR: Record<HealthBand, string> = { healthy: 'green', watch: 'gold', danger: 'red' };
const BAND_STROKE: Record<HealthBand, string> = { healthy: '#52c41a', watch: '#faad14', danger: '#ff4d4f' };

/** Points off as the panel writes them: "−18", "0". */
export const pointsText = (points: number): string => (points < 0 ? `\u2212${-points}` : '0');
const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `\u2212${-n}` : '0');

/** What a factor measured, in words ("回款逾期 23 天"). */
export function factorWords(t: T, f: HealthFactorContribution): string {
  if (f.absent) return t(`health.absent.${f.absent}`);
  const m = f.measured ?? 0;
  switch (f.factor) {
    case 'paymentDelay':
      return m > 0 ? t('health.words.paymentDelay', { days: m }) : t('health.words.paymentOnTime');
    case 'usageDrop':
      return m >= 0 ? t('health.words.usageDrop', { percent: m }) : t('health.words.usageRise', { percent: -m });
    case 'interactionChange':
      if (f.points === 0) return t('health.words.interactionSteady');
      return m > 0 ? t('health.words.interactionRise', { change: m }) : t('health.words.interactionDrop', { change: -m });
    case 'competitorEvent':
      return m > 0 ? t('health.words.competitorEvent', { count: m }) : t('health.words.competitorNone');
    case 'noRecentFollowUp':
      return m > 0 ? t('health.words.noRecentFollowUp', { days: m }) : t('health.words.inTouchToday');
    case 'openComplaints':
      return t('health.words.openComplaints', { count: m });
    case 'lowSatisfaction':
      return t('health.words.lowSatisfaction', { value: m });
    case 'noPhoneContact':
      return f.points < 0 ? t('health.words.noPhoneContact') : t('health.words.phoneContact', { count: m });
  }
}

export function BandTag({ band }: { band: HealthBand }) {
  const { t } = useI18n();
  return <Tag color={BAND_COLOR[band]}>{t(`health.band.${band}`)}</Tag>;
}

function Sparkline({ weeks, label }: { weeks: { weekOf: string; score: number }[]; label: string }) {
  const option: ChartOption = {
    animation: false,
    grid: { left: 2, right: 2, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, data: weeks.map((w) => w.weekOf) },
    yAxis: { type: 'value', show: false, min: 0, max: 100 },
    tooltip: { trigger: 'axis' },
    series: [{ type: 'line', data: weeks.map((w) => w.score), symbolSize: 4, lineStyle: { width: 2 } }],
  };
  return <EChart option={option} label={label} height={48} />;
}

/** 健康度: the score and band, what each factor took off and why, the change since last week and 12 weeks of history. */
export function HealthCard({ customerId }: { customerId: string }) {
  const { t } = useI18n();
  const q = useApiQuery('health:get', { customerId });
  const weights = useApiQuery('health:weights', {});
  const caps = factorCaps(weights.data?.weights ?? DEFAULT_HEALTH_WEIGHTS);
  const h = q.data;
  return (
    <Card title={t('health.title')} size="small" loading={q.isPending} data-testid="health-card">
      {q.error ? <QueryErrorAlert error={q.error} onRetry={() => void q.refetch()} /> : null}
      {h ? (
        <Flex vertical gap={10}>
          <Flex gap={12} align="center" wrap>
            {h.score !== null && h.band !== null ? (
              <>
                <Typography.Text strong style={{ fontSize: 28, lineHeight: 1 }} data-testid="health-score">
                  {h.score}
                </Typography.Text>
                <BandTag band={h.band} />
                <Typography.Text type="secondary" data-testid="health-change">
                  {h.changeSinceLastWeek === null ? t('health.noLastWeek') : t('health.change', { change: signed(h.changeSinceLastWeek) })}
                </Typography.Text>
              </>
            ) : (
              <Typography.Text type="secondary">{t('health.notScored')}</Typography.Text>
            )}
          </Flex>
          {h.weeks.length > 1 ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('health.history')}
              </Typography.Text>
              <Sparkline weeks={h.weeks} label={t('health.history')} />
            </div>
          ) : h.weeks.length === 1 ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('health.historyOneWeek')}
            </Typography.Text>
          ) : null}
          <Flex vertical gap={4} data-testid="health-factors">
            {h.factors.map((f) => {
              const cap = caps[f.factor];
              const absent = f.absent !== undefined;
              return (
                <div key={f.factor} data-factor={f.factor}>
                  <Flex justify="space-between" gap={8}>
                    <Typography.Text type={absent ? 'secondary' : undefined}>
                      {absent ? `${t(`health.factor.${f.factor}`)} · ${factorWords(t, f)}` : factorWords(t, f)}
                    </Typography.Text>
                    <Tooltip title={t('health.weights.default', { value: `\u2212${cap}` })}>
                      <Typography.Text strong={f.points < 0} type={f.points < 0 ? 'danger' : 'secondary'}>
                        {pointsText(f.points)}
                      </Typography.Text>
                    </Tooltip>
                  </Flex>
                  <Progress
                    percent={cap > 0 ? Math.round((-f.points / cap) * 100) : 0}
                    showInfo={false}
                    size="small"
                    strokeColor={h.band ? BAND_STROKE[h.band] : undefined}
                    aria-label={`${t(`health.factor.${f.factor}`)} ${pointsText(f.points)}`}
                  />
                </div>
              );
            })}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('health.hint')}
          </Typography.Text>
        </Flex>
      ) : null}
    </Card>
  );
}
