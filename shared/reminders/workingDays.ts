import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDaysIso, isIsoDate, parseIsoDate } from '../domain/dates.ts';
import { msg, type Message } from '../i18n/message.ts';

// Working days for the mainland: weekends are off, statutory holidays are off, and 调休 weekend days are on.
// The data ships with the `chinese-days` package; a user can import newer data in the same JSON shape
// ({ "holidays": { "YYYY-MM-DD": label }, "workdays": { "YYYY-MM-DD": label } }), which wins date by date.

export interface HolidayData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
}

const BUNDLED: HolidayData = { holidays: chineseDays.holidays, workdays: chineseDays.workdays };

export function buildWorkingDayCalendar(overrides: HolidayData | null = null): WorkingDayCalendar {
  return {
    isWorkingDay(date) {
      if (overrides?.workdays[date] !== undefined) return true;
      if (overrides?.holidays[date] !== undefined) return false;
      if (BUNDLED.workdays[date] !== undefined) return true;
      if (BUNDLED.holidays[date] !== undefined) return false;
      const day = parseIsoDate(date).getDay();
      return day !== 0 && day !== 6;
    },
  };
}

// No real holiday run (春节 with its weekends) is longer than a couple of weeks; this only stops bad data looping.
const MAX_SEARCH_DAYS = 60;

export function previousWorkingDay(date: string, calendar: WorkingDayCalendar): string {
  let d = date;
  for (let i = 0; i < MAX_SEARCH_DAYS && !calendar.isWorkingDay(d); i++) d = addDaysIso(d, -1);
  return d;
}

/** The first working day strictly after `date`, for "snooze to the next working day". */
export function nextWorkingDayAfter(date: string, calendar: WorkingDayCalendar): string {
  let d = addDaysIso(date, 1);
  for (let i = 0; i < MAX_SEARCH_DAYS && !calendar.isWorkingDay(d); i++) d = addDaysIso(d, 1);
  return d;
}

/** Validates an imported holiday file; returns what is wrong with it or the cleaned data. */
export function parseHolidayData(json: unknown): { ok: true; data: HolidayData } | { ok: false; message: Message } {
  if (!json || typeof json !== 'object') return { ok: false, message: msg('errors.holidaysNotObject') };
  const out: HolidayData = { holidays: {}, workdays: {} };
  for (const key of ['holidays', 'workdays'] as const) {
    const part = (json as Record<string, unknown>)[key];
    if (part === undefined) continue;
    if (!part || typeof part !== 'object' || Array.isArray(part)) return { ok: false, message: msg('errors.holidaysSection', { section: key }) };
    for (const [date, label] of Object.entries(part as Record<string, unknown>)) {
      if (!isIsoDate(date)) return { ok: false, message: msg('errors.holidaysDate', { section: key, date }) };
      out[key][date] = typeof label === 'string' ? label : String(label ?? '');
    }
  }
  if (Object.keys(out.holidays).length + Object.keys(out.workdays).length === 0) {
    return { ok: false, message: msg('errors.holidaysEmpty') };
  }
  return { ok: true, data: out };
}
