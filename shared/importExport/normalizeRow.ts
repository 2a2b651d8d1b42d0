// One data row → typed values, or the reasons it cannot be imported (per cell, in Chinese). Pure: the same
// rules run in the importer and can run in the UI preview.
import { fenToYuanString } from '../domain/money.ts';
import { unescapeFormula } from './formulaEscape.ts';
import {
  CUSTOM_FIELD_MAX_LENGTH,
  CUSTOM_PREFIX,
  FIELD_HEADERS,
  FIELD_MAX_LENGTH,
  type CellIssue,
  type ColumnTarget,
  type ContractValues,
  type CustomerValues,
  type FollowUpValues,
  type ImportField,
  type ImportKind,
} from './importFields.ts';
import { normalizeAmount } from './normalizeAmount.ts';
import { normalizeDate, parseDateTime } from './normalizeDate.ts';
import { normalizeChannel, normalizeCycle, normalizeFollowUpKind, normalizeTier } from './normalizeEnums.ts';

export interface RowLayout {
  kind: ImportKind;
  headers: readonly string[];
  columns: readonly ColumnTarget[];
  /** CSV cells may carry the export's formula apostrophe; .xlsx cells are typed and never do. */
  unescape: boolean;
}

export type NormalizedRow =
  | { ok: true; line: number; customer: CustomerValues; contract: ContractValues | null; followUp: FollowUpValues | null; warnings: CellIssue[] }
  | { ok: false; line: number; issues: CellIssue[]; warnings: CellIssue[] };

/** Trimmed (U+3000 included), in-cell CRLF as LF, and the export's formula apostrophe removed. */
export function cleanCell(raw: string, unescape: boolean): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n/g, '\n').trim() : raw.trim();
  return unescape ? unescapeFormula(text) : text;
}

export function isBlankRecord(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/** A local date and time of day as an ISO instant, in the zone of the machine doing the import. */
function localInstant(date: string, seconds: number | null): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const s = seconds ?? 0;
  return new Date(y, m - 1, d, Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60).toISOString();
}

export function normalizeRow(layout: RowLayout, line: number, cells: readonly string[]): NormalizedRow {
  const issues: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const values = new Map<ImportField, { text: string; header: string }>();
  const customFields: Record<string, string> = {};
  const fieldHeader = new Map<ImportField, string>();
  layout.columns.forEach((target, i) => {
    if (target === null) return;
    const header = layout.headers[i]?.trim() ?? '';
    const text = cleanCell(cells[i] ?? '', layout.unescape);
    if (target.startsWith(CUSTOM_PREFIX)) {
      if (text === '') return;
      if (text.length > CUSTOM_FIELD_MAX_LENGTH) issues.push({ line, column: header, message: `「${header}」不能超过 ${CUSTOM_FIELD_MAX_LENGTH} 个字` });
      else customFields[target.slice(CUSTOM_PREFIX.length)] = text;
      return;
    }
    const field = target as ImportField;
    fieldHeader.set(field, header);
    if (text === '') return;
    const max = FIELD_MAX_LENGTH[field];
    if (max !== undefined && text.length > max) {
      issues.push({ line, column: header, message: `${FIELD_HEADERS[field].zh}不能超过 ${max} 个字` });
      return;
    }
    values.set(field, { text, header });
  });
  const text = (f: ImportField) => values.get(f)?.text ?? null;
  const columnOf = (f: ImportField) => fieldHeader.get(f) ?? FIELD_HEADERS[f].zh;
  const fail = (f: ImportField, message: string) => issues.push({ line, column: columnOf(f), message });
  const parsed = <T>(f: ImportField, parse: (s: string) => ({ ok: true } & T) | { ok: false; message: string } | null): T | null => {
    const s = text(f);
    if (s === null) return null;
    const r = parse(s);
    if (r === null) return null;
    if (!r.ok) {
      fail(f, r.message);
      return null;
    }
    return r as unknown as T;
  };

  const name = text('customerName');
  if (name === null) fail('customerName', '缺少客户名称');
  const tier = parsed<{ value: CustomerValues['tier'] }>('tier', normalizeTier)?.value ?? null;
  const customer: CustomerValues = {
    name: name ?? '',
    contactName: text('contactName'),
    contactTitle: text('contactTitle'),
    contactPhone: text('contactPhone'),
    tier,
    owner: text('owner'),
    notes: layout.kind === 'customers' ? text('notes') : null,
    customFields,
  };

  let contract: ContractValues | null = null;
  let followUp: FollowUpValues | null = null;
  if (layout.kind === 'contracts') {
    const signedOn = parsed<{ value: string }>('signedOn', normalizeDate)?.value ?? null;
    const endsText = text('endsOn');
    const endsOn = parsed<{ value: string }>('endsOn', normalizeDate)?.value ?? null;
    const amount = parsed<{ fen: number; rounded: boolean }>('amount', normalizeAmount);
    const cycle = parsed<{ value: ContractValues['cycle'] }>('cycle', normalizeCycle)?.value ?? null;
    const number = text('contractNumber');
    // Only a one-time contract may lack an end date, and then it needs a number to be found again.
    if (endsText === null && !(cycle === 'once' && number !== null)) fail('endsOn', '缺少到期日期');
    if (signedOn !== null && endsOn !== null && endsOn < signedOn) {
      fail('endsOn', `到期日期 ${endsOn} 早于签订日期 ${signedOn}`);
    }
    if (amount?.rounded) {
      warnings.push({
        line,
        column: columnOf('amount'),
        message: `合同金额「${text('amount')}」超过两位小数，已四舍五入为 ${fenToYuanString(amount.fen)}`,
      });
    }
    contract = { number, signedOn, endsOn, amountFen: amount?.fen ?? null, service: text('service'), cycle, notes: text('notes') };
  } else if (layout.kind === 'followups') {
    const atText = text('at');
    const at = parsed<{ date: string; seconds: number | null }>('at', parseDateTime);
    if (atText === null) fail('at', '缺少跟进时间');
    const summary = text('summary');
    if (summary === null) fail('summary', '缺少跟进内容');
    followUp = {
      contractNumber: text('contractNumber'),
      at: at ? localInstant(at.date, at.seconds) : '',
      channel: parsed<{ value: FollowUpValues['channel'] }>('channel', normalizeChannel)?.value ?? null,
      kind: parsed<{ value: FollowUpValues['kind'] }>('kind', normalizeFollowUpKind)?.value ?? null,
      summary: summary ?? '',
      nextFollowUpOn: parsed<{ value: string }>('nextFollowUpOn', normalizeDate)?.value ?? null,
      owner: text('owner'),
    };
  }
  if (issues.length > 0) return { ok: false, line, issues, warnings };
  return { ok: true, line, customer, contract, followUp, warnings };
}
