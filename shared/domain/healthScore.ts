// The health score (issue 13): 100 minus what each factor takes off, every factor capped, the total kept within
// 0..100. Pure: the recompute (electron/services/health) gathers each customer's measured facts with a few
// aggregate queries and calls scoreHealth; the weights come from 设置 (defaults below, as the issue gives them).
// Each factor's points are rounded to whole points before they are added, so the score is exactly 100 plus the
// points the panel shows.
import { bandOf, type HealthBand, type HealthFactorContribution } from './healthBands.ts';
import { interactionChange, usageDrop, type PeriodValue } from './riskSignals.ts';

export interface HealthWeights {
  /** 回款逾期: points per day of the largest delay, and the most it takes off. */
  paymentDelayPerDay: number;
  paymentDelayCap: number;
  /** 用量下降: points per percent below the average of the 3 previous periods, and the most. */
  usageDropPerPercent: number;
  usageDropCap: number;
  /** 咨询/工单 sudden rise or drop (riskSignals.ts interactionChange). */
  interactionChangePoints: number;
  /** A competitor event in the last COMPETITOR_WINDOW_DAYS days. */
  competitorEventPoints: number;
  /** No follow-up for NO_FOLLOW_UP_DAYS days. */
  noFollowUpPoints: number;
  /** Each open complaint, and the most (customer care, issue 14: not available yet). */
  openComplaintPoints: number;
  openComplaintsCap: number;
  /** Average satisfaction below SATISFACTION_FLOOR of 5: the most it takes off (at 1 of 5). Issue 14 as well. */
  lowSatisfactionCap: number;
  /** No contact person with a phone. */
  noPhoneContactPoints: number;
}

export const DEFAULT_HEALTH_WEIGHTS: Readonly<HealthWeights> = {
  paymentDelayPerDay: 1,
  paymentDelayCap: 30,
  usageDropPerPercent: 0.5,
  usageDropCap: 25,
  interactionChangePoints: 10,
  competitorEventPoints: 15,
  noFollowUpPoints: 10,
  openComplaintPoints: 10,
  openComplaintsCap: 20,
  lowSatisfactionCap: 15,
  noPhoneContactPoints: 5,
};

export const HEALTH_WEIGHT_KEYS = Object.keys(DEFAULT_HEALTH_WEIGHTS) as (keyof HealthWeights)[];

export const COMPETITOR_WINDOW_DAYS = 90;
export const NO_FOLLOW_UP_DAYS = 60;
export const SATISFACTION_FLOOR = 3;
/** A settled instalment counts when it was paid late within this many days. */
export const PAID_LATE_LOOKBACK_DAYS = 180;

/** What the score reads of one customer, measured on one day. */
export interface HealthFacts {
  customerId: string;
  /**
   * The largest delay in days (paymentDelay.ts instalmentStanding) among the instalments of the customer's live,
   * not terminated contracts that are unpaid past due today, or were paid late within PAID_LATE_LOOKBACK_DAYS; 0 when none.
   */
  paymentDelayDays: number;
  /** Monthly usage figures (at least the latest 4); usageDrop compares the latest with the 3 before it. */
  usage: readonly PeriodValue[];
  /** 咨询 + 工单 per local month (YYYY-MM), up to `month`; a month missing counts 0 from the first one given. */
  interactions: readonly PeriodValue[];
  /** The current local month, YYYY-MM: the latest period of the interaction rule. */
  month: string;
  /** Competitor events dated within the last COMPETITOR_WINDOW_DAYS days (today included). */
  competitorEvents: number;
  /** Days since the latest follow-up (since the customer was created when there is none); null when unknown. */
  daysSinceFollowUp: number | null;
  /** The local date those days count from, when known: kept in the factor (since) so its day count is read fresh. */
  followUpSince?: string;
  /** Live contacts with a phone number. */
  phoneContacts: number;
  /** Complaints not closed (issue 14's 投诉); null when the archive has no complaints to read (scored as not available). */
  openComplaints: number | null;
  /** The average of every dimension score of the surveys of the last 12 months (1..5); null when none (too little data). */
  averageSatisfaction: number | null;
}

export interface HealthScore {
  score: number;
  band: HealthBand;
  factors: HealthFactorContribution[];
}

