import { isIsoDate } from '../domain/dates.ts';

// Care reminders: a contact's birthday every year, and a follow-up's "next follow-up date". Both fire once,
// at the configured time of day, on the date itself (step 0).

/** The birthday's date in `year`; 29 February falls on 28 February in common years. */
export function birthdayInYear(birthday: string, year: number): string | null {
  if (!isIsoDate(birthday)) return null;
  const [, mm, dd] = birthday.split('-') as [string, string, string];
  const candidate = `${String(year).padStart(4, '0')}-${mm}-${dd}`;
  if (isIsoDate(candidate)) return candidate;
  return mm === '02' && dd === '29' ? `${String(year).padStart(4, '0')}-02-28` : null;
}

/** The first birthday on or after `today`. */
export function nextBirthday(birthday: string, today: string): string | null {
  const year = Number(today.slice(0, 4));
  const thisYear = birthdayInYear(birthday, year);
  if (thisYear === null) return null;
  return thisYear >= today ? thisYear : birthdayInYear(birthday, year + 1);
}

/**
 * The next birthday to greet: the first on or after `today` that comes after every occurrence already greeted.
 * The one rule behind both the tick's roll-forward (once an occurrence fired) and a recompute from scratch, so a
 * greeting that fires days ahead, across the year end, arms the same occurrence either way. Greeted occurrences
 * that are not dates of this birthday (it was edited since) do not count.
 */
export function nextBirthdayToGreet(birthday: string, today: string, greeted: readonly string[]): string | null {
  const latest = greeted.filter((o) => isBirthdayOccurrence(birthday, o)).reduce((a, b) => (b > a ? b : a), '');
  const from = latest >= today ? latest : today;
  const candidate = nextBirthday(birthday, from);
  return candidate !== null && candidate === latest ? birthdayInYear(birthday, Number(latest.slice(0, 4)) + 1) : candidate;
}

/** Whether `occurrence` is one of this birthday's dates (a pending row of an edited birthday is not). */
export function isBirthdayOccurrence(birthday: string, occurrence: string): boolean {
  return birthdayInYear(birthday, Number(occurrence.slice(0, 4))) === occurrence;
}

/** A contact's stored birthday step, as far as choosing its occurrences goes. */
export interface BirthdayRowState {
  occurrenceDate: string;
  firedAt: string | null;
  snoozedUntil: string | null;
}

/**
 * The occurrences a contact's birthday should have pending, from its stored rows (a full recompute):
 * - a snoozed greeting (it fired once, then was re-armed) comes back at its snooze, and counts as greeted;
 * - a pending greeting not given yet stays (so one missed while the PC was off still fires late);
 * - otherwise the next birthday to greet, by the same rule as the tick's roll-forward.
 * Rows of another date than this birthday's (it was edited) are let go.
 */
export function birthdayOccurrencesToArm(birthday: string | null, today: string, rows: readonly BirthdayRowState[]): string[] {
  if (!birthday) return [];
  const own = rows.filter((r) => isBirthdayOccurrence(birthday, r.occurrenceDate));
  const snoozed = own.filter((r) => r.firedAt === null && r.snoozedUntil !== null).map((r) => r.occurrenceDate);
  const waiting = own
    .filter((r) => r.firedAt === null && r.snoozedUntil === null)
    .map((r) => r.occurrenceDate)
    .sort()[0];
  const greeted = own.filter((r) => r.firedAt !== null || r.snoozedUntil !== null).map((r) => r.occurrenceDate);
  const next = waiting ?? nextBirthdayToGreet(birthday, today, greeted);
  return [...new Set(next === null ? snoozed : [...snoozed, next])].sort();
}
