import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import { AppError } from '../shared/api/appError.ts';
import { msg } from '../shared/i18n/message.ts';
import { copyArchive } from './archiveCopy/copyArchive.ts';
import { attachmentsDirFor } from './attachmentStore.ts';
import { backupConnection, backupPostgresArchive, backupsDirFor, removeDatabaseFiles, snapshotDatabase } from './backups.ts';
import { attachCrashHooks, type CrashHooks } from './crashHooks.ts';
import { engineOf, makeDb, rawOf, type Db } from './handle.ts';
import { assertNotNewer, applyMigrations, pendingMigrations, schemaVersionOf } from './migrate.ts';
import { ALL_MIGRATIONS } from './migrations/allMigrations.ts';
import type { MigrationDefinition } from './migrations/migrationDefinition.ts';
import { fillMissingNameSortKeys } from './repositories/customerNameSortKeys.ts';
import { rebuildSearchIndexOn } from './repositories/customerSearchIndex.ts';
import { fillMissingPinyinReadings, registerPinyinMatch } from './repositories/pinyinReadings.ts';
import type { Database as Schema } from './schema.ts';
import { ImmediateSqliteDialect } from './sqliteDialect.ts';

export interface OpenOptions {
  file: string;
  now?: () => Date;
  /** Path of a better-sqlite3 addon built for another ABI (Electron); Node uses the package's own build. */
  nativeBinding?: string;
  backupsDir?: string;
  busyTimeoutMs?: number;
  /**
   * Where SQLite puts statement journals, sorts and temporary tables that outgrow memory (an import's search-index
   * stage is hundreds of MB at a million rows). Without it they go to /var/tmp, customer rows and all.
   */
  tempDirectory?: string;
  /** The schema history to apply; tests pass a longer one to exercise upgrades. */
  migrations?: readonly MigrationDefinition[];
  /** Points where the torture suite kills the process (db/crashHooks.ts); production passes none. */
  crashHooks?: CrashHooks;
}

export interface OpenedDatabase {
  db: Db;
  file: string;
  backupsDir: string;
  schemaVersion: number;
  /** Result of PRAGMA quick_check at open: 'ok', or what SQLite reported. */
  integrity: string;
  migratedFrom: number;
  close(): Promise<void>;
}

/**
 * Opens (creating if needed) and migrates the database. Order matters: the version check comes before any
 * PRAGMA that writes, so a database from a newer app is left byte-for-byte untouched.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const file = path.resolve(options.file);
  const now = options.now ?? (() => new Date());
  const backupsDir = options.backupsDir ?? backupsDirFor(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (!assertOpensAsArchive(file, backupsDir)) createEmptyArchive(file, driverOptions);

  const raw = new Database(file, { timeout: options.busyTimeoutMs ?? 5000, ...driverOptions });
  registerPinyinMatch(raw);
  if (options.crashHooks) attachCrashHooks(raw, options.crashHooks);
  let migratedFrom = 0;
  let integrity = 'ok';
  try {
    const migrations = options.migrations ?? ALL_MIGRATIONS;
    // The highest version, not the count: a branch may hold a gap in the numbering until its siblings are merged.
    migratedFrom = assertNotNewer(raw, file, Math.max(0, ...migrations.map((m) => m.version)));
    integrity = String(raw.pragma('quick_check', { simple: true }));
    if (integrity !== 'ok') {
      throw new AppError('DB_CORRUPT', msg('errors.dbCorrupt', { detail: integrity }));
    }
    raw.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power cut can lose the last commit.
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma(`busy_timeout = ${Number(options.busyTimeoutMs ?? 5000)}`);
    // 64 MB of page cache: the customer list at 100k customers spent ~20% of its time re-reading pages at 16 MB.
    raw.pragma('cache_size = -65536');
    if (options.tempDirectory) useTempDirectory(raw, options.tempDirectory);

    const pending = pendingMigrations(migratedFrom, migrations);
    if (pending.length > 0 && migratedFrom > 0) {
      await backupConnection(raw, backupsDir, now(), `pre-migrate-v${migratedFrom}`);
    }
    applyMigrations(raw, pending, now().toISOString());
    // Stored keys SQL cannot compute: filled after the migrations that add them (a no-op once filled).
    await fillMissingNameSortKeys(raw);
    await fillMissingPinyinReadings(raw, (r) => rebuildSearchIndexOn(r).customers);
  } catch (e) {
    raw.close();
    throw asCorruption(e, file);
  }

  const kysely = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  const db = makeDb(file, { kysely, raw });
  return {
    db,
    file,
    backupsDir,
    schemaVersion: schemaVersionOf(raw),
    integrity,
    migratedFrom,
    async close() {
      await kysely.destroy();
      // Kysely only closes a connection it has used; an idle one would keep its WAL un-checkpointed.
      if (raw.open) raw.close();
    },
  };
}

/**
 * Points SQLite's temporary files at `dir` (the archive's staging folder): on disk, so a million-row import does not
 * hold its search-index stage in memory, and in the archive's own folders (the handler fuzz's escape check). The
 * setting is the process's, not the connection's, so only the writer sets it, when it opens: the backend's reader
 * opens after it and follows it. A pragma takes no bound parameter, hence the quoting.
 */
