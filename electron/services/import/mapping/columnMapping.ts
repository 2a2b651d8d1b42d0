// The file's header row → one target per column for the chosen kind; a file missing a required column is
// refused before any row is read, with the header as it was read, and the other encoding named when the
// header reads right in it (mojibake).
import { AppError } from '../../../../shared/api/appError.ts';
import { mapHeaders, type ColumnOverride } from '../../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS, type ImportField, type ImportKind } from '../../../../shared/importExport/importFields.ts';
import { msg, type MessageParam } from '../../../../shared/i18n/message.ts';
import { ENCODING_NAMES } from '../source/encodingWarnings.ts';
import { headerOf, type ImportSource } from '../source/openImportSource.ts';
import { otherEncodingReading } from './otherEncodingReading.ts';

/** A wide sheet's header is cut here in the message. */
const HEADERS_SHOWN = 12;

export function quotedHeaders(headers: readonly string[]): MessageParam {
  const shown: MessageParam[] = headers
    .slice(0, HEADERS_SHOWN)
    .map((h) => (h === '' ? msg('report.emptyHeader') : msg('importErrors.quoted', { text: h })));
  if (headers.length > HEADERS_SHOWN) shown.push(msg('encoding.moreHeaders', { n: headers.length - HEADERS_SHOWN }));
  return { list: shown };
}

async function headerNotMapped(source: ImportSource, line: number, headers: readonly string[], kind: ImportKind, missing: readonly ImportField[]) {
  const names = { list: missing.map((f) => msg('importErrors.quoted', { text: msg(`field.${f}`) })) };
  const read = quotedHeaders(headers);
  if (!source.encoding) return new AppError('VALIDATION', msg('encoding.headerNotMappedSheet', { line, names, headers: read }), 'columns');
  const encoding = ENCODING_NAMES[source.encoding];
  const other = await otherEncodingReading(source, kind);
  if (!other) return new AppError('VALIDATION', msg('encoding.headerNotMapped', { line, names, headers: read, encoding }), 'columns');
  const params = { line, names, headers: read, encoding, other: ENCODING_NAMES[other.encoding], otherHeaders: quotedHeaders(other.headers), flag: other.encoding };
  return new AppError('VALIDATION', msg('encoding.headerInOtherEncoding', params), 'columns');
}

export async function columnMapping(source: ImportSource, kind: ImportKind, override: ColumnOverride | undefined) {
  const header = headerOf(source);
  const headers = header.cells.map((h) => h.trim());
  const mapping = mapHeaders(kind, headers, override);
  const missing = REQUIRED_FIELDS[kind].filter((f) => !mapping.columns.includes(f));
  if (missing.length > 0) throw await headerNotMapped(source, header.line, headers, kind, missing);
  return { headers, mapping };
}
