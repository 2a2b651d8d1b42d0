// The body of an encrypted export of format 2 (before encryption): a series of frames, each
//
//   kind (1 byte)  length (8 bytes, big-endian)  SHA-256 of the bytes (32)  the bytes (length)
//
// 'D' once, first: the gzip of the self-contained database; 'A' per attachment file the database references: the
// file's bytes as they are (PDFs and photos are compressed already), whose SHA-256 is also its stored name; 'E' last,
// empty. Written and read as streams, a chunk at a time, so an archive of hundreds of MB of scans never sits in
// memory; each frame's bytes are hashed on the way in and out.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { stagedAttachmentPath, storedNameOf } from '../../../db/attachmentStore.ts';
import { MAX_PLAIN_BYTES } from './backupEncryption.ts';

const KIND_DATABASE = 0x44; // 'D'
const KIND_ATTACHMENT = 0x41; // 'A'
const KIND_END = 0x45; // 'E'
const FRAME_HEADER_BYTES = 1 + 8 + 32;
const CHUNK_BYTES = 1024 * 1024;

export interface ArchiveAttachment {
  storedName: string;
  /** Where its bytes are read from. */
  file: string;
}

/** An attachment file whose bytes are not those its name promises (damaged on disk): the export leaves it out. */
export class DamagedAttachmentSource extends Error {
  constructor(readonly storedName: string) {
    super(`attachment file does not match its SHA-256: ${storedName}`);
  }
}

async function writeAll(out: fs.promises.FileHandle, bytes: Buffer): Promise<void> {
  for (let at = 0; at < bytes.length; ) at += (await out.write(bytes, at)).bytesWritten;
}

function frameHeader(kind: number, length: number, sha256: Buffer): Buffer {
  const header = Buffer.alloc(FRAME_HEADER_BYTES);
  header[0] = kind;
  header.writeBigUInt64BE(BigInt(length), 1);
  sha256.copy(header, 9);
  return header;
}

async function sha256OfFile(file: string): Promise<Buffer> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
  return hash.digest();
}

/** One frame of a file's bytes, checked against `sha256` while it is read; a file that differs throws `onMismatch()`. */
async function* fileFrame(kind: number, file: string, sha256: Buffer, onMismatch: () => Error): AsyncGenerator<Buffer> {
  const size = fs.statSync(file).size;
  yield frameHeader(kind, size, sha256);
  const hash = crypto.createHash('sha256');
  let read = 0;
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })) {
    const piece = chunk as Buffer;
    read += piece.length;
    if (read > size) throw onMismatch();
    hash.update(piece);
    yield piece;
  }
  if (read !== size || !hash.digest().equals(sha256)) throw onMismatch();
}

/** The frames of an archive: the gzipped database, then each attachment file, then the end. */
export async function* archiveFrames(databaseGz: string, attachments: readonly ArchiveAttachment[]): AsyncGenerator<Buffer> {
  const databaseSha = await sha256OfFile(databaseGz);
  yield* fileFrame(KIND_DATABASE, databaseGz, databaseSha, () => new Error('the database snapshot changed while it was exported'));
  for (const a of attachments) {
    const sha = Buffer.from(a.storedName.split('/')[1] ?? '', 'hex');
    yield* fileFrame(KIND_ATTACHMENT, a.file, sha, () => new DamagedAttachmentSource(a.storedName));
  }
  yield frameHeader(KIND_END, 0, Buffer.alloc(32));
}

export interface UnpackedArchive {
  /** The gzip of the database. */
  databaseGz: string;
  /** A store of the attachment files (db/attachmentStore.ts stagedAttachmentPath), each checked by its SHA-256. */
  attachmentsDir: string;
  attachments: number;
}

interface OpenFrame {
  kind: number;
  remaining: number;
  expected: Buffer;
  hash: crypto.Hash;
  /** null: the bytes are read and dropped (a duplicate). */
  out: fs.promises.FileHandle | null;
  target: string | null;
}

