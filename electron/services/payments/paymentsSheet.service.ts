// `import --kind payments` and `export payments`: the payments sheet (shared/importExport/paymentSheet.ts). An
// import is one transaction and one audit batch (its undo token, payments:undo); rows that cannot be applied
// (an unknown contract number, a bad date or amount) are reported by line and skipped.
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { mapPaymentHeaders, PAYMENT_HEADERS, PAYMENT_SHEET_NAME, paymentCells, paymentHeaders, readPaymentRow, type PaymentRow } from '../../../shared/importExport/paymentSheet.ts';
import { isBlankRecord } from '../../../shared/importExport/normalizeRow.ts';
import { msg, renderIn, type Message } from '../../../shared/i18n/message.ts';
import { newId } from '../../../db/newId.ts';
import { findLiveInstalmentByDue, insertInstalment, listInstalmentsForExport, liveContractIdsByNumber, updateInstalment, type InstalmentValues } from '../../../db/repositories/instalmentsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { recomputeRemindersForInstalments } from '../reminders/recomputeReminders.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { headerOf, openImportSource } from '../import/source/openImportSource.ts';
import { discardUpload, stagedUpload } from '../import/uploads/uploadStaging.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { writeSheetFile } from '../export/sheetFile.ts';

interface RawIssue {
  line: number;
  column: string | null;
  message: Message;
}

async function readRows(file: string, fileName: string): Promise<{ rows: { line: number; row: PaymentRow }[]; issues: RawIssue[] }> {
  const source = await openImportSource(file, { encoding: 'auto', fileName });
  const header = headerOf(source).cells;
  const { columns, missing } = mapPaymentHeaders(header);
  if (missing.length > 0) throw new AppError('VALIDATION', msg('paymentImport.missingColumns', { columns: missing.join(', ') }), 'file');
  const rows: { line: number; row: PaymentRow }[] = [];
  const issues: RawIssue[] = [];
  for await (const batch of source.records) {
    for (const record of batch) {
      if (isBlankRecord(record.cells)) continue;
      if (record.problem) {
        issues.push({ line: record.line, column: null, message: record.problem.message });
        if (record.problem.fatal) break;
        continue;
      }
      const read = readPaymentRow(columns, record.cells);
      if (read.ok) rows.push({ line: record.line, row: read.row });
      else issues.push({ line: record.line, column: header[columns[read.field] ?? -1] ?? PAYMENT_HEADERS[read.field].zh, message: read.message });
    }
  }
  return { rows, issues };
}

const sameValues = (a: InstalmentValues, b: InstalmentValues) =>
  a.dueAmountFen === b.dueAmountFen && a.paidAmountFen === b.paidAmountFen && a.paidOn === b.paidOn && a.invoiceNo === b.invoiceNo && a.invoiceOn === b.invoiceOn;

export async function importPayments(ctx: ServiceContext, input: ApiParsedInput<'payments:import'>): Promise<ApiOutput<'payments:import'>> {
  const upload = stagedUpload(ctx, input.uploadId);
  try {
    const { rows, issues } = await readRows(upload.file, path.basename(upload.fileName));
    const unreadRows = issues.length;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const batchId = newId();
    await withTransaction(ctx.db, async (tx) => {
      const contracts = await liveContractIdsByNumber(tx, [...new Set(rows.map((r) => r.row.contractNumber))]);
      /** Keys seen earlier in this file: a later row sets only the paid amount and the latest paid date. */
      const seen = new Set<string>();
      const written = new Set<string>();
      const meta = auditMeta(ctx, 'import', batchId);
      for (const { line, row } of rows) {
        const contractId = contracts.get(row.contractNumber);
        if (contractId === undefined) {
          issues.push({ line, column: PAYMENT_HEADERS.contractNumber.zh, message: msg('reasons.contractUnknown', { number: row.contractNumber }) });
          continue;
        }
        const key = `${contractId}\u0000${row.dueOn}`;
        const existing = await findLiveInstalmentByDue(tx, contractId, row.dueOn);
        const base: InstalmentValues = existing ?? { dueOn: row.dueOn, dueAmountFen: row.dueAmountFen, paidAmountFen: 0, paidOn: null, invoiceNo: null, invoiceOn: null, note: null };
        const paid = row.paidAmountFen === null ? {} : { paidAmountFen: row.paidAmountFen, paidOn: row.paidAmountFen === 0 ? null : row.paidOn };
        const values: InstalmentValues = seen.has(key)
          ? { ...base, ...paid }
          : { ...base, dueAmountFen: row.dueAmountFen, ...paid, invoiceNo: row.invoiceNo ?? base.invoiceNo, invoiceOn: row.invoiceOn ?? base.invoiceOn };
        seen.add(key);
        if (!existing) {
          written.add((await insertInstalment(tx, contractId, values, meta)).id);
          counts.created += 1;
        } else if (sameValues(existing, values)) {
          counts.unchanged += 1;
        } else {
          written.add((await updateInstalment(tx, existing.id, values, meta)).id);
          counts.updated += 1;
        }
      }
      // 回款逾期 reminders of what the sheet wrote (its undo recomputes them again, payments:undo).
      await recomputeRemindersForInstalments(ctx, tx, [...written]);
    });
    const locale = await archiveLocale(ctx.db);
    issues.sort((a, b) => a.line - b.line);
    return {
      rows: rows.length + unreadRows,
      ...counts,
      issues: issues.map((i) => ({ line: i.line, column: i.column, message: renderIn(locale, i.message) })),
      undoToken: counts.created + counts.updated > 0 ? batchId : null,
    };
  } finally {
    discardUpload(ctx, input.uploadId);
  }
}

/** `export payments`: every live instalment, by contract number then due date. */
export async function exportPayments(ctx: ServiceContext, input: ApiParsedInput<'export:payments'>): Promise<ExportResult> {
  const { headers, format } = input;
  const sheetName = PAYMENT_SHEET_NAME[headers];
  const fileName = `${sheetName}-${localDateOf(ctx.now())}.${format}`;
  return writeSheetFile(ctx, {
    fileName,
    sheetName,
    format,
    write: async (sink) => {
      sink.header(paymentHeaders(headers));
      const rows = await listInstalmentsForExport(ctx.db);
      for (const r of rows) sink.row(paymentCells(r));
      return rows.length;
    },
  });
}
