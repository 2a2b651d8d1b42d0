// An .xlsx's bytes as exceljs's streaming reader can take them safely, re-packed as a zip of stored entries:
// - exceljs decodes each chunk of an entry as UTF-8 on its own, so a character split between two chunks came out
//   as U+FFFD (one cell in a few hundred of a Chinese sheet); here every chunk ends on a character boundary;
// - in the order Excel and exceljs write a zip (worksheets before the shared strings), exceljs parks each
//   worksheet in a temporary file in the OS temp folder, outside the archive's folders, and often leaves it there;
//   here the workbook's relationships, the workbook and the shared strings come first (an empty table if none);
// - a damaged entry stalled the reader for good (the zip reader reports it where nobody listens while a worksheet
//   is read); here every entry is checked first (header, decompression, size, CRC) and a damaged file reaches the
//   reader empty, flagged.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FIRST = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/styles.xml'];
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
const CHUNK = 1 << 20;

/** The zip has no usable central directory: thrown when the reader opens the file, it surfaces as not an .xlsx. */
export class DamagedXlsx extends Error {}

interface Entry {
  name: string;
  start: number;
  end: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
}

interface Plan {
  entries: Entry[];
  directoryStart: number;
  fileSize: number;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  return buf.subarray(0, fs.readSync(fd, buf, 0, length, position));
}

