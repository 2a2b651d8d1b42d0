import { Tag, Tooltip } from 'antd';
import type { VisitCountsOutput } from '../../../shared/api/visits.contract.ts';
import type { VisitStatus } from '../../../shared/domain/visitPlan.ts';
import { useI18n } from '../../i18n/useI18n.ts';

const STATUS_COLOUR: Record<VisitStatus, string> = { done: 'green', missed: 'red', due: 'orange', upcoming: 'default' };

export const percentOf = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/** A planned visit: its period and status (已完成 with the day, 已错过 flagged red, 待回访, 未开始). */
export function VisitTag({ status, periodStart, periodEnd, doneOn }: { status: VisitStatus; periodStart: string; periodEnd: string; doneOn: string | null }) {
  const { t } = useI18n();
  const label = t(`visits.status.${status}`);
  const period = `${periodStart} ~ ${periodEnd}`;
  const title = doneOn ? `${period} · ${label} ${doneOn}` : `${period} · ${label}`;
  return (
    <Tooltip title={title}>
      <Tag color={STATUS_COLOUR[status]} aria-label={title} style={{ marginInlineEnd: 4, marginBottom: 4 }}>
        {periodStart.slice(5, 7)}
        {status === 'missed' ? ' !' : status === 'done' ? ' ✓' : ''}
      </Tag>
    </Tooltip>
  );
}

export function StatusTag({ status }: { status: VisitStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOUR[status]}>{t(`visits.status.${status}`)}</Tag>;
}

/** 完成 / 错过 / 待回访 and the rate, in one line. */
export function CountsText({ counts }: { counts: VisitCountsOutput }) {
  const { t } = useI18n();
  return <span>{t('visits.countsLine', { done: counts.done, missed: counts.missed, due: counts.due, planned: counts.planned, rate: percentOf(counts.rate) })}</span>;
}
