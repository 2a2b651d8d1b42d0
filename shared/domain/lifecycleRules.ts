import { subMonths } from 'date-fns';
import { msg, type Message } from '../i18n/message.ts';
import { addDaysIso, parseIsoDate, toIsoDate } from './dates.ts';

// A customer's lifecycle stage (客户阶段) and loyalty level, computed from its contract history and follow-ups.
// Pure: facts in (db/repositories/lifecycleFacts.ts reads them in one aggregate), stage and reason out.

/** In the order the default rules are tried; 'prospect' and 'churned' keep the codes of the old hand-set stage. */
export const COMPUTED_STAGES = ['churned', 'decline', 'prospect', 'new', 'mature', 'growth'] as const;
export type ComputedStage = (typeof COMPUTED_STAGES)[number];
/** The order a reader follows a customer's life (新客户 → 成长 → 成熟 → 衰退 → 流失). */
export const STAGES_IN_LIFE_ORDER: readonly ComputedStage[] = ['prospect', 'new', 'growth', 'mature', 'decline', 'churned'];

export const LOYALTY_LEVELS = ['none', 'bronze', 'silver', 'gold'] as const;
export type LoyaltyLevel = (typeof LOYALTY_LEVELS)[number];

export const WARNING_SIGNALS = ['shrinking', 'late', 'quiet', 'overdue'] as const;
export type WarningSignal = (typeof WARNING_SIGNALS)[number];

/** One term as the rules see it. */
export interface TermFacts {
  /** starts_on, else signed_on. */
  startOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
}

export interface LastTermFacts extends TermFacts {
  /** Status 'renewed' (a successor exists) or the renewal record says 已续费. */
  renewed: boolean;
  /** The renewal record says 已流失. */
  lost: boolean;
  lostReason: string | null;
  lostNote: string | null;
  /** The renewal record's outcome date. */
  outcomeOn: string | null;
}

export interface LifecycleFacts {
  customerId: string;
  /** Live, not terminated contracts. */
  terms: number;
  /** Of those, the ones renewed. */
  renewedTerms: number;
  /** The earliest term's start (starts_on, signed_on, else ends_on). */
  firstOn: string | null;
  /** Links in the renewal chain (contracts.renewal_of) that ends at the last term. */
  consecutiveRenewals: number;
  /** The term that ends last (a term without an end date counts as the latest). */
  last: LastTermFacts | null;
  /** The last term's predecessor in its chain, else the term before it. */
  previous: TermFacts | null;
  /** The local date of the latest follow-up. */
  lastFollowUpOn: string | null;
}

export interface LoyaltyThreshold {
  renewals: number;
  years: number;
}

/** Every threshold of the default rules; kept in 设置 (settings key 'lifecycle.rules') and shown on the 留存 page. */
export interface LifecycleRules {
  /** 已流失: the last term ended more than this many days ago with no successor. */
  churnAfterDays: number;
  /** 衰退期: the latest renewal dropped the amount by more than this percentage… */
  declineDropPct: number;
  /** …or started more than this many days after the term it renews ended… */
  declineLateDays: number;
  /** …or no contact for this many days while a term is active. */
  declineQuietDays: number;
  /** 成熟期: this many terms, or this many years as a customer… */
  matureTerms: number;
  matureYears: number;
  /** …with the last two terms' amounts within ± this percentage. */
  matureBandPct: number;
  /** 流失预警 signals, weaker than 衰退期's: a drop of more than this percentage… */
  warnDropPct: number;
  /** …a renewal more than this many days late… */
  warnLateDays: number;
  /** …no contact for this many days. A term past its end with no decision is always a signal. */
  warnQuietDays: number;
  /** 赢回: customers lost within this many months. */
  winBackMonths: number;
  /** A level needs either its consecutive renewals or its years as a customer. */
  loyalty: { bronze: LoyaltyThreshold; silver: LoyaltyThreshold; gold: LoyaltyThreshold };
}

export const DEFAULT_LIFECYCLE_RULES: LifecycleRules = {
  churnAfterDays: 92,
  declineDropPct: 20,
  declineLateDays: 30,
  declineQuietDays: 90,
  matureTerms: 3,
  matureYears: 2,
  matureBandPct: 10,
  warnDropPct: 5,
  warnLateDays: 7,
  warnQuietDays: 60,
  winBackMonths: 12,
  loyalty: { bronze: { renewals: 1, years: 1 }, silver: { renewals: 2, years: 3 }, gold: { renewals: 3, years: 5 } },
};

