import type BetterSqlite3 from 'better-sqlite3';
import { crashHooksOfConnection } from './crashHooks.ts';
import { AppError } from '../shared/api/appError.ts';
import { msg } from '../shared/i18n/message.ts';
import { ALL_MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations/allMigrations.ts';
import type { MigrationDefinition } from './migrations/migrationDefinition.ts';

export function schemaVersionOf(raw: BetterSqlite3.Database): number {
  return Number(raw.pragma('user_version', { simple: true }));
}

/** Refuses a database written by a newer app before anything is written to it. */
export function assertNotNewer(raw: BetterSqlite3.Database, file: string, latest = LATEST_SCHEMA_VERSION): number {
  const version = schemaVersionOf(raw);
  if (version > latest) {
    throw new AppError('DB_NEWER', msg('errors.dbNewer', { file, version, latest }));
  }
  return version;
}

export function pendingMigrations(current: number, all: readonly MigrationDefinition[] = ALL_MIGRATIONS): MigrationDefinition[] {
  return all.filter((m) => m.version > current);
}

/**
 * Runs each pending migration in its own transaction; a failure rolls that one back and stops. A migration that
 * rebuilds tables runs with foreign keys off (see MigrationDefinition.rebuildsTables) and commits only when
 * PRAGMA foreign_key_check finds nothing; the connection's previous setting is restored either way.
 */
export function applyMigrations(raw: BetterSqlite3.Database, migrations: readonly MigrationDefinition[], nowIso: string): void {
  const hooks = crashHooksOfConnection(raw);
  for (const m of migrations) {
    const run = raw.transaction(() => {
      raw.exec(m.sql);
      if (m.rebuildsTables) assertNoForeignKeyViolations(raw, m);
      raw.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, nowIso);
      raw.pragma(`user_version = ${Number(m.version)}`);
      hooks.reached('before-commit');
    });
    if (!m.rebuildsTables) {
      run.immediate();
      hooks.reached('after-commit');
      continue;
    }
    const foreignKeysWereOn = Number(raw.pragma('foreign_keys', { simple: true })) === 1;
    raw.pragma('foreign_keys = OFF');
    try {
      run.immediate();
    } finally {
      if (foreignKeysWereOn) raw.pragma('foreign_keys = ON');
    }
    hooks.reached('after-commit');
  }
}

function assertNoForeignKeyViolations(raw: BetterSqlite3.Database, m: MigrationDefinition): void {
  const violations = raw.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string; fkid: number }[];
  if (violations.length === 0) return;
  const sample = violations
    .slice(0, 5)
    .map((v) => `${v.table}(rowid ${v.rowid ?? '?'}) → ${v.parent}`)
    .join('; ');
  throw new Error(`migration ${m.version} (${m.name}) would leave ${violations.length} broken foreign key reference(s): ${sample}`);
}
