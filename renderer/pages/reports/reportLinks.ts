import { addDaysIso } from '../../../shared/domain/dates.ts';
import type { ReportPeriod } from '../../../shared/reports/reportPeriod.ts';

// Where a number on the dashboard or a report leads: the 续约 list (its tab and filters in the URL) or the
// report's own list of terms. Kept here, as plain functions, so a test pins them.

export type RenewalTab = 'overdue' | '7' | '30' | '90' | 'custom' | 'history';
export type TermOutcome = 'due' | 'renewed' | 'lost' | 'pending';

interface RenewalListLink {
  tab: RenewalTab;
  from?: string;
  to?: string;
  owner?: string | null;
  tier?: string;
}

/** The 续约 list with a tab and filters, e.g. /renewals?tab=90&owner=01H… */
export function renewalsHref(link: RenewalListLink): string {
  const q = new URLSearchParams({ tab: link.tab });
  if (link.from) q.set('from', link.from);
  if (link.to) q.set('to', link.to);
  if (link.owner) q.set('owner', link.owner);
  if (link.tier) q.set('tier', link.tier);
  return `/renewals?${q.toString()}`;
}

/** The undecided terms ending within `days` days from today, as the 续约 list shows them (a tab, or a custom range). */
export function upcomingHref(today: string, days: number, owner?: string | null): string {
  if (days === 7 || days === 30 || days === 90) return renewalsHref({ tab: String(days) as RenewalTab, owner });
  return renewalsHref({ tab: 'custom', from: today, to: addDaysIso(today, days), owner });
}

interface ReportLink {
  period: string;
  outcome?: TermOutcome;
  owner?: string | null;
  tier?: string;
  cycle?: string;
  by?: string;
}

/** The report of a period, opened at one of its lists of terms. */
export function reportsHref(link: ReportLink): string {
  const q = new URLSearchParams({ period: link.period });
  if (link.by) q.set('by', link.by);
  if (link.outcome) q.set('outcome', link.outcome);
  if (link.owner) q.set('owner', link.owner);
  if (link.tier) q.set('tier', link.tier);
  if (link.cycle) q.set('cycle', link.cycle);
  return `/reports?${q.toString()}`;
}

function lastDayOfMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The shortest way to write a period: 2026, 2026-Q3, 2026-07, or 2026-01-01..2026-06-30. */
export function periodParamOf({ from, to }: ReportPeriod): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  if (d === 1 && from.slice(0, 4) === to.slice(0, 4)) {
    if (m === 1 && to === `${y}-12-31`) return String(y);
    if (to === lastDayOfMonth(y, m)) return from.slice(0, 7);
    if ((m - 1) % 3 === 0 && to === lastDayOfMonth(y, m + 2)) return `${y}-Q${(m - 1) / 3 + 1}`;
  }
  return `${from}..${to}`;
}

/** A rate as a percentage with one decimal, or — when it has no denominator. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
