// export contracts|customers|followups: the sheet's bytes, base64, for the caller to save.
import { forEachContractForExport, forEachCustomerForExport, forEachFollowUpForExport } from '../../../db/repositories/exportQueries.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { contractCells, customerCells, followUpCells, SHEET_NAMES } from '../../../shared/importExport/exportCells.ts';
import { tierCellLabel } from './tierCellLabel.ts';
import { canonicalHeaders, type HeaderLanguage, type ImportKind } from '../../../shared/importExport/importFields.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { type SheetSink } from './exportCsv.ts';
import { writeSheetFile } from './sheetFile.ts';

type ExportKind = ImportKind | 'renewals';

export interface ExportOptions {
  headers: HeaderLanguage;
  format: 'csv' | 'xlsx';
  /** Only this owner's customers' rows (team mode's owner scope); the renewals sheet narrows its own rows. */
  ownerId?: string | undefined;
}

/** Writes the header and the rows; `renewals` brings its rows (the 续约 page's query, all pages). */
export type RowSource = (sink: SheetSink) => Promise<number>;

async function writeSheet(ctx: ServiceContext, kind: ImportKind, sink: SheetSink, headers: HeaderLanguage, ownerId: string | undefined): Promise<number> {
  sink.header(canonicalHeaders(kind, headers));
  const tierLabel = await tierCellLabel(ctx.db);
  if (kind === 'contracts') return forEachContractForExport(ctx.db, (r) => sink.row(contractCells(r, tierLabel)), ownerId);
  const locale = headers === 'en' ? 'en-US' : 'zh-CN';
  if (kind === 'customers') return forEachCustomerForExport(ctx.db, (r) => sink.row(customerCells(r, locale, tierLabel)), ownerId);
  return forEachFollowUpForExport(ctx.db, (r) => sink.row(followUpCells(r)), ownerId);
}

export async function exportSheet(ctx: ServiceContext, kind: ExportKind, options: ExportOptions, rows?: RowSource): Promise<ExportResult> {
  const format = options.format;
  const fileName = `${SHEET_NAMES[kind][options.headers]}-${localDateOf(ctx.now())}.${format}`;
  return writeSheetFile(ctx, {
    fileName,
    sheetName: SHEET_NAMES[kind][options.headers],
    format,
    write: async (sink) => {
      if (kind !== 'renewals') return writeSheet(ctx, kind, sink, options.headers, options.ownerId);
      if (rows) return rows(sink);
      throw new Error('the renewals sheet brings its own rows');
    },
  });
}
