// The key-customer visit plan (issue 14, 重点客户 / 回访计划), as pure functions over dates.
//
// A service standard says how often a tier's key customers are visited: a period (month, quarter, half-year, year)
// and a count per period ("VIP: 1 per month"). A year's plan for one customer is every period of that calendar year
// times the count: a monthly standard plans 12 visits. A planned visit is done when a follow-up of kind 回访 (on any
// channel) falls on a day inside its period; each revisit counts for one planned visit only (two in January do
// not cover February), and a period's visits are filled in date order.
//
// Status as of `today`: done; missed (its period ended and it is not done, flagged); due (today is inside its
// period and it is not done yet); upcoming (its period has not started). The reminder for a due visit is
// the first day of the period's last week (periodEnd − 6 days), or the period's first day when the period is
// shorter than that.

export const VISIT_PERIODS = ['month', 'quarter', 'halfYear', 'year'] as const;
export type VisitPeriod = (typeof VISIT_PERIODS)[number];

export const VISIT_STATUSES = ['done', 'missed', 'due', 'upcoming'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

export interface VisitStandard {
  period: VisitPeriod;
  /** Visits per period, at least 1. */
  visits: number;
}

export interface PlannedVisit {
  /** First and last day of the period, 'YYYY-MM-DD'. */
  periodStart: string;
  periodEnd: string;
  /** 1-based within its period (a standard of 2 per quarter plans #1 and #2). */
  index: number;
  status: VisitStatus;
  /** The date of the revisit that covered it. */
  doneOn: string | null;
  /** The day its reminder is due (the first day of the period's last week). */
  remindOn: string;
}

export interface VisitCounts {
  planned: number;
  done: number;
  missed: number;
  due: number;
  upcoming: number;
}

const MONTHS_PER_PERIOD: Record<VisitPeriod, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month (1-based), in the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** 'YYYY-MM-DD' minus `days` (0..27), staying within the same month or the period's start. */
function daysBefore(date: string, days: number, notBefore: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = d - days;
  const shifted = day >= 1 ? `${y}-${pad(m)}-${pad(day)}` : notBefore;
  return shifted < notBefore ? notBefore : shifted;
}

/** The periods of a calendar year for a standard's period, in order. */
export function periodsOfYear(year: number, period: VisitPeriod): { start: string; end: string }[] {
  const step = MONTHS_PER_PERIOD[period];
  const out: { start: string; end: string }[] = [];
  for (let first = 1; first <= 12; first += step) {
    const last = first + step - 1;
    out.push({ start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` });
  }
  return out;
}

/** The day a due visit reminds its manager: the first day of the period's last week. */
export function visitRemindOn(periodStart: string, periodEnd: string): string {
  return daysBefore(periodEnd, 6, periodStart);
}

/**
 * One customer's plan for `year` under `standard`, matched against the days of its 回访 follow-ups (any order,
 * duplicates allowed), as of `today`; with `keySince`, from the period holding that day on.
 */
export function planVisits(year: number, standard: VisitStandard, revisitDates: readonly string[], today: string, keySince: string | null = null): PlannedVisit[] {
  const count = Math.max(1, Math.floor(standard.visits));
  const dates = [...revisitDates].sort();
  const out: PlannedVisit[] = [];
  for (const { start, end } of periodsOfYear(year, standard.period)) {
    // A period that ended before the customer was key (created, or added by hand) is not planned.
    if (keySince !== null && end < keySince) continue;
    const inPeriod = dates.filter((d) => d >= start && d <= end);
    for (let index = 1; index <= count; index++) {
      const doneOn = inPeriod[index - 1] ?? null;
      const status: VisitStatus = doneOn !== null ? 'done' : end < today ? 'missed' : start <= today ? 'due' : 'upcoming';
      out.push({ periodStart: start, periodEnd: end, index, status, doneOn, remindOn: visitRemindOn(start, end) });
    }
  }
  return out;
}

export const emptyCounts = (): VisitCounts => ({ planned: 0, done: 0, missed: 0, due: 0, upcoming: 0 });

/** Counts of a set of planned visits (one customer's, or every customer's of an owner). */
export function countVisits(visits: readonly PlannedVisit[], into: VisitCounts = emptyCounts()): VisitCounts {
  for (const v of visits) {
    into.planned += 1;
    into[v.status] += 1;
  }
  return into;
}

/** Done ÷ (done + missed): how many of the visits whose period has ended or that are already done were done; null before any. */
export function adherenceRate(c: VisitCounts): number | null {
  const settled = c.done + c.missed;
  return settled === 0 ? null : c.done / settled;
}

/** The adherence per owner (an owner's key is any string; the caller decides how to name an unassigned customer). */
export function adherenceByOwner(plans: readonly { ownerKey: string; visits: readonly PlannedVisit[] }[]): Map<string, VisitCounts> {
  const byOwner = new Map<string, VisitCounts>();
  for (const p of plans) {
    const counts = byOwner.get(p.ownerKey) ?? emptyCounts();
    countVisits(p.visits, counts);
    byOwner.set(p.ownerKey, counts);
  }
  return byOwner;
}

/**
 * Who is a key customer (重点客户): a manual decision when there is one (added, or removed), otherwise the criteria
 * (the customer's tier is one of the chosen tiers).
 */
export function isKeyCustomer(tier: string, keyTiers: readonly string[], manual: boolean | null): boolean {
  return manual ?? keyTiers.includes(tier);
}
