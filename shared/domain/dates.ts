import { addDays, format, isValid, parse } from 'date-fns';

// Calendar dates are 'YYYY-MM-DD' text in the user's local calendar; instants are ISO-8601 UTC text.
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(text: string): boolean {
  if (!DATE_RE.test(text)) return false;
  const d = parse(text, 'yyyy-MM-dd', new Date(2000, 0, 1));
  return isValid(d) && format(d, 'yyyy-MM-dd') === text;
}

// The dates the app accepts anywhere one enters (forms, API, CLI, imports, demo): real customer contracts and
// birthdays fall well inside, while typos such as 9999-12-31 or 0202-03-01 are refused instead of stored.
export const MIN_SUPPORTED_DATE = '1900-01-01';
export const MAX_SUPPORTED_DATE = '2199-12-31';
export const MIN_SUPPORTED_YEAR = 1900;
export const MAX_SUPPORTED_YEAR = 2199;

/** A real 'YYYY-MM-DD' date within the supported years. */
export function isSupportedDate(text: string): boolean {
  return isIsoDate(text) && text >= MIN_SUPPORTED_DATE && text <= MAX_SUPPORTED_DATE;
}

/** An ISO-8601 instant (already checked for form) whose UTC year is within the supported years. */
export function isSupportedInstant(text: string): boolean {
  const t = Date.parse(text);
  if (Number.isNaN(t)) return false;
  const year = new Date(t).getUTCFullYear();
  return year >= MIN_SUPPORTED_YEAR && year <= MAX_SUPPORTED_YEAR;
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