/** Points off as a contribution: 0 or negative, never −0. */
const off = (points: number): number => (points <= 0 ? 0 : -points);
const capped = (raw: number, cap: number): number => off(Math.min(Math.max(0, cap), Math.round(Math.max(0, raw))));

export function scoreHealth(f: HealthFacts, w: HealthWeights = DEFAULT_HEALTH_WEIGHTS): HealthScore {
  const factors: HealthFactorContribution[] = [];
  const delay = Math.max(0, f.paymentDelayDays);
  factors.push({ factor: 'paymentDelay', points: capped(delay * w.paymentDelayPerDay, w.paymentDelayCap), measured: delay });

  const usage = usageDrop(f.usage);
  if (usage.kind === 'measured') {
    factors.push({ factor: 'usageDrop', points: capped(usage.dropPercent * w.usageDropPerPercent, w.usageDropCap), measured: usage.dropPercent });
  } else {
    factors.push({ factor: 'usageDrop', points: 0, measured: null, absent: 'notEnoughData' });
  }

  const interactions = interactionChange(f.interactions, f.month);
  if (interactions.kind === 'notEnoughData') {
    factors.push({ factor: 'interactionChange', points: 0, measured: null, absent: 'notEnoughData' });
  } else {
    const change = Math.round((interactions.latest - interactions.mean) * 10) / 10;
    factors.push({ factor: 'interactionChange', points: interactions.kind === 'steady' ? 0 : capped(w.interactionChangePoints, w.interactionChangePoints), measured: change });
  }

  factors.push({ factor: 'competitorEvent', points: f.competitorEvents > 0 ? capped(w.competitorEventPoints, w.competitorEventPoints) : 0, measured: f.competitorEvents });

  if (f.daysSinceFollowUp === null) {
    factors.push({ factor: 'noRecentFollowUp', points: 0, measured: null, absent: 'notEnoughData' });
  } else {
    const quiet = f.daysSinceFollowUp >= NO_FOLLOW_UP_DAYS;
    const points = quiet ? capped(w.noFollowUpPoints, w.noFollowUpPoints) : 0;
    factors.push(
      f.followUpSince === undefined
        ? { factor: 'noRecentFollowUp', points, measured: f.daysSinceFollowUp }
        : { factor: 'noRecentFollowUp', points, measured: f.daysSinceFollowUp, since: f.followUpSince },
    );
  }

  if (f.openComplaints === null) {
    factors.push({ factor: 'openComplaints', points: 0, measured: null, absent: 'notAvailable' });
  } else {
    factors.push({ factor: 'openComplaints', points: capped(f.openComplaints * w.openComplaintPoints, w.openComplaintsCap), measured: f.openComplaints });
  }

  if (f.averageSatisfaction === null) {
    factors.push({ factor: 'lowSatisfaction', points: 0, measured: null, absent: 'notEnoughData' });
  } else {
    // Linear below the floor: nothing at 3 of 5, the whole cap at 1 of 5.
    const below = Math.max(0, SATISFACTION_FLOOR - f.averageSatisfaction) / (SATISFACTION_FLOOR - 1);
    factors.push({ factor: 'lowSatisfaction', points: capped(below * w.lowSatisfactionCap, w.lowSatisfactionCap), measured: f.averageSatisfaction });
  }

  factors.push({ factor: 'noPhoneContact', points: f.phoneContacts > 0 ? 0 : capped(w.noPhoneContactPoints, w.noPhoneContactPoints), measured: f.phoneContacts });

  const score = Math.min(100, Math.max(0, 100 + factors.reduce((sum, c) => sum + c.points, 0)));
  return { score, band: bandOf(score), factors };
}

/** The most each factor can take off with these weights (the fast-check bound, and the 设置 page's summary). */
export function factorCaps(w: HealthWeights): Record<HealthFactorContribution['factor'], number> {
  return {
    paymentDelay: w.paymentDelayCap,
    usageDrop: w.usageDropCap,
    interactionChange: w.interactionChangePoints,
    competitorEvent: w.competitorEventPoints,
    noRecentFollowUp: w.noFollowUpPoints,
    openComplaints: w.openComplaintsCap,
    lowSatisfaction: w.lowSatisfactionCap,
    noPhoneContact: w.noPhoneContactPoints,
  };
}
