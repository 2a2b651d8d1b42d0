// One data row → typed values, or the reasons it cannot be imported (per cell, as catalogue messages). Pure: the same
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
  type RenewalValues,
} from './importFields.ts';
import { normalizeAmount } from './normalizeAmount.ts';
import { normalizeDate, parseDateTime } from './normalizeDate.ts';
import { normalizeChannel, normalizeCycle, normalizeFollowUpKind, normalizeRenewalStage, normalizeTier, splitLostReason } from './normalizeEnums.ts';
import { isCustomTarget } from './columnTargets.ts';
import type { RowOf, SheetRowValues } from './sheetRows.ts';
import { msg, type Message } from '../i18n/message.ts';
import { controlCharacterIssue } from '../domain/controlCharacterIssue.ts';
import type { TierInfo } from '../tiers/tierTable.ts';

export interface RowLayout<K extends ImportKind = ImportKind> {
  kind: K;
  headers: readonly string[];
  columns: readonly ColumnTarget[];
  /** CSV cells may carry the export's formula apostrophe; .xlsx cells are typed and never do. */
  unescape: boolean;
  /** The tier table 客户等级 is matched against (migration 0019); the built-ins when absent. */
  tiers?: readonly TierInfo[];
}

/** A valid row of the layout's kind, or the reasons it is not. */
export type NormalizedRow<K extends ImportKind = ImportKind> =
  | ({ ok: true; warnings: CellIssue[] } & RowOf<K>)
  | { ok: false; line: number; issues: CellIssue[]; warnings: CellIssue[] };

/** A contract cannot end before it is signed. */
export const endsBeforeSigned = (endsOn: string, signedOn: string) => msg('reasons.endsBeforeSigned', { endsOn, signedOn });

/** A term cannot end before it starts. */
export const endsBeforeStart = (endsOn: string, startsOn: string) => msg('reasons.endsBeforeStart', { endsOn, startsOn });

/** The longest lost reason and note 续约 takes. */
export const LOST_REASON_MAX = 50;
export const LOST_NOTE_MAX = 1000;

/** Cells that may hold line breaks and tabs; every other cell is one line, as its form field is. */
const MULTI_LINE_FIELDS: ReadonlySet<ImportField> = new Set(['notes', 'summary', 'lostReason']);

/** Trimmed (U+3000 included), an in-cell CRLF or lone CR as LF, and the export's formula apostrophe removed. */
export function cleanCell(raw: string, unescape: boolean): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n').trim() : raw.trim();
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

/** Reads one record's cells by field, collecting what is wrong with them. */
interface CellReader {
  line: number;
  tiers: readonly TierInfo[] | undefined;
  /** The cleaned text of a field's cell, or null when blank or absent. */
  text(f: ImportField): string | null;
  /** The header a field came from (its canonical name when the file lacks it). */
  columnOf(f: ImportField): string;
  fail(f: ImportField, message: Message): void;
  warn(issue: CellIssue): void;
  /** The parsed cell, null when blank or unparseable (then the reason is recorded). */
  parsed<R extends { ok: true }>(f: ImportField, parse: (s: string) => R | { ok: false; message: Message } | null): R | null;
}

/** `withNotes`: only the customers sheet's 备注 is the customer's (the renewal sheet's belongs to the contract). */
function readCustomer(r: CellReader, withNotes: boolean, customFields: Record<string, string>): CustomerValues {
  const name = r.text('customerName');
  if (name === null) r.fail('customerName', msg('reasons.customerNameMissing'));
  return {
    name: name ?? '',
    contactName: r.text('contactName'),
    contactTitle: r.text('contactTitle'),
    contactPhone: r.text('contactPhone'),
    tier: r.parsed('tier', (text) => normalizeTier(text, r.tiers))?.value ?? null,
    owner: r.text('owner'),
    notes: withNotes ? r.text('notes') : null,
    tierReason: withNotes ? r.text('tierReason') : null,
    customFields,
  };
}

function readContract(r: CellReader): ContractValues {
  const signedOn = r.parsed('signedOn', normalizeDate)?.value ?? null;
  const startsOn = r.parsed('startsOn', normalizeDate)?.value ?? null;
  const endsText = r.text('endsOn');
  const endsOn = r.parsed('endsOn', normalizeDate)?.value ?? null;
  const amount = r.parsed('amount', normalizeAmount);
  const cycle = r.parsed('cycle', normalizeCycle)?.value ?? null;
  const number = r.text('contractNumber');
  // Only a one-time contract may lack an end date, and then it needs a number to be found again.
  if (endsText === null && !(cycle === 'once' && number !== null)) r.fail('endsOn', msg('reasons.endsOnMissing'));
  // The form's rule (contractRules.ts): a term ends after it starts, or, with no 开始日期, after it is signed.
  if (startsOn === null && signedOn !== null && endsOn !== null && endsOn < signedOn) {
    r.fail('endsOn', endsBeforeSigned(endsOn, signedOn));
  }
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) r.fail('endsOn', endsBeforeStart(endsOn, startsOn));
  if (amount?.rounded) {
    r.warn({
      line: r.line,
      column: r.columnOf('amount'),
      message: msg('reasons.amountRounded', { text: r.text('amount') ?? '', rounded: fenToYuanString(amount.fen) }),
    });
  }
  return {
    number,
    signedOn,
    startsOn,
    endsOn,
    amountFen: amount?.fen ?? null,
    service: r.text('service'),
    cycle,
    remindOn: r.parsed('remindOn', normalizeDate)?.value ?? null,
    notes: r.text('notes'),
  };
}

