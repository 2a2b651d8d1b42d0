import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';

/**
 * Opens a file the user named on the command line for reading: only a regular file (a device such as /dev/zero,
 * a FIFO or a folder is refused before anything is read), at most `maxBytes`. `field` is the flag to blame.
 */
export function openLocalFile(file: string, maxBytes: number, field: string): { fd: number; size: number; name: string } {
  const name = path.basename(file);
  let fd: number;
  try {
    // Non-blocking, so a FIFO is refused by the check below instead of waiting for a writer forever.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    throw new AppError('VALIDATION', msg('cliFiles.cannotRead', { file }), field);
  }
  const stat = fs.fstatSync(fd);
  if (!stat.isFile()) {
    fs.closeSync(fd);
    throw new AppError('VALIDATION', msg('cliFiles.notAFile', { file }), field);
  }
  if (stat.size > maxBytes) {
    fs.closeSync(fd);
    throw new AppError('VALIDATION', msg('cliFiles.tooLarge', { file, max: `${Math.round(maxBytes / 1024 / 1024)} MiB` }), field);
  }
  return { fd, size: stat.size, name };
}

/** Reads a small file whole (a mapping file); never more than `maxBytes`, even if it grows while read. */
export function readLocalFile(file: string, maxBytes: number, field: string): Buffer {
  const { fd, size } = openLocalFile(file, maxBytes, field);
  try {
    const buffer = Buffer.alloc(Math.min(size, maxBytes));
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}
