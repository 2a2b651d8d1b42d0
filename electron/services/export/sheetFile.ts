// One export's file: its rows streamed through a sink into the archive's staging folder (CSV or .xlsx), then read
// back as the answer's bytes. Every sheet export (archive sheets, report, payments, usage) goes through here.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportResult } from '../../../shared/api/export.contract.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { withStagingScratch } from '../stagingScratch.ts';
import { csvSink, type SheetSink } from './exportCsv.ts';
import { xlsxSink } from './exportXlsx.ts';

export interface SheetFile {
  fileName: string;
  /** The .xlsx sheet's name (a CSV has none). */
  sheetName: string;
  format: 'csv' | 'xlsx';
  /** Writes the header and the rows; answers how many rows. */
  write: (sink: SheetSink) => Promise<number>;
}

export async function writeSheetFile(ctx: ServiceContext, file: SheetFile): Promise<ExportResult> {
  return withStagingScratch(ctx, 'export-', async (dir) => {
    const target = path.join(dir, `export.${file.format}`);
    const sink = file.format === 'xlsx' ? await xlsxSink(target, file.sheetName) : csvSink(target);
    const rows = await file.write(sink);
    await sink.close();
    return { fileName: file.fileName, format: file.format, rows, contentBase64: fs.readFileSync(target).toString('base64') };
  });
}
