import { addMonths, differenceInCalendarDays } from 'date-fns';
import { addDaysIso, MAX_SUPPORTED_DATE, MIN_SUPPORTED_DATE, parseIsoDate, toIsoDate } from '../domain/dates.ts';
import type { Cycle } from '../domain/enums.ts';
import { msg, type Message } from '../i18n/message.ts';

// Renewal terms are counted from the chain's original anchor (the first term's end date), never from the
// previous term: Jan 31 monthly gives Feb 28 (29 in a leap year) and then Mar 31, where chaining month by
// month would drift to Mar 28 for ever.
export const CYCLE_MONTHS: Record<Exclude<Cycle, 'once'>, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

/** The end date of the term `termIndex` steps after the anchor term (0 = the anchor itself). */
export function termEndFromAnchor(anchorEndsOn: string, cycle: Cycle, termIndex: number): string | null {
  if (cycle === 'once') return null;
  return toIsoDate(addMonths(parseIsoDate(anchorEndsOn), CYCLE_MONTHS[cycle] * termIndex));
}

export interface ChainTerm {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
}

export type NextTermDates = { ok: true; startsOn: string | null; endsOn: string | null } | { ok: false; message: Message };

const RANGE = { min: MIN_SUPPORTED_DATE, max: MAX_SUPPORTED_DATE };

/**
 * Default dates for the next term: it starts the day after the current one ends and ends on the anchor rhythm.
 * With no cycle (unknown) there is no rhythm, so the end date is left for the user rather than guessed.
 * Never a date past the supported range: then the reason instead of dates.
 */
export function nextTermDates(current: ChainTerm & { cycle: Cycle | null }, anchorEndsOn: string | null, currentIndex: number): NextTermDates {
  // Checked before any arithmetic: a stored 9999-12-31 plus one day would print a five-digit year.
  if (current.endsOn !== null && current.endsOn >= MAX_SUPPORTED_DATE) {
    return { ok: false, message: msg('inputLimits.nextTermCannotStart', { endsOn: current.endsOn, ...RANGE }) };
  }
  const pastRange = { ok: false, message: msg('inputLimits.nextTermPastRange', RANGE) } as const;
  const startsOn = current.endsOn ? addDaysIso(current.endsOn, 1) : null;
  if (current.cycle === null || current.cycle === 'once' || !anchorEndsOn) return { ok: true, startsOn, endsOn: null };
  if (anchorEndsOn > MAX_SUPPORTED_DATE) return pastRange;
  let endsOn = termEndFromAnchor(anchorEndsOn, current.cycle, currentIndex + 1);
  // A term edited away from the rhythm must still move forward: keep adding cycles until past the current end.
  for (let k = currentIndex + 2; endsOn !== null && current.endsOn !== null && endsOn <= current.endsOn; k++) {
    endsOn = termEndFromAnchor(anchorEndsOn, current.cycle, k);
  }
  if (endsOn !== null && endsOn > MAX_SUPPORTED_DATE) return pastRange;
  return { ok: true, startsOn, endsOn };
}

export type ChainIssue = { kind: 'gap' | 'overlap'; afterId: string; beforeId: string; days: number };

/** Gaps and overlaps between consecutive terms (ordered oldest first). */
export function chainIssues(terms: readonly ChainTerm[]): ChainIssue[] {
  const issues: ChainIssue[] = [];
  for (let i = 1; i < terms.length; i++) {
    const prev = terms[i - 1]!;
    const next = terms[i]!;
    if (!prev.endsOn || !next.startsOn) continue;
    const delta = differenceInCalendarDays(parseIsoDate(next.startsOn), parseIsoDate(prev.endsOn));
    if (delta > 1) issues.push({ kind: 'gap', afterId: prev.id, beforeId: next.id, days: delta - 1 });
    if (delta < 1) issues.push({ kind: 'overlap', afterId: prev.id, beforeId: next.id, days: 1 - delta });
  }
  return issues;
}
