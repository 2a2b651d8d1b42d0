import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { addDaysIso } from '../domain/dates.ts';
import type { Locale } from '../i18n/enumLabels.ts';
import type { HolidayData } from '../reminders/workingDays.ts';

// Holiday greetings (issue 14): every statutory holiday of the chinese-days data (元旦, 春节, 清明, 劳动节, 端午,
// 中秋, 国庆节) is one run of consecutive days off with one label ("Spring Festival,春节,4"); a greeting is due a
// few days before the run's first day, when people still read their messages. A user's imported holiday file wins
// date by date, as it does for working days. Years the data does not cover have no greetings (the package is
// updated when the State Council publishes the next year's schedule).

export interface HolidayRun {
  /** The first day off: the greeting's occurrence date. */
  firstDay: string;
  lastDay: string;
  nameZh: string;
  nameEn: string;
}

const BUNDLED: Record<string, string> = chineseDays.holidays;

function namesOf(label: string): { nameZh: string; nameEn: string } {
  const parts = label.split(',').map((s) => s.trim());
  const nameEn = parts[0] || label;
  return { nameEn, nameZh: parts[1] || nameEn };
}

/** The holiday runs, in date order: consecutive days off that carry the same label. */
export function holidayRuns(overrides: HolidayData | null = null): HolidayRun[] {
  const labels: Record<string, string> = { ...BUNDLED, ...(overrides?.holidays ?? {}) };
  for (const date of Object.keys(overrides?.workdays ?? {})) delete labels[date];
  const runs: HolidayRun[] = [];
  for (const date of Object.keys(labels).sort()) {
    const names = namesOf(labels[date]!);
    const last = runs[runs.length - 1];
    if (last && addDaysIso(last.lastDay, 1) === date && last.nameEn === names.nameEn) last.lastDay = date;
    else runs.push({ firstDay: date, lastDay: date, ...names });
  }
  return runs;
}

/** The first holiday whose first day is on or after `from`, skipping those already greeted. */
export function nextHolidayRun(runs: readonly HolidayRun[], from: string, greeted: ReadonlySet<string> = new Set()): HolidayRun | null {
  return runs.find((r) => r.firstDay >= from && !greeted.has(r.firstDay)) ?? null;
}

export function holidayRunOn(runs: readonly HolidayRun[], firstDay: string): HolidayRun | null {
  return runs.find((r) => r.firstDay === firstDay) ?? null;
}

export function holidayName(run: HolidayRun, locale: Locale): string {
  return locale === 'zh-CN' ? run.nameZh : run.nameEn;
}
