// A header that maps to nothing is often a header read in the wrong encoding (瀹㈡埛鍚嶇О is 客户名称 in UTF-8
// read as GBK). Reading the file's first record again in the other encoding and mapping that tells for sure:
// when it finds the required columns, the other encoding is the one to suggest, by name.
import { mapHeaders } from '../../../../shared/importExport/headerAliases.ts';
import { REQUIRED_FIELDS, type ImportKind } from '../../../../shared/importExport/importFields.ts';
import type { TextEncodingName } from '../source/detectEncoding.ts';
import { headerReadAs, type ImportSource } from '../source/openImportSource.ts';

export type SwitchableEncoding = 'utf8' | 'gb18030';

/** The encoding the wizard offers instead of the one used: UTF-8 and GB18030 swap; xlsx and UTF-16 have none. */
export function otherEncodingOf(encoding: TextEncodingName | null): SwitchableEncoding | null {
  if (encoding === 'utf8') return 'gb18030';
  if (encoding === 'gb18030') return 'utf8';
  return null;
}

export interface OtherEncodingReading {
  encoding: SwitchableEncoding;
  /** The header cells as that encoding reads them. */
  headers: string[];
}

/** The other encoding's reading of the header, when it has every column `kind` requires; otherwise null. */
export async function otherEncodingReading(source: ImportSource, kind: ImportKind): Promise<OtherEncodingReading | null> {
  const other = otherEncodingOf(source.encoding);
  if (!other) return null;
  const header = await headerReadAs(source, other);
  if (!header) return null;
  const headers = header.cells.map((h) => h.trim());
  const { columns } = mapHeaders(kind, headers);
  return REQUIRED_FIELDS[kind].every((f) => columns.includes(f)) ? { encoding: other, headers } : null;
}
