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

/** The birthday after a given occurrence, for rolling the yearly reminder forward once it fired. */
export function birthdayAfter(birthday: string, occurrence: string): string | null {
  return birthdayInYear(birthday, Number(occurrence.slice(0, 4)) + 1);
}
