import { endOfMonth, endOfQuarter, endOfYear, format } from 'date-fns';
import { isSupportedDate, parseIsoDate } from '../domain/dates.ts';

// A report period as the user and the CLI write it: a year (2026), a quarter (2026-Q3), a month (2026-07) or a
// custom inclusive range (2026-01-01..2026-06-30). Both ends are calendar dates, inclusive.
export interface ReportPeriod {
  from: string;
  to: string;
}

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/** The period a text names, or null when it names none. */
export function parseReportPeriod(text: string): ReportPeriod | null {
  const t = text.trim();
  let m = /^(\d{4})$/.exec(t);
  if (m) return checked({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31` });
  m = /^(\d{4})-?Q([1-4])$/i.exec(t);
  if (m) {
    const first = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, '0')}-01`;
    return isSupportedDate(first) ? checked({ from: first, to: iso(endOfQuarter(parseIsoDate(first))) }) : null;
  }
  m = /^(\d{4})-(\d{2})$/.exec(t);
  if (m) {
    const first = `${m[1]}-${m[2]}-01`;
    return isSupportedDate(first) ? checked({ from: first, to: iso(endOfMonth(parseIsoDate(first))) }) : null;
  }
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(t);
  if (m) return checked({ from: m[1]!, to: m[2]! });
  return null;
}

function checked(p: ReportPeriod): ReportPeriod | null {
  return isSupportedDate(p.from) && isSupportedDate(p.to) && p.from <= p.to ? p : null;
}

/** The month, the quarter and the year to date that contain `today`, each ending at its own end. */
export function standardPeriods(today: string): { month: ReportPeriod; quarter: ReportPeriod; yearToDate: ReportPeriod } {
  const d = parseIsoDate(today);
  return {
    month: { from: `${today.slice(0, 7)}-01`, to: iso(endOfMonth(d)) },
    quarter: parseReportPeriod(`${today.slice(0, 4)}-Q${Math.floor(d.getMonth() / 3) + 1}`)!,
    yearToDate: { from: `${today.slice(0, 4)}-01-01`, to: today },
  };
}

/** The whole year containing `today` (for cohorts and the year view). */
export function yearOf(today: string): ReportPeriod {
  return { from: `${today.slice(0, 4)}-01-01`, to: iso(endOfYear(parseIsoDate(today))) };
}
