import type pg from 'pg';

/**
 * Moves every identity column's sequence past the largest id in its table. Rows copied in with their ids (an
 * archive copied from SQLite: search_scopes.id is SQLite's rowid) leave the sequence at 1, and the next insert would
 * collide: the first customer in a new owner/tier/archived scope would fail on search_scopes' primary key. Call it
 * after any bulk copy that writes explicit ids. Returns the tables and the next id of each.
 */
export async function syncIdentitySequences(client: pg.ClientBase | pg.Pool): Promise<Record<string, number>> {
  const columns = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`,
  );
  const next: Record<string, number> = {};
  for (const { table_name: table, column_name: column } of columns.rows) {
    // Identifiers cannot be bound parameters: these come from the catalogue and are quoted.
    const col = `"${column.replaceAll('"', '""')}"`;
    const tbl = `"${table.replaceAll('"', '""')}"`;
    const r = await client.query<{ next: string | number }>(
      `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max(${col}), 0) + 1 FROM ${tbl}), false) AS next`,
      [tbl, column],
    );
    next[table] = Number(r.rows[0]!.next);
  }
  return next;
}
