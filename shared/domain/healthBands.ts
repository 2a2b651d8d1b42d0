// The health score's bands and the shape of one factor's contribution (issue 13). The score starts at 100 and each
// factor takes points off, capped per factor; the bands are fixed: ≥ 70 健康, 40–69 关注, < 40 高危.
// The factors, their weights and the computation live in healthScore.ts; this file is what every reader shares.
import { addDaysIso } from './dates.ts';
import { decodeStoredFactors } from './storedHealthFactors.ts';

export const HEALTH_BANDS = ['healthy', 'watch', 'danger'] as const;
export type HealthBand = (typeof HEALTH_BANDS)[number];

export const HEALTH_FACTORS = [
  'paymentDelay',
  'usageDrop',
  'interactionChange',
  'competitorEvent',
  'noRecentFollowUp',
  'openComplaints',
  'lowSatisfaction',
  'noPhoneContact',
] as const;
export type HealthFactor = (typeof HEALTH_FACTORS)[number];

/** One factor's part of a score: the points it took off (≤ 0) and what it measured, for "回款逾期 23 天: −18". */
export interface HealthFactorContribution {
  factor: HealthFactor;
  /** Points taken off, 0 or negative, already capped. */
  points: number;
  /** What the factor measured (days, percent, count); null when it had nothing to measure. */
  measured: number | null;
  /** Why a factor had nothing to measure: too little data, or a source the archive does not have yet. */
  absent?: 'notEnoughData' | 'notAvailable';
  /**
   * A count of days that grows with the calendar (the silence since the latest follow-up): the local date it counts
   * from. Stored so, with measured null, the daily recompute need not rewrite every customer for one more day;
   * factorsOn fills measured as of the day the factors are read.
   */
  since?: string;
}

/** Whole days from one 'YYYY-MM-DD' to another (negative when `to` comes first); NaN when either does not parse. */
export function daysFromTo(from: string, to: string): number {
  const day = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / 86_400_000;
  return day(to) - day(from);
}

/** The factors as of `today`: each day count kept as its start date (since) measured again, never below 0. */
export function factorsOn(factors: readonly HealthFactorContribution[], today: string): HealthFactorContribution[] {
  return factors.map((f) => (f.since === undefined ? f : { ...f, measured: Math.max(0, daysFromTo(f.since, today)) }));
}

/** Stored factors (customer_health.factors, storedHealthFactors.ts) as of `today`. */
export function storedFactorsOn(text: string, today: string): HealthFactorContribution[] {
  return factorsOn(decodeStoredFactors(text), today);
}

export const HEALTHY_FROM = 70;
export const WATCH_FROM = 40;

export function bandOf(score: number): HealthBand {
  return score >= HEALTHY_FROM ? 'healthy' : score >= WATCH_FROM ? 'watch' : 'danger';
}

/** A customer's current score as stored. */
export interface CustomerHealth {
  customerId: string;
  score: number;
  band: HealthBand;
  factors: HealthFactorContribution[];
  computedAt: string;
}

export interface HealthWeekPoint {
  weekOf: string;
  score: number;
  band: HealthBand;
}

/**
 * The weekly history from `fromWeek` to `thisWeek` (Mondays), a point per week: the score the customer ended the week
 * with. Week rows are stored only when a score leaves its week (the recompute keeps the replaced score), so a week
 * without a row carries the latest earlier row forward, and the current score stands for every week from the one
 * it was computed in. `rows` ascending, the latest one before `fromWeek` included; weeks before any score are left out.
 */
export function weeklyPoints(rows: readonly HealthWeekPoint[], current: { weekOf: string; score: number } | null, fromWeek: string, thisWeek: string): HealthWeekPoint[] {
  const out: HealthWeekPoint[] = [];
  let i = 0;
  let last: HealthWeekPoint | null = null;
  for (let week = fromWeek; week <= thisWeek; week = addDaysIso(week, 7)) {
    if (current && week >= current.weekOf) {
      out.push({ weekOf: week, score: current.score, band: bandOf(current.score) });
      continue;
    }
    while (i < rows.length && rows[i]!.weekOf <= week) last = rows[i++]!;
    if (last) out.push({ weekOf: week, score: last.score, band: last.band });
  }
  return out;
}

/** The week's Monday of a date, 'YYYY-MM-DD': the key of the weekly history. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}