function useTempDirectory(raw: BetterSqlite3.Database, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  raw.pragma(`temp_store_directory = '${dir.replaceAll("'", "''")}'`);
}

/** A backup of the archive into `dir`: SQLite's online backup of the file, or pg_dump of a PostgreSQL archive. */
export async function backupDatabase(db: Db, dir: string, now: Date, reason = 'manual') {
  if (engineOf(db) === 'postgres') return backupPostgresArchive(db, dir, now, reason);
  return backupConnection(rawOf(db), dir, now, reason);
}

/**
 * A self-contained SQLite copy of the archive at `target` (the encrypted export's database): the online backup of an
 * SQLite archive, or a team archive copied table by table into a new file and verified (row counts and a content
 * hash per table, as migrate-to does), so the export restores into a desktop archive either way.
 */
export async function snapshotArchive(db: Db, target: string, now: () => Date): Promise<void> {
  if (engineOf(db) !== 'postgres') return snapshotDatabase(db, target);
  const partial = `${target}.partial`;
  const folder = attachmentsDirFor(target);
  const folderIsNew = !fs.existsSync(folder);
  try {
    const copy = await openDatabase({ file: partial, now, backupsDir: path.join(path.dirname(target), 'snapshot-backups') });
    try {
      // The attachments' bytes land beside the file's final name, as an SQLite archive keeps them.
      await copyArchive(db, copy.db, { attachments: { targetDir: folder } });
    } finally {
      await copy.close();
    }
    // Closed cleanly, the copy's WAL is checkpointed into the file: it opens alone, as a file backup does.
    const flip = new Database(partial);
    try {
      flip.pragma('journal_mode = DELETE');
    } finally {
      flip.close();
    }
    fs.renameSync(partial, target);
  } catch (e) {
    if (folderIsNew) fs.rmSync(folder, { recursive: true, force: true });
    throw e;
  } finally {
    removeDatabaseFiles(partial);
  }
}

/**
 * True for a team archive on a PostgreSQL server: its server's dumps back it up, and a risky operation there is one
 * transaction (undoable), so the services take no file copy before one.
 */
export function archiveIsOnServer(db: Db): boolean {
  return engineOf(db) === 'postgres';
}

/** Statements and settings the connection runs with, for benchmarks and diagnostics. */
export function connectionPragmas(db: Db): Record<string, unknown> {
  const raw = rawOf(db);
  return Object.fromEntries(
    ['journal_mode', 'synchronous', 'foreign_keys', 'busy_timeout', 'cache_size', 'page_size'].map((p) => [
      p,
      raw.pragma(p, { simple: true }),
    ]),
  );
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * An existing file must already be an SQLite database. SQLite itself would open a 0-byte file (a copy cut
 * short, a failed sync) as a new, empty database and a migration would then fill it, hiding the loss; a file
 * of any other kind would only fail later, after a backup of it. Both are refused here, read-only. Returns
 * false when there is no file yet.
 */
function assertOpensAsArchive(file: string, backupsDir: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return false;
    throw e;
  }
  try {
    if (fs.fstatSync(fd).size === 0) throw new AppError('DB_CORRUPT', msg('inputLimits.dbEmptyFile', { file, backupsDir }));
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = fs.readSync(fd, head, 0, head.length, 0);
    if (read < head.length || !head.equals(SQLITE_HEADER)) throw new AppError('DB_CORRUPT', msg('inputLimits.dbNotSqlite', { file, backupsDir }));
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/**
 * A new archive gets its SQLite header under a temporary name and only then its own name, so a start that
 * dies before the first write never leaves a 0-byte archive behind (which the next start would refuse).
 */
function createEmptyArchive(file: string, driverOptions: { nativeBinding?: string }): void {
  const staging = `${file}.${process.pid}.new`;
  fs.rmSync(staging, { force: true });
  const fresh = new Database(staging, driverOptions);
  try {
    fresh.pragma('journal_mode = WAL');
  } finally {
    fresh.close();
  }
  fs.renameSync(staging, file);
}

function asCorruption(e: unknown, file: string): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('DB_CORRUPT', msg('errors.dbUnreadable', { file }));
  }
  return e;
}
