import { differenceInCalendarDays } from 'date-fns';
import { parseIsoDate } from '../domain/dates.ts';

// The one status a contract shows, derived from what is stored (contract status, renewal stage, end date) and
// today: every page, export and report words a term the same way.
export const DISPLAY_STATUSES = ['active', 'dueSoon', 'overdue', 'expired', 'renewed', 'lost', 'terminated'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export interface DisplayStatusInput {
  /** Stored contract status: active, expired (已到期 history), renewed, terminated. */
  status: string;
  /** The renewal record's stage, null when the term has none (待跟进). */
  stage: string | null;
  endsOn: string | null;
}

/**
 * `dueSoonDays`: the tier's first reminder step (its largest days-before); a term ending within it is 即将到期.
 * A term whose end has passed is 已逾期 until decided; 已到期 is history stored by an import (no reminder).
 */
export function displayStatusOf(c: DisplayStatusInput, today: string, dueSoonDays: number): DisplayStatus {
  if (c.status === 'terminated') return 'terminated';
  if (c.stage === 'lost') return 'lost';
  if (c.status === 'renewed' || c.stage === 'renewed') return 'renewed';
  if (c.status === 'expired') return 'expired';
  if (c.endsOn === null) return 'active';
  const daysLeft = differenceInCalendarDays(parseIsoDate(c.endsOn), parseIsoDate(today));
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= dueSoonDays ? 'dueSoon' : 'active';
}

/** Decided or closed: no 续约 button, no countdown. */
export function isSettledStatus(s: DisplayStatus): boolean {
  return s === 'renewed' || s === 'lost' || s === 'terminated';
}
