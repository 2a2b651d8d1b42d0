import { isIsoDate } from '../domain/dates.ts';

// A reminder is due at a wall-clock time on a calendar date in the user's own zone (the process zone). Building
// the instant from local parts, per date, is what keeps 09:00 at 09:00 on both sides of a DST change.

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isTimeOfDay(text: string): boolean {
  return TIME_RE.test(text);
}

/**
 * The instant at which `date` reaches `timeOfDay` ('HH:MM') in the local zone. A wall-clock time that does not
 * exist that day (skipped by a spring-forward change) resolves to the first instant after the gap, so a
 * reminder is late by at most the gap and never early; an ambiguous time (fall-back) takes its first occurrence.
 */
export function localDueInstant(date: string, timeOfDay: string): Date {
  const m = TIME_RE.exec(timeOfDay);
  if (!isIsoDate(date) || !m) throw new Error(`invalid local date/time: ${date} ${timeOfDay}`);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, mo - 1, d, Number(m[1]), Number(m[2]), 0, 0);
}

/** The zone the due instants were derived in; when it changes, pending instants must be derived again. */
export function currentZoneName(): string {
  const name = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Some systems report no IANA name; the current offsets of two fixed dates then stand in for it.
  return name || `offset:${new Date(2000, 0, 1).getTimezoneOffset()}/${new Date(2000, 6, 1).getTimezoneOffset()}`;
}
