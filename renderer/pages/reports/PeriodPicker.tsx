import { DatePicker, Flex, Segmented, Typography } from 'antd';
import dayjs from 'dayjs';
import { parseReportPeriod } from '../../../shared/reports/reportPeriod.ts';
import { fromDayjs, PICKER_DATE_RANGE, toDayjs } from '../../format/dates.ts';
import { useI18n } from '../../i18n/useI18n.ts';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** Which picker a period text belongs to. */
export function periodKindOf(period: string): PeriodKind {
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-?Q[1-4]$/i.test(period)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(period)) return 'month';
  return 'custom';
}

/** The period of a kind that contains the date `day` (a custom one starts as that month). */
export function periodOfKind(kind: PeriodKind, day: string): string {
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return day.slice(0, 4);
  if (kind === 'quarter') return `${day.slice(0, 4)}-Q${Math.floor((month - 1) / 3) + 1}`;
  if (kind === 'month') return day.slice(0, 7);
  const p = parseReportPeriod(day.slice(0, 7))!;
  return `${p.from}..${p.to}`;
}

interface Props {
  period: string;
  onChange: (period: string) => void;
}

/** Month, quarter, year or a custom range of end dates. */
export function PeriodPicker({ period, onChange }: Props) {
  const { t } = useI18n();
  const kind = periodKindOf(period);
  const range = parseReportPeriod(period);
  const from = toDayjs(range?.from) ?? dayjs();
  return (
    <Flex gap={8} wrap align="center">
      <Segmented<PeriodKind>
        className="no-print"
        aria-label={t('reports.periodKind')}
        value={kind}
        onChange={(k) =>
          // Custom starts as the period on screen; the others as theirs that holds its first day.
          onChange(k === 'custom' && range ? `${range.from}..${range.to}` : periodOfKind(k, range?.from ?? dayjs().format('YYYY-MM-DD')))
        }
        options={[
          { value: 'month', label: t('reports.month') },
          { value: 'quarter', label: t('reports.quarter') },
          { value: 'year', label: t('reports.year') },
          { value: 'custom', label: t('reports.custom') },
        ]}
      />
      {kind === 'custom' ? (
        <DatePicker.RangePicker
          aria-label={t('reports.periodPick')}
          {...PICKER_DATE_RANGE}
          allowClear={false}
          value={[toDayjs(range?.from), toDayjs(range?.to)]}
          onChange={(v) => {
            const a = fromDayjs(v?.[0]);
            const b = fromDayjs(v?.[1]);
            if (a && b) onChange(`${a}..${b}`);
          }}
        />
      ) : (
        <DatePicker
          aria-label={t('reports.periodPick')}
          {...PICKER_DATE_RANGE}
          allowClear={false}
          picker={kind}
          value={from}
          format={kind === 'quarter' ? (v) => periodOfKind('quarter', v.format('YYYY-MM-DD')) : undefined}
          onChange={(v) => {
            const d = fromDayjs(v);
            if (d) onChange(periodOfKind(kind, d));
          }}
        />
      )}
      {range ? <Typography.Text type="secondary">{t('reports.periodValue', { from: range.from, to: range.to })}</Typography.Text> : null}
    </Flex>
  );
}
