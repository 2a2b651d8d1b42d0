// The health score's bands and the shape of one factor's contribution (issue 13). The score starts at 100 and each
// factor takes points off, capped per factor; the bands are fixed: ≥ 70 健康, 40–69 关注, < 40 高危.
// The factors, their weights and the computation live in healthScore.ts; this file is what every reader shares.

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

/** The week's Monday of a date, 'YYYY-MM-DD': the key of the weekly history. */
export function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}
