import pg from 'pg';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { POSTGRES_BASELINE_34 } from './postgresBaseline.ts';
import { postgres0035MailReminders, postgres0036FollowUpInteractionsIndex, postgres0037Accounts, postgres0041PinyinMatch, postgres0042AttachmentBlobs, postgres0043DirtyMarksByTransaction } from './postgresTwins.ts';

export interface PostgresMigration {
  /** The SQLite migration number this one is the twin of; equals schema_version.version after it ran. */
  version: number;
  name: string;
  sql: string;
}

/**
 * The PostgreSQL schema history: the baseline equal to SQLite at 34 (postgresBaseline.ts), then one twin per SQLite
 * migration from 35 on, under the same number, appended here in order.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  POSTGRES_BASELINE_34,
  postgres0035MailReminders,
  postgres0036FollowUpInteractionsIndex,
  postgres0037Accounts,
  postgres0041PinyinMatch,
  postgres0042AttachmentBlobs,
  postgres0043DirtyMarksByTransaction,
];

export const LATEST_POSTGRES_SCHEMA_VERSION = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));

// pg_advisory_xact_lock key: any constant the app owns ('RDSK' in ASCII), so every app instance waits on the same lock.
const MIGRATION_LOCK_KEY = 0x5244534b;

export interface ApplyPostgresOptions {
  /** The injected clock: applied_at and the seed rows' stamps. */
  now?: () => Date;
  /** The schema history to apply; tests pass a longer one to exercise upgrades. */
  migrations?: readonly PostgresMigration[];
  /** How the refusal names the database (a URL without its password); the database's own name by default. */
  describe?: string;
}

/**
 * Applies the pending migrations, each in its own transaction. Every transaction first takes a transaction-scoped
 * advisory lock and only then reads the version, so two app instances starting at once apply each migration once:
 * the second waits, then finds nothing pending. A database from a newer app is refused before anything is written.
 */
export async function applyPostgresMigrations(
  client: pg.ClientBase | pg.Pool,
  options: ApplyPostgresOptions = {},
): Promise<{ from: number; to: number }> {
  const connection = client instanceof pg.Pool ? await client.connect() : client;
  try {
    return await migrate(connection, options);
  } finally {
    if (client instanceof pg.Pool) (connection as pg.PoolClient).release();
  }
}

async function migrate(c: pg.ClientBase, options: ApplyPostgresOptions): Promise<{ from: number; to: number }> {
  const migrations = [...(options.migrations ?? POSTGRES_MIGRATIONS)].sort((a, b) => a.version - b.version);
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const now = options.now ?? (() => new Date());
  let from: number | null = null;
  for (;;) {
    await c.query('BEGIN');
    try {
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
      const current = await versionOf(c);
      from ??= current;
      if (current > latest) {
        const file = options.describe ?? (await databaseName(c));
        throw new AppError('DB_NEWER', msg('errors.dbNewer', { file, version: current, latest }));
      }
      const next = migrations.find((m) => m.version > current);
      if (!next) {
        await c.query('COMMIT');
        return { from, to: current };
      }
      const nowIso = now().toISOString();
      await c.query("SELECT set_config('renewal_desk.migration_now', $1, true)", [nowIso]);
      await c.query(next.sql);
      await recordApplied(c, next, nowIso);
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    }
  }
}

/** The version in schema_version, or 0 for an empty database (the table does not exist yet). */
async function versionOf(c: pg.ClientBase): Promise<number> {
  const exists = await c.query<{ t: string | null }>("SELECT to_regclass('schema_version')::text AS t");
  if (exists.rows[0]?.t == null) return 0;
  const r = await c.query<{ version: string }>('SELECT version FROM schema_version');
  return r.rows.length === 0 ? 0 : Number(r.rows[0]!.version);
}

async function databaseName(c: pg.ClientBase): Promise<string> {
  const r = await c.query<{ name: string }>('SELECT current_database() AS name');
  return r.rows[0]?.name ?? '';
}

/**
 * PostgreSQL has no PRAGMA user_version: schema_version is its one-row stand-in. schema_migrations has the same
 * shape as SQLite's (and the same runner-owned life: created by the first migration that records itself).
 */
async function recordApplied(c: pg.ClientBase, m: PostgresMigration, nowIso: string): Promise<void> {
  await c.query(`
    CREATE TABLE IF NOT EXISTS schema_version (
      one boolean PRIMARY KEY DEFAULT true CHECK (one),
      version bigint NOT NULL
    );
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version bigint PRIMARY KEY,
      name text COLLATE "C" NOT NULL,
      applied_at text COLLATE "C" NOT NULL
    )`);
  await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, nowIso]);
  await c.query(
    'INSERT INTO schema_version (one, version) VALUES (true, $1) ON CONFLICT (one) DO UPDATE SET version = excluded.version',
    [m.version],
  );
}
