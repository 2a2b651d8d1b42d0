// The renewal prediction's features (issue 13): what db/repositories/predictionFeatures.ts reads of a term as of
// its as-of date (a decided term's end date − 90 days, a live one's today), turned into numbers. Each feature is capped so that one extreme archive
// row does not dominate the standardization.
import { differenceInCalendarDays } from 'date-fns';
import { parseIsoDate } from './dates.ts';
import { INTERACTION_CHANGE_SHARE, INTERACTION_MIN_CHANGE, monthsBetween, usageDrop } from './riskSignals.ts';

export interface TermFacts {
  termId: string;
  customerId: string;
  customerName: string;
  contractNo: string;
  endsOn: string;
  asOf: string;
  /** 1 renewed, 0 lost, null undecided. */
  outcome: 0 | 1 | null;
  amountFen: number | null;
  cycle: string | null;
  /** The customer's tier code as it is today (customers.tier) and that tier's rank (lower is higher). */
  tier: string;
  tierRank: number | null;
  /** Terms before this one in its renewal chain (renewal_of links). */
  earlierTerms: number;
  /** The largest delay in days over the customer's instalments due in the year before the as-of date, as they stood then. */
  paymentDelayDays: number;
  /** The latest (up to 4) usage figures of each period kind whose period had ended by the as-of date, newest first. */
  usage: { periodKind: string; periodStart: string; value: number }[];
  /** 咨询 + 工单 follow-ups in each of the 4 whole local months before the as-of date's month (YYYY-MM → count). */
  interactions: Map<string, number>;
  /** Competitor events dated in the 90 days up to the as-of date. */
  competitorEvents90: number;
  /** The local date of the latest follow-up on or before the as-of date; null if none. */
  lastFollowUpOn: string | null;
  hasPhoneContact: boolean;
}

export const PREDICTION_FEATURES = [
  'paymentDelay',
  'usageDrop',
  'interactionChange',
  'competitorEvents',
  'daysSinceFollowUp',
  'noPhoneContact',
  'amountLog',
  'cycleMonths',
  'tierRank',
  'earlierRenewals',
] as const;
export type PredictionFeature = (typeof PREDICTION_FEATURES)[number];

/** With no follow-up at all, or one longer ago, days since the last one count as this. */
export const FOLLOW_UP_DAYS_CAP = 365;
const CYCLE_MONTHS: Record<string, number> = { month: 1, quarter: 3, half_year: 6, year: 12, once: 0 };
/** A customer without a known tier counts as the lowest built-in one (普通, rank 30). */
const DEFAULT_TIER_RANK = 30;
const USAGE_KIND_PREFERENCE = ['month', 'week', 'quarter'];

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const monthOf = (date: string) => date.slice(0, 7);
function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** Percent below the average of the 3 periods before the latest (0 for a rise or too little data), of the first kind that has 4. */
export function usageDropAsOf(usage: TermFacts['usage']): number {
  for (const kind of USAGE_KIND_PREFERENCE) {
    const s = usageDrop(usage.filter((u) => u.periodKind === kind).map((u) => ({ period: u.periodStart, value: u.value })));
    if (s.kind === 'measured') return clamp(s.dropPercent, 0, 100);
  }
  return 0;
}

/**
 * How sudden the change in 咨询 + 工单 was in the last whole month before the as-of date's month against the 3 before
 * it: |latest − mean| / max(2, 50% of the mean), capped at 3 (≥ 1 is what the health score calls a sudden change).
 */
export function interactionShiftAsOf(interactions: ReadonlyMap<string, number>, asOf: string): number {
  const last = addMonths(monthOf(asOf), -1);
  const months = monthsBetween(addMonths(last, -3), last);
  const series = months.map((m) => interactions.get(m) ?? 0);
  const latest = series[3] ?? 0;
  const mean = (series[0]! + series[1]! + series[2]!) / 3;
  return clamp(Math.abs(latest - mean) / Math.max(INTERACTION_MIN_CHANGE, INTERACTION_CHANGE_SHARE * mean), 0, 3);
}

/** The feature vector of a term, in PREDICTION_FEATURES order. */
export function featureVector(f: TermFacts): number[] {
  const sinceFollowUp = f.lastFollowUpOn === null ? FOLLOW_UP_DAYS_CAP : clamp(differenceInCalendarDays(parseIsoDate(f.asOf), parseIsoDate(f.lastFollowUpOn)), 0, FOLLOW_UP_DAYS_CAP);
  const byFeature: Record<PredictionFeature, number> = {
    paymentDelay: clamp(f.paymentDelayDays, 0, 180),
    usageDrop: usageDropAsOf(f.usage),
    interactionChange: interactionShiftAsOf(f.interactions, f.asOf),
    competitorEvents: clamp(f.competitorEvents90, 0, 5),
    daysSinceFollowUp: sinceFollowUp,
    noPhoneContact: f.hasPhoneContact ? 0 : 1,
    amountLog: Math.log1p(Math.max(0, f.amountFen ?? 0) / 100),
    cycleMonths: f.cycle === null ? 0 : (CYCLE_MONTHS[f.cycle] ?? 0),
    tierRank: f.tierRank ?? DEFAULT_TIER_RANK,
    earlierRenewals: clamp(f.earlierTerms, 0, 10),
  };
  return PREDICTION_FEATURES.map((k) => byFeature[k]);
}
