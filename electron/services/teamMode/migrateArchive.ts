import fs from 'node:fs';
import { ArchiveCopyMismatch, copyArchive, type TableCopyReport } from '../../../db/archiveCopy/copyArchive.ts';
import { attachmentsDirFor } from '../../../db/attachmentStore.ts';
import type { Db } from '../../../db/handle.ts';
import { openDatabase } from '../../../db/openDatabase.ts';
import { openPostgres } from '../../../db/postgres/openPostgres.ts';
import { AppError } from '../../../shared/api/appError.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { ownerFileFor, processAlive, readOwnerFile } from '../backend/ownerFile.ts';
import { describeLocation, type DbLocation } from '../dataLocation.ts';

export type { TableCopyReport };

export interface MigrateArchiveResult {
  /** False when a table read back differently: the copy was rolled back and the target holds none of it. */
  ok: boolean;
  /** Both named as messages may show them: a PostgreSQL URL without its password. */
  source: string;
  target: string;
  tables: TableCopyReport[];
}

interface OpenArchive {
  db: Db;
  close(): Promise<void>;
}

/** The source: an SQLite file must exist and not be open in the desktop app or the web host (they own it). */
async function openSource(location: DbLocation, now: () => Date): Promise<OpenArchive> {
  if (location.engine === 'postgres') return openPostgres({ url: location.url, now });
  if (!fs.existsSync(location.file)) throw new AppError('NOT_FOUND', msg('migrateTo.sourceMissing', { file: location.file }));
  const owner = readOwnerFile(ownerFileFor(location.file))?.record;
  if (owner && owner.pid !== process.pid && processAlive(owner.pid)) throw new AppError('CONFLICT', msg('migrateTo.sourceInUse', { pid: owner.pid }));
  return openDatabase({ file: location.file, now });
}

/** SQLite's files for an archive path, removed when a copy into a file this run created fails. */
const sqliteFiles = (file: string) => [file, `${file}-wal`, `${file}-shm`];

/**
 * Moves an archive between the engines (`renewal-desk migrate-to`): SQLite → an empty PostgreSQL database, or
 * PostgreSQL → a new SQLite file, attachments' bytes included (table ↔ folder). The copy and its verification are db/archiveCopy/copyArchive.ts; this opens both
 * ends, refuses what it must before either is written, and leaves no half-made SQLite file behind on failure.
 */
export async function migrateArchive(source: DbLocation, target: DbLocation, options: { now?: () => Date; batchSize?: number } = {}): Promise<MigrateArchiveResult> {
  const now = options.now ?? (() => new Date());
  if (source.engine === target.engine) throw new AppError('VALIDATION', msg('migrateTo.sameEngine', { engine: source.engine === 'postgres' ? 'PostgreSQL' : 'SQLite' }), 'target');
  if (target.engine === 'sqlite' && fs.existsSync(target.file)) throw new AppError('CONFLICT', msg('migrateTo.targetFileExists', { file: target.file }), 'target');
  // The new file's attachments folder gets the team archive's bytes: removed with the file when the copy fails.
  const newFolder = target.engine === 'sqlite' && !fs.existsSync(attachmentsDirFor(target.file)) ? attachmentsDirFor(target.file) : null;
  const from = await openSource(source, now);
  let created = false;
  try {
    const to = target.engine === 'postgres' ? await openPostgres({ url: target.url, now }) : await openDatabase({ file: target.file, now });
    created = target.engine === 'sqlite';
    try {
      const named = { source: describeLocation(source), target: describeLocation(target) };
      try {
        const tables = await copyArchive(from.db, to.db, options.batchSize === undefined ? {} : { batchSize: options.batchSize });
        created = false;
        return { ok: true, ...named, tables };
      } catch (e) {
        if (e instanceof ArchiveCopyMismatch) return { ok: false, ...named, tables: [...e.tables] };
        throw e;
      }
    } finally {
      await to.close();
    }
  } finally {
    await from.close();
    if (created && target.engine === 'sqlite') {
      for (const f of sqliteFiles(target.file)) fs.rmSync(f, { force: true });
      if (newFolder) fs.rmSync(newFolder, { recursive: true, force: true });
    }
  }
}
