import { addMonths } from 'date-fns';
import { addDaysIso, parseIsoDate, toIsoDate } from '../domain/dates.ts';
import type { Cycle } from '../domain/enums.ts';
import { CYCLE_MONTHS } from './renewalTerm.ts';

// The chain rule (README, "History becomes chains"): which later term renews which earlier term of the same
// customer. A multi-year sheet lists every term as its own row; linking them is what turns history into
// renewals instead of a pile of overdue contracts.

/** How long after a term's end a later term still counts as its renewal (a renewal after a gap). */
export const RENEWAL_GRACE_DAYS = 92;

export interface ChainRuleTerm {
  id: string;
  customerId: string;
  service: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  cycle: Cycle | null;
  /** Marked 已流失: never renewed by a later term (a later one is a win-back). */
  lost: boolean;
  /** Terminated terms take no part. */
  terminated: boolean;
  /** Already renewed by a live term (renewal_of points at it): not available as the earlier term. */
  hasSuccessor: boolean;
  /** Already renews an earlier term: not available as the later term. */
  renewalOf: string | null;
}

export interface ChainLink {
  earlierId: string;
  laterId: string;
}

/** `starts_on ?? signed_on ?? (ends_on − one cycle)`; null when none of them can be told. */
export function termStart(t: Pick<ChainRuleTerm, 'startsOn' | 'signedOn' | 'endsOn' | 'cycle'>): string | null {
  if (t.startsOn) return t.startsOn;
  if (t.signedOn) return t.signedOn;
  if (!t.endsOn || t.cycle === null || t.cycle === 'once') return null;
  return toIsoDate(addMonths(parseIsoDate(t.endsOn), -CYCLE_MONTHS[t.cycle]));
}

const sameService = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();

/**
 * Whether B may renew A: same customer, equal services after trimming (or both blank), B starts after A starts
 * (both starts known), B ends after A ends, and B starts no later than 92 days after A ends.
 */
export function mayRenew(a: ChainRuleTerm, b: ChainRuleTerm): boolean {
  if (a.id === b.id || a.customerId !== b.customerId || !a.endsOn || !b.endsOn) return false;
  if (!sameService(a.service, b.service)) return false;
  const bStart = termStart(b);
  if (bStart === null) return false;
  const aStart = termStart(a);
  if (aStart === null || !(bStart > aStart)) return false;
  return b.endsOn > a.endsOn && bStart <= addDaysIso(a.endsOn, RENEWAL_GRACE_DAYS);
}

/**
 * One-to-one greedy matching: earlier terms by end date (then id), each taking the eligible later term that
 * starts first (then ends first, then id). `vetoed` holds "earlierId|laterId" pairs the user refused.
 */
export function matchRenewals(terms: readonly ChainRuleTerm[], vetoed: ReadonlySet<string> = new Set()): ChainLink[] {
  const live = terms.filter((t) => !t.terminated && t.endsOn !== null);
  const byCustomer = new Map<string, ChainRuleTerm[]>();
  for (const t of live) byCustomer.set(t.customerId, [...(byCustomer.get(t.customerId) ?? []), t]);
  const links: ChainLink[] = [];
  for (const group of byCustomer.values()) {
    const earlier = group.filter((t) => !t.lost && !t.hasSuccessor).sort((x, y) => cmp(x.endsOn, y.endsOn) || cmp(x.id, y.id));
    const later = group
      .filter((t) => t.renewalOf === null)
      .map((t) => ({ t, start: termStart(t) }))
      .sort((x, y) => cmp(x.start, y.start) || cmp(x.t.endsOn, y.t.endsOn) || cmp(x.t.id, y.t.id));
    const taken = new Set<string>();
    for (const a of earlier) {
      const pick = later.find(({ t }) => !taken.has(t.id) && !vetoed.has(`${a.id}|${t.id}`) && mayRenew(a, t));
      if (!pick) continue;
      taken.add(pick.t.id);
      links.push({ earlierId: a.id, laterId: pick.t.id });
    }
  }
  return links;
}

function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * What a link records on the earlier term's renewal: the date and amount it already has when it gave either
 * (the sheet's 续费日期/续费金额), otherwise the later term's start and amount.
 */
export function linkedOutcome(
  record: { outcomeOn: string | null; outcomeAmountFen: number | null } | null,
  later: Pick<ChainRuleTerm, 'startsOn' | 'signedOn' | 'endsOn' | 'cycle'> & { amountFen: number | null },
): { outcomeOn: string | null; outcomeAmountFen: number | null } {
  if (record && (record.outcomeOn !== null || record.outcomeAmountFen !== null)) return { outcomeOn: record.outcomeOn, outcomeAmountFen: record.outcomeAmountFen };
  return { outcomeOn: termStart(later), outcomeAmountFen: later.amountFen };
}
