// `import --kind usage` and `export usage`: the usage sheet (shared/importExport/usageSheet.ts), monthly figures by
// customer. An import is one transaction and one audit batch, recorded in the import history (kind 'usage') so
// that import:undo / `undo-import` takes the whole batch back; rows that cannot be applied (an unknown customer, a
// bad period or value) are reported by line and skipped.
import path from 'node:path';
import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { mapUsageHeaders, readUsageRow, USAGE_HEADERS, USAGE_SHEET_NAME, usageCells, usageHeaders } from '../../../shared/importExport/usageSheet.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { recordImportBatch } from '../../../db/import/importBatchesRepo.ts';
import { newId } from '../../../db/newId.ts';
import { upsertUsageFigure } from '../../../db/repositories/signalsRepo.ts';
import { listUsageForExport, liveCustomerIdsByNameOrAlias } from '../../../db/repositories/usageSheetRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { auditMeta } from '../auditMeta.ts';
import { readSheetRecords, sheetImportAnswer } from '../import/sheetRecords.ts';
import { discardUpload, stagedUpload } from '../import/uploads/uploadStaging.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readUsageUnit } from './signals.service.ts';
import { writeSheetFile } from '../export/sheetFile.ts';

const USAGE_SHEET = { mapHeaders: mapUsageHeaders, readRow: readUsageRow, headers: USAGE_HEADERS, missingColumnsKey: 'usageImport.missingColumns' } as const;

export async function importUsage(ctx: ServiceContext, input: ApiParsedInput<'usage:import'>): Promise<ApiOutput<'usage:import'>> {
  const upload = stagedUpload(ctx, input.uploadId);
  try {
    const fileName = path.basename(upload.fileName);
    const sheet = await readSheetRecords(upload.file, fileName, USAGE_SHEET);
    const { rows, issues } = sheet;
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const batchId = newId();
    await withTransaction(ctx.db, async (tx) => {
      const customers = await liveCustomerIdsByNameOrAlias(tx, [...new Set(rows.map((r) => r.row.customerName))]);
      const configuredUnit = await readUsageUnit(tx);
      const meta = auditMeta(ctx, 'import', batchId);
      // Row by row in file order: a later row for the same customer and month sets the value again.
      for (const { line, row } of rows) {
        const customerId = customers.get(row.customerName);
        if (customerId === undefined) {
          issues.push({ line, column: USAGE_HEADERS.customer.zh, message: msg('usageImport.customerUnknown', { name: row.customerName }) });
          continue;
        }
        const figure = { customerId, periodKind: 'month' as const, periodStart: row.periodStart, value: row.value, unit: row.unit ?? configuredUnit };
        const r = await upsertUsageFigure(tx, figure, meta);
        if (r.created) counts.created += 1;
        else if (r.changed) counts.updated += 1;
        else counts.unchanged += 1;
      }
      if (counts.created + counts.updated === 0) return;
      const rejectedRows = new Set(issues.map((i) => i.line)).size;
      await recordImportBatch(tx, {
        batchId,
        kind: 'usage',
        fileName,
        format: sheet.format,
        encoding: sheet.encoding,
        rows: rows.length + sheet.unreadRows,
        summary: { ...counts, rejectedRows },
        actor: ctx.actor,
        createdAt: meta.at,
      });
    });
    return {
      ...(await sheetImportAnswer(ctx.db, sheet)),
      ...counts,
      batchId: counts.created + counts.updated > 0 ? batchId : null,
    };
  } finally {
    discardUpload(ctx, input.uploadId);
  }
}

/** `export usage`: every live monthly figure, by customer name then month; the sheet the import reads back. */
export async function exportUsage(ctx: ServiceContext, input: ApiParsedInput<'export:usage'>): Promise<ExportResult> {
  const { headers, format } = input;
  const sheetName = USAGE_SHEET_NAME[headers];
  const fileName = `${sheetName}-${localDateOf(ctx.now())}.${format}`;
  return writeSheetFile(ctx, {
    fileName,
    sheetName,
    format,
    write: async (sink) => {
      sink.header(usageHeaders(headers));
      const rows = await listUsageForExport(ctx.db, input.ownerId);
      for (const r of rows) sink.row(usageCells(r));
      return rows.length;
    },
  });
}
