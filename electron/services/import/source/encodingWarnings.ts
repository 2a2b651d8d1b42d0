// The bytes a source's decoder replaced with U+FFFD, as report warnings by physical line (the first lines one
// by one, the rest summed up) and as a summary the wizard shows above the preview.
import type { CellIssue } from '../../../../shared/importExport/importFields.ts';
import { msg } from '../../../../shared/i18n/message.ts';
import type { TextEncodingName } from './detectEncoding.ts';
import type { ImportSource } from './openImportSource.ts';

/** Encodings as messages name them (the same in both languages). */
export const ENCODING_NAMES: Record<TextEncodingName, string> = {
  utf8: 'UTF-8',
  gb18030: 'GB18030',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
};

export interface InvalidBytesSummary {
  encoding: TextEncodingName;
  /** Sequences replaced, each by one U+FFFD. */
  sequences: number;
  /** Lines holding them. */
  lines: number;
}

export function invalidBytesSummary(source: ImportSource): InvalidBytesSummary | null {
  const { invalid, encoding } = source;
  if (!invalid || !encoding || invalid.count === 0) return null;
  return { encoding, sequences: invalid.count, lines: invalid.lineCount };
}

export function encodingWarnings(source: ImportSource): CellIssue[] {
  const { invalid, encoding } = source;
  if (!invalid || !encoding || invalid.count === 0) return [];
  const name = ENCODING_NAMES[encoding];
  const warnings: CellIssue[] = invalid.lines.map((l) => ({
    line: l.line,
    column: null,
    message: msg('encoding.invalidBytes', { count: l.count, encoding: name }),
  }));
  if (invalid.firstUnlistedLine !== null) {
    warnings.push({
      line: invalid.firstUnlistedLine,
      column: null,
      message: msg('encoding.moreInvalidLines', { lines: invalid.lineCount - invalid.lines.length, count: invalid.unlisted, encoding: name }),
    });
  }
  return warnings;
}
