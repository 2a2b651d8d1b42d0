import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { backupsDirFor } from './backups.ts';
import { makeDb } from './handle.ts';
import { assertNotNewer, schemaVersionOf } from './migrate.ts';
import type { OpenedDatabase } from './openDatabase.ts';
import type { Database as Schema } from './schema.ts';
import { registerPinyinMatch } from './repositories/pinyinReadings.ts';
import { ImmediateSqliteDialect } from './sqliteDialect.ts';

export interface ReadOnlyOpenOptions {
  file: string;
  nativeBinding?: string;
  backupsDir?: string;
  busyTimeoutMs?: number;
  /** What the writer found at open (quick_check), reported by reads such as system:info. */
  integrity?: string;
}

/**
 * A second, read-only connection to an archive the writer has already opened and migrated. In WAL mode it reads
 * the last committed state while a long import holds the write transaction, so reads answer at once; any write
 * through it fails with SQLITE_READONLY instead of taking a lock.
 */
export function openReadOnlyDatabase(options: ReadOnlyOpenOptions): OpenedDatabase {
  const file = path.resolve(options.file);
  const raw = new Database(file, {
    readonly: true,
    fileMustExist: true,
    timeout: options.busyTimeoutMs ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  registerPinyinMatch(raw);
  try {
    assertNotNewer(raw, file);
    raw.pragma(`busy_timeout = ${Number(options.busyTimeoutMs ?? 5000)}`);
    // The same page cache as the writer's: the customer list at 100k customers re-reads pages at 16 MB.
    raw.pragma('cache_size = -65536');
    // A sort that outgrows memory goes to the temporary folder the writer set for the process (openDatabase).
  } catch (e) {
    raw.close();
    throw e;
  }
  const kysely = new Kysely<Schema>({ dialect: new ImmediateSqliteDialect({ database: raw }) });
  return {
    db: makeDb(file, { kysely, raw }),
    file,
    backupsDir: options.backupsDir ?? backupsDirFor(file),
    schemaVersion: schemaVersionOf(raw),
    integrity: options.integrity ?? 'ok',
    migratedFrom: schemaVersionOf(raw),
    async close() {
      await kysely.destroy();
      if (raw.open) raw.close();
    },
  };
}
