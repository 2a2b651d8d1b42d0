// CSV export: UTF-8 with BOM (Excel and WPS then read it as UTF-8), CRLF between records, canonical headers,
// formula escaping. Written in ~1 MB pieces to a temporary name and renamed, so a half-written file never
// takes the target's place.
import fs from 'node:fs';
import { CSV_BOM, csvRecord } from '../../../shared/importExport/csvFormat.ts';
import { cellToText, type ExportCell } from '../../../shared/importExport/exportCells.ts';

export interface SheetSink {
  header(cells: readonly string[]): void;
  row(cells: readonly ExportCell[]): void;
  close(): Promise<void>;
}

const FLUSH_CHARS = 1 << 19;

export function csvSink(file: string): SheetSink {
  const tmp = `${file}.partial`;
  const fd = fs.openSync(tmp, 'w');
  let buffer = CSV_BOM;
  const flush = () => {
    if (buffer.length > 0) fs.writeSync(fd, buffer);
    buffer = '';
  };
  return {
    header(cells) {
      buffer += csvRecord(cells);
    },
    row(cells) {
      buffer += csvRecord(cells.map(cellToText));
      if (buffer.length >= FLUSH_CHARS) flush();
    },
    async close() {
      flush();
      fs.closeSync(fd);
      fs.renameSync(tmp, file);
    },
  };
}
