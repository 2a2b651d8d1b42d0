// The file's header row → one target per column for the chosen kind; a file missing a required column is
// refused before any row is read.
import { AppError } from '../../../../shared/api/appError.ts';
import { mapHeaders, type ColumnOverride } from '../../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS, type ImportKind } from '../../../../shared/importExport/importFields.ts';
import type { SourceRecord } from '../source/readCsvRecords.ts';
import { msg } from '../../../../shared/i18n/message.ts';

export function columnMapping(header: SourceRecord, kind: ImportKind, override: ColumnOverride | undefined) {
  const headers = header.cells.map((h) => h.trim());
  const mapping = mapHeaders(kind, headers, override);
  const missing = REQUIRED_FIELDS[kind].filter((f) => !mapping.columns.includes(f));
  if (missing.length > 0) {
    const names = { list: missing.map((f) => msg('importErrors.quoted', { text: msg(`field.${f}`) })) };
    throw new AppError('VALIDATION', msg('importErrors.missingColumns', { line: header.line, names }), 'columns');
  }
  return { headers, mapping };
}
