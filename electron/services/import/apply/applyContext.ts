import type { ImportSession } from '../../../../db/import/index.ts';
import type { ImportField } from '../../../../shared/importExport/importFields.ts';
import type { ImportReport } from '../report/importReport.ts';

export interface SheetImporter<Row> {
  applyChunk(rows: readonly Row[]): Promise<void>;
}

/** What every importer works with: the session, the report, and the file's header for a field. */
export interface ApplyContext {
  session: ImportSession;
  report: ImportReport;
  header: (f: ImportField) => string;
  /** A tier's name in the change list (the tier table's, migration 0019); the catalogue's when absent. */
  tierLabel?: (code: string) => string;
}
