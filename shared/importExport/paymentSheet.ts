// The payments sheet (`import --kind payments`, `export payments`): one row per instalment, keyed by (合同编号,
// 应收日期). Headers in Chinese or English, as the export writes them; a later row for the same key sets the
// instalment's paid amount and latest paid date.
import type { Message } from '../i18n/message.ts';
import { msg } from '../i18n/message.ts';
import type { ExportCell } from './exportCells.ts';
import { normalizeHeader } from './headerAliases.ts';
import { normalizeAmount } from './normalizeAmount.ts';
import { normalizeDate } from './normalizeDate.ts';

export const PAYMENT_FIELDS = ['contractNumber', 'dueOn', 'dueAmount', 'paidOn', 'paidAmount', 'invoiceNo', 'invoiceOn'] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

export const PAYMENT_HEADERS: Record<PaymentField, { zh: string; en: string }> = {
  contractNumber: { zh: '合同编号', en: 'Contract No' },
  dueOn: { zh: '应收日期', en: 'Due Date' },
  dueAmount: { zh: '应收金额', en: 'Due Amount' },
  paidOn: { zh: '实收日期', en: 'Paid Date' },
  paidAmount: { zh: '实收金额', en: 'Paid Amount' },
  invoiceNo: { zh: '发票号', en: 'Invoice No' },
  invoiceOn: { zh: '开票日期', en: 'Invoice Date' },
};
export const PAYMENT_SHEET_NAME = { zh: '回款', en: 'Payments' } as const;
const REQUIRED: readonly PaymentField[] = ['contractNumber', 'dueOn', 'dueAmount'];

export function paymentHeaders(language: 'zh' | 'en'): string[] {
  return PAYMENT_FIELDS.map((f) => PAYMENT_HEADERS[f][language]);
}

/** Column index of each field found in `headers` (either language); the missing required fields' headers. */
export function mapPaymentHeaders(headers: readonly string[]): { columns: Partial<Record<PaymentField, number>>; missing: string[] } {
  const byHeader = new Map<string, PaymentField>();
  for (const f of PAYMENT_FIELDS) for (const h of [PAYMENT_HEADERS[f].zh, PAYMENT_HEADERS[f].en]) byHeader.set(normalizeHeader(h), f);
  const columns: Partial<Record<PaymentField, number>> = {};
  headers.forEach((h, i) => {
    const f = byHeader.get(normalizeHeader(h));
    if (f !== undefined && columns[f] === undefined) columns[f] = i;
  });
  return { columns, missing: REQUIRED.filter((f) => columns[f] === undefined).map((f) => PAYMENT_HEADERS[f].zh) };
}

export interface PaymentRow {
  contractNumber: string;
  dueOn: string;
  dueAmountFen: number;
  paidOn: string | null;
  paidAmountFen: number | null;
  invoiceNo: string | null;
  invoiceOn: string | null;
}

export type PaymentRowResult = { ok: true; row: PaymentRow } | { ok: false; field: PaymentField; message: Message };

/** One data record as a row, or its first problem (the field names the column). */
export function readPaymentRow(columns: Partial<Record<PaymentField, number>>, cells: readonly string[]): PaymentRowResult {
  const cell = (f: PaymentField) => {
    const i = columns[f];
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const fail = (field: PaymentField, message: Message): PaymentRowResult => ({ ok: false, field, message });
  const contractNumber = cell('contractNumber');
  if (contractNumber === '') return fail('contractNumber', msg('paymentImport.required', { column: PAYMENT_HEADERS.contractNumber.zh }));
  const dates: Partial<Record<'dueOn' | 'paidOn' | 'invoiceOn', string | null>> = {};
  for (const f of ['dueOn', 'paidOn', 'invoiceOn'] as const) {
    const d = normalizeDate(cell(f));
    if (d && !d.ok) return fail(f, d.message);
    dates[f] = d ? d.value : null;
  }
  if (!dates.dueOn) return fail('dueOn', msg('paymentImport.required', { column: PAYMENT_HEADERS.dueOn.zh }));
  const amounts: Partial<Record<'dueAmount' | 'paidAmount', number | null>> = {};
  for (const f of ['dueAmount', 'paidAmount'] as const) {
    const a = normalizeAmount(cell(f));
    if (a && !a.ok) return fail(f, a.message);
    amounts[f] = a ? a.fen : null;
  }
  if (amounts.dueAmount === null || amounts.dueAmount === undefined) return fail('dueAmount', msg('paymentImport.required', { column: PAYMENT_HEADERS.dueAmount.zh }));
  const paidAmountFen = amounts.paidAmount ?? null;
  const paidOn = dates.paidOn ?? null;
  if (paidAmountFen !== null && paidAmountFen > 0 && paidOn === null) return fail('paidOn', msg('paymentErrors.paidOnRequired'));
  return {
    ok: true,
    row: { contractNumber, dueOn: dates.dueOn, dueAmountFen: amounts.dueAmount, paidOn, paidAmountFen, invoiceNo: cell('invoiceNo') || null, invoiceOn: dates.invoiceOn ?? null },
  };
}

export interface PaymentSheetRecord {
  contractNumber: string;
  dueOn: string;
  dueAmountFen: number;
  paidOn: string | null;
  paidAmountFen: number;
  invoiceNo: string | null;
  invoiceOn: string | null;
}

export function paymentCells(r: PaymentSheetRecord): ExportCell[] {
  return [
    r.contractNumber,
    { date: r.dueOn },
    { amountFen: r.dueAmountFen },
    r.paidOn === null ? null : { date: r.paidOn },
    r.paidOn === null && r.paidAmountFen === 0 ? null : { amountFen: r.paidAmountFen },
    r.invoiceNo,
    r.invoiceOn === null ? null : { date: r.invoiceOn },
  ];
}
