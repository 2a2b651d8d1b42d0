import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { format } from 'date-fns';
import { AppError } from '../shared/api/appError.ts';
import { msg } from '../shared/i18n/message.ts';
import { backupsToPrune } from './backupRetention.ts';
import { assertNotNewer } from './migrate.ts';
import type BetterSqlite3 from 'better-sqlite3';

export const DEFAULT_BACKUPS_KEPT = 10;
const BACKUP_RE = /^renewal-desk-(\d{8}-\d{6}-\d{3})(?:-[a-z0-9-]+)?\.db$/;

export interface BackupInfo {
  file: string;
  sizeBytes: number;
  createdAt: string;
}

/** Each data file gets its own folder, so two databases side by side never list each other's backups. */
export function backupsDirFor(dbFile: string): string {
  const abs = path.resolve(dbFile);
  return path.join(path.dirname(abs), `${path.basename(abs, path.extname(abs))}-backups`);
}

function backupName(now: Date, reason: string): string {
  return `renewal-desk-${format(now, 'yyyyMMdd-HHmmss-SSS')}-${reason}.db`;
}

/** An online, consistent copy through SQLite's backup API; safe while the app keeps writing. */
export async function backupConnection(
  raw: BetterSqlite3.Database,
  dir: string,
  now: Date,
  reason: string,
  keep = DEFAULT_BACKUPS_KEPT,
): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let target = path.join(dir, backupName(now, reason));
  for (let i = 1; fs.existsSync(target); i++) target = path.join(dir, backupName(now, `${reason}-${i}`));
  const partial = `${target}.partial`;
  await raw.backup(partial);
  fs.renameSync(partial, target);
  pruneBackups(dir, keep);
  return describe(target);
}

function describe(file: string): BackupInfo {
  const st = fs.statSync(file);
  return { file, sizeBytes: st.size, createdAt: st.mtime.toISOString() };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => BACKUP_RE.test(f))
    .map((f) => describe(path.join(dir, f)))
    .sort((a, b) => b.file.localeCompare(a.file));
}

export function pruneBackups(dir: string, keep: number): void {
  const entries = listBackups(dir).map((b) => ({ file: b.file, createdAt: path.basename(b.file) }));
  for (const stale of backupsToPrune(entries, keep)) fs.rmSync(stale.file, { force: true });
}

/** Checks that a file is a readable SQLite database whose integrity is ok, before it replaces live data. */
export function verifyBackupFile(file: string): void {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', msg('errors.backupMissing', { file }), 'file');
  let probe: BetterSqlite3.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const result = probe.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new AppError('DB_CORRUPT', msg('errors.backupCorrupt', { detail: String(result) }), 'file');
    // Checked before the live file is touched: a newer backup would otherwise be refused only after the swap.
    assertNotNewer(probe, file);
    const hasCustomers = probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'customers'").get();
    if (!hasCustomers) throw new AppError('VALIDATION', msg('errors.backupForeign', { file: path.basename(file) }), 'file');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', msg('errors.backupInvalid', { file: path.basename(file) }), 'file');
  } finally {
    probe?.close();
  }
}

/**
 * Replaces the database file with a backup, through the backup API so the result is a clean, complete file.
 * The live connection must be closed first; its -wal and -shm files are removed so nothing stale replays.
 */
export async function restoreFileFromBackup(backupFile: string, dbFile: string): Promise<void> {
  verifyBackupFile(backupFile);
  const staging = `${dbFile}.restoring`;
  fs.rmSync(staging, { force: true });
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(staging, dbFile);
}
