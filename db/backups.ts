// Backup files: taking them (SQLite's online backup API), listing and pruning them, and checking and swapping in a
// copy for a restore. Every backup is self-contained (journal_mode DELETE), so opening one later creates no -wal
// or -shm beside it; a restore never opens the backup itself, only a private copy in the staging folder.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { AppError } from '../shared/api/appError.ts';
import { BACKUP_NAME_RE, parseBackupName } from '../shared/domain/backupName.ts';
import { msg } from '../shared/i18n/message.ts';
import { attachmentManifestOf, keepAttachmentsWithBackup, pruneBackupAttachmentStore } from './attachmentStore.ts';
import { backupsToPrune } from './backupRetention.ts';
import { crashHooksOfConnection, NO_CRASH_HOOKS, type CrashHooks } from './crashHooks.ts';
import { rawOf, type Db } from './handle.ts';
import { newId } from './newId.ts';
import { dumpPostgresArchive } from './postgresDump.ts';
import { LATEST_SCHEMA_VERSION } from './migrations/allMigrations.ts';
import { schemaVersionOf } from './migrate.ts';
import type BetterSqlite3 from 'better-sqlite3';

export interface BackupInfo {
  /** The file's name in the backups folder: what the list shows and a restore names. */
  name: string;
  /** Why it was taken: manual, auto, pre-import, pre-restore, pre-migrate-v9, … */
  reason: string;
  sizeBytes: number;
  /** When it was taken (from its name, which the clock that took it stamped), as an ISO instant. */
  createdAt: string;
}

