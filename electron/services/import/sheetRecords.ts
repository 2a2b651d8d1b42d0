// The small sheets beside the archive import (the usage and payments sheets): their records read into typed rows,
// and the import answer's tail. A sheet names its header mapping and row reader; a missing column stops the
// import, a bad row or a broken record becomes an issue on its line, and a fatal record ends the read.
import { AppError } from '../../../shared/api/appError.ts';
import type { MessageKey } from '../../../shared/i18n/createTranslator.ts';
import { msg, renderIn, type Message } from '../../../shared/i18n/message.ts';
import { isBlankRecord } from '../../../shared/importExport/normalizeRow.ts';
import type { Db } from '../../../db/handle.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { headerOf, openImportSource } from './source/openImportSource.ts';

export interface SheetIssue {
  line: number;
  column: string | null;
  message: Message;
}

export interface SheetSpec<F extends string, R> {
  mapHeaders: (header: readonly string[]) => { columns: Partial<Record<F, number>>; missing: string[] };
  readRow: (columns: Partial<Record<F, number>>, cells: readonly string[]) => { ok: true; row: R } | { ok: false; field: F; message: Message };
  /** Each field's header, its Chinese name reported when the file's own header cell is missing. */
  headers: Record<F, { zh: string }>;
  /** The message naming missing columns ({columns}). */
  missingColumnsKey: MessageKey;
}

export interface SheetRecords<R> {
  rows: { line: number; row: R }[];
  issues: SheetIssue[];
  /** Records that could not be read into a row: they count among the file's rows. */
  unreadRows: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
}

export async function readSheetRecords<F extends string, R>(file: string, fileName: string, spec: SheetSpec<F, R>): Promise<SheetRecords<R>> {
  const source = await openImportSource(file, { encoding: 'auto', fileName });
  const header = headerOf(source).cells;
  const { columns, missing } = spec.mapHeaders(header);
  if (missing.length > 0) throw new AppError('VALIDATION', msg(spec.missingColumnsKey, { columns: missing.join(', ') }), 'file');
  const rows: SheetRecords<R>['rows'] = [];
  const issues: SheetIssue[] = [];
  read: for await (const batch of source.records) {
    for (const record of batch) {
      if (isBlankRecord(record.cells)) continue;
      if (record.problem) {
        issues.push({ line: record.line, column: null, message: record.problem.message });
        if (record.problem.fatal) break read;
        continue;
      }
      const read = spec.readRow(columns, record.cells);
      if (read.ok) rows.push({ line: record.line, row: read.row });
      else issues.push({ line: record.line, column: header[columns[read.field] ?? -1] ?? spec.headers[read.field].zh, message: read.message });
    }
  }
  return { rows, issues, unreadRows: issues.length, format: source.format, encoding: source.encoding };
}

/** The answer's shared part: the file's rows and its issues by line, worded in the archive's language. */
export async function sheetImportAnswer<R>(db: Db, sheet: SheetRecords<R>): Promise<{ rows: number; issues: { line: number; column: string | null; message: string }[] }> {
  const locale = await archiveLocale(db);
  const issues = [...sheet.issues].sort((a, b) => a.line - b.line);
  return { rows: sheet.rows.length + sheet.unreadRows, issues: issues.map((i) => ({ line: i.line, column: i.column, message: renderIn(locale, i.message) })) };
}
