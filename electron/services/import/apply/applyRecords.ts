// Records of a source → valid rows of the layout's kind → the kind's importer, 500 rows at a time. Cell
// problems are reported as rows are read, record problems as the importer applies its chunk.
import type { ImportKind } from '../../../../shared/importExport/importFields.ts';
import { isBlankRecord, normalizeRow, type RowLayout } from '../../../../shared/importExport/normalizeRow.ts';
import type { RowOf } from '../../../../shared/importExport/sheetRows.ts';
import { relieveHeap } from '../memory/heapRelief.ts';
import type { SourceRecord } from '../source/readCsvRecords.ts';
import type { ApplyContext } from './applyContext.ts';
import { sheetImporterFor } from './sheetImporters.ts';

export const CHUNK_ROWS = 500;

/** `afterChunk` runs after each applied chunk (progress events). */
export async function applyRecords<K extends ImportKind>(
  layout: RowLayout<K>,
  records: AsyncIterable<readonly SourceRecord[]>,
  context: ApplyContext,
  afterChunk: () => Promise<void>,
): Promise<void> {
  const importer = sheetImporterFor(layout.kind, context);
  const report = context.report;
  let chunk: RowOf<K>[] = [];
  let chunks = 0;
  const apply = async () => {
    await importer.applyChunk(chunk);
    chunk = [];
    if (++chunks % 16 === 0) relieveHeap();
    await afterChunk();
  };
  for await (const batch of records) {
    for (const record of batch) {
      if (record.problem?.fatal) {
        report.rows++;
        report.reject([{ line: record.line, column: null, message: record.problem.message }]);
        continue;
      }
      if (isBlankRecord(record.cells)) continue;
      report.rows++;
      if (record.problem) report.warn([{ line: record.line, column: null, message: record.problem.message }]);
      const row = normalizeRow(layout, record.line, record.cells);
      if (row.warnings.length > 0) report.warn(row.warnings);
      if (!row.ok) {
        report.reject(row.issues);
        continue;
      }
      chunk.push(row);
      if (chunk.length >= CHUNK_ROWS) await apply();
    }
  }
  if (chunk.length > 0) await apply();
}