/** 续费状态/续费日期/续费金额/流失原因; 流失原因 is "reason" or "reason：note". */
function readRenewal(r: CellReader): RenewalValues {
  const amount = r.parsed('renewalAmount', normalizeAmount);
  if (amount?.rounded) {
    r.warn({
      line: r.line,
      column: r.columnOf('renewalAmount'),
      message: msg('reasons.amountRounded', { text: r.text('renewalAmount') ?? '', rounded: fenToYuanString(amount.fen) }),
    });
  }
  const lostText = r.text('lostReason');
  const lost = lostText === null ? null : splitLostReason(lostText);
  if (lost && lost.reason.length > LOST_REASON_MAX) r.fail('lostReason', msg('reasons.fieldTooLong', { label: msg('field.lostReason'), max: LOST_REASON_MAX }));
  if (lost?.note && lost.note.length > LOST_NOTE_MAX) r.fail('lostReason', msg('reasons.fieldTooLong', { label: msg('field.lostNote'), max: LOST_NOTE_MAX }));
  return {
    stage: r.parsed('renewalStatus', normalizeRenewalStage)?.value ?? null,
    outcomeOn: r.parsed('renewalDate', normalizeDate)?.value ?? null,
    amountFen: amount?.fen ?? null,
    lostReason: lost === null || lost.reason === '' ? null : lost.reason,
    lostNote: lost?.note ?? null,
  };
}

function readFollowUp(r: CellReader): FollowUpValues {
  const atText = r.text('at');
  const at = r.parsed('at', parseDateTime);
  if (atText === null) r.fail('at', msg('reasons.atMissing'));
  const summary = r.text('summary');
  if (summary === null) r.fail('summary', msg('reasons.summaryMissing'));
  return {
    contractNumber: r.text('contractNumber'),
    at: at ? localInstant(at.date, at.seconds) : '',
    channel: r.parsed('channel', normalizeChannel)?.value ?? null,
    kind: r.parsed('kind', normalizeFollowUpKind)?.value ?? null,
    summary: summary ?? '',
    nextFollowUpOn: r.parsed('nextFollowUpOn', normalizeDate)?.value ?? null,
    owner: r.text('owner'),
  };
}

type SheetReaders = { [K in keyof SheetRowValues]: (r: CellReader, customFields: Record<string, string>) => SheetRowValues[K] };

const SHEET_READERS: SheetReaders = {
  contracts: (r, customFields) => ({ customer: readCustomer(r, false, customFields), contract: readContract(r), renewal: readRenewal(r) }),
  customers: (r, customFields) => ({ customer: readCustomer(r, true, customFields) }),
  followups: (r, customFields) => ({ customer: readCustomer(r, false, customFields), followUp: readFollowUp(r) }),
};

export function normalizeRow<K extends ImportKind>(layout: RowLayout<K>, line: number, cells: readonly string[]): NormalizedRow<K> {
  const issues: CellIssue[] = [];
  const warnings: CellIssue[] = [];
  const values = new Map<ImportField, string>();
  const customFields: Record<string, string> = {};
  const fieldHeader = new Map<ImportField, string>();
  // A cell refused for its text gives one reason: not a second one that the (now missing) value is required.
  const refused = new Set<ImportField>();
  layout.columns.forEach((target, i) => {
    if (target === null) return;
    const header = layout.headers[i]?.trim() ?? '';
    const text = cleanCell(cells[i] ?? '', layout.unescape);
    if (isCustomTarget(target)) {
      if (text === '') return;
      const name = target.slice(CUSTOM_PREFIX.length);
      const problem = controlCharacterIssue(name, false, msg('inputLimits.customFieldName')) ?? controlCharacterIssue(text, false, header);
      if (problem) issues.push({ line, column: header, message: problem });
      else if (text.length > CUSTOM_FIELD_MAX_LENGTH) issues.push({ line, column: header, message: msg('reasons.customTooLong', { header, max: CUSTOM_FIELD_MAX_LENGTH }) });
      else customFields[name] = text;
      return;
    }
    fieldHeader.set(target, header);
    if (text === '') return;
    const max = FIELD_MAX_LENGTH[target];
    if (max !== undefined && text.length > max) {
      issues.push({ line, column: header, message: msg('reasons.fieldTooLong', { label: msg(`field.${target}`), max }) });
      refused.add(target);
      return;
    }
    // Refused rather than stored: a line break in a name or number would break lists, exports and search.
    const problem = controlCharacterIssue(text, MULTI_LINE_FIELDS.has(target), msg(`field.${target}`));
    if (problem) {
      issues.push({ line, column: header, message: problem });
      refused.add(target);
      return;
    }
    values.set(target, text);
  });
  const reader: CellReader = {
    line,
    tiers: layout.tiers,
    text: (f) => values.get(f) ?? null,
    columnOf: (f) => fieldHeader.get(f) ?? FIELD_HEADERS[f].zh,
    fail: (f, message) => {
      if (!refused.has(f)) issues.push({ line, column: reader.columnOf(f), message });
    },
    warn: (issue) => warnings.push(issue),
    parsed: (f, parse) => {
      const s = values.get(f);
      if (s === undefined) return null;
      const r = parse(s);
      if (r === null) return null;
      if (!r.ok) {
        reader.fail(f, r.message);
        return null;
      }
      return r;
    },
  };
  const row: RowOf<K> = { kind: layout.kind, line, ...SHEET_READERS[layout.kind](reader, customFields) };
  if (issues.length > 0) return { ok: false, line, issues, warnings };
  return { ok: true, warnings, ...row };
}
