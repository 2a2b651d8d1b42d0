import { BUILTIN_TIERS, type Tier } from '../domain/enums.ts';
import { msg, type Message } from '../i18n/message.ts';

// Tiers by rule: a pure function over one customer's facts (gathered for every customer by one aggregate query,
// db/repositories/tierFactsQuery.ts) and the rule set (stored in settings, the defaults below when absent).
// The tiers are tried in order; the first whose conditions hold (any or all of them) wins, otherwise the
// fallback tier. The reason names the conditions that decided it, as catalogue messages.

/** What a condition can test. Amounts in fen, terms in months, years as whole years. */
export const TIER_FACTS = ['annualValueFen', 'termMonths', 'purchases', 'yearsAsCustomer', 'consecutiveRenewals', 'referrals'] as const;
export type TierFact = (typeof TIER_FACTS)[number];

export interface TierFacts {
  /** The customer's current terms (live, status active or expired: the heads of their chains), each amount
   *  normalized to a year by its cycle (month ×12, quarter ×4, half-year ×2, year and one-off ×1), summed. */
  annualValueFen: number;
  /** The longest current term, in months: its dates when both are known, else its cycle's length. */
  termMonths: number;
  /** Contracts signed (or started) within the rule set's purchaseYears before today. */
  purchases: number;
  /** Whole years since the earliest contract was signed (or started). */
  yearsAsCustomer: number;
  /** The longest renewal chain (contracts.renewal_of) among the customer's contracts, in renewals. */
  consecutiveRenewals: number;
  /** Customers this one referred (live referral records, issue 14), so referrals count toward its level. */
  referrals: number;
}

export interface TierCondition {
  fact: TierFact;
  /** Holds when the fact is ≥ min. */
  min: number;
}

export interface TierRule {
  tier: Tier;
  combine: 'any' | 'all';
  conditions: TierCondition[];
}

export interface TierRuleSet {
  /** Tried in order; the first that holds wins. */
  rules: TierRule[];
  fallback: Tier;
  /** The window of the purchases fact, in years. */
  purchaseYears: number;
}

/** A built-in tier's default rank, 0 highest (the tier table's order, electron/services/tiers/tierTable.service.ts
 *  assertRuleTiers, is what the service checks rule sets against; custom tiers rank below the built-ins here). */
export const tierRank = (tier: Tier): number => {
  const i = (BUILTIN_TIERS as readonly string[]).indexOf(tier);
  return i < 0 ? BUILTIN_TIERS.length : i;
};

/** The issue's defaults: VIP at ≥ ¥100,000 a year or ≥ 3 consecutive renewals; 重要 at ≥ ¥30,000 a year or a
 *  term ≥ 2 years; otherwise 普通. */
export const DEFAULT_TIER_RULES: TierRuleSet = {
  rules: [
    { tier: 'vip', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 10_000_000 }, { fact: 'consecutiveRenewals', min: 3 }] },
    { tier: 'important', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 3_000_000 }, { fact: 'termMonths', min: 24 }] },
  ],
  fallback: 'normal',
  purchaseYears: 3,
};

export interface TierOutcome {
  tier: Tier;
  /** 'tiers.reason.*' parts; more than one when an 'all' rule decided. */
  reason: Message[];
}

/** ¥120,000 or ¥1,234.50: whole yuan without decimals. Language-neutral, so it is stored in the reason. */
export function yuanText(fen: number): string {
  const yuan = Math.trunc(fen / 100);
  const cents = Math.abs(fen % 100);
  const whole = `${fen < 0 && yuan === 0 ? '-' : ''}${yuan.toLocaleString('en-US')}`;
  return `¥${whole}${cents === 0 ? '' : `.${String(cents).padStart(2, '0')}`}`;
}

export function conditionMessage(c: TierCondition, value: number, purchaseYears: number): Message {
  switch (c.fact) {
    case 'annualValueFen':
      return msg('tiers.reason.annualValue', { value: yuanText(value), min: yuanText(c.min) });
    case 'termMonths':
      return msg('tiers.reason.termMonths', { value, min: c.min });
    case 'purchases':
      return msg('tiers.reason.purchases', { value, min: c.min, years: purchaseYears });
    case 'yearsAsCustomer':
      return msg('tiers.reason.yearsAsCustomer', { value, min: c.min });
    case 'consecutiveRenewals':
      return msg('tiers.reason.consecutiveRenewals', { value, min: c.min });
    case 'referrals':
      return msg('tiers.reason.referrals', { value, min: c.min });
  }
}

/** The tier a customer's facts earn under the rules, and why. */
export function classifyTier(facts: TierFacts, rules: TierRuleSet): TierOutcome {
  for (const rule of rules.rules) {
    if (rule.conditions.length === 0) continue;
    const held = rule.conditions.filter((c) => facts[c.fact] >= c.min);
    const decided = rule.combine === 'any' ? held.slice(0, 1) : held.length === rule.conditions.length ? held : [];
    if (decided.length > 0) {
      return { tier: rule.tier, reason: decided.map((c) => conditionMessage(c, facts[c.fact], rules.purchaseYears)) };
    }
  }
  return { tier: rules.fallback, reason: [msg('tiers.reason.fallback')] };
}
