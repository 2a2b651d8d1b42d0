// Text chunks → records with the physical line each starts on, through Papa Parse's incremental parser.
// Each parse call sees the unfinished tail of the previous chunk plus the new text, so memory stays at about
// one chunk (plus one record, however long). Lines: a record starts one line after the previous record's
// start plus the line breaks inside its quoted cells; a blank line is a record of one empty cell.
import Papa from 'papaparse';
import { sniffDelimiter } from '../../../../shared/importExport/sniffDelimiter.ts';
import { msg, type Message } from '../../../../shared/i18n/message.ts';

export interface SourceRecord {
  line: number;
  cells: string[];
  /**
   * Set when the record could not be parsed cleanly. `fatal`: an unclosed quote swallowed the rest of the
   * file into this record; otherwise a stray quote was read literally.
   */
  problem?: { fatal: boolean; message: Message };
}

/** A quoted cell that never closes would otherwise hold the rest of a large file in memory. */
export const MAX_RECORD_CHARS = 8 << 20;

/** Papa's incremental Parser, whose typings leave parse() returning any. */
interface PapaParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}

const unclosed = (line: number) => ({ fatal: true, message: msg('reasons.unclosedQuote', { line }) });

function countLineBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    let i = cell.indexOf('\n');
    while (i >= 0) {
      n++;
      i = cell.indexOf('\n', i + 1);
    }
  }
  return n;
}

export interface CsvReadOptions {
  delimiter?: string;
  onDelimiter?: (delimiter: string) => void;
}

/** Yields records in batches (one per parse call) so the per-record cost stays a plain loop. */
export async function* readCsvRecords(chunks: AsyncIterable<string>, options: CsvReadOptions = {}): AsyncGenerator<SourceRecord[]> {
  let parser: PapaParser | null = null;
  let pending = '';
  let line = 1;
  const toRecords = (rows: string[][], quoted: boolean, errors: Papa.ParseError[], final: boolean): SourceRecord[] => {
    const out: SourceRecord[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i]!;
      out[i] = { line, cells };
      line += 1 + (quoted ? countLineBreaks(cells) : 0);
    }
    for (const e of errors) {
      const rec = e.row === undefined ? undefined : out[e.row];
      if (!rec) continue;
      if (e.code === 'MissingQuotes' && final) rec.problem = unclosed(rec.line);
      else if (e.code === 'InvalidQuotes' && rec.problem === undefined) rec.problem = { fatal: false, message: msg('reasons.strayQuote') };
    }
    return out;
  };
  const parseWith = (p: PapaParser, final: boolean) => {
    const result = p.parse(pending, 0, !final);
    const quoted = pending.indexOf('"') >= 0;
    const records = toRecords(result.data, quoted, result.errors, final);
    pending = final ? '' : pending.slice(result.meta.cursor);
    return records;
  };
  for await (const text of chunks) {
    pending += text;
    if (!parser) {
      const delimiter = options.delimiter ?? sniffDelimiter(pending.slice(0, 65_536));
      options.onDelimiter?.(delimiter);
      parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    }
    if (pending.length > MAX_RECORD_CHARS) {
      // Only an unclosed quote keeps this much text pending; report it and stop reading.
      const records = parseWith(parser, true);
      const last = records[records.length - 1];
      if (last) last.problem = unclosed(last.line);
      yield records;
      return;
    }
    const records = parseWith(parser, false);
    if (records.length > 0) yield records;
  }
  if (parser && pending !== '') {
    const records = parseWith(parser, true);
    if (records.length > 0) yield records;
  }
}
