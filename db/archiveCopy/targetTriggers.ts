import { sql } from 'kysely';
import { AppError } from '../../shared/api/appError.ts';
import { msg } from '../../shared/i18n/message.ts';
import { engineOf, q, type Tx } from '../handle.ts';

/**
 * The copy writes derived tables (report_terms, dirty marks, scoped bigrams, search rows) as data, so the target's
 * triggers must not derive them a second time while the base rows go in. Returns what restores them; all of it
 * runs inside the copy's one transaction, so a failed copy leaves the target as it was, triggers and all.
 *
 * PostgreSQL: session_replication_role = replica silences user triggers and foreign-key checks for this transaction
 * (SET LOCAL); it needs a superuser, or `GRANT SET ON PARAMETER session_replication_role TO <role>` (PostgreSQL 15+).
 * SQLite has no switch: the triggers are dropped and re-created from their own SQL in sqlite_master, and
 * foreign keys are checked at commit (defer_foreign_keys), after every table is in.
 */
export async function silenceTriggers(tx: Tx): Promise<() => Promise<void>> {
  if (engineOf(tx) === 'postgres') {
    try {
      await sql`SET LOCAL session_replication_role = replica`.execute(q(tx));
    } catch (e) {
      throw new AppError('VALIDATION', msg('migrateTo.replicationRoleDenied', { detail: (e as Error).message }));
    }
    return async () => {};
  }
  await sql`PRAGMA defer_foreign_keys = ON`.execute(q(tx));
  const triggers = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(q(tx));
  for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(q(tx));
  return async () => {
    // The schema's own DDL, read back from sqlite_master a moment ago: no value of ours goes into it.
    for (const t of triggers.rows) await sql.raw(t.sql).execute(q(tx));
  };
}
