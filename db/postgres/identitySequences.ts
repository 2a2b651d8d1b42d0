import { sql } from 'kysely';
import { engineOf, q, type Executor } from '../handle.ts';

/**
 * Moves every identity (or serial) column's sequence past the largest id in its table. Rows copied in with their ids
 * (an archive copied from SQLite: search_scopes.id is SQLite's rowid) leave the sequence at 1, and the next insert
 * would collide: the first customer in a new owner/tier/archived scope would fail on search_scopes' primary key.
 * Call it after any bulk copy that writes explicit ids; nothing to do on SQLite, whose rowid aliases follow max(id).
 * Returns the tables and the next id of each.
 */
export async function advanceIdentitySequences(x: Executor): Promise<Record<string, number>> {
  const next: Record<string, number> = {};
  if (engineOf(x) !== 'postgres') return next;
  const identities = await sql<{ table_name: string; column_name: string; sequence: string }>`
    SELECT table_name, column_name, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
    FROM information_schema.columns
    WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
    ORDER BY table_name`.execute(q(x));
  for (const c of identities.rows) {
    const highest = sql`(SELECT coalesce(max(${sql.ref(c.column_name)}), 0) FROM ${sql.table(c.table_name)})`;
    const set = await sql<{ next: number }>`SELECT setval(${c.sequence}::regclass, ${highest} + 1, false) AS next`.execute(q(x));
    next[c.table_name] = Number(set.rows[0]!.next);
  }
  return next;
}