const NAME = BACKUP_NAME_RE;
const SIDECARS = ['-wal', '-shm', '-journal'] as const;
// A backup's files: SQLite's sidecars and the manifest of the attachment files it references (attachmentStore.ts).
const BACKUP_SIDECARS = [...SIDECARS, attachmentManifestOf('')] as const;
// A .partial left by a crash mid-backup; younger ones may be a backup running now.
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Each data file gets its own folder, so two databases side by side never list each other's backups. */
export function backupsDirFor(dbFile: string): string {
  const abs = path.resolve(dbFile);
  return path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-backups`);
}

function backupName(now: Date, reason: string, extension = 'db'): string {
  return `renewal-desk-${format(now, 'yyyyMMdd-HHmmss-SSS')}-${reason}.${extension}`;
}

/** Removes a database file and whatever SQLite may have left beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, ...BACKUP_SIDECARS.map((s) => file + s)]) fs.rmSync(f, { force: true });
}

/**
 * Marks a fresh copy as a rollback-journal database: the backup API copies page 1 as it is, with the WAL flag of the
 * live file, and a WAL-mode file grows -wal/-shm wherever it is opened, even read-only. Bytes 18 and 19 of the
 * header are the file format's write and read versions, 2 for WAL and 1 for rollback
 * (https://www.sqlite.org/fileformat2.html#file_format_version_numbers); the copy has no WAL content, so this is
 * all that `PRAGMA journal_mode = DELETE` would change, at a third of its cost (it opens, checkpoints and syncs).
 */
function makeSelfContained(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const header = Buffer.alloc(20);
    fs.readSync(fd, header, 0, 20, 0);
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') throw new Error(`not a database: ${file}`);
    if (header[18] === 2 && header[19] === 2) {
      fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
      fs.fsyncSync(fd);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** A consistent, self-contained copy of the open database at `target`, safe while the app keeps writing. */
export async function snapshotConnection(raw: BetterSqlite3.Database, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await raw.backup(partial);
    makeSelfContained(partial);
    crashHooksOfConnection(raw).reached('backup:before-rename');
    fs.renameSync(partial, target);
  } finally {
    removeDatabaseFiles(partial);
  }
}

/** A self-contained copy of the archive for an export (the encrypted backup). */
export function snapshotDatabase(db: Db, target: string): Promise<void> {
  return snapshotConnection(rawOf(db), target);
}

/** Takes a backup into `dir` (named after `now` and `reason`), then prunes the folder by the retention policy. */
export async function backupConnection(raw: BetterSqlite3.Database, dir: string, now: Date, reason: string): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let name = backupName(now, reason);
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = backupName(now, `${reason}-${i}`);
  await snapshotConnection(raw, path.join(dir, name));
  keepAttachmentsWithBackup(raw, dir, name);
  pruneBackups(dir, now, name);
  return backupInfo(dir, name);
}

/**
 * A team archive's backup: pg_dump of its PostgreSQL database into `dir` (a .pgdump file, custom format, which
 * pg_restore reads), then the folder is pruned by the same retention policy as the file backups.
 */
export async function backupPostgresArchive(db: Db, dir: string, now: Date, reason: string): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let name = backupName(now, reason, 'pgdump');
  for (let i = 1; fs.existsSync(path.join(dir, name)); i++) name = backupName(now, `${reason}-${i}`, 'pgdump');
  await dumpPostgresArchive(db, path.join(dir, name));
  pruneBackups(dir, now, name);
  return backupInfo(dir, name);
}

/** A wall-clock stamp (`YYYY-MM-DDTHH:mm:ss.SSS`) as the instant it names on this machine. */
function localInstant(takenAt: string): string {
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0, s = 0, ms = 0] = takenAt.split(/[-T:.]/).map(Number);
  return new Date(y, mo - 1, d, h, mi, s, ms).toISOString();
}

function backupInfo(dir: string, name: string): BackupInfo {
  const parsed = parseBackupName(name);
  if (!parsed) throw new Error(`not a backup name: ${name}`);
  return { name, reason: parsed.reason, sizeBytes: fs.statSync(path.join(dir, name)).size, createdAt: localInstant(parsed.takenAt) };
}

/** The folder's backups, newest first. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort((a, b) => (parseBackupName(b)?.takenAt ?? '').localeCompare(parseBackupName(a)?.takenAt ?? '') || b.localeCompare(a))
    .flatMap((f) => {
      // Reads run beside writes: a backup the writer prunes between the listing and the stat is just gone.
      try {
        return [backupInfo(dir, f)];
      } catch (e) {
        if ((e as { code?: string }).code === 'ENOENT') return [];
        throw e;
      }
    });
}

/**
 * Deletes what the retention policy lets go, with anything SQLite left beside it, and the leftovers of earlier
 * versions: -wal/-shm beside a backup that is gone, and .partial files of backups that never finished. Then the
 * attachment files no remaining backup references leave the backups' store.
 */
export function pruneBackups(dir: string, now: Date, justTaken?: string): void {
  if (!fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir);
  const stamps = files.flatMap((name) => {
    const parsed = parseBackupName(name);
    return parsed ? [{ name, takenAt: parsed.takenAt }] : [];
  });
  for (const stale of backupsToPrune(stamps, format(now, "yyyy-MM-dd'T'HH:mm:ss.SSS"))) {
    // The backup just taken is never its own prune's victim (a clock that went back can make it look old).
    if (stale.name !== justTaken) removeDatabaseFiles(path.join(dir, stale.name));
  }
  for (const name of files) {
    const file = path.join(dir, name);
    const main = BACKUP_SIDECARS.reduce((f, s) => (f.endsWith(s) ? f.slice(0, -s.length) : f), name);
    const orphan = main !== name && NAME.test(main) && !fs.existsSync(path.join(dir, main));
    // File ages are compared with the real clock: they are stamped by it, not by the app's.
    const mtimeMs = name.endsWith('.partial') ? fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs : undefined;
    const abandoned = mtimeMs !== undefined && Date.now() - mtimeMs > STALE_PARTIAL_MS;
    if (orphan || abandoned) fs.rmSync(file, { force: true });
  }
  pruneBackupAttachmentStore(dir);
}

/** Deletes one backup the app just took, when the action it guarded changed nothing after all. */
export function removeBackup(dir: string, name: string): void {
  if (NAME.test(name)) removeDatabaseFiles(path.join(dir, name));
}

/**
 * The path of a backup named as the list names it. Anything else (a path, `..`, a name not in the folder) is
 * refused on `field`, and the path is checked to resolve inside `dir`.
 */
export function backupFileByName(dir: string, name: string, field = 'name'): string {
  const root = path.resolve(dir);
  const file = path.resolve(root, name);
  if (!NAME.test(name) || path.dirname(file) !== root || !fs.statSync(file, { throwIfNoEntry: false })?.isFile()) {
    throw new AppError('NOT_FOUND', msg('backups.notInList', { name }), field);
  }
  return file;
}

/** A fresh path in the staging folder for a restore's private copy. */
export function restoreCandidatePath(stagingDir: string): string {
  fs.mkdirSync(stagingDir, { recursive: true });
  return path.join(stagingDir, `restore-${newId()}.db`);
}

/**
 * Checks a restore's private copy before it may replace the live data: a readable SQLite database of this app,
 * whose integrity check passes, from this version or an older one. It is made self-contained on the way (a
 * WAL-mode file from an older version or another machine). `label` names it in messages, `field` is blamed.
 */
export function verifyRestoreCandidate(file: string, label: string, field: string): void {
  let probe: BetterSqlite3.Database | null = null;
  try {
    probe = new Database(file, { fileMustExist: true });
    const version = schemaVersionOf(probe);
    // Checked before the live file is touched: a newer backup would otherwise be refused only after the swap.
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError('DB_NEWER', msg('errors.dbNewer', { file: label, version, latest: LATEST_SCHEMA_VERSION }), field);
    }
    probe.pragma('journal_mode = DELETE');
    const result = probe.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new AppError('DB_CORRUPT', msg('errors.backupCorrupt', { detail: String(result) }), field);
    const hasCustomers = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customers'").get();
    if (!hasCustomers) throw new AppError('VALIDATION', msg('errors.backupForeign', { file: label }), field);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', msg('errors.backupInvalid', { file: label }), field);
  } finally {
    probe?.close();
  }
}

/**
 * Puts a checked copy in the data file's place. The live connection must be closed first; its -wal and -shm
 * are removed so nothing stale replays over the new file. A crash in between leaves the safety backup.
 */
export function replaceDataFile(candidate: string, dbFile: string, hooks: CrashHooks = NO_CRASH_HOOKS): void {
  hooks.reached('restore:staged');
  for (const suffix of SIDECARS) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(candidate, dbFile);
  hooks.reached('restore:swapped');
  // Left by a restore of an earlier version that was interrupted.
  fs.rmSync(`${dbFile}.restoring`, { force: true });
}
