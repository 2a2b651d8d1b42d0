// Opens a CSV/TSV or .xlsx file for import: decides format and encoding, finds the header (the first
// non-blank record) and hands out the data records after it, streamed.
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/api/appError.ts';
import { isBlankRecord } from '../../../../shared/importExport/normalizeRow.ts';
import { decodeTextStream, type ByteCounter } from './decodeTextStream.ts';
import { chooseEncoding, type EncodingChoice, type EncodingDetection, type TextEncodingName } from './detectEncoding.ts';
import type { InvalidSequences } from './invalidSequences.ts';
import { readCsvRecords, type SourceRecord } from './readCsvRecords.ts';
import { readXlsxRecords } from './readXlsxRecords.ts';
import { readXlsxInOrder, type XlsxReading } from './xlsxReadingOrder.ts';
import { msg, type MessageParam } from '../../../../shared/i18n/message.ts';

export type SourceFormat = 'csv' | 'xlsx';

export interface ImportSource {
  format: SourceFormat;
  /** Where the file is read from (a staged upload's own path). */
  path: string;
  fileName: string;
  totalBytes: number;
  counter: ByteCounter;
  encoding: TextEncodingName | null;
  detected: EncodingDetection | null;
  /** Bytes the decoder of `encoding` replaces with U+FFFD, by line, over the whole file; null for xlsx and UTF-16. */
  invalid: InvalidSequences | null;
  /** Lines end with a bare CR; decided once, so a second reading numbers lines the same way (undefined: not decided). */
  bareCr: boolean | undefined;
  delimiter: string | null;
  sheet: string | null;
  sheets: string[];
  /** The first non-blank record, or null for an empty file. */
  header: SourceRecord | null;
  /** Data records after the header, in batches; blank ones included (they count as lines, not rows). */
  records: AsyncGenerator<SourceRecord[]>;
}

export interface OpenSourceOptions {
  encoding: EncodingChoice;
  sheet?: string | undefined;
  /** The name to report; an upload's original name rather than its staging file. */
  fileName?: string | undefined;
}

const unreadable = (file: string, why: MessageParam) => new AppError('VALIDATION', msg('importErrors.unreadable', { file, why }), 'file');

function sniffFormat(file: string): SourceFormat {
  const fd = fs.openSync(file, 'r');
  const head = Buffer.alloc(8);
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw unreadable(path.basename(file), msg('importErrors.oldXls'));
  }
  return 'csv';
}

/** The source's header record; a file without one has nothing to import. */
export function headerOf(source: ImportSource): SourceRecord {
  if (!source.header) throw new AppError('VALIDATION', msg('importErrors.emptyFile', { file: source.fileName }), 'file');
  return source.header;
}

export async function openImportSource(file: string, options: OpenSourceOptions): Promise<ImportSource> {
  const fileName = options.fileName ?? path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw unreadable(fileName, msg('importErrors.noAccess'));
  }
  if (!stat.isFile()) throw unreadable(fileName, msg('importErrors.notAFile'));
  const format = sniffFormat(file);
  const counter: ByteCounter = { bytesRead: 0 };
  const source: ImportSource = {
    format,
    path: file,
    fileName,
    totalBytes: stat.size,
    counter,
    encoding: null,
    detected: null,
    invalid: null,
    bareCr: undefined,
    delimiter: null,
    sheet: null,
    sheets: [],
    header: null,
    records: (async function* () {})(),
  };
  let batches: AsyncGenerator<SourceRecord[]>;
  let xlsx: XlsxReading | undefined;
  const damaged = () => unreadable(fileName, msg('importErrors.xlsxDamaged'));
  if (format === 'xlsx') {
    const open = () => {
      counter.bytesRead = 0;
      xlsx = readXlsxInOrder(file, (n) => (counter.bytesRead += n));
      return xlsx.stream;
    };
    batches = readXlsxRecords(open, {
      sheet: options.sheet,
      onSheet: (chosen, all) => {
        source.sheet = chosen;
        source.sheets = all;
      },
    });
  } else {
    const { used, detected, invalid, bareCr } = await chooseEncoding(file, options.encoding);
    source.encoding = used;
    source.detected = detected;
    source.invalid = invalid;
    source.bareCr = bareCr;
    batches = readCsvRecords(decodeTextStream(file, used, { counter, ...(bareCr === undefined ? {} : { bareCr }) }), {
      onDelimiter: (d) => {
        source.delimiter = d;
      },
    });
  }
  let first: SourceRecord[] = [];
  try {
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      const at = next.value.findIndex((r) => !isBlankRecord(r.cells));
      if (at >= 0) {
        source.header = next.value[at]!;
        first = next.value.slice(at + 1);
        break;
      }
    }
  } catch (e) {
    if (xlsx?.damaged) throw damaged();
    if ((e as { code?: string }).code === 'SHEET_NOT_FOUND') throw new AppError('VALIDATION', msg('importErrors.sheetNotFound', { sheet: options.sheet ?? '' }), 'sheet');
    throw unreadable(fileName, format === 'xlsx' ? msg('importErrors.notXlsx') : String((e as Error).message));
  }
  // A damaged .xlsx reaches the reader as an empty stream: no records, and this says why.
  if (xlsx?.damaged) throw damaged();
  source.records = (async function* () {
    if (first.length > 0) yield first;
    try {
      yield* batches;
    } catch (e) {
      throw unreadable(fileName, format === 'xlsx' ? msg('importErrors.xlsxDamaged') : String((e as Error).message));
    }
  })();
  return source;
}

/**
 * The header of a text source as another encoding would read it: the first non-blank record of the file
 * decoded that way (only its first chunk or so is read). Null when there is none.
 */
export async function headerReadAs(source: ImportSource, encoding: TextEncodingName): Promise<SourceRecord | null> {
  const batches = readCsvRecords(decodeTextStream(source.path, encoding, source.bareCr === undefined ? {} : { bareCr: source.bareCr }));
  try {
    for await (const batch of batches) {
      const header = batch.find((r) => !isBlankRecord(r.cells));
      if (header) return header;
    }
    return null;
  } finally {
    await batches.return(undefined);
  }
}
