// The encrypted backup format (.rdbackup): a 40-byte header, a body encrypted with AES-256-GCM, and GCM's 16-byte
// tag. The key is scrypt(passphrase NFC, salt). The header is the cipher's additional data, so a changed parameter
// fails the tag like a changed byte of data. Version 1's body is the gzip of a self-contained SQLite file; version
// 2's is a series of frames, the database and the attachment files it references (archiveFrames.ts).
//
//   0  8  magic "RDESKENC"      8  1  format version (2)     9  1  scrypt log2(N)    10  1  scrypt r
//  11  1  scrypt p             12 16  salt                   28 12  GCM nonce
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';

const MAGIC = Buffer.from('RDESKENC', 'ascii');
/** The newest format this version reads, and the one it writes. */
export const ENCRYPTED_FORMAT_VERSION = 2;
/** The first format: the database only, no attachment files. Still restored. */
export const DATABASE_ONLY_FORMAT_VERSION = 1;
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 4 + SALT_BYTES + NONCE_BYTES;

export interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

/** N = 2^17, r = 8, p = 1: OWASP's minimum for scrypt; 128 MiB and about 0.8 s of CPU per guess. */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 17, r: 8, p: 1 };
// A header asking for more than this is refused before any work: a crafted file must not take minutes or GiBs.
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;
// A gzip bomb is cut off before it fills the disk (the tag is only checked at the end).
export const MAX_PLAIN_BYTES = 8 * 1024 * 1024 * 1024;

function scryptMemory(params: ScryptParams): number {
  return 128 * 2 ** params.logN * params.r;
}

function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const options = { N: 2 ** params.logN, r: params.r, p: params.p, maxmem: 2 * scryptMemory(params) + 1024 * 1024 };
    crypto.scrypt(passphrase.normalize('NFC'), salt, 32, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** The first bytes say which kind of file a user handed over. */
export function sniffBackupFile(file: string): 'sqlite' | 'encrypted' | 'other' {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  let read: number;
  try {
    read = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (read >= MAGIC.length && head.subarray(0, MAGIC.length).equals(MAGIC)) return 'encrypted';
  if (read === 16 && head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  return 'other';
}

/** Writes the header, then what `encryptInto` pipes through the cipher, then the tag. */
async function seal(outFile: string, passphrase: string, version: number, params: ScryptParams, encryptInto: (cipher: crypto.CipherGCM, out: fs.WriteStream) => Promise<void>): Promise<void> {
  const salt = crypto.randomBytes(SALT_BYTES);
  const nonce = crypto.randomBytes(NONCE_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([version, params.logN, params.r, params.p]), salt, nonce]);
  const key = await deriveKey(passphrase, salt, params);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  fs.writeFileSync(outFile, header);
  await encryptInto(cipher, fs.createWriteStream(outFile, { flags: 'a' }));
  fs.appendFileSync(outFile, cipher.getAuthTag());
}

/** Encrypts `plainFile` (a self-contained SQLite file) into `outFile` in format 1, the database only. */
export async function encryptBackupFile(plainFile: string, outFile: string, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  await seal(outFile, passphrase, DATABASE_ONLY_FORMAT_VERSION, params, (cipher, out) => pipeline(fs.createReadStream(plainFile), zlib.createGzip(), cipher, out));
}

/** Encrypts the bytes `body` yields into `outFile` in format 2 (the frames of archiveFrames.ts), streamed. */
export async function encryptArchiveStream(body: () => AsyncIterable<Buffer>, outFile: string, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<void> {
  await seal(outFile, passphrase, ENCRYPTED_FORMAT_VERSION, params, (cipher, out) => pipeline(body, cipher, out));
}

function readAt(file: string, position: number, length: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    fs.readSync(fd, buffer, 0, length, position);
    return buffer;
  } finally {
    fs.closeSync(fd);
  }
}

function capped(limit: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      done(total > limit ? new Error('decrypted backup too large') : null, chunk);
    },
  });
}

interface SealedFile {
  version: number;
  header: Buffer;
  params: ScryptParams;
  size: number;
}

/** Reads and checks an encrypted file's header: refused before any work when it is too short, odd or newer. */
export function readSealedHeader(sealedFile: string, label: string): SealedFile {
  const size = fs.statSync(sealedFile).size;
  const damaged = () => new AppError('VALIDATION', msg('backups.encryptedDamaged', { file: label }), 'uploadId');
  if (size <= HEADER_BYTES + TAG_BYTES) throw damaged();
  const header = readAt(sealedFile, 0, HEADER_BYTES);
  if (!header.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged();
  const version = header[MAGIC.length] ?? 0;
  if (version > ENCRYPTED_FORMAT_VERSION) {
    throw new AppError('VALIDATION', msg('backups.encryptedNewer', { file: label, version }), 'uploadId');
  }
  const params = { logN: header[MAGIC.length + 1] ?? 0, r: header[MAGIC.length + 2] ?? 0, p: header[MAGIC.length + 3] ?? 0 };
  if (version < 1 || params.logN < 10 || params.r < 1 || params.p < 1 || params.p > 4 || scryptMemory(params) > MAX_SCRYPT_MEMORY) throw damaged();
  return { version, header, params, size };
}

/**
 * Decrypts a sealed file's body into `consume`, which must read it to the end. GCM checks the tag only after the
 * last byte, so whatever `consume` wrote is not to be trusted unless this resolves. A wrong passphrase and a damaged
 * file look the same to GCM and get the same clear error (on `passphrase`); a system error (the disk is full) is
 * not the passphrase's fault and reports as itself.
 */
export async function decryptSealedFile(sealedFile: string, sealed: SealedFile, passphrase: string, consume: (plain: AsyncIterable<Buffer>) => Promise<void>): Promise<void> {
  const { header, params, size } = sealed;
  const salt = header.subarray(MAGIC.length + 4, MAGIC.length + 4 + SALT_BYTES);
  const nonce = header.subarray(HEADER_BYTES - NONCE_BYTES, HEADER_BYTES);
  const tag = readAt(sealedFile, size - TAG_BYTES, TAG_BYTES);

  const key = await deriveKey(passphrase, salt, params);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    const body = fs.createReadStream(sealedFile, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 });
    await pipeline(body, decipher, consume);
  } catch (e) {
    if (typeof e === 'object' && e !== null && 'syscall' in e) throw e;
    throw new AppError('VALIDATION', msg('backups.wrongPassphrase'), 'passphrase');
  }
}

/** Gunzips `gzFile` into `outFile`, cut off at MAX_PLAIN_BYTES (a gzip bomb must not fill the disk). */
export async function gunzipFile(gzFile: string, outFile: string): Promise<void> {
  await pipeline(fs.createReadStream(gzFile), zlib.createGunzip(), capped(MAX_PLAIN_BYTES), fs.createWriteStream(outFile));
}

/**
 * Decrypts an encrypted backup of format 1 into `outFile` (the database). `outFile` is removed on any error, so
 * nothing half-decrypted is ever used. `label` names the file in messages.
 */
export async function decryptBackupFile(sealedFile: string, outFile: string, passphrase: string, label: string): Promise<void> {
  const sealed = readSealedHeader(sealedFile, label);
  try {
    await decryptSealedFile(sealedFile, sealed, passphrase, (plain) => pipeline(plain, zlib.createGunzip(), capped(MAX_PLAIN_BYTES), fs.createWriteStream(outFile)));
  } catch (e) {
    fs.rmSync(outFile, { force: true });
    throw e;
  }
}