/** Local records by their central directory entries, each running to where the next one starts. */
function planOf(file: string): Plan {
  const fd = fs.openSync(file, 'r');
  try {
    const fileSize = fs.fstatSync(fd).size;
    const tailLength = Math.min(fileSize, 22 + 0xffff);
    const tail = readAt(fd, fileSize - tailLength, tailLength);
    let end = tail.length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== EOCD) end--;
    if (end < 0) throw new DamagedXlsx('no end of central directory');
    const count = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryStart = tail.readUInt32LE(end + 16);
    if (directoryStart + directorySize > fileSize - tailLength + end) throw new DamagedXlsx('central directory out of bounds');
    const directory = readAt(fd, directoryStart, directorySize);
    const found: Omit<Entry, 'end'>[] = [];
    for (let at = 0, i = 0; i < count; i++) {
      if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) throw new DamagedXlsx('bad central directory entry');
      const nameLength = directory.readUInt16LE(at + 28);
      const start = directory.readUInt32LE(at + 42);
      if (start >= directoryStart) throw new DamagedXlsx('entry outside the file');
      found.push({
        name: directory.toString('utf8', at + 46, at + 46 + nameLength),
        start,
        method: directory.readUInt16LE(at + 10),
        crc: directory.readUInt32LE(at + 16),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    found.sort((a, b) => a.start - b.start);
    const entries = found.map((e, i) => ({ ...e, end: found[i + 1]?.start ?? directoryStart }));
    if (!entries.some((e) => e.name === FIRST[0])) throw new DamagedXlsx('no workbook relationships');
    return { entries, directoryStart, fileSize };
  } finally {
    fs.closeSync(fd);
  }
}

async function* rangeOf(fh: fs.promises.FileHandle, start: number, end: number): AsyncGenerator<Buffer> {
  for (let at = start; at < end; ) {
    const buf = Buffer.alloc(Math.min(CHUNK, end - at));
    const { bytesRead } = await fh.read(buf, 0, buf.length, at);
    if (bytesRead === 0) throw new DamagedXlsx('file ends inside an entry');
    at += bytesRead;
    yield buf.subarray(0, bytesRead);
  }
}

/** The raw deflated stream inflated; a read error reaches the inflater (pipe alone would leave it waiting). */
function inflated(raw: Readable): Readable {
  const inflater = zlib.createInflateRaw();
  raw.once('error', (e) => inflater.destroy(e));
  return raw.pipe(inflater);
}

/**
 * Where the entry's data starts, if its local header agrees with the directory and its data decompresses to the
 * size and CRC it claims; null otherwise.
 */
async function soundDataStart(fh: fs.promises.FileHandle, e: Entry): Promise<number | null> {
  try {
    const header = Buffer.alloc(30);
    await fh.read(header, 0, 30, e.start);
    if (header.readUInt32LE(0) !== LOCAL) return null;
    const nameLength = header.readUInt16LE(26);
    const name = Buffer.alloc(nameLength);
    await fh.read(name, 0, nameLength, e.start + 30);
    const dataStart = e.start + 30 + nameLength + header.readUInt16LE(28);
    if (name.toString('utf8') !== e.name || dataStart + e.compressedSize > e.end) return null;
    if (e.method !== 0 && e.method !== 8) return null;
    const data = Readable.from(rangeOf(fh, dataStart, dataStart + e.compressedSize));
    let crc = 0;
    let size = 0;
    for await (const chunk of e.method === 8 ? inflated(data) : data) {
      crc = zlib.crc32(chunk as Buffer, crc);
      size += (chunk as Buffer).length;
      if (size > e.size) return null;
    }
    return size === e.size && crc === e.crc ? dataStart : null;
  } catch {
    return null;
  }
}

/** A local header (stored, sizes known, no descriptor) or, with `offset`, the matching central directory entry. */
function storedHeader(name: Buffer, crc: number, size: number, offset?: number): Buffer {
  const central = offset !== undefined;
  const h = Buffer.alloc(central ? 46 : 30);
  h.writeUInt32LE(central ? CENTRAL : LOCAL, 0);
  h.writeUInt16LE(20, 4);
  const at = central ? 2 : 0;
  if (central) h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 6 + at);
  h.writeUInt32LE(crc, 14 + at);
  h.writeUInt32LE(size, 18 + at);
  h.writeUInt32LE(size, 22 + at);
  h.writeUInt16LE(name.length, 26 + at);
  if (central) h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/** How many bytes at the end of `buf` begin a UTF-8 character that the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let k = 1; k <= Math.min(3, buf.length); k++) {
    const b = buf[buf.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > k ? k : 0;
  }
  return 0;
}

/** An entry's content, in chunks that each end on a UTF-8 character boundary (binary content passes the same). */
async function* contentOf(fh: fs.promises.FileHandle, e: Entry, dataStart: number): AsyncGenerator<Buffer> {
  const raw = Readable.from(rangeOf(fh, dataStart, dataStart + e.compressedSize));
  let carry = Buffer.alloc(0);
  for await (const piece of e.method === 8 ? inflated(raw) : raw) {
    const chunk = Buffer.concat([carry, piece as Buffer]);
    const keep = incompleteTail(chunk);
    carry = chunk.subarray(chunk.length - keep);
    if (chunk.length > keep) yield chunk.subarray(0, chunk.length - keep);
  }
  if (carry.length > 0) yield carry;
}

export interface XlsxReading {
  /** For exceljs's WorkbookReader. It never errors: exceljs pipes it without listening for errors. */
  stream: Readable;
  /** True once an entry failed its check; the stream then ended without a byte, so no record was read. */
  damaged: boolean;
}

/** Reads `file` for the streaming reader; `onBytes` counts the file's bytes read. Throws DamagedXlsx at once. */
export function readXlsxInOrder(file: string, onBytes: (n: number) => void = () => {}): XlsxReading {
  const plan = planOf(file);
  const reading: XlsxReading = { stream: Readable.from([]), damaged: false };
  const rank = (e: Entry) => (FIRST.includes(e.name) ? FIRST.indexOf(e.name) : FIRST.length);
  const ordered = [...plan.entries].sort((a, b) => rank(a) - rank(b) || a.start - b.start);
  async function* chunks(): AsyncGenerator<Buffer> {
    let fh: fs.promises.FileHandle | null = null;
    try {
      fh = await fs.promises.open(file, 'r');
      const dataStarts = new Map<Entry, number>();
      for (const e of plan.entries) {
        const dataStart = await soundDataStart(fh, e);
        if (dataStart === null) {
          reading.damaged = true;
          return;
        }
        dataStarts.set(e, dataStart);
      }
      const directory: Buffer[] = [];
      let offset = 0;
      const emit = function* (name: string, crc: number, size: number): Generator<Buffer> {
        const nameBytes = Buffer.from(name, 'utf8');
        const header = storedHeader(nameBytes, crc, size);
        directory.push(storedHeader(nameBytes, crc, size, offset));
        offset += header.length + size;
        yield header;
      };
      if (!plan.entries.some((e) => e.name === SHARED_STRINGS)) {
        const empty = Buffer.from(EMPTY_SHARED_STRINGS);
        yield* emit(SHARED_STRINGS, zlib.crc32(empty), empty.length);
        yield empty;
      }
      for (const e of ordered) {
        yield* emit(e.name, e.crc, e.size);
        for await (const chunk of contentOf(fh, e, dataStarts.get(e) ?? 0)) yield chunk;
        onBytes(e.end - e.start);
      }
      const end = Buffer.alloc(22);
      end.writeUInt32LE(EOCD, 0);
      end.writeUInt16LE(directory.length, 8);
      end.writeUInt16LE(directory.length, 10);
      end.writeUInt32LE(directory.reduce((n, d) => n + d.length, 0), 12);
      end.writeUInt32LE(offset, 16);
      yield Buffer.concat([...directory, end]);
    } catch {
      // The file changed under us: what is missing reads as a zip cut short.
      reading.damaged = true;
    } finally {
      await fh?.close().catch(() => {});
    }
  }
  reading.stream = Readable.from(chunks());
  return reading;
}
