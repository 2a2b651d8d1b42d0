// Dates as Chinese sheets write them: 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, 20250301, and Excel
// serial numbers (a date column exported as General). Month/day/year orders are refused: they are ambiguous.
import { toHalfWidth } from './halfWidth.ts';
import { msg, type Message } from '../i18n/message.ts';
import { MAX_SUPPORTED_DATE, MAX_SUPPORTED_YEAR, MIN_SUPPORTED_DATE, MIN_SUPPORTED_YEAR } from '../domain/dates.ts';

export type DateResult = { ok: true; value: string } | { ok: false; message: Message };

const SEPARATED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const SERIAL = /^(\d{1,6})(?:\.(\d+))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const outOfRange = (text: string): { ok: false; message: Message } => ({
  ok: false,
  message: msg('inputLimits.importDateRange', { text, min: MIN_SUPPORTED_DATE, max: MAX_SUPPORTED_DATE }),
});

function calendarDate(y: number, m: number, d: number, original: string): DateResult {
  if (y < MIN_SUPPORTED_YEAR || y > MAX_SUPPORTED_YEAR) return outOfRange(original);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return { ok: false, message: msg('reasons.noSuchDate', { text: original }) };
  return { ok: true, value: `${y}-${pad(m)}-${pad(d)}` };
}

/** The serial of the last supported date, 2199-12-31. */
export const MAX_EXCEL_SERIAL = 109_574;

/**
 * Excel's day count: serial 1 is 1900-01-01, and Excel (copying Lotus 1-2-3) counts a 1900-02-29 that never
 * existed as serial 60, so serials from 61 on are one day ahead of a plain count from 1899-12-31.
 */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial === 60 || serial > MAX_EXCEL_SERIAL) return null;
  const epochDay = serial > 60 ? Date.UTC(1899, 11, 30) : Date.UTC(1899, 11, 31);
  const d = new Date(epochDay + serial * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export interface DateTimeParts {
  date: string;
  /** Seconds after local midnight, or null when the cell held only a date. */
  seconds: number | null;
}

const noSuchTime = (text: string): { ok: false; message: Message } => ({ ok: false, message: msg('reasons.noSuchTime', { text }) });

/** Parses a date with an optional time of day; `null` for a blank cell. */
export function parseDateTime(text: string): ({ ok: true } & DateTimeParts) | { ok: false; message: Message } | null {
  const s = toHalfWidth(text).trim();
  if (s === '') return null;
  const time = (h?: string, mi?: string, sec?: string) => (h === undefined ? null : Number(h) * 3600 + Number(mi) * 60 + Number(sec ?? 0));
  const checkTime = (seconds: number | null) => seconds === null || (seconds >= 0 && seconds < 86_400);
  let m = SEPARATED.exec(s);
  if (m) {
    const r = calendarDate(Number(m[1]), Number(m[3]), Number(m[4]), s);
    const seconds = time(m[5], m[6], m[7]);
    if (!r.ok) return r;
    if (!checkTime(seconds) || Number(m[6] ?? 0) > 59 || Number(m[7] ?? 0) > 59) return noSuchTime(s);
    return { ok: true, date: r.value, seconds };
  }
  m = CHINESE.exec(s);
  if (m) {
    const r = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), s);
    const seconds = time(m[4], m[5], m[6]);
    if (!r.ok) return r;
    if (!checkTime(seconds) || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 59) return noSuchTime(s);
    return { ok: true, date: r.value, seconds };
  }
  m = COMPACT.exec(s);
  if (m) {
    const r = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), s);
    return r.ok ? { ok: true, date: r.value, seconds: null } : r;
  }
  m = SERIAL.exec(s);
  if (m) {
    const serial = Number(m[1]);
    if (serial === 60) return { ok: false, message: msg('reasons.excelSerial60') };
    if (serial > MAX_EXCEL_SERIAL) return outOfRange(s);
    const date = excelSerialToDate(serial);
    if (date === null) return { ok: false, message: msg('reasons.notADate', { text: s }) };
    const fraction = m[2] === undefined ? null : Math.round(Number(`0.${m[2]}`) * 86_400);
    return { ok: true, date, seconds: fraction === null ? null : Math.min(fraction, 86_399) };
  }
  return { ok: false, message: msg('reasons.notADateHint', { text: s }) };
}

/** A calendar date as 'YYYY-MM-DD'; `null` for a blank cell. A time of day, if any, is dropped. */
export function normalizeDate(text: string): DateResult | null {
  const r = parseDateTime(text);
  if (r === null) return null;
  return r.ok ? { ok: true, value: r.date } : r;
}
