import { addMonths, differenceInCalendarDays } from 'date-fns';
import { parseIsoDate, toIsoDate } from './dates.ts';

// Payments / 回款: what an instalment owes and how late it is, derived from its stored facts (never stored).
// The health score (issue 13) reads the delay; the payments tab and the overdue reminder show it.

export interface InstalmentFacts {
  /** 'YYYY-MM-DD' */
  dueOn: string;
  dueAmountFen: number;
  paidAmountFen: number;
  /** The latest payment's date, null before any. */
  paidOn: string | null;
}

export interface InstalmentStanding {
  /** due − paid, never below 0 (an overpayment owes nothing). */
  outstandingFen: number;
  /** Fully paid (paid ≥ due). */
  settled: boolean;
  /**
   * Days of delay as of `today`: paid late = latest paid date − due date; unpaid past due = today − due date;
   * 0 otherwise. A paid date after `today` counts as `today`, so paying more never raises the delay.
   */
  delayDays: number;
  /** Unpaid (in part) and past its due date. */
  overdue: boolean;
}

const daysAfter = (later: string, earlier: string) => differenceInCalendarDays(parseIsoDate(later), parseIsoDate(earlier));

export function instalmentStanding(f: InstalmentFacts, today: string): InstalmentStanding {
  const outstandingFen = Math.max(0, f.dueAmountFen - f.paidAmountFen);
  const settled = outstandingFen === 0;
  if (settled) {
    const paidOn = f.paidOn === null || f.paidOn > today ? today : f.paidOn;
    // A zero-amount instalment was settled from the start: never late.
    const delayDays = f.dueAmountFen === 0 ? 0 : Math.max(0, daysAfter(paidOn, f.dueOn));
    return { outstandingFen, settled, delayDays, overdue: false };
  }
  const delayDays = Math.max(0, daysAfter(today, f.dueOn));
  return { outstandingFen, settled, delayDays, overdue: delayDays > 0 };
}

/**
 * The instalment after a payment of `amountFen` on `paidOn`: the paid amount grows and the latest paid date moves
 * to the later of the two, unless the instalment was settled already (an overpayment keeps the date it was settled
 * on, so paying more never makes it later).
 */
export function withPayment(f: InstalmentFacts, amountFen: number, paidOn: string): InstalmentFacts {
  const settledBefore = f.paidAmountFen >= f.dueAmountFen && f.paidOn !== null;
  const latest = f.paidOn !== null && (settledBefore || f.paidOn > paidOn) ? f.paidOn : paidOn;
  return { ...f, paidAmountFen: f.paidAmountFen + amountFen, paidOn: latest };
}

/**
 * `count` instalments that sum to `totalFen`: equal amounts, the remainder fen on the last one; due dates one
 * `everyMonths` apart from `firstDueOn` (counted from the first, the day clamped to the month's end: Jan 31 → Feb 28 → Mar 31).
 */
export function equalInstalments(totalFen: number, count: number, firstDueOn: string, everyMonths: number): { dueOn: string; dueAmountFen: number }[] {
  const each = Math.floor(totalFen / count);
  return Array.from({ length: count }, (_, i) => ({
    dueOn: toIsoDate(addMonths(parseIsoDate(firstDueOn), i * everyMonths)),
    dueAmountFen: i === count - 1 ? totalFen - each * (count - 1) : each,
  }));
}
