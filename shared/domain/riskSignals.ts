// The pure rules of two issue-13 risk signals, read later by the health score: the usage drop (the latest period
// against the customer's own average of its previous 3 periods) and a sudden change in service interactions
// (咨询 + 工单 follow-ups per month). Both say "not enough data" rather than guess from fewer than 3 earlier periods.

/** How many earlier periods a signal compares the latest one with. */
export const SIGNAL_BASELINE_PERIODS = 3;

export interface PeriodValue {
  /** The period's first day, YYYY-MM-DD (or a month, YYYY-MM): sorts in time order. */
  period: string;
  value: number;
}

export type UsageDropSignal =
  | { kind: 'notEnoughData'; previousPeriods: number }
  /** The previous periods averaged 0: a drop has nothing to be measured against. */
  | { kind: 'noBaseline'; latest: number }
  /** dropPercent > 0 is a drop, < 0 a rise; one decimal. */
  | { kind: 'measured'; latest: number; average: number; dropPercent: number; latestPeriod: string };

const byPeriod = (a: PeriodValue, b: PeriodValue) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0);
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The latest period against the average of the 3 periods before it, in percent below that average. */
export function usageDrop(figures: readonly PeriodValue[]): UsageDropSignal {
  const sorted = [...figures].sort(byPeriod);
  const latest = sorted.at(-1);
  const previous = sorted.slice(-1 - SIGNAL_BASELINE_PERIODS, -1);
  if (!latest || previous.length < SIGNAL_BASELINE_PERIODS) return { kind: 'notEnoughData', previousPeriods: Math.max(0, sorted.length - 1) };
  const average = previous.reduce((sum, f) => sum + f.value, 0) / previous.length;
  if (average === 0) return { kind: 'noBaseline', latest: latest.value };
  return { kind: 'measured', latest: latest.value, average: oneDecimal(average), dropPercent: oneDecimal(((average - latest.value) / average) * 100), latestPeriod: latest.period };
}

/** The months from `first` to `last` inclusive (YYYY-MM), so that a month without interactions counts as 0. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

export type InteractionChangeSignal =
  | { kind: 'notEnoughData'; previousPeriods: number }
  | { kind: 'steady' | 'rise' | 'drop'; latest: number; mean: number; latestPeriod: string };

/** The smallest change that counts whatever the mean: 2 interactions. */
export const INTERACTION_MIN_CHANGE = 2;
/** Otherwise half the mean. */
export const INTERACTION_CHANGE_SHARE = 0.5;

/**
 * A sudden change in 咨询 + 工单 per month: |latest − mean of the previous 3 months| ≥ max(2, 50% of that mean).
 * `counts` are per month (YYYY-MM); months missing between the first and `latestMonth` count 0, and so does the
 * latest month itself when it has none.
 */
export function interactionChange(counts: readonly PeriodValue[], latestMonth: string): InteractionChangeSignal {
  const sorted = [...counts].filter((c) => c.period <= latestMonth).sort(byPeriod);
  const first = sorted[0]?.period;
  if (!first) return { kind: 'notEnoughData', previousPeriods: 0 };
  const byMonth = new Map(sorted.map((c) => [c.period, c.value]));
  const months = monthsBetween(first, latestMonth);
  const series = months.map((m) => byMonth.get(m) ?? 0);
  const previous = series.slice(-1 - SIGNAL_BASELINE_PERIODS, -1);
  if (previous.length < SIGNAL_BASELINE_PERIODS) return { kind: 'notEnoughData', previousPeriods: previous.length };
  const latest = series.at(-1) ?? 0;
  const mean = previous.reduce((s, v) => s + v, 0) / previous.length;
  const threshold = Math.max(INTERACTION_MIN_CHANGE, INTERACTION_CHANGE_SHARE * mean);
  const kind = Math.abs(latest - mean) < threshold ? 'steady' : latest > mean ? 'rise' : 'drop';
  return { kind, latest, mean: oneDecimal(mean), latestPeriod: latestMonth };
}

/** The first day of the period of `kind` that holds `date` (YYYY-MM-DD): a month's 1st, a week's Monday, a quarter's first day. */
export function periodStartOf(kind: 'month' | 'week' | 'quarter', date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const pad = (n: number) => String(n).padStart(2, '0');
  if (kind === 'month') return `${y}-${pad(m)}-01`;
  if (kind === 'quarter') return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
  const utc = new Date(Date.UTC(y, m - 1, d));
  const sinceMonday = (utc.getUTCDay() + 6) % 7;
  utc.setUTCDate(utc.getUTCDate() - sinceMonday);
  return utc.toISOString().slice(0, 10);
}
