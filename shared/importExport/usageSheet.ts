// The usage sheet (`import --kind usage`, `export usage`): one row per customer and month, 客户名称, 期间, 用量
// and an optional 单位 (English Customer, Period, Value, Unit). The customer is found by its name or an alias (a
// merged customer's old name); the period is YYYY-MM or any date of the month (its first day is stored); a later
// row for the same customer and month sets the value.
import type { Message } from '../i18n/message.ts';
import { msg } from '../i18n/message.ts';
import type { ExportCell } from './exportCells.ts';
import { toHalfWidth } from './halfWidth.ts';
import { normalizeHeader } from './headerAliases.ts';
import { normalizeDate } from './normalizeDate.ts';
import { MAX_SUPPORTED_YEAR, MIN_SUPPORTED_YEAR } from '../domain/dates.ts';

export const USAGE_FIELDS = ['customer', 'period', 'value', 'unit'] as const;
export type UsageField = (typeof USAGE_FIELDS)[number];

export const USAGE_HEADERS: Record<UsageField, { zh: string; en: string }> = {
  customer: { zh: '客户名称', en: 'Customer' },
  period: { zh: '期间', en: 'Period' },
  value: { zh: '用量', en: 'Value' },
  unit: { zh: '单位', en: 'Unit' },
};
export const USAGE_SHEET_NAME = { zh: '用量', en: 'Usage' } as const;
const REQUIRED: readonly UsageField[] = ['customer', 'period', 'value'];
/** The largest figure usage:set takes (signals.contract.ts usageValue); the unit's longest text. */
export const MAX_USAGE_VALUE = 1e12;
export const MAX_UNIT_LENGTH = 20;

export function usageHeaders(language: 'zh' | 'en'): string[] {
  return USAGE_FIELDS.map((f) => USAGE_HEADERS[f][language]);
}

/** Column index of each field found in `headers` (either language); the missing required fields' headers. */
export function mapUsageHeaders(headers: readonly string[]): { columns: Partial<Record<UsageField, number>>; missing: string[] } {
  const byHeader = new Map<string, UsageField>();
  for (const f of USAGE_FIELDS) for (const h of [USAGE_HEADERS[f].zh, USAGE_HEADERS[f].en]) byHeader.set(normalizeHeader(h), f);
  const columns: Partial<Record<UsageField, number>> = {};
  headers.forEach((h, i) => {
    const f = byHeader.get(normalizeHeader(h));
    if (f !== undefined && columns[f] === undefined) columns[f] = i;
  });
  return { columns, missing: REQUIRED.filter((f) => columns[f] === undefined).map((f) => USAGE_HEADERS[f].zh) };
}

const MONTH = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/;

/** A month as YYYY-MM (2026-03, 2026/3, 2026年3月) or any date of it: the month's first day; null when neither. */
export function usagePeriodStart(text: string): string | null {
  const half = toHalfWidth(text).trim();
  const m = MONTH.exec(half);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12 || year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) return null;
    return `${m[1]}-${String(month).padStart(2, '0')}-01`;
  }
  const d = normalizeDate(half);
  return d && d.ok ? `${d.value.slice(0, 7)}-01` : null;
}

/** A figure as sheets write it: 1234, 1,234.5, full-width digits (1e-7 as the export writes a tiny one); 0 or more, at most MAX_USAGE_VALUE. */
export function usageValueOf(text: string): number | null {
  const plain = toHalfWidth(text).trim().replace(/,/g, '');
  if (!/^\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) && value <= MAX_USAGE_VALUE ? value : null;
}

export interface UsageRow {
  customerName: string;
  periodStart: string;
  value: number;
  /** Blank: the configured unit. */
  unit: string | null;
}

export type UsageRowResult = { ok: true; row: UsageRow } | { ok: false; field: UsageField; message: Message };

/** One data record as a row, or its first problem (the field names the column). */
export function readUsageRow(columns: Partial<Record<UsageField, number>>, cells: readonly string[]): UsageRowResult {
  const cell = (f: UsageField) => {
    const i = columns[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (field: UsageField, message: Message): UsageRowResult => ({ ok: false, field, message });
  const customerName = cell('customer');
  if (customerName === '') return fail('customer', msg('usageImport.required', { column: USAGE_HEADERS.customer.zh }));
  const periodText = cell('period');
  if (periodText === '') return fail('period', msg('usageImport.required', { column: USAGE_HEADERS.period.zh }));
  const periodStart = usagePeriodStart(periodText);
  if (periodStart === null) return fail('period', msg('usageImport.periodInvalid', { text: periodText }));
  const valueText = cell('value');
  if (valueText === '') return fail('value', msg('usageImport.required', { column: USAGE_HEADERS.value.zh }));
  const value = usageValueOf(valueText);
  if (value === null) return fail('value', msg('usageImport.valueInvalid', { text: valueText }));
  const unit = cell('unit');
  if (unit.length > MAX_UNIT_LENGTH) return fail('unit', msg('signals.unitTooLong'));
  return { ok: true, row: { customerName, periodStart, value, unit: unit || null } };
}

export interface UsageSheetRecord {
  customerName: string;
  /** The month's first day. */
  periodStart: string;
  value: number;
  unit: string;
}

export function usageCells(r: UsageSheetRecord): ExportCell[] {
  return [r.customerName, r.periodStart.slice(0, 7), String(r.value), r.unit];
}