export interface LifecycleVerdict {
  stage: ComputedStage;
  reason: Message;
  loyalty: LoyaltyLevel;
  /** Whole years since the first term started. */
  years: number;
  /** Where the customer would be dated from if this is the first stage it is seen in (later changes take the day seen). */
  since: string;
  /** 已流失: the day it was lost (the outcome date, else the last term's end). */
  lostOn: string | null;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date: plain arithmetic, as the recompute runs it 100k times. */
function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Whole calendar years from `from` to `to` (a birthday count). */
export function wholeYears(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return Math.max(0, to.slice(5) < from.slice(5) ? years - 1 : years);
}

/** How much smaller the last term is than the previous one, in percent (positive = a drop); null when unknown. */
export function dropPct(f: LifecycleFacts): number | null {
  const prev = f.previous?.amountFen;
  const last = f.last?.amountFen;
  if (prev === null || prev === undefined || last === null || last === undefined || prev <= 0) return null;
  return ((prev - last) / prev) * 100;
}

/** Days between the previous term's end and the last term's start (positive = late); null when unknown. */
export function lateDays(f: LifecycleFacts): number | null {
  const start = f.last?.startOn;
  const prevEnd = f.previous?.endsOn;
  if (!start || !prevEnd) return null;
  return daysBetween(prevEnd, start) - 1;
}

/** The latest contact: the last follow-up, or the last term's start (signing a term is a contact too). */
export function lastContactOn(f: LifecycleFacts): string | null {
  const a = f.lastFollowUpOn;
  const b = f.last?.startOn ?? null;
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function loyaltyOf(consecutiveRenewals: number, years: number, rules: LifecycleRules): LoyaltyLevel {
  const meets = (t: LoyaltyThreshold) => consecutiveRenewals >= t.renewals || years >= t.years;
  if (meets(rules.loyalty.gold)) return 'gold';
  if (meets(rules.loyalty.silver)) return 'silver';
  if (meets(rules.loyalty.bronze)) return 'bronze';
  return 'none';
}

const pct = (n: number) => Math.round(n);

/** The stage by the rules in their order: 已流失, 衰退期, 潜在, 新客户, 成熟期, 成长期. */
export function evaluateLifecycle(f: LifecycleFacts, today: string, rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): LifecycleVerdict {
  const years = f.firstOn && f.firstOn <= today ? wholeYears(f.firstOn, today) : 0;
  const loyalty = f.terms > 0 ? loyaltyOf(f.consecutiveRenewals, years, rules) : 'none';
  const verdict = (stage: ComputedStage, reason: Message, since: string | null, lostOn: string | null = null): LifecycleVerdict => ({
    stage,
    reason,
    loyalty,
    years,
    since: since && since <= today ? since : today,
    lostOn,
  });
  const last = f.last;
  if (last === null || f.terms === 0) return verdict('prospect', msg('lifecycle.reason.noContract'), null);

  // 1. 已流失
  if (last.lost) {
    const lostOn = last.outcomeOn ?? last.endsOn ?? today;
    const reason = last.lostReason ? msg('lifecycle.reason.lostWith', { reason: last.lostReason }) : msg('lifecycle.reason.lost');
    return verdict('churned', reason, lostOn, lostOn);
  }
  if (!last.renewed && last.endsOn !== null && daysBetween(last.endsOn, today) > rules.churnAfterDays) {
    return verdict(
      'churned',
      msg('lifecycle.reason.ended', { endsOn: last.endsOn, days: daysBetween(last.endsOn, today), limit: rules.churnAfterDays }),
      last.endsOn,
      last.endsOn,
    );
  }

  // 2. 衰退期
  const drop = dropPct(f);
  if (drop !== null && drop > rules.declineDropPct) {
    return verdict('decline', msg('lifecycle.reason.drop', { pct: pct(drop), limit: rules.declineDropPct }), last.startOn);
  }
  const late = lateDays(f);
  if (late !== null && late > rules.declineLateDays) {
    return verdict('decline', msg('lifecycle.reason.late', { days: late, limit: rules.declineLateDays }), last.startOn);
  }
  const contact = lastContactOn(f);
  if (contact !== null && contact <= today && daysBetween(contact, today) >= rules.declineQuietDays) {
    return verdict(
      'decline',
      msg('lifecycle.reason.quiet', { days: daysBetween(contact, today), limit: rules.declineQuietDays }),
      addDaysIso(contact, rules.declineQuietDays),
    );
  }

  // 3. 新客户 (潜在 was answered above)
  if (f.renewedTerms === 0) {
    return verdict('new', f.terms === 1 ? msg('lifecycle.reason.oneTerm') : msg('lifecycle.reason.notRenewed', { terms: f.terms }), f.firstOn);
  }

  // 4. 成熟期
  const longEnough = f.terms >= rules.matureTerms || years >= rules.matureYears;
  if (longEnough && drop !== null && Math.abs(drop) <= rules.matureBandPct) {
    return verdict('mature', msg('lifecycle.reason.mature', { terms: f.terms, years, band: rules.matureBandPct }), last.startOn);
  }

  // 5. 成长期
  return verdict('growth', msg('lifecycle.reason.growth', { renewals: f.renewedTerms }), last.startOn);
}

/**
 * 流失预警: the signals that point a customer toward 衰退期 or 已流失. Only for customers who are not lost yet
 * and have a term; a customer in 衰退期 always has at least one.
 */
export function warningSignals(f: LifecycleFacts, stage: ComputedStage, today: string, rules: LifecycleRules = DEFAULT_LIFECYCLE_RULES): WarningSignal[] {
  if (stage === 'churned' || stage === 'prospect' || f.last === null) return [];
  const out: WarningSignal[] = [];
  const drop = dropPct(f);
  if (drop !== null && drop > rules.warnDropPct) out.push('shrinking');
  const late = lateDays(f);
  if (late !== null && late > rules.warnLateDays) out.push('late');
  const contact = lastContactOn(f);
  if (contact !== null && contact <= today && daysBetween(contact, today) >= rules.warnQuietDays) out.push('quiet');
  if (!f.last.renewed && f.last.endsOn !== null && f.last.endsOn < today) out.push('overdue');
  return out;
}

/** 赢回: lost on or after this date. */
export function winBackFrom(today: string, rules: LifecycleRules): string {
  return toIsoDate(subMonths(parseIsoDate(today), rules.winBackMonths));
}
