import type { ImportSession } from '../../../../db/import/index.ts';
import type { ImportField } from '../../../../shared/importExport/importFields.ts';
import type { ImportReport } from '../report/importReport.ts';

export interface SheetImporter<Row> {
  applyChunk(rows: readonly Row[]): void;
}

/** What every importer works with: the session, the report, and the file's header for a field. */
export interface ApplyContext {
  session: ImportSession;
  report: ImportReport;
  header: (f: ImportField) => string;
}
