// The attachments folder beside the data file: each file is named after the SHA-256 of its bytes
// (<data>-attachments/<first 2 hex>/<sha256>), so the same scan added twice is stored once, and a file never
// changes after it was written. A row of contract_attachments is the reference. Backups keep their own store of the
// same shape in the backups folder, with a manifest per backup naming the files that backup references.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { rawOf, type Db } from './handle.ts';

const STORED_NAME = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;
const MANIFEST_SUFFIX = '.attachments';
/** The backups' own store of attachment files, inside the backups folder. */
const BACKUP_STORE = 'attachments';

/** Each data file gets its own attachments folder, as it gets its own backups folder. */
export function attachmentsDirFor(dbFile: string): string {
  const abs = path.resolve(dbFile);
  return path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-attachments`);
}

export const storedNameOf = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

/** The content key of an attachment's bytes, in the folder and in the attachment_blobs table alike. */
export const sha256Of = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

function storedPath(dir: string, storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error(`not a stored attachment name: ${storedName}`);
  return path.join(dir, ...storedName.split('/'));
}

/** Hard-links `from` to `to` (free on one disk; the files never change), or copies it where a link cannot be made. */
function linkOrCopy(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.${crypto.randomUUID()}.partial`;
  try {
    try {
      fs.linkSync(from, partial);
    } catch {
      fs.copyFileSync(from, partial);
    }
    fs.renameSync(partial, to);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

export interface StoredAttachment {
  sha256: string;
  storedName: string;
  /** The same bytes were stored already (by another attachment, or one removed since). */
  existed: boolean;
}

/** Stores `bytes` under their SHA-256 (written beside and renamed, so a crash never leaves half a file in place). */
export function storeAttachmentBytes(dir: string, bytes: Buffer): StoredAttachment {
  const sha256 = sha256Of(bytes);
  const storedName = storedNameOf(sha256);
  const file = storedPath(dir, storedName);
  if (fs.existsSync(file)) return { sha256, storedName, existed: true };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${crypto.randomUUID()}.partial`;
  try {
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { sha256, storedName, existed: false };
}

/**
 * The bytes of a stored file. A file the live folder lost (removed by a backup's cleanup, then its attachment's
 * remove was undone) is taken back from the backups' store when it is still there; null when it is nowhere.
 */
export function readAttachmentBytes(attachmentsDir: string, backupsDir: string, storedName: string): Buffer | null {
  const live = storedPath(attachmentsDir, storedName);
  if (!fs.existsSync(live)) {
    const kept = storedPath(path.join(backupsDir, BACKUP_STORE), storedName);
    if (!fs.existsSync(kept)) return null;
    linkOrCopy(kept, live);
  }
  return fs.readFileSync(live);
}

/** The stored names of the files in a store (leftover `.partial` files are not stored files). */
function storedNamesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).flatMap((prefix) => {
    const sub = path.join(dir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(sub).isDirectory()) return [];
    return fs
      .readdirSync(sub)
      .map((name) => `${prefix}/${name}`)
      .filter((name) => STORED_NAME.test(name));
  });
}

function referencedNames(raw: BetterSqlite3.Database): Set<string> | null {
  const hasTable = raw.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'contract_attachments'").get();
  if (!hasTable) return null;
  const rows = raw.prepare('SELECT DISTINCT stored_name FROM contract_attachments WHERE deleted_at IS NULL').pluck().all() as string[];
  return new Set(rows);
}

/**
 * Keeps the live attachment files with backup `backupName`: links each into the backups' store and writes the
 * backup's manifest. Then removes the live files no live row references any more (a removed attachment, an add
 * undone): the backup just taken, and its store, keep them for a restore, and reading an attachment whose remove was
 * undone later takes its file back from that store (readAttachmentBytes). An attachment of a deleted contract is a
 * live row: its file stays for the contract's restore.
 */
export function keepAttachmentsWithBackup(raw: BetterSqlite3.Database, backupsDir: string, backupName: string): void {
  if (raw.memory) return;
  const live = attachmentsDirFor(raw.name);
  const names = storedNamesIn(live);
  const store = path.join(backupsDir, BACKUP_STORE);
  for (const name of names) {
    const kept = storedPath(store, name);
    if (!fs.existsSync(kept)) linkOrCopy(storedPath(live, name), kept);
  }
  if (names.length > 0) fs.writeFileSync(path.join(backupsDir, backupName + MANIFEST_SUFFIX), names.join('\n') + '\n');
  const referenced = referencedNames(raw);
  if (!referenced) return;
  for (const name of names) if (!referenced.has(name)) fs.rmSync(storedPath(live, name), { force: true });
}

/** The manifest beside a backup, which the backup's pruning removes with it. */
export const attachmentManifestOf = (backupFile: string) => backupFile + MANIFEST_SUFFIX;

function manifestNames(manifest: string): string[] {
  try {
    return fs
      .readFileSync(manifest, 'utf8')
      .split('\n')
      .filter((name) => STORED_NAME.test(name));
  } catch {
    return [];
  }
}

/** Removes the files of the backups' store that no remaining backup's manifest names. */
export function pruneBackupAttachmentStore(backupsDir: string): void {
  const store = path.join(backupsDir, BACKUP_STORE);
  if (!fs.existsSync(store)) return;
  const kept = new Set<string>();
  for (const f of fs.readdirSync(backupsDir)) {
    if (f.endsWith(MANIFEST_SUFFIX) && fs.existsSync(path.join(backupsDir, f.slice(0, -MANIFEST_SUFFIX.length)))) {
      for (const name of manifestNames(path.join(backupsDir, f))) kept.add(name);
    }
  }
  for (const name of storedNamesIn(store)) if (!kept.has(name)) fs.rmSync(storedPath(store, name), { force: true });
}

/** Puts back the attachment files backup `backupName` references that the live folder lacks; returns how many. */
export function restoreAttachmentsOfBackup(backupsDir: string, backupName: string, dbFile: string): number {
  const store = path.join(backupsDir, BACKUP_STORE);
  const live = attachmentsDirFor(dbFile);
  let restored = 0;
  for (const name of manifestNames(path.join(backupsDir, backupName + MANIFEST_SUFFIX))) {
    const target = storedPath(live, name);
    const kept = storedPath(store, name);
    if (!fs.existsSync(target) && fs.existsSync(kept)) {
      linkOrCopy(kept, target);
      restored++;
    }
  }
  return restored;
}

/** Where the bytes of a stored file are: the live folder, else the backups' store; null when they are nowhere. */
export function attachmentSourceFile(attachmentsDir: string, backupsDir: string, storedName: string): string | null {
  for (const dir of [attachmentsDir, path.join(backupsDir, BACKUP_STORE)]) {
    const file = storedPath(dir, storedName);
    if (fs.existsSync(file)) return file;
  }
  return null;
}

/** The stored names a database file's live attachment rows reference (an export's snapshot), sorted. */
export function attachmentNamesReferencedBy(dbFile: string): string[] {
  const raw = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    return [...(referencedNames(raw) ?? [])].sort();
  } finally {
    raw.close();
  }
}

/** Where a file restored from an encrypted export waits (in a staging folder), by its stored name. */
export const stagedAttachmentPath = (dir: string, storedName: string) => storedPath(dir, storedName);

/** Moves every file of a staging store (`stagedAttachmentPath`) into the live folder of `dbFile`; returns how many it lacked. */
export function placeStagedAttachments(stagedDir: string, dbFile: string): number {
  const live = attachmentsDirFor(dbFile);
  let placed = 0;
  for (const name of storedNamesIn(stagedDir)) {
    const target = storedPath(live, name);
    if (fs.existsSync(target)) continue;
    linkOrCopy(storedPath(stagedDir, name), target);
    placed++;
  }
  return placed;
}

/**
 * After a restore: every file the restored data references that the live folder lacks is taken back from the
 * backups' store where it is there (the safety backup before the restore kept the live files then). Returns how
 * many referenced files are still nowhere: attachments the restored file did not carry.
 */
export function settleRestoredAttachments(db: Db, backupsDir: string): number {
  const raw = rawOf(db);
  const names = referencedNames(raw);
  if (!names || raw.memory) return 0;
  const live = attachmentsDirFor(raw.name);
  const store = path.join(backupsDir, BACKUP_STORE);
  let missing = 0;
  for (const name of names) {
    if (!STORED_NAME.test(name) || fs.existsSync(storedPath(live, name))) continue;
    if (fs.existsSync(storedPath(store, name))) linkOrCopy(storedPath(store, name), storedPath(live, name));
    else missing++;
  }
  return missing;
}

/** A `.partial` older than this was left by a write that crashed; a younger one may be a write running now. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

function removeStalePartials(dir: string, nowMs: number): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const prefix of fs.readdirSync(dir)) {
    const sub = path.join(dir, prefix);
    if (!/^[0-9a-f]{2}$/.test(prefix) || !fs.statSync(sub).isDirectory()) continue;
    for (const name of fs.readdirSync(sub)) {
      if (!name.endsWith('.partial')) continue;
      const mtimeMs = fs.statSync(path.join(sub, name), { throwIfNoEntry: false })?.mtimeMs;
      if (mtimeMs !== undefined && nowMs - mtimeMs > STALE_PARTIAL_MS) {
        fs.rmSync(path.join(sub, name), { force: true });
        removed++;
      }
    }
  }
  return removed;
}

export interface AttachmentSweep {
  partialsRemoved: number;
  unreferencedRemoved: number;
}

/**
 * Start-up housekeeping: removes `.partial` files over an hour old (an add, or a backup's link, that crashed
 * mid-write) from the live folder and the backups' store, and the live files no live row references that the
 * backups' store already keeps: the backup-time rule (keepAttachmentsWithBackup), without taking a backup. A file
 * no backup holds yet stays for the next backup, so an undo of its remove can always find it. File ages are
 * compared with the real clock (`nowMs`), which stamped them.
 */
export function sweepAttachmentLeftovers(db: Db, backupsDir: string, nowMs = Date.now()): AttachmentSweep {
  const raw = rawOf(db);
  if (raw.memory) return { partialsRemoved: 0, unreferencedRemoved: 0 };
  const live = attachmentsDirFor(raw.name);
  const store = path.join(backupsDir, BACKUP_STORE);
  const partialsRemoved = removeStalePartials(live, nowMs) + removeStalePartials(store, nowMs);
  const referenced = referencedNames(raw);
  let unreferencedRemoved = 0;
  if (referenced) {
    for (const name of storedNamesIn(live)) {
      if (referenced.has(name) || !fs.existsSync(storedPath(store, name))) continue;
      fs.rmSync(storedPath(live, name), { force: true });
      unreferencedRemoved++;
    }
  }
  return { partialsRemoved, unreferencedRemoved };
}
