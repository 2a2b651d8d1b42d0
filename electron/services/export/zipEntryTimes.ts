// An .xlsx is a zip whose entries carry the time they were written (archiver stamps each with "now"), so two
// exports of the same rows would differ in those bytes. This sets every entry's DOS time to one fixed value,
// in place: the central directory is read from the end record, and each entry's local header is patched at the
// offset the directory gives. Export → import → export is then byte-identical for .xlsx too.
import fs from 'node:fs';

const END_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** 1980-01-01 00:00, the first instant a DOS timestamp can hold: time 0, date (0 << 9) | (1 << 5) | 1. */
const DOS_TIME = 0;
const DOS_DATE = 0x21;
const END_RECORD = 22;
const MAX_COMMENT = 0xffff;

function stamp(buf: Buffer, at: number): void {
  buf.writeUInt16LE(DOS_TIME, at);
  buf.writeUInt16LE(DOS_DATE, at + 2);
}

/** Fixes the entry times of the zip at `file`. A zip it cannot read plainly (zip64, damaged) is left alone. */
export function fixZipEntryTimes(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const size = fs.fstatSync(fd).size;
    const tailSize = Math.min(size, END_RECORD + MAX_COMMENT);
    const tail = Buffer.alloc(tailSize);
    fs.readSync(fd, tail, 0, tailSize, size - tailSize);
    let end = -1;
    for (let i = tailSize - END_RECORD; i >= 0; i--) {
      if (tail.readUInt32LE(i) === END_SIGNATURE) {
        end = i;
        break;
      }
    }
    if (end < 0) return;
    const entries = tail.readUInt16LE(end + 10);
    const directorySize = tail.readUInt32LE(end + 12);
    const directoryOffset = tail.readUInt32LE(end + 16);
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return;
    const directory = Buffer.alloc(directorySize);
    fs.readSync(fd, directory, 0, directorySize, directoryOffset);
    const local = Buffer.alloc(4);
    let at = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > directorySize || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) return;
      stamp(directory, at + 12);
      const localOffset = directory.readUInt32LE(at + 42);
      fs.readSync(fd, local, 0, 4, localOffset);
      if (local.readUInt32LE(0) === LOCAL_SIGNATURE) {
        const times = Buffer.alloc(4);
        stamp(times, 0);
        fs.writeSync(fd, times, 0, 4, localOffset + 10);
      }
      at += 46 + directory.readUInt16LE(at + 28) + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    fs.writeSync(fd, directory, 0, directorySize, directoryOffset);
  } finally {
    fs.closeSync(fd);
  }
}
