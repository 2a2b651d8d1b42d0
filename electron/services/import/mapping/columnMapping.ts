// The file's header row → one target per column for the chosen kind; a file missing a required column is
// refused before any row is read.
import { AppError } from '../../../../shared/api/appError.ts';
import { mapHeaders, type ColumnOverride } from '../../../../shared/importExport/headerAliases.ts';
import { FIELD_HEADERS, REQUIRED_FIELDS, type ImportKind } from '../../../../shared/importExport/importFields.ts';
import type { SourceRecord } from '../source/readCsvRecords.ts';

export function columnMapping(header: SourceRecord, kind: ImportKind, override: ColumnOverride | undefined) {
  const headers = header.cells.map((h) => h.trim());
  const mapping = mapHeaders(kind, headers, override);
  const missing = REQUIRED_FIELDS[kind].filter((f) => !mapping.columns.includes(f));
  if (missing.length > 0) {
    const names = missing.map((f) => `「${FIELD_HEADERS[f].zh}」`).join('、');
    throw new AppError('VALIDATION', `文件第 ${header.line} 行的表头里没有${names}列，请检查表头或在导入向导里指定对应的列`, 'columns');
  }
  return { headers, mapping };
}
