// `import --kind payments` and `export payments`: the payments sheet (shared/importExport/paymentSheet.ts). An
// import is one transaction and one audit batch (its undo token, payments:undo); rows that cannot be applied
// (an unknown contract number, a bad date or amount) are reported by line and skipped.
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { mapPaymentHeaders, PAYMENT_HEADERS, PAYMENT_SHEET_NAME, paymentCells, paymentHeaders, readPaymentRow } from '../../../shared/importExport/paymentSheet.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { newId } from '../../../db/newId.ts';
import { findLiveInstalmentByDue, insertInstalment, listInstalmentsForExport, liveContractIdsByNumber, updateInstalment, type InstalmentValues } from '../../../db/repositories/instalmentsRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { recomputeRemindersForInstalments } from '../reminders/recomputeReminders.ts';
import { auditMeta } from '../auditMeta.ts';
import { readSheetRecords, sheetImportAnswer } from '../import/sheetRecords.ts';
import { discardUpload, stagedUpload } from '../import/uploads/uploadStaging.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { writeSheetFile } from '../export/sheetFile.ts';

const PAYMENTS_SHEET = { mapHeaders: mapPaymentHeaders, readRow: readPaymentRow, headers: PAYMENT_HEADERS, missingColumnsKey: 'paymentImport.missingColumns' } as const;

const sameValues = (a: InstalmentValues, b: InstalmentValues) =>
  a.dueAmountFen === b.dueAmountFen && a.paidAmountFen === b.paidAmountFen && a.paidOn === b.paidOn && a.invoiceNo === b.invoiceNo && a.invoiceOn === b.invoiceOn;

export async function importPayments(ctx: ServiceContext, input: ApiParsedInput<'payments:import'>): Promise<ApiOutput<'payments:import'>> {
  const upload = stagedUpload(ctx, input.uploadId);
  try {
    const sheet = await readSheetRecords(upload.file, path.basename(upload.fileName), PAYMENTS_SHEET);
    const { rows, issues } = sheet;
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
    return {
      ...(await sheetImportAnswer(ctx.db, sheet)),
      ...counts,
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
      const rows = await listInstalmentsForExport(ctx.db, input.ownerId);
      for (const r of rows) sink.row(paymentCells(r));
      return rows.length;
    },
  });
}
