import { addDays, format, isValid, parse } from 'date-fns';

// Calendar dates are 'YYYY-MM-DD' text in the user's local calendar; instants are ISO-8601 UTC text.
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const d = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === text;
}

export function toIsoDate(d: Date): string {
  return format(d, 'yyyy-MM-dd');
}

export function parseIsoDate(text: string): Date {
  return parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
}

/** The local calendar date of an instant. */
export function localDateOf(instant: Date): string {
  return toIsoDate(instant);
}

export function addDaysIso(date: string, days: number): string {
  return toIsoDate(addDays(parseIsoDate(date), days));
}
