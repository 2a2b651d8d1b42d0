// export contracts|customers|followups: to a file (the CLI's --out) or back as base64 for a download.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { forEachContractForExport, forEachCustomerForExport, forEachFollowUpForExport } from '../../../db/repositories/exportQueries.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { contractCells, customerCells, followUpCells, SHEET_NAMES } from '../../../shared/importExport/exportCells.ts';
import { canonicalHeaders, type HeaderLanguage, type ImportKind } from '../../../shared/importExport/importFields.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { csvSink, type SheetSink } from './exportCsv.ts';
import { xlsxSink } from './exportXlsx.ts';

type ExportKind = ImportKind | 'renewals';

export interface ExportOptions {
  out?: string | undefined;
  headers: HeaderLanguage;
  format?: 'csv' | 'xlsx' | undefined;
}

/** Writes the header and the rows; `renewals` brings its rows (the 续约 page's query, all pages). */
export type RowSource = (sink: SheetSink) => Promise<number>;

async function writeSheet(ctx: ServiceContext, kind: ImportKind, sink: SheetSink, headers: HeaderLanguage): Promise<number> {
  sink.header(canonicalHeaders(kind, headers));
  if (kind === 'contracts') return forEachContractForExport(ctx.db, (r) => sink.row(contractCells(r)));
  if (kind === 'customers') return forEachCustomerForExport(ctx.db, (r) => sink.row(customerCells(r)));
  return forEachFollowUpForExport(ctx.db, (r) => sink.row(followUpCells(r)));
}

export async function exportSheet(ctx: ServiceContext, kind: ExportKind, options: ExportOptions, rows?: RowSource): Promise<ExportResult> {
  const format = options.format ?? (options.out && /\.xlsx$/i.test(options.out) ? 'xlsx' : 'csv');
  const fileName = options.out ? path.basename(options.out) : `${SHEET_NAMES[kind][options.headers]}-${localDateOf(ctx.now())}.${format}`;
  const target = options.out ? path.resolve(options.out) : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-export-')), fileName);
  let count: number;
  try {
    const sink = format === 'xlsx' ? await xlsxSink(target, SHEET_NAMES[kind][options.headers]) : csvSink(target);
    if (kind !== 'renewals') count = await writeSheet(ctx, kind, sink, options.headers);
    else if (rows) count = await rows(sink);
    else throw new Error('the renewals sheet brings its own rows');
    await sink.close();
  } catch (e) {
    fs.rmSync(`${target}.partial`, { force: true });
    const code = e instanceof Error && 'code' in e ? e.code : undefined;
    if (code === 'ENOENT' || code === 'EACCES') {
      throw new AppError('VALIDATION', msg('errors.cannotWriteFile', { file: target }), 'out');
    }
    throw e;
  }
  if (options.out) return { file: target, fileName, format, rows: count, contentBase64: null };
  const contentBase64 = fs.readFileSync(target).toString('base64');
  fs.rmSync(path.dirname(target), { recursive: true, force: true });
  return { file: null, fileName, format, rows: count, contentBase64 };
}