/**
 * Reads the frames of a decrypted body into `dir`: the database's gzip and the attachment files, each written
 * beside and checked by its SHA-256 before it gets its name. It always reads to the end, so the caller's cipher
 * checks its tag: a problem (a frame whose bytes differ from its hash, an odd frame) is reported only after that,
 * and a wrong passphrase or a damaged file, which fail the tag, are reported as such. `label` names the file.
 */
export function unpackArchiveInto(dir: string, label: string): { consume: (plain: AsyncIterable<Buffer>) => Promise<void>; result: () => UnpackedArchive } {
  const databaseGz = path.join(dir, 'archive.db.gz');
  const attachmentsDir = path.join(dir, 'attachments');
  let problem: AppError | null = null;
  let sawDatabase = false;
  let sawEnd = false;
  let attachments = 0;
  let total = 0;
  const damaged = () => new AppError('VALIDATION', msg('backups.encryptedDamaged', { file: label }), 'uploadId');
  const fail = (e: AppError) => {
    problem ??= e;
  };

  async function openFrame(header: Buffer): Promise<OpenFrame | null> {
    const kind = header[0] ?? 0;
    const length = Number(header.readBigUInt64BE(1));
    const expected = Buffer.from(header.subarray(9, FRAME_HEADER_BYTES));
    total += length;
    const frame: OpenFrame = { kind, remaining: length, expected, hash: crypto.createHash('sha256'), out: null, target: null };
    if (problem) return frame;
    if (sawEnd || total > MAX_PLAIN_BYTES || (kind === KIND_DATABASE) === sawDatabase || ![KIND_DATABASE, KIND_ATTACHMENT, KIND_END].includes(kind)) {
      fail(damaged());
      return frame;
    }
    if (kind === KIND_END) {
      sawEnd = true;
      if (length !== 0) fail(damaged());
      return null;
    }
    if (kind === KIND_DATABASE) {
      sawDatabase = true;
      frame.target = databaseGz;
    } else {
      const target = stagedAttachmentPath(attachmentsDir, storedNameOf(expected.toString('hex')));
      if (fs.existsSync(target)) return frame;
      fs.mkdirSync(path.dirname(target), { recursive: true });
      frame.target = target;
    }
    frame.out = await fs.promises.open(`${frame.target}.partial`, 'w');
    return frame;
  }

  async function closeFrame(frame: OpenFrame): Promise<void> {
    if (!frame.out || !frame.target) return;
    await frame.out.close();
    const partial = `${frame.target}.partial`;
    if (!frame.hash.digest().equals(frame.expected)) {
      fs.rmSync(partial, { force: true });
      fail(new AppError('VALIDATION', msg('backups.attachmentDamaged', { file: label, sha256: frame.expected.toString('hex') }), 'uploadId'));
      return;
    }
    fs.renameSync(partial, frame.target);
    if (frame.kind === KIND_ATTACHMENT) attachments++;
  }

  async function consume(plain: AsyncIterable<Buffer>): Promise<void> {
    let pending = Buffer.alloc(0);
    let frame: OpenFrame | null = null;
    try {
      for await (const chunk of plain) {
        let data = chunk;
        while (data.length > 0) {
          if (!frame) {
            if (sawEnd) {
              fail(damaged());
              break;
            }
            const need = FRAME_HEADER_BYTES - pending.length;
            pending = Buffer.concat([pending, data.subarray(0, need)]);
            data = data.subarray(need);
            if (pending.length < FRAME_HEADER_BYTES) break;
            frame = await openFrame(pending);
            pending = Buffer.alloc(0);
            if (frame && frame.remaining === 0) {
              await closeFrame(frame);
              frame = null;
            }
            continue;
          }
          const piece = data.subarray(0, frame.remaining);
          data = data.subarray(piece.length);
          frame.remaining -= piece.length;
          if (frame.out) {
            frame.hash.update(piece);
            await writeAll(frame.out, piece);
          }
          if (frame.remaining === 0) {
            await closeFrame(frame);
            frame = null;
          }
        }
      }
    } finally {
      await frame?.out?.close();
    }
    if (frame || pending.length > 0 || !sawEnd || !sawDatabase) fail(damaged());
  }

  return {
    consume,
    result: () => {
      if (problem) throw problem;
      return { databaseGz, attachmentsDir, attachments };
    },
  };
}
